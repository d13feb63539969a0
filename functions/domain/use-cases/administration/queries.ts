import type { AdminActor, AuditEvent, AuditRecord, Page, PageRequest } from '../../administration.ts';
import type { DutyCode } from '../../duties.ts';
import { ValidationError } from '../../errors.ts';
import type { AuditLog, AuditReader, Clock, UserDirectory, UserRepository } from '../../ports.ts';
import { type AdminStatus, type AdminUserView, adminUser, normaliseName } from '../../user.ts';
import { parseUserId } from '../../user-id.ts';
import type { Report } from '../notices.ts';
import { mayAct, refuser, scopedPtjCodes, targetFinder } from './actor.ts';
import { pageRequest } from './paging.ts';

const DAY_MS = 24 * 3600 * 1000;

export interface GetUserDeps {
  users: Pick<UserRepository, 'get'>;
  audit: AuditLog;
  clock: Clock;
  report?: Report;
}

/** One user as administrators see it (never a hash or a token). */
export function makeGetUser(deps: GetUserDeps) {
  const target = targetFinder(deps);
  return async function getUser(actor: AdminActor, userId: string): Promise<AdminUserView> {
    return adminUser(await target(actor, userId), deps.clock.now());
  };
}

/**
 * The PTJs a list may cover: the one asked for (a PTJ administrator: one of theirs, or
 * `FORBIDDEN`), else the administrator's PTJs, else (system) every PTJ.
 */
async function listPtjCodes(
  refuse: ReturnType<typeof refuser>,
  actor: AdminActor,
  ptjCode: string | undefined,
): Promise<string[] | undefined> {
  if (ptjCode === undefined) return scopedPtjCodes(actor);
  if (!mayAct(actor, ptjCode)) await refuse(actor, 'ptj-out-of-scope');
  return [ptjCode];
}

/**
 * `q`: an IC number prefix (an agency prefix and dashes ignored; at least 6 digits) or a name
 * prefix (compared as names are stored: upper case, single spaces; at least 2 characters).
 */
export function searchOf(q: string | undefined): { icPrefix?: string; namePrefix?: string } {
  const typed = q?.trim() ?? '';
  if (typed === '') return {};
  const digits = typed.replace(/^[a-z]{2,10}:/i, '').replaceAll('-', '');
  if (/^\d+$/.test(digits)) {
    if (digits.length < 6) throw new ValidationError([{ path: 'q', code: 'Q_TOO_SHORT' }]);
    return { icPrefix: digits };
  }
  const namePrefix = normaliseName(typed);
  if ([...namePrefix].length < 2) throw new ValidationError([{ path: 'q', code: 'Q_TOO_SHORT' }]);
  return { namePrefix };
}

export interface ListUsersQuery {
  ptjCode?: string | undefined;
  status?: AdminStatus | undefined;
  duty?: DutyCode | undefined;
  /** Active officers with no sign-in (or activation) for at least this many days. */
  dormantDays?: number | undefined;
  q?: string | undefined;
  limit?: number | undefined;
  cursor?: string | undefined;
}

export interface ListUsersDeps {
  directory: Pick<UserDirectory, 'list'>;
  audit: AuditLog;
  clock: Clock;
  report?: Report;
}

/** Finds users; every combination is one Query in the directory, narrowed to the caller's scope. */
export function makeListUsers(deps: ListUsersDeps) {
  const refuse = refuser(deps);
  return async function listUsers(actor: AdminActor, query: ListUsersQuery): Promise<Page<AdminUserView>> {
    const now = deps.clock.now();
    const search = searchOf(query.q);
    const ptjCodes = await listPtjCodes(refuse, actor, query.ptjCode);
    const page = await deps.directory.list(
      {
        ...(ptjCodes ? { ptjCodes } : {}),
        ...(query.status ? { status: query.status } : {}),
        ...(query.duty ? { duty: query.duty } : {}),
        ...(query.dormantDays !== undefined
          ? { inactiveSince: new Date(now.getTime() - query.dormantDays * DAY_MS).toISOString() }
          : {}),
        ...search,
        now,
      },
      pageRequest(query),
    );
    return { ...page, items: page.items.map((user) => adminUser(user, now)) };
  };
}

export interface AuditSearch {
  /** One officer's records: a user ID (`kth:900101145678`) or the bare IC number. */
  userId?: string | undefined;
  ptjCode?: string | undefined;
  actor?: string | undefined;
  event?: AuditEvent | undefined;
  from?: string | undefined;
  to?: string | undefined;
  limit?: number | undefined;
  cursor?: string | undefined;
}

export interface AuditQueriesDeps {
  users: Pick<UserRepository, 'get'>;
  /** The trail to read. */
  reader: AuditReader;
  /** The trail refusals are written to. */
  audit: AuditLog;
  clock: Clock;
  report?: Report;
}

/**
 * The audit trail, newest first: one officer's (in scope), or a search within the caller's PTJs
 * (with `userId`: that officer's records about those PTJs only).
 */
export function makeAuditQueries(deps: AuditQueriesDeps) {
  const target = targetFinder(deps);
  const refuse = refuser(deps);
  return {
    async forUser(
      actor: AdminActor,
      userId: string,
      page: { limit?: number | undefined; cursor?: string | undefined },
    ): Promise<Page<AuditRecord>> {
      const user = await target(actor, userId);
      return deps.reader.forUser(user.icNumber, pageRequest(page));
    },
    async search(actor: AdminActor, filter: AuditSearch): Promise<Page<AuditRecord>> {
      // The IC number is the key: the agency a user ID carries narrows nothing (records outlive agency changes).
      const icNumber = filter.userId === undefined ? undefined : parseUserId(filter.userId).icNumber;
      const ptjCodes = await listPtjCodes(refuse, actor, filter.ptjCode);
      const page: PageRequest = pageRequest(filter);
      return deps.reader.search(
        {
          ...(icNumber ? { icNumber } : {}),
          ...(ptjCodes ? { ptjCodes } : {}),
          ...(filter.actor ? { actor: filter.actor } : {}),
          ...(filter.event ? { event: filter.event } : {}),
          ...(filter.from ? { from: filter.from } : {}),
          ...(filter.to ? { to: filter.to } : {}),
        },
        page,
      );
    },
  };
}

export interface ProgressDeps {
  directory: Pick<UserDirectory, 'progress'>;
  audit: AuditLog;
  clock: Clock;
  report?: Report;
}

export interface ProgressItemCounts {
  registered: number;
  active: number;
  pending: number;
  disabled: number;
}

export type ProgressItem = ({ ptjCode: string } | { agencyCode: string }) & ProgressItemCounts;

/**
 * Activation progress from the counters. A system administrator sees every row; a PTJ
 * administrator their PTJs' rows only, and no agency view (an agency spans PTJs not theirs).
 */
export function makeProgress(deps: ProgressDeps) {
  const refuse = refuser(deps);
  return async function progress(
    actor: AdminActor,
    by: 'ptj' | 'agency',
  ): Promise<{ items: ProgressItem[] }> {
    const ptjCodes = scopedPtjCodes(actor);
    if (ptjCodes && by === 'agency') await refuse(actor, 'agency-progress');
    const rows = await deps.directory.progress(by);
    const items = rows
      .filter((row) => !ptjCodes || ptjCodes.includes(row.code))
      .map(({ code, registered, active, pending, disabled }) => ({
        ...(by === 'ptj' ? { ptjCode: code } : { agencyCode: code }),
        registered,
        active,
        pending,
        disabled,
      })) as ProgressItem[];
    return { items };
  };
}
