import { type AdminActor, actorName, type publicRequest } from '../../administration.ts';
import { adminScope, isAdministrator, mayAdminister } from '../../duties.ts';
import { ForbiddenError, UserNotFoundError } from '../../errors.ts';
import type { AuditLog, Clock, UserRepository } from '../../ports.ts';
import { type AdminUserView, type User, userIdOf } from '../../user.ts';
import { parseUserId } from '../../user-id.ts';
import { auditTarget, auditTrail } from '../audit-trail.ts';
import type { Report } from '../notices.ts';
import type { Caller } from '../sign-in.ts';

/** A request as administrators see it: everything but the raw payload and the requester's IC. */
export type PublicRequest = ReturnType<typeof publicRequest>;

/** What a change answers: it took effect (the user as it now is), or it waits for approval. */
export type Outcome = { kind: 'done'; user: AdminUserView } | { kind: 'requested'; request: PublicRequest };

type CallerOf = (sessionId: string | undefined) => Promise<Caller>;

export interface AdminActorDeps {
  /** What `makeSessions` returns, or its `caller` (which reads the user fresh on every request). */
  sessions: { caller: CallerOf } | CallerOf;
  clock: Clock;
}

/**
 * Who calls an administration route. An administrator is the signed-in officer, with the scope of
 * the duties they hold *today* (Malaysia calendar): an acting duty that ended yesterday, or one
 * that starts tomorrow, grants nothing. Automation (IAM / the bearer key, checked by the HTTP
 * layer) acts with a system administrator's rights.
 */
export function makeAdminActor({ sessions, clock }: AdminActorDeps) {
  const caller = typeof sessions === 'function' ? sessions : sessions.caller;
  return {
    /** `UnauthenticatedError` without a live session; `ForbiddenError` without a current administrator's duty. */
    async fromSession(sessionId: string | undefined): Promise<AdminActor> {
      const { user } = await caller(sessionId);
      const scope = adminScope(user.duties ?? [], clock.now());
      if (!isAdministrator(scope)) throw new ForbiddenError();
      return {
        kind: 'administrator',
        userId: userIdOf(user),
        icNumber: user.icNumber,
        name: user.name,
        scope,
      };
    },
    fromAutomation(callerArn: string): AdminActor {
      return { kind: 'automation', id: callerArn };
    },
  };
}

/** The PTJ codes a list is narrowed to: absent for a system administrator (every PTJ). */
export function scopedPtjCodes(actor: AdminActor): string[] | undefined {
  if (actor.kind === 'automation' || actor.scope.system) return undefined;
  return [...actor.scope.ptjCodes].sort();
}

export function mayAct(actor: AdminActor, ptjCode: string | undefined): boolean {
  return actor.kind === 'automation' || mayAdminister(actor.scope, ptjCode);
}

export interface RefusalDeps {
  audit: AuditLog;
  clock: Clock;
  report?: Report;
}

/**
 * Refuses with `403 FORBIDDEN` and nothing about the user, after recording the refusal
 * (`ACCESS_REFUSED`, best effort: the refusal stands even if the trail cannot be written).
 */
export function refuser({ audit, clock, report }: RefusalDeps) {
  const record = auditTrail(audit, clock, report);
  return async function refuse(
    actor: AdminActor,
    detail: string,
    target?: Pick<User, 'icNumber' | 'agencyCode' | 'ptjCode'>,
  ): Promise<never> {
    await record({
      event: 'ACCESS_REFUSED',
      actor: actorName(actor),
      ...(target ? { target: auditTarget(target) } : {}),
      outcome: 'REFUSED',
      detail,
    });
    throw new ForbiddenError();
  };
}

export interface TargetDeps extends RefusalDeps {
  users: Pick<UserRepository, 'get'>;
}

/**
 * The user a path names (`kth:900101145678` or the bare IC; another agency than the stored one
 * names nobody), within the actor's scope. Unknown → `UserNotFoundError` for everyone; known but
 * outside a PTJ administrator's PTJs → `ForbiddenError` (recorded).
 */
export function targetFinder(deps: TargetDeps) {
  const refuse = refuser(deps);
  return async function target(actor: AdminActor, userId: string): Promise<User> {
    const { icNumber, agencyCode } = parseUserId(userId);
    const user = await deps.users.get(icNumber);
    if (!user || (agencyCode !== undefined && user.agencyCode !== agencyCode)) throw new UserNotFoundError();
    if (!mayAct(actor, user.ptjCode)) await refuse(actor, 'out-of-scope', user);
    return user;
  };
}
