/**
 * The requests page's pure decisions: the queue's query from the status filter, who may decide a
 * request, and its duties before and after marked (its changes: web/src/admin/changes.ts). No DOM:
 * test/web/requests-logic.test.ts runs them as is.
 */
import type { RequestPage } from '../../../functions/handlers/admin.schema.ts';
import { isSystemAdministrator } from '../lib/roles.ts';
import { type Assignment, dutiesOf, type ShownChange, sameDuty } from './changes.ts';

export type ChangeRequest = RequestPage['items'][number];
export type RequestKind = ChangeRequest['kind'];
export type RequestStatus = ChangeRequest['status'];
export type Decision = 'approve' | 'reject';

export const REQUEST_STATUSES: readonly RequestStatus[] = ['PENDING', 'APPROVED', 'REJECTED'];

/** The filter: requests in one state, or all of them (`ALL`). */
export type StatusFilter = RequestStatus | 'ALL';

/** The filter a page address names (`?status=`); without one, the queue of pending requests. */
export function statusFilterFrom(search: string): StatusFilter {
  const value = new URLSearchParams(search).get('status')?.trim().toUpperCase() ?? '';
  if (value === 'ALL') return 'ALL';
  return REQUEST_STATUSES.find((status) => status === value) ?? 'PENDING';
}

export const REQUESTS_PER_PAGE = 25;

/** `GET /api/admin/requests` for this filter, from `cursor` (the previous page's `nextCursor`). */
export function requestsPath(filter: StatusFilter, cursor?: string): string {
  const params = new URLSearchParams();
  if (filter !== 'ALL') params.set('status', filter);
  params.set('limit', String(REQUESTS_PER_PAGE));
  if (cursor) params.set('cursor', cursor);
  return `/api/admin/requests?${params}`;
}

/** `POST /api/admin/requests/{id}/approve|reject`; the ID escaped as any path parameter. */
export const decisionPath = (id: string, decision: Decision) =>
  `/api/admin/requests/${encodeURIComponent(id)}/${decision}`;

/** Who looks at the queue: their user ID (to know their own requests) and whether they decide. */
export interface Viewer {
  userId: string;
  system: boolean;
}

/** The signed-in administrator (`GET /api/auth/session`'s user) as the queue needs them. */
export function viewerFrom(user: { userId: string; roles: readonly string[] }): Viewer {
  return { userId: user.userId, system: isSystemAdministrator(user.roles) };
}

export const isOwnRequest = (request: ChangeRequest, viewer: Viewer) => request.requestedBy === viewer.userId;

/** Four eyes: a system administrator decides a pending request that someone else asked for. */
export function mayDecide(request: ChangeRequest, viewer: Viewer): boolean {
  return viewer.system && request.status === 'PENDING' && !isOwnRequest(request, viewer);
}

export type DutyMark = 'added' | 'removed';

/**
 * One side's duties as whole lists show them, each marked where the other side's list lacks it
 * (`removed` before, `added` after). Without a list on the other side (a registration) none is marked.
 */
export function markedDuties(
  change: ShownChange,
  side: 'before' | 'after',
): { duty: Assignment; mark?: DutyMark }[] {
  const other = side === 'before' ? change.after : change.before;
  const mark: DutyMark = side === 'before' ? 'removed' : 'added';
  return dutiesOf(change[side]).map((duty) =>
    other.kind === 'duties' && !other.duties.some((o) => sameDuty(o, duty)) ? { duty, mark } : { duty },
  );
}
