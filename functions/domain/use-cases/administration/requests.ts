import {
  type AdminActor,
  actorName,
  type ChangeRequest,
  isSystem,
  type Page,
  publicRequest,
  type RequestPayload,
  type RequestStatus,
} from '../../administration.ts';
import {
  OwnRequestError,
  RequestDecidedError,
  RequestNotFoundError,
  UserNotFoundError,
  ValidationError,
} from '../../errors.ts';
import { malaysiaDate } from '../../malaysia-time.ts';
import type { AuditLog, Clock, Mailer, RequestStore, UserDirectory, UserRepository } from '../../ports.ts';
import { type AdminUserView, adminUser, type User } from '../../user.ts';
import type { Report } from '../notices.ts';
import { type PublicRequest, refuser, scopedPtjCodes } from './actor.ts';
import {
  commit,
  passwordResetEffect,
  planDeactivate,
  planDuties,
  planReactivate,
  registerEffect,
  type SendLink,
  updateEffect,
} from './apply.ts';
import { type AdminSettings, checkDuties } from './duty-input.ts';
import { pageRequest } from './paging.ts';

export interface ListRequestsDeps {
  requests: Pick<RequestStore, 'list'>;
}

/** The four-eyes queue, newest first: a PTJ administrator sees the requests about their PTJs only. */
export function makeListRequests({ requests }: ListRequestsDeps) {
  return async function listRequests(
    actor: AdminActor,
    query: { status?: RequestStatus | undefined; limit?: number | undefined; cursor?: string | undefined },
  ): Promise<Page<PublicRequest>> {
    const ptjCodes = scopedPtjCodes(actor);
    const page = await requests.list(
      { ...(query.status ? { status: query.status } : {}), ...(ptjCodes ? { ptjCodes } : {}) },
      pageRequest(query),
    );
    return { ...page, items: page.items.map(publicRequest) };
  };
}

/** An approval applies the payload: every kind, so every e-mailing dependency. */
export interface DecideDeps {
  users: Pick<UserRepository, 'get'>;
  directory: Pick<UserDirectory, 'apply'>;
  requests: Pick<RequestStore, 'get' | 'claim' | 'release' | 'decide'>;
  audit: AuditLog;
  clock: Clock;
  settings: AdminSettings;
  sendLink: SendLink;
  mailer: Mailer;
  report?: Report;
}

/**
 * Applies what a request asks for, through the same plans and commit as an immediate change,
 * against the user as it is *now* (so a change that no longer fits is refused, not forced).
 */
async function applyPayload(
  deps: DecideDeps,
  actor: AdminActor,
  payload: RequestPayload,
  requestId: string,
): Promise<User> {
  if (payload.kind === 'REGISTER') return registerEffect(deps, actor, payload.user, requestId);
  const user = await deps.users.get(payload.icNumber);
  if (!user) throw new UserNotFoundError();
  const now = deps.clock.now();
  switch (payload.kind) {
    case 'UPDATE':
      return updateEffect(deps, actor, user, payload.update, requestId);
    case 'SET_DUTIES': {
      const duties = checkDuties(payload.duties, malaysiaDate(now), deps.settings.dutyConflicts);
      return commit(deps, actor, user, planDuties(user, duties), requestId);
    }
    case 'DEACTIVATE':
      return commit(deps, actor, user, planDeactivate(user, payload.reason, now), requestId);
    case 'REACTIVATE':
      return commit(deps, actor, user, planReactivate(user), requestId);
    case 'PASSWORD_RESET':
      return passwordResetEffect(deps, actor, user, requestId);
  }
}

/** Nobody decides their own request: the same actor name, or (another session) the same IC. */
function isOwn(actor: AdminActor, request: ChangeRequest): boolean {
  return (
    request.requestedBy === actorName(actor) ||
    (actor.kind === 'administrator' && request.requestedByIc === actor.icNumber)
  );
}

/** What deciding without applying needs: the queue and the trail (no mailer, no directory). */
export interface RejectDeps {
  requests: Pick<RequestStore, 'get' | 'decide'>;
  audit: AuditLog;
  clock: Clock;
  report?: Report;
}

const requestTarget = (request: ChangeRequest) => ({
  icNumber: request.target.icNumber,
  userId: request.target.userId,
  ptjCode: request.target.ptjCode || undefined,
});

/**
 * Four eyes: only a system administrator (or automation) other than the requester decides, and
 * only a PENDING request. A PTJ administrator may read the queue but not decide (`FORBIDDEN`).
 */
function decider(deps: RejectDeps) {
  const refuse = refuser(deps);
  return async function decidable(actor: AdminActor, id: string): Promise<ChangeRequest> {
    if (!isSystem(actor)) await refuse(actor, 'not-system-administrator');
    const request = await deps.requests.get(id);
    if (!request) throw new RequestNotFoundError();
    if (request.status !== 'PENDING') throw new RequestDecidedError(request.status);
    if (isOwn(actor, request)) throw new OwnRequestError();
    return request;
  };
}

/**
 * Approves: claims the request (one approver wins), applies it, then records the approval. If
 * applying fails (the user changed, the IC was taken meanwhile, a dependency), the claim is given
 * back and the error is the answer: the request stays PENDING for another try or a rejection.
 */
export function makeApproveRequest(deps: DecideDeps) {
  const { requests, clock, report } = deps;
  const decidable = decider(deps);
  return async function approve(
    actor: AdminActor,
    id: string,
  ): Promise<{ request: PublicRequest; user?: AdminUserView }> {
    await decidable(actor, id);
    const by = actorName(actor);
    const claimed = await requests.claim(id, by, clock.now());
    let user: User;
    try {
      user = await applyPayload(deps, actor, claimed.payload, id);
    } catch (error) {
      try {
        await requests.release(id);
      } catch (releaseError) {
        report?.('approved request not released after applying it failed', releaseError);
      }
      throw error;
    }
    const at = clock.now();
    await requests.decide(
      id,
      { status: 'APPROVED', by, at },
      {
        at: at.toISOString(),
        event: 'REQUEST_APPROVED',
        actor: by,
        target: requestTarget(claimed),
        outcome: 'SUCCESS',
        changeRequestId: id,
      },
    );
    const decided: ChangeRequest = {
      ...claimed,
      status: 'APPROVED',
      decidedBy: by,
      decidedAt: at.toISOString(),
    };
    return { request: publicRequest(decided), user: adminUser(user, at) };
  };
}

/** Rejects with a reason (kept on the request; the audit record carries no free text). */
export function makeRejectRequest(deps: RejectDeps) {
  const { requests, clock } = deps;
  const decidable = decider(deps);
  return async function reject(
    actor: AdminActor,
    id: string,
    reason: string,
  ): Promise<{ request: PublicRequest }> {
    const why = reason.trim();
    if (why === '') throw new ValidationError([{ path: 'reason', code: 'REQUIRED' }]);
    const request = await decidable(actor, id);
    const by = actorName(actor);
    const at = clock.now();
    await requests.decide(
      id,
      { status: 'REJECTED', by, at, reason: why },
      {
        at: at.toISOString(),
        event: 'REQUEST_REJECTED',
        actor: by,
        target: requestTarget(request),
        outcome: 'SUCCESS',
        changeRequestId: id,
      },
    );
    const decided: ChangeRequest = {
      ...request,
      status: 'REJECTED',
      decidedBy: by,
      decidedAt: at.toISOString(),
      reason: why,
    };
    return { request: publicRequest(decided) };
  };
}

/** Both decisions, for a caller that has every dependency (the tests, a console's one function). */
export function makeDecideRequest(deps: DecideDeps) {
  return { approve: makeApproveRequest(deps), reject: makeRejectRequest(deps) };
}
