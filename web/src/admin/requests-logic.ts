/**
 * The requests page's pure decisions: the queue's query from the status filter, who may decide a
 * request, and a request's changes as a reader sees them (fields and values in words, duties as
 * lines, dates in figures, nothing as "—"). No DOM: test/web/requests-logic.test.ts runs them as is.
 */
import { formatMalaysiaDateTime } from '../../../functions/domain/malaysia-time.ts';
import type { RequestPage } from '../../../functions/handlers/admin.schema.ts';
import type { StringKey } from '../lib/i18n.ts';
import { ringgit, USER_STATUSES, type UserStatus } from './logic.ts';

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
  return { userId: user.userId, system: user.roles.includes('PENTADBIR_SISTEM') };
}

export const isOwnRequest = (request: ChangeRequest, viewer: Viewer) => request.requestedBy === viewer.userId;

/** Four eyes: a system administrator decides a pending request that someone else asked for. */
export function mayDecide(request: ChangeRequest, viewer: Viewer): boolean {
  return viewer.system && request.status === 'PENDING' && !isOwnRequest(request, viewer);
}

/** One duty assignment as a line: the page names the duty in the reader's language. */
export interface ShownDuty {
  duty: string;
  ptjCode: string;
  /** In ringgit, `50,000.00`. */
  approvalLimit?: string;
  /** `DD/MM/YYYY`. */
  startsOn: string;
  endsOn?: string;
  /** What a change of duties does to this line: given (`added`) or taken away (`removed`). */
  mark?: 'added' | 'removed';
}

/** A value as the page shows it. */
export type ShownValue =
  | { kind: 'none' }
  | { kind: 'text'; text: string }
  | { kind: 'message'; key: StringKey }
  | { kind: 'duties'; duties: ShownDuty[] };

export interface ShownChange {
  field: string;
  /** The field's name in words; an unknown field shows its own name. */
  label?: StringKey;
  before: ShownValue;
  after: ShownValue;
}

/** The fields a request changes, in the order a reader expects them (unknown fields last). */
const FIELD_LABELS: Record<string, StringKey> = {
  name: 'common.name',
  icNumber: 'login.icNumber',
  agencyCode: 'admin.agency',
  ptjCode: 'admin.ptj',
  email: 'activation.email',
  status: 'admin.status',
  disabledReason: 'admin.reason',
  duties: 'admin.dutiesHeading',
};
const FIELD_ORDER = Object.keys(FIELD_LABELS);

const CALENDAR_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** `2026-03-01` → `01/03/2026`, as the pages write a date. */
export function calendarDay(day: string): string {
  const parts = CALENDAR_DAY.exec(day);
  return parts ? `${parts[3]}/${parts[2]}/${parts[1]}` : day;
}

interface Assignment {
  duty: string;
  ptjCode: string;
  approvalLimit?: number;
  startsOn: string;
  endsOn?: string;
}

function isAssignment(value: unknown): value is Assignment {
  if (typeof value !== 'object' || value === null) return false;
  const { duty, ptjCode, startsOn } = value as Record<string, unknown>;
  return typeof duty === 'string' && typeof ptjCode === 'string' && typeof startsOn === 'string';
}

const assignmentKey = (a: Assignment) =>
  [a.duty, a.ptjCode, a.approvalLimit ?? '', a.startsOn, a.endsOn ?? ''].join('|');

function shownDuty(a: Assignment, mark?: ShownDuty['mark']): ShownDuty {
  return {
    duty: a.duty,
    ptjCode: a.ptjCode,
    ...(typeof a.approvalLimit === 'number' ? { approvalLimit: ringgit(a.approvalLimit) } : {}),
    startsOn: calendarDay(a.startsOn),
    ...(a.endsOn ? { endsOn: calendarDay(a.endsOn) } : {}),
    ...(mark ? { mark } : {}),
  };
}

/** Anything else, in plain words: never JSON. */
function plain(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') {
    if (INSTANT.test(value)) return formatMalaysiaDateTime(value);
    return calendarDay(value);
  }
  if (Array.isArray(value)) return value.map(plain).join(', ');
  if (typeof value === 'object') {
    return Object.entries(value)
      .map(([key, inner]) => `${key}: ${plain(inner)}`)
      .join('; ');
  }
  return String(value);
}

/** A list of duties, each marked when the other side of the change lacks it (not for a registration). */
function shownDuties(list: Assignment[], other: unknown, mark: NonNullable<ShownDuty['mark']>): ShownValue {
  const compare = Array.isArray(other) ? new Set(other.filter(isAssignment).map(assignmentKey)) : undefined;
  return {
    kind: 'duties',
    duties: list.map((a) => shownDuty(a, compare && !compare.has(assignmentKey(a)) ? mark : undefined)),
  };
}

function shownValue(field: string, value: unknown, other: unknown, side: 'before' | 'after'): ShownValue {
  if (value === null || value === undefined || value === '') return { kind: 'none' };
  if (field === 'status' && USER_STATUSES.includes(value as UserStatus)) {
    return { kind: 'message', key: `admin.status.${value as UserStatus}` };
  }
  if (field === 'duties' && Array.isArray(value) && value.every(isAssignment)) {
    return shownDuties(value, other, side === 'before' ? 'removed' : 'added');
  }
  return { kind: 'text', text: plain(value) };
}

/** A request's `changes` as rows of a before / after table. */
export function shownChanges(changes: ChangeRequest['changes']): ShownChange[] {
  const rank = (field: string) => {
    const at = FIELD_ORDER.indexOf(field);
    return at === -1 ? FIELD_ORDER.length : at;
  };
  return Object.keys(changes)
    .sort((a, b) => rank(a) - rank(b))
    .map((field) => {
      const { before, after } = changes[field] ?? { before: null, after: null };
      const label = FIELD_LABELS[field];
      return {
        field,
        ...(label ? { label } : {}),
        before: shownValue(field, before, after, 'before'),
        after: shownValue(field, after, before, 'after'),
      };
    });
}
