/**
 * The progress page's pure decisions (`/admin/progress`, and the users list's counts): the view
 * the page address asks for, the rows of the progress counters with their share activated, their
 * order, the totals, and the widths of the chart's bars. No DOM: test/web/progress-logic.test.ts
 * runs them as is.
 *
 * The share activated is of those who must activate: active ÷ (active + pending). A deactivated
 * account (someone who left) neither helps nor holds back a PTJ on the mandatory-activation date.
 */
import { formatMalaysiaDateTime } from '../../../functions/domain/malaysia-time.ts';
import type { ProgressAnswer } from '../../../functions/handlers/admin.schema.ts';
import { usersPath } from './logic.ts';

export type ProgressItem = ProgressAnswer['items'][number];
export type ProgressBy = 'ptj' | 'agency';
export type ProgressSort = 'lagging' | 'code';

export interface Counts {
  registered: number;
  active: number;
  pending: number;
  disabled: number;
}

export interface ProgressRow extends Counts {
  /** The PTJ or agency code. */
  code: string;
  /** Whole per cent activated, rounded down (100 only when none is pending); null when no one must activate. */
  percent: number | null;
}

/** What the page shows, as its address keeps it: `?by=agency`, `?ptj=1001`, `?sort=code`. */
export interface ProgressView {
  by: ProgressBy;
  sort: ProgressSort;
  /** The PTJ whose pending users are listed (the PTJ view only). */
  ptj?: string;
}

export function viewFrom(search: string): ProgressView {
  const params = new URLSearchParams(search);
  const by: ProgressBy = params.get('by') === 'agency' ? 'agency' : 'ptj';
  const sort: ProgressSort = params.get('sort') === 'code' ? 'code' : 'lagging';
  // Any code: the page lists a PTJ's pending users only when it has that PTJ's row.
  const ptj = params.get('ptj')?.trim().toUpperCase();
  return by === 'ptj' && ptj ? { by, sort, ptj } : { by, sort };
}

/** The query string of a view, defaults left out (so the plain address is the usual view). */
export function viewQuery(view: ProgressView): string {
  const params = new URLSearchParams();
  if (view.by === 'agency') params.set('by', 'agency');
  if (view.sort === 'code') params.set('sort', 'code');
  if (view.by === 'ptj' && view.ptj) params.set('ptj', view.ptj);
  return params.toString();
}

export const progressPath = (by: ProgressBy) => `/api/admin/progress?by=${by}`;

/** Whole per cent of those who must activate who have; rounded down, so 100 means none is left. */
export function percentActivated(counts: Pick<Counts, 'active' | 'pending'>): number | null {
  const due = counts.active + counts.pending;
  if (due === 0) return null;
  return Math.floor((counts.active * 100) / due);
}

/** The rows of the answer: their code whichever the view, every counter, and the share activated. Rows with no one registered are left out. */
export function progressRows(items: readonly ProgressItem[]): ProgressRow[] {
  return items
    .filter((item) => item.registered > 0)
    .map((item) => {
      const counts = {
        registered: item.registered,
        active: item.active,
        pending: item.pending,
        disabled: item.disabled,
      };
      return { code: item.ptjCode ?? item.agencyCode ?? '', ...counts, percent: percentActivated(counts) };
    });
}

const byCode = (a: ProgressRow, b: ProgressRow) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

/**
 * `lagging`: the lowest share activated first (then the most still pending), those with no one to
 * activate last: the order to chase before the mandatory-activation date. `code`: by code.
 */
export function sortRows(rows: readonly ProgressRow[], sort: ProgressSort): ProgressRow[] {
  const sorted = [...rows];
  if (sort === 'code') return sorted.sort(byCode);
  return sorted.sort(
    (a, b) => (a.percent ?? 101) - (b.percent ?? 101) || b.pending - a.pending || byCode(a, b),
  );
}

/** Every counter added up over the rows, with the share activated of the whole. */
export function totals(rows: readonly Counts[]): Counts & { percent: number | null } {
  const sum: Counts = { registered: 0, active: 0, pending: 0, disabled: 0 };
  for (const row of rows) {
    sum.registered += row.registered;
    sum.active += row.active;
    sum.pending += row.pending;
    sum.disabled += row.disabled;
  }
  return { ...sum, percent: percentActivated(sum) };
}

/**
 * The users list's counts: the filter's PTJ alone (nothing counted when it has no row), or every
 * row the caller sees when no PTJ is asked for.
 */
export function countsFor(items: readonly ProgressItem[], ptjCode: string | undefined): Counts {
  const code = ptjCode?.trim().toUpperCase();
  return totals(code ? items.filter((item) => item.ptjCode === code) : items);
}

/**
 * The chart's bar of one row: the active and pending segments' widths as CSS percentages that add
 * up to exactly 100% (none when no one must activate). A segment that holds anyone is at least
 * 1% wide, so one person still pending shows.
 */
export function barWidths(
  counts: Pick<Counts, 'active' | 'pending'>,
): { active: string; pending: string } | null {
  const due = counts.active + counts.pending;
  if (due === 0) return null;
  // Tenths of a per cent, so the two parts are whole numbers that add up to 1000.
  let active = Math.round((counts.active * 1000) / due);
  if (counts.active > 0) active = Math.max(active, 10);
  if (counts.pending > 0) active = Math.min(active, 990);
  const pending = 1000 - active;
  return { active: `${active / 10}%`, pending: `${pending / 10}%` };
}

/** One page of a PTJ's users still to activate (`GET /api/admin/users?status=PENDING&ptjCode=`). */
export const pendingUsersPath = (ptjCode: string, cursor?: string) =>
  usersPath({ status: 'PENDING', ptjCode }, cursor);

/** The day of a registration, as the pages write dates: `14/09/2020`. */
export const registeredDay = (iso: string) => formatMalaysiaDateTime(iso).slice(0, 10);
