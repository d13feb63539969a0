import type { AdminScope, DutyAssignment } from './duties.ts';
import type { AdminStatus } from './user.ts';

/**
 * Who acts in an administration route: an administrator signed in with their own session (their
 * *current* duties decide what they may do), or automation (IAM in AWS, the bearer key locally),
 * which acts with a system administrator's rights and whose changes take effect at once.
 */
export type AdminActor =
  | { kind: 'automation'; id: string }
  | { kind: 'administrator'; userId: string; icNumber: string; name: string; scope: AdminScope };

/** How the audit trail and the requests name an actor. */
export function actorName(actor: AdminActor): string {
  return actor.kind === 'automation' ? `automation:${actor.id}` : actor.userId;
}

export function isSystem(actor: AdminActor): boolean {
  return actor.kind === 'automation' || actor.scope.system;
}

/** The changes a PTJ administrator asks for and a system administrator approves (four eyes). */
export type RequestKind =
  | 'REGISTER'
  | 'UPDATE'
  | 'SET_DUTIES'
  | 'DEACTIVATE'
  | 'REACTIVATE'
  | 'PASSWORD_RESET';

export type RequestStatus = 'PENDING' | 'APPROVED' | 'REJECTED';

/** A field's value before and after a change (`null` where there was none). */
export interface FieldChange {
  before: unknown;
  after: unknown;
}

/** The officer a request is about, as the queue shows it. */
export interface RequestTarget {
  icNumber: string;
  userId: string;
  name: string;
  ptjCode: string;
}

export interface RegisterPayload {
  icNumber: string;
  agencyCode: string;
  ptjCode: string;
  name: string;
  email: string;
  duties: DutyAssignment[];
}

export interface UpdatePayload {
  name?: string;
  email?: string;
  agencyCode?: string;
  ptjCode?: string;
}

/** What a request asks for, exactly as it would be applied. */
export type RequestPayload =
  | { kind: 'REGISTER'; user: RegisterPayload }
  | { kind: 'UPDATE'; icNumber: string; update: UpdatePayload }
  | { kind: 'SET_DUTIES'; icNumber: string; duties: DutyAssignment[] }
  | { kind: 'DEACTIVATE'; icNumber: string; reason: string }
  | { kind: 'REACTIVATE'; icNumber: string }
  | { kind: 'PASSWORD_RESET'; icNumber: string };

export interface ChangeRequest {
  id: string;
  kind: RequestKind;
  status: RequestStatus;
  /** The requester's user ID; their IC number is kept apart for the "not your own" rule. */
  requestedBy: string;
  requestedByIc: string;
  requestedAt: string;
  target: RequestTarget;
  changes: Record<string, FieldChange>;
  payload: RequestPayload;
  decidedBy?: string;
  decidedAt?: string;
  /** Why it was rejected (or a note with an approval). */
  reason?: string;
}

/** What administrators see of a request: everything but the raw payload. */
export function publicRequest(request: ChangeRequest) {
  const { payload: _payload, requestedByIc: _ic, ...shown } = request;
  return shown;
}

/** One page of a list, and where the next one starts (opaque), if there is one. */
export interface Page<T> {
  items: T[];
  nextCursor?: string;
}

/** Where a list page starts: an opaque cursor from the previous page's `nextCursor`. */
export interface PageRequest {
  limit: number;
  cursor?: string | undefined;
}

/**
 * What to list. The use case has already narrowed `ptjCodes` to the caller's scope (absent: every
 * PTJ, for a system administrator). Every combination is a Query on one of the users table's
 * indexes, with the remaining conditions as a filter.
 */
export interface UserFilter {
  /** Only these PTJs (a PTJ administrator's scope, or the `ptjCode` asked for). */
  ptjCodes?: readonly string[];
  status?: AdminStatus;
  /** Holds this duty today (in the listed PTJ, when one is asked for). */
  duty?: string;
  /** ACTIVE, and no sign-in (or activation) since this instant (ISO 8601). */
  inactiveSince?: string;
  /** The name begins with this (upper case, single spaces). */
  namePrefix?: string;
  /** The IC number begins with this (at least 6 digits). */
  icPrefix?: string;
  /** For LOCKED and current duties. */
  now: Date;
}

/** Counters kept in the same transactions as the changes they count: no scan to report progress. */
export interface ProgressRow {
  code: string;
  registered: number;
  active: number;
  pending: number;
  disabled: number;
}

/** Every event the trail records (the console names each in words: `admin.event.<EVENT>`). */
export const AUDIT_EVENTS = [
  'USER_REGISTERED',
  'ACTIVATION_EMAIL_SENT',
  'ACTIVATION_VERIFY_FAILED',
  'ACCOUNT_ACTIVATED',
  'SIGN_IN_SUCCEEDED',
  'SIGN_IN_FAILED',
  'ACCOUNT_LOCKED',
  'RECOVERY_EMAIL_SENT',
  'RECOVERY_FAILED',
  'PASSWORD_RESET',
  'PASSWORD_CHANGED',
  'USER_UPDATED',
  'DUTIES_SET',
  'USER_DEACTIVATED',
  'USER_REACTIVATED',
  'USER_UNLOCKED',
  'PASSWORD_RESET_STARTED',
  'REQUEST_CREATED',
  'REQUEST_APPROVED',
  'REQUEST_REJECTED',
  'ACCESS_REFUSED',
] as const;

export type AuditEvent = (typeof AUDIT_EVENTS)[number];

export type AuditOutcome = 'SUCCESS' | 'FAILURE' | 'REFUSED' | 'REQUESTED';

/**
 * One audit record: who did what to whom, when, how it ended, the HTTP request it came from, and
 * the fields that changed (never a secret: no password, answer, hash or token ever goes in).
 */
export interface AuditEntry {
  /** ISO 8601, UTC. */
  at: string;
  event: AuditEvent;
  /** `actorName()`; an officer acting on their own account is their user ID; `anonymous` before sign-in. */
  actor: string;
  /** The officer it is about: user ID (and, stored apart for the key, the IC number). */
  target?: { icNumber: string; userId: string; ptjCode?: string | undefined };
  outcome: AuditOutcome;
  /** The change request it belongs to (four eyes), if any. */
  changeRequestId?: string;
  changes?: Record<string, FieldChange>;
  /** A problem code or a short word (`wrong-password`, `unknown-id`), never free text from the caller. */
  detail?: string;
}

/** As stored and read back: with its own id and the HTTP request id it was written under. */
export interface AuditRecord extends AuditEntry {
  id: string;
  requestId: string;
}

export interface AuditFilter {
  /** One officer's records (by IC number), narrowed by the other filters. */
  icNumber?: string;
  ptjCodes?: readonly string[];
  actor?: string;
  event?: AuditEvent;
  /** ISO 8601 bounds, inclusive. */
  from?: string;
  to?: string;
}
