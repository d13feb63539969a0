/**
 * The audit page's pure decisions: the filters as the page address keeps them, the search's query
 * (Malaysian days as instants), a page filled over sparse answers, and a record's detail in words.
 * No DOM: test/web/audit-logic.test.ts runs them as is.
 */
import { AUDIT_EVENTS, type AuditEvent } from '../../../functions/domain/administration.ts';
import { malaysiaDayEnd, malaysiaDayStart } from '../../../functions/domain/malaysia-time.ts';
import type { AuditPage } from '../../../functions/handlers/admin.schema.ts';
import type { StringKey } from '../lib/i18n.ts';
import { filterParams, filtersIn } from './logic.ts';

export { AUDIT_EVENTS };
export type AuditRecord = AuditPage['items'][number];

/** The filters, as the form and the page address (`/admin/audit?…`) hold them; dates as `YYYY-MM-DD`. */
export const AUDIT_FILTER_NAMES = ['userId', 'ptjCode', 'actor', 'event', 'from', 'to'] as const;
export type AuditFilterName = (typeof AUDIT_FILTER_NAMES)[number];
export type AuditFilters = Partial<Record<AuditFilterName, string>>;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `YYYY-MM-DD` naming a real calendar day. */
export function isCalendarDay(text: string): boolean {
  const match = DAY.exec(text);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const isAuditEvent = (text: string): text is AuditEvent => (AUDIT_EVENTS as readonly string[]).includes(text);

/** A value the form can hold: an event of the list, a real day, or any non-empty text. */
function usable(name: AuditFilterName, value: string): boolean {
  if (name === 'event') return isAuditEvent(value);
  if (name === 'from' || name === 'to') return isCalendarDay(value);
  return value !== '';
}

/** The filters named in a query string; empty, unknown and unusable ones dropped. */
export const auditFiltersFrom = (search: string): AuditFilters =>
  filtersIn(search, AUDIT_FILTER_NAMES, usable);

/** The page address's query for the filters that have a value (a reload or a shared link finds the same). */
export const auditFiltersQuery = (filters: AuditFilters): string =>
  filterParams(filters, AUDIT_FILTER_NAMES).toString();

/** A range that ends before it starts: the problem belongs to the end date. */
export function dateRangeProblem(filters: AuditFilters): { path: 'to'; code: 'TO_BEFORE_FROM' } | undefined {
  const { from, to } = filters;
  return from && to && to < from ? { path: 'to', code: 'TO_BEFORE_FROM' } : undefined;
}

export const AUDIT_PER_PAGE = 25;

/** `GET /api/admin/audit` for these filters: the days as Malaysia-time instants, from `cursor`. */
export function auditPath(filters: AuditFilters, limit = AUDIT_PER_PAGE, cursor?: string): string {
  const params = filterParams(filters, ['userId', 'ptjCode', 'actor', 'event']);
  if (filters.from) params.set('from', malaysiaDayStart(filters.from));
  if (filters.to) params.set('to', malaysiaDayEnd(filters.to));
  params.set('limit', String(limit));
  if (cursor) params.set('cursor', cursor);
  return `/api/admin/audit?${params}`;
}

type Read<T, F> = (
  limit: number,
  cursor: string | undefined,
) => Promise<{ ok: true; data: { items: T[]; nextCursor?: string | undefined } } | F>;

/**
 * One page of up to `limit` records from `cursor`. A filtered search may answer a short (even
 * empty) page that still has more after it: read on, asking only for what is missing, until the
 * page is full, the trail ends, or `reads` answers have come. A failure stops it and is returned.
 */
export async function fillPage<T, F extends { ok: false }>(
  read: Read<T, F>,
  cursor: string | undefined,
  limit = AUDIT_PER_PAGE,
  reads = 5,
): Promise<{ ok: true; items: T[]; nextCursor?: string } | F> {
  const items: T[] = [];
  let next = cursor;
  for (let n = 0; n < reads; n += 1) {
    const answer = await read(limit - items.length, next);
    if (!answer.ok) return answer;
    items.push(...answer.data.items);
    next = answer.data.nextCursor;
    if (next === undefined || items.length >= limit) break;
  }
  return next === undefined ? { ok: true, items } : { ok: true, items, nextCursor: next };
}

/** The short words and problem codes a record's `detail` holds (functions/domain: sign-in, links, refusals). */
const AUDIT_DETAILS = [
  'wrong-password',
  'unknown-id',
  'ACCOUNT_DISABLED',
  'CURRENT_PASSWORD_WRONG',
  'TOKEN_EXPIRED',
  'TOKEN_INVALID',
  'ALREADY_ACTIVE',
  'ANSWERS_WRONG',
  'ACCOUNT_LOCKED',
  'out-of-scope',
  'ptj-out-of-scope',
  'duty-out-of-scope',
  'grant-system-duty',
  'not-system-administrator',
  'agency-progress',
] as const;

/** Their words' keys (the compiler checks that each one exists). */
export const AUDIT_DETAIL_KEYS: readonly StringKey[] = AUDIT_DETAILS.map(
  (detail) => `admin.audit.detail.${detail}` as const,
);

/** A record's detail in words; one this page does not know yet shows as it is (never free text). */
export function detailKey(detail: string): StringKey | undefined {
  return AUDIT_DETAIL_KEYS[(AUDIT_DETAILS as readonly string[]).indexOf(detail)];
}
