import type { AuditEntry } from '../administration.ts';
import type { AuditLog, Clock } from '../ports.ts';
import type { User } from '../user.ts';
import { formatUserId } from '../user-id.ts';
import type { Report } from './notices.ts';

/** An audit entry as a flow states it; the time is the clock's when it is written. */
export type AuditNote = Omit<AuditEntry, 'at'>;

/** Who an officer-facing flow acts for before it knows: nobody signed in, no link resolved. */
export const ANONYMOUS = 'anonymous';

/** The officer an entry is about, as the trail names them (and filters them by PTJ). */
export function auditTarget(user: Pick<User, 'icNumber' | 'agencyCode' | 'ptjCode'>): AuditEntry['target'] {
  return {
    icNumber: user.icNumber,
    userId: formatUserId(user.icNumber, user.agencyCode),
    ptjCode: user.ptjCode,
  };
}

/** An officer acting on their own account: actor and target are both them. */
export function ownAction(user: Pick<User, 'icNumber' | 'agencyCode' | 'ptjCode'>) {
  return { actor: formatUserId(user.icNumber, user.agencyCode), target: auditTarget(user) };
}

/**
 * The officer-facing flows' audit trail, best effort: the change (or refusal) it records has
 * already happened, so a failed write is reported and never changes the answer. Entries of one
 * moment are written together, so the answer waits for one write at most.
 */
export function auditTrail(audit: AuditLog, clock: Clock, report: Report | undefined) {
  return async function record(...notes: AuditNote[]): Promise<void> {
    const at = clock.now().toISOString();
    await Promise.all(
      notes.map(async (note) => {
        try {
          await audit.record({ at, ...note });
        } catch (error) {
          report?.(`audit ${note.event} not recorded`, error);
        }
      }),
    );
  };
}
