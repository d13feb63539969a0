import {
  type AdminActor,
  type AuditEntry,
  type AuditEvent,
  actorName,
  type FieldChange,
  type RegisterPayload,
  type UpdatePayload,
} from '../../administration.ts';
import type { DutyAssignment } from '../../duties.ts';
import { maskEmail } from '../../email-mask.ts';
import {
  AccountDisabledError,
  AlreadyDisabledError,
  NotDisabledError,
  UserExistsError,
  ValidationError,
} from '../../errors.ts';
import { guessSubject } from '../../guess-budget.ts';
import { LINK_FIELDS, type LinkPurpose } from '../../links.ts';
import { malaysiaDate } from '../../malaysia-time.ts';
import type { AuditLog, Clock, Mailer, UserDirectory, UserRepository } from '../../ports.ts';
import type { User } from '../../user.ts';
import { normaliseName } from '../../user.ts';
import { auditTarget, auditTrail } from '../audit-trail.ts';
import { type Report, sendNotice } from '../notices.ts';
import { type AdminSettings, checkDuties } from './duty-input.ts';

/**
 * The one way an administrative change takes effect, whether at once (a system administrator,
 * automation, or four eyes off) or when a request is approved: each kind is *planned* against the
 * user as it is now (which validates it: an invalid change is refused at request time and again
 * at approval, against the user as it then is) and *committed* in one `directory.apply`, with its
 * audit record. The e-mails a change sends go out after it stands.
 */

/** `makeSendLink`'s function: a new link of `purpose` to the holder, `actor` for the trail. */
export type SendLink = (
  holder: User,
  purpose: LinkPurpose,
  actor?: string,
) => Promise<{ expiresInSeconds: number }>;

/** What one change writes: the user after it, the fields it sets, and how the trail shows it. */
export interface Plan {
  after: User;
  fields: (keyof User)[];
  changes: Record<string, FieldChange>;
  event: AuditEvent;
  cancelLinks?: boolean;
  endSessions?: boolean;
  liftLocks?: string[];
}

const fieldChange = (before: unknown, after: unknown): FieldChange => ({
  before: before ?? null,
  after: after ?? null,
});

/** Every link field of both purposes: what `cancelLinks` removes from the stored user. */
const LINK_ATTRIBUTES = Object.values(LINK_FIELDS).flatMap((f) => [f.hash, f.issuedAt, f.expiresAt]);

function withoutLinks(user: User): User {
  const copy = { ...user };
  for (const attribute of LINK_ATTRIBUTES) delete copy[attribute];
  return copy;
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** The fields of an update as they would be stored (name in upper case, address in lower case). */
export function normaliseUpdate(update: UpdatePayload): UpdatePayload {
  return {
    ...(update.name !== undefined ? { name: normaliseName(update.name) } : {}),
    ...(update.email !== undefined ? { email: normaliseEmail(update.email) } : {}),
    ...(update.agencyCode !== undefined ? { agencyCode: update.agencyCode } : {}),
    ...(update.ptjCode !== undefined ? { ptjCode: update.ptjCode } : {}),
  };
}

export function planRegister(payload: RegisterPayload, now: Date, settings: AdminSettings): Plan {
  const duties = checkDuties(payload.duties, malaysiaDate(now), settings.dutyConflicts);
  const after: User = {
    icNumber: payload.icNumber,
    agencyCode: payload.agencyCode,
    ptjCode: payload.ptjCode,
    name: payload.name,
    email: payload.email,
    duties,
    status: 'PENDING',
    registeredAt: now.toISOString(),
    activationSends: [],
    sendRevision: 0,
  };
  const shown = ['icNumber', 'agencyCode', 'ptjCode', 'name', 'email', 'duties', 'status'] as const;
  return {
    after,
    fields: Object.keys(after) as (keyof User)[],
    changes: Object.fromEntries(shown.map((field) => [field, fieldChange(null, after[field])])),
    event: 'USER_REGISTERED',
  };
}

/** Only the fields that really change; a new address cancels every outstanding link. */
export function planUpdate(before: User, update: UpdatePayload): Plan {
  const fields = (['name', 'email', 'agencyCode', 'ptjCode'] as const).filter(
    (field) => update[field] !== undefined && update[field] !== before[field],
  );
  const emailChanged = fields.includes('email');
  const changed = { ...before, ...Object.fromEntries(fields.map((field) => [field, update[field]])) };
  return {
    after: emailChanged ? withoutLinks(changed) : changed,
    fields,
    changes: Object.fromEntries(fields.map((field) => [field, fieldChange(before[field], update[field])])),
    event: 'USER_UPDATED',
    ...(emailChanged ? { cancelLinks: true } : {}),
  };
}

export function planDuties(before: User, duties: DutyAssignment[]): Plan {
  return {
    after: { ...before, duties },
    fields: ['duties'],
    changes: { duties: fieldChange(before.duties ?? [], duties) },
    event: 'DUTIES_SET',
  };
}

/** A reason is required: it is what the trail keeps of why. */
export function planDeactivate(before: User, reason: string, now: Date): Plan {
  const why = reason.trim();
  if (why === '') throw new ValidationError([{ path: 'reason', code: 'REQUIRED' }]);
  if (before.status === 'DISABLED') throw new AlreadyDisabledError();
  const after: User = {
    ...withoutLinks(before),
    status: 'DISABLED',
    disabledAt: now.toISOString(),
    disabledReason: why,
    statusBeforeDisable: before.status,
  };
  return {
    after,
    fields: ['status', 'disabledAt', 'disabledReason', 'statusBeforeDisable'],
    changes: { status: fieldChange(before.status, 'DISABLED'), disabledReason: fieldChange(null, why) },
    event: 'USER_DEACTIVATED',
    cancelLinks: true,
    endSessions: true,
  };
}

/** Back to the state before the deactivation (an old record without it: by whether it was activated). */
export function planReactivate(before: User): Plan {
  if (before.status !== 'DISABLED') throw new NotDisabledError();
  const status = before.statusBeforeDisable ?? (before.activatedAt ? 'ACTIVE' : 'PENDING');
  const { disabledAt: _at, disabledReason: _why, statusBeforeDisable: _was, ...rest } = before;
  return {
    after: { ...rest, status },
    fields: ['status', 'disabledAt', 'disabledReason', 'statusBeforeDisable'],
    changes: { status: fieldChange('DISABLED', status) },
    event: 'USER_REACTIVATED',
  };
}

/** The guess budgets sign-in and recovery keep for the officer, and the mirrored lock. */
export function planUnlock(before: User): Plan {
  const { lockedUntil, ...rest } = before;
  return {
    after: rest,
    fields: lockedUntil === undefined ? [] : ['lockedUntil'],
    changes: lockedUntil === undefined ? {} : { lockedUntil: fieldChange(lockedUntil, null) },
    event: 'USER_UNLOCKED',
    liftLocks: [guessSubject('signin', before.icNumber), guessSubject('recovery', before.icNumber)],
  };
}

/**
 * An administrator-started password reset only sends the officer the recovery e-mail (no
 * administrator ever sees or sets a password), so it needs an active account. A pending one has
 * no password yet: `VALIDATION_FAILED` on `status` with `ACCOUNT_PENDING`, and the message says
 * to send the activation e-mail instead; a deactivated one: `ACCOUNT_DISABLED`.
 */
export function checkPasswordReset(user: User): void {
  if (user.status === 'DISABLED') throw new AccountDisabledError();
  if (user.status !== 'ACTIVE') {
    throw new ValidationError(
      [{ path: 'status', code: 'ACCOUNT_PENDING' }],
      'This account is not activated yet: send the activation e-mail (send-activation) instead.',
    );
  }
}

export interface CommitDeps {
  directory: Pick<UserDirectory, 'apply'>;
  clock: Clock;
}

/** Writes a plan, with its audit record (the approver's name, and the request it came from). */
export async function commit(
  { directory, clock }: CommitDeps,
  actor: AdminActor,
  before: User | undefined,
  plan: Plan,
  changeRequestId?: string,
): Promise<User> {
  const entry: AuditEntry = {
    at: clock.now().toISOString(),
    event: plan.event,
    actor: actorName(actor),
    target: auditTarget(plan.after),
    outcome: 'SUCCESS',
    ...(changeRequestId ? { changeRequestId } : {}),
    ...(Object.keys(plan.changes).length > 0 ? { changes: plan.changes } : {}),
  };
  await directory.apply({
    ...(before ? { before } : {}),
    after: plan.after,
    fields: plan.fields,
    ...(plan.cancelLinks ? { cancelLinks: true } : {}),
    ...(plan.endSessions ? { endSessions: true } : {}),
    ...(plan.liftLocks ? { liftLocks: plan.liftLocks } : {}),
    audit: [entry],
  });
  return plan.after;
}

export interface RegisterEffectDeps extends CommitDeps {
  users: Pick<UserRepository, 'get'>;
  settings: AdminSettings;
  sendLink: SendLink;
  report?: Report;
}

/**
 * Registers and sends the activation e-mail. The registration stands even when the e-mail cannot
 * go out (the mail service is down, the address refused): the failure is reported and the answer
 * is the registered user all the same; an administrator sends it again with send-activation.
 */
export async function registerEffect(
  deps: RegisterEffectDeps,
  actor: AdminActor,
  payload: RegisterPayload,
  changeRequestId?: string,
): Promise<User> {
  if (await deps.users.get(payload.icNumber)) throw new UserExistsError();
  const user = await commit(
    deps,
    actor,
    undefined,
    planRegister(payload, deps.clock.now(), deps.settings),
    changeRequestId,
  );
  try {
    await deps.sendLink(user, 'ACTIVATION', actorName(actor));
  } catch (error) {
    deps.report?.('activation e-mail not sent after registration (send-activation sends it)', error);
  }
  return user;
}

export interface UpdateEffectDeps extends CommitDeps {
  mailer: Mailer;
  report?: Report;
}

/** Updates; a new address cancelled every link, and the old address is told (best effort). */
export async function updateEffect(
  deps: UpdateEffectDeps,
  actor: AdminActor,
  before: User,
  update: UpdatePayload,
  changeRequestId?: string,
): Promise<User> {
  const plan = planUpdate(before, update);
  if (plan.fields.length === 0) return before;
  const after = await commit(deps, actor, before, plan, changeRequestId);
  if (plan.fields.includes('email')) {
    await sendNotice(
      deps.mailer,
      {
        kind: 'email-changed',
        to: before.email,
        name: after.name,
        newEmailMasked: maskEmail(after.email),
        changedAt: deps.clock.now().toISOString(),
      },
      deps.report,
    );
  }
  return after;
}

export interface PasswordResetEffectDeps {
  audit: AuditLog;
  clock: Clock;
  sendLink: SendLink;
  report?: Report;
}

/**
 * Sends the recovery e-mail (paced as the officer's own: `RESEND_COOLDOWN` propagates), then
 * records who started it. Nothing on the user changes until the officer uses the link.
 */
export async function passwordResetEffect(
  deps: PasswordResetEffectDeps,
  actor: AdminActor,
  user: User,
  changeRequestId?: string,
): Promise<User> {
  checkPasswordReset(user);
  await deps.sendLink(user, 'RECOVERY', actorName(actor));
  await auditTrail(
    deps.audit,
    deps.clock,
    deps.report,
  )({
    event: 'PASSWORD_RESET_STARTED',
    actor: actorName(actor),
    target: auditTarget(user),
    outcome: 'SUCCESS',
    ...(changeRequestId ? { changeRequestId } : {}),
  });
  return user;
}
