/**
 * The console's pure decisions: filters kept in the page address, the users query, which actions a
 * user's state allows, what an action's answer means, and days and ringgit as the pages write
 * them. No DOM: test/web/admin-logic.test.ts runs them as is.
 */
import type { UserAnswer } from '../../../functions/handlers/admin.schema.ts';

export type AdminUser = UserAnswer['user'];
export type UserStatus = AdminUser['status'];

export const USER_STATUSES: readonly UserStatus[] = ['PENDING', 'ACTIVE', 'LOCKED', 'DISABLED'];

/** The users list's filters, as the form and the page address (`/admin?…`) hold them. */
export const FILTER_NAMES = ['q', 'ptjCode', 'status', 'duty', 'dormantDays'] as const;
export type FilterName = (typeof FILTER_NAMES)[number];
export type UserFilters = Partial<Record<FilterName, string>>;

/** The filters of `names` a query string holds with a usable value (by default, any text); the rest dropped. */
export function filtersIn<N extends string>(
  search: string,
  names: readonly N[],
  usable: (name: N, value: string) => boolean = (_, value) => value !== '',
): Partial<Record<N, string>> {
  const params = new URLSearchParams(search);
  const filters: Partial<Record<N, string>> = {};
  for (const name of names) {
    const value = params.get(name)?.trim() ?? '';
    if (usable(name, value)) filters[name] = value;
  }
  return filters;
}

/** The query of the filters of `names` that have a value, a PTJ code in capitals (a reload or a link finds the same). */
export function filterParams<N extends string>(
  filters: Partial<Record<N, string>>,
  names: readonly N[],
): URLSearchParams {
  const params = new URLSearchParams();
  for (const name of names) {
    const value = filters[name]?.trim();
    if (value) params.set(name, name === 'ptjCode' ? value.toUpperCase() : value);
  }
  return params;
}

/** The users list's filters named in a query string; empty and unknown ones dropped. */
export const filtersFrom = (search: string): UserFilters => filtersIn(search, FILTER_NAMES);

/** The query string of the users list's filters that have a value (the page address keeps it). */
export const filtersQuery = (filters: UserFilters): string => filterParams(filters, FILTER_NAMES).toString();

export const USERS_PER_PAGE = 25;

/** `GET /api/admin/users` for these filters, from `cursor` (the previous page's `nextCursor`). */
export function usersPath(filters: UserFilters, cursor?: string): string {
  const params = new URLSearchParams(filtersQuery(filters));
  params.set('limit', String(USERS_PER_PAGE));
  if (cursor) params.set('cursor', cursor);
  return `/api/admin/users?${params}`;
}

/** A user's API address; the ID's colon is escaped, as any path parameter may be. */
export function userPath(userId: string, tail = ''): string {
  return `/api/admin/users/${encodeURIComponent(userId)}${tail}`;
}

/** The console's address of one user, `/admin/user#<userId>`. */
export const userPageHref = (userId: string) => `/admin/user#${encodeURIComponent(userId)}`;

/** The user ID of `/admin/user#<userId>`, or none. */
export function userIdFromHash(hash: string): string | undefined {
  let id = hash.replace(/^#/, '');
  try {
    id = decodeURIComponent(id);
  } catch {
    return undefined;
  }
  id = id.trim();
  return id && id.length <= 40 ? id : undefined;
}

export type UserAction = 'deactivate' | 'reactivate' | 'unlock' | 'send-activation' | 'password-reset';

/** The actions in the order the page shows them; `actionsFor` picks those the state allows. */
export const USER_ACTIONS: readonly UserAction[] = [
  'unlock',
  'send-activation',
  'password-reset',
  'reactivate',
  'deactivate',
];

/** What makes sense for a user in this state (the API refuses the rest with a code of its own). */
export function actionsFor(status: UserStatus): UserAction[] {
  const allowed: Record<UserStatus, UserAction[]> = {
    PENDING: ['send-activation', 'deactivate'],
    ACTIVE: ['password-reset', 'deactivate'],
    LOCKED: ['unlock', 'password-reset', 'deactivate'],
    DISABLED: ['reactivate'],
  };
  return USER_ACTIONS.filter((action) => allowed[status].includes(action));
}

/** An action's success: done at once (200), or a PTJ administrator's change that waits for approval (202). */
export function actionOutcome(status: number): 'done' | 'requested' {
  return status === 202 ? 'requested' : 'done';
}

/** `2026-03-31` → `31/03/2026`, as the pages write a day. */
export function dayText(isoDay: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDay);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : isoDay;
}

/** An approval limit in ringgit, as the officers write it: `50,000.00`. */
export function ringgit(amount: number): string {
  return amount.toLocaleString('en-MY', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}
