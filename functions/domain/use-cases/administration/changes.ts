import {
  type AdminActor,
  actorName,
  type ChangeRequest,
  type FieldChange,
  isSystem,
  publicRequest,
  type RegisterPayload,
  type RequestKind,
  type RequestPayload,
  type UpdatePayload,
} from '../../administration.ts';
import { AccountDisabledError, AlreadyActiveError, UserExistsError, ValidationError } from '../../errors.ts';
import { malaysiaDate } from '../../malaysia-time.ts';
import type {
  AuditLog,
  Clock,
  Mailer,
  RandomSource,
  RequestStore,
  UserDirectory,
  UserRepository,
} from '../../ports.ts';
import { adminUser, normaliseName, type User, userIdOf } from '../../user.ts';
import { parseUserId } from '../../user-id.ts';
import type { Report } from '../notices.ts';
import { mayAct, type Outcome, refuser, targetFinder } from './actor.ts';
import {
  checkPasswordReset,
  commit,
  normaliseEmail,
  normaliseUpdate,
  passwordResetEffect,
  planDeactivate,
  planDuties,
  planReactivate,
  planRegister,
  planUnlock,
  planUpdate,
  registerEffect,
  type SendLink,
  updateEffect,
} from './apply.ts';
import { type AdminSettings, checkDuties, type DutyAssignmentInput, grantRefusal } from './duty-input.ts';

/** What every administrative change needs; the e-mailing ones add `sendLink` or `mailer`. */
export interface ChangeDeps {
  users: Pick<UserRepository, 'get'>;
  directory: Pick<UserDirectory, 'apply'>;
  requests: Pick<RequestStore, 'create'>;
  audit: AuditLog;
  clock: Clock;
  random: RandomSource;
  settings: AdminSettings;
  report?: Report;
}

/** `POST /api/admin/users`, as the handler passes it on. */
export interface AdminRegisterInput {
  /** `900101145678`, `900101-14-5678` or `kth:900101145678` (then `agencyCode` may be left out). */
  icNumber: string;
  agencyCode?: string | undefined;
  ptjCode: string;
  name: string;
  email: string;
  duties?: DutyAssignmentInput[] | undefined;
}

/**
 * Four eyes, and the answers of a change. A change by a PTJ administrator (with `fourEyes` on)
 * becomes a request, stored with its REQUEST_CREATED record; anything else takes effect at once.
 */
function changeFlow(deps: Omit<ChangeDeps, 'directory'>) {
  const { requests, clock, random, settings } = deps;
  return {
    target: targetFinder(deps),
    refuse: refuser(deps),
    needsApproval: (actor: AdminActor) => settings.fourEyes && !isSystem(actor),
    done: (user: User): Outcome => ({ kind: 'done', user: adminUser(user, clock.now()) }),
    async request(
      actor: AdminActor,
      kind: RequestKind,
      user: Pick<User, 'icNumber' | 'agencyCode' | 'name' | 'ptjCode'>,
      changes: Record<string, FieldChange>,
      payload: RequestPayload,
    ): Promise<Outcome> {
      const id = Buffer.from(random.bytes(16)).toString('base64url');
      const at = clock.now().toISOString();
      const target = {
        icNumber: user.icNumber,
        userId: userIdOf(user),
        name: user.name,
        ptjCode: user.ptjCode ?? '',
      };
      const request: ChangeRequest = {
        id,
        kind,
        status: 'PENDING',
        requestedBy: actorName(actor),
        requestedByIc: actor.kind === 'administrator' ? actor.icNumber : '',
        requestedAt: at,
        target,
        changes,
        payload,
      };
      await requests.create(request, {
        at,
        event: 'REQUEST_CREATED',
        actor: actorName(actor),
        target: { icNumber: target.icNumber, userId: target.userId, ptjCode: user.ptjCode },
        outcome: 'REQUESTED',
        changeRequestId: id,
        changes,
      });
      return { kind: 'requested', request: publicRequest(request) };
    },
  };
}

const UPDATE_FIELDS = ['name', 'email', 'agencyCode', 'ptjCode'] as const;

/** The PTJs a PTJ administrator holds (a system administrator or automation: none needed). */
const heldPtjCodes = (actor: AdminActor) =>
  actor.kind === 'administrator' ? actor.scope.ptjCodes : new Set<string>();

/** The registration as it would be stored: IC parsed, agency from the ID or the field (not both differing). */
function registerPayload(input: AdminRegisterInput): Omit<RegisterPayload, 'duties'> {
  const { icNumber, agencyCode: fromId } = parseUserId(input.icNumber, 'icNumber');
  if (fromId && input.agencyCode && fromId !== input.agencyCode) {
    throw new ValidationError([{ path: 'agencyCode', code: 'AGENCY_MISMATCH' }]);
  }
  const agencyCode = input.agencyCode ?? fromId;
  if (!agencyCode) throw new ValidationError([{ path: 'agencyCode', code: 'REQUIRED' }]);
  return {
    icNumber,
    agencyCode,
    ptjCode: input.ptjCode,
    name: normaliseName(input.name),
    email: normaliseEmail(input.email),
  };
}

/**
 * Registers an officer (PENDING), with their duties; when it takes effect the activation e-mail
 * goes out. A PTJ administrator registers only into their PTJs, gives duties only there and never
 * PENTADBIR_SISTEM. A taken IC number is refused at once (`USER_EXISTS`), even for a request.
 */
export function makeRegister(deps: ChangeDeps & { sendLink: SendLink }) {
  const flow = changeFlow(deps);
  return async function register(actor: AdminActor, input: AdminRegisterInput): Promise<Outcome> {
    const fields = registerPayload(input);
    if (!mayAct(actor, fields.ptjCode)) await flow.refuse(actor, 'ptj-out-of-scope', fields);
    const today = malaysiaDate(deps.clock.now());
    const payload = {
      ...fields,
      duties: checkDuties(input.duties ?? [], today, deps.settings.dutyConflicts),
    };
    const refusal = isSystem(actor) ? undefined : grantRefusal(heldPtjCodes(actor), [], payload.duties);
    if (refusal) await flow.refuse(actor, refusal, fields);
    if (await deps.users.get(payload.icNumber)) throw new UserExistsError();
    if (flow.needsApproval(actor)) {
      const { changes } = planRegister(payload, deps.clock.now(), deps.settings);
      return flow.request(actor, 'REGISTER', payload, changes, { kind: 'REGISTER', user: payload });
    }
    return flow.done(await registerEffect(deps, actor, payload));
  };
}

/**
 * Name, e-mail, agency, PTJ. A new address cancels every outstanding link and, once the change
 * stands, the old address is told. Moving an officer needs the new PTJ in scope too. Nothing
 * that really changes: the user as is, and nothing recorded.
 */
export function makeUpdateUser(deps: ChangeDeps & { mailer: Mailer }) {
  const flow = changeFlow(deps);
  return async function updateUser(
    actor: AdminActor,
    userId: string,
    update: UpdatePayload,
  ): Promise<Outcome> {
    const before = await flow.target(actor, userId);
    const normalised = normaliseUpdate(update);
    const plan = planUpdate(before, normalised);
    if (plan.fields.includes('ptjCode') && !mayAct(actor, normalised.ptjCode)) {
      await flow.refuse(actor, 'ptj-out-of-scope', before);
    }
    if (plan.fields.length === 0) return flow.done(before);
    if (flow.needsApproval(actor)) {
      const changed: UpdatePayload = Object.fromEntries(
        UPDATE_FIELDS.filter((field) => plan.fields.includes(field)).map((field) => [
          field,
          normalised[field],
        ]),
      );
      return flow.request(actor, 'UPDATE', before, plan.changes, {
        kind: 'UPDATE',
        icNumber: before.icNumber,
        update: changed,
      });
    }
    return flow.done(await updateEffect(deps, actor, before, normalised));
  };
}

/**
 * Replaces the officer's duties (Pengurusan Tugas): every code from the catalogue, dates that make
 * sense, no two duties the deployment keeps apart in one PTJ at once. A PTJ administrator adds or
 * ends only assignments in their PTJs, and never gives PENTADBIR_SISTEM.
 */
export function makeSetDuties(deps: ChangeDeps) {
  const flow = changeFlow(deps);
  return async function setDuties(
    actor: AdminActor,
    userId: string,
    duties: DutyAssignmentInput[],
  ): Promise<Outcome> {
    const before = await flow.target(actor, userId);
    const today = malaysiaDate(deps.clock.now());
    const assignments = checkDuties(duties, today, deps.settings.dutyConflicts);
    const refusal = isSystem(actor)
      ? undefined
      : grantRefusal(heldPtjCodes(actor), before.duties ?? [], assignments);
    if (refusal) await flow.refuse(actor, refusal, before);
    const plan = planDuties(before, assignments);
    if (flow.needsApproval(actor)) {
      return flow.request(actor, 'SET_DUTIES', before, plan.changes, {
        kind: 'SET_DUTIES',
        icNumber: before.icNumber,
        duties: assignments,
      });
    }
    return flow.done(await commit(deps, actor, before, plan));
  };
}

/** Deactivates with a reason: every session ends at once and every link is cancelled. */
export function makeDeactivate(deps: ChangeDeps) {
  const flow = changeFlow(deps);
  return async function deactivate(actor: AdminActor, userId: string, reason: string): Promise<Outcome> {
    const before = await flow.target(actor, userId);
    const plan = planDeactivate(before, reason, deps.clock.now());
    if (flow.needsApproval(actor)) {
      return flow.request(actor, 'DEACTIVATE', before, plan.changes, {
        kind: 'DEACTIVATE',
        icNumber: before.icNumber,
        reason: reason.trim(),
      });
    }
    return flow.done(await commit(deps, actor, before, plan));
  };
}

/** Back to the state before the deactivation (PENDING or ACTIVE). */
export function makeReactivate(deps: ChangeDeps) {
  const flow = changeFlow(deps);
  return async function reactivate(actor: AdminActor, userId: string): Promise<Outcome> {
    const before = await flow.target(actor, userId);
    const plan = planReactivate(before);
    if (flow.needsApproval(actor)) {
      return flow.request(actor, 'REACTIVATE', before, plan.changes, {
        kind: 'REACTIVATE',
        icNumber: before.icNumber,
      });
    }
    return flow.done(await commit(deps, actor, before, plan));
  };
}

/** Only what an unlock needs: it takes effect at once for any administrator in scope. */
export type UnlockDeps = Omit<ChangeDeps, 'requests' | 'random'>;

/** Lifts the sign-in and recovery locks (the guess budgets and the mirrored `lockedUntil`). */
export function makeUnlock(deps: UnlockDeps) {
  const target = targetFinder(deps);
  return async function unlock(actor: AdminActor, userId: string): Promise<Outcome> {
    const before = await target(actor, userId);
    const after = await commit(deps, actor, before, planUnlock(before));
    return { kind: 'done', user: adminUser(after, deps.clock.now()) };
  };
}

/** A password reset changes nothing on the user until the officer uses the link: no directory. */
export type StartPasswordResetDeps = Omit<ChangeDeps, 'directory'> & { sendLink: SendLink };

/** Sends the officer the recovery e-mail (a four-eyes kind); no administrator sees or sets a password. */
export function makeStartPasswordReset(deps: StartPasswordResetDeps) {
  const flow = changeFlow(deps);
  return async function startPasswordReset(actor: AdminActor, userId: string): Promise<Outcome> {
    const user = await flow.target(actor, userId);
    checkPasswordReset(user);
    if (flow.needsApproval(actor)) {
      return flow.request(
        actor,
        'PASSWORD_RESET',
        user,
        {},
        { kind: 'PASSWORD_RESET', icNumber: user.icNumber },
      );
    }
    return flow.done(await passwordResetEffect(deps, actor, user));
  };
}

export interface SendActivationDeps {
  users: Pick<UserRepository, 'get'>;
  audit: AuditLog;
  clock: Clock;
  sendLink: SendLink;
  report?: Report;
}

/**
 * The activation e-mail again, at once for any administrator in scope, paced as the officer's own
 * (`RESEND_COOLDOWN` propagates). Only a pending account: `ALREADY_ACTIVE`, `ACCOUNT_DISABLED`.
 */
export function makeSendActivation(deps: SendActivationDeps) {
  const target = targetFinder(deps);
  return async function sendActivation(actor: AdminActor, userId: string): Promise<Outcome> {
    const user = await target(actor, userId);
    if (user.status === 'DISABLED') throw new AccountDisabledError();
    if (user.status !== 'PENDING') throw new AlreadyActiveError();
    await deps.sendLink(user, 'ACTIVATION', actorName(actor));
    return { kind: 'done', user: adminUser(user, deps.clock.now()) };
  };
}
