import { expect } from 'vitest';
import type {
  AuditEntry,
  AuditFilter,
  AuditRecord,
  ChangeRequest,
  Page,
  PageRequest,
  ProgressRow,
  UserFilter,
} from '../../functions/domain/administration.ts';
import { currentDuties } from '../../functions/domain/duties.ts';
import {
  AccountLockedError,
  ChangedMeanwhileError,
  ConcurrentUpdateError,
  RequestDecidedError,
  RequestNotFoundError,
  TokenInvalidError,
  UserExistsError,
} from '../../functions/domain/errors.ts';
import {
  canClaim,
  failureLocks,
  type GuessLimits,
  type GuessState,
  isLocked,
  refusalWaitSeconds,
} from '../../functions/domain/guess-budget.ts';
import {
  holderRefusal,
  LINK_FIELDS,
  linkRevision,
  linkSends,
  type TokenRecord,
  tokenRefusal,
} from '../../functions/domain/links.ts';
import type {
  AccountStore,
  ActivationStore,
  AuditLog,
  AuditReader,
  Clock,
  GuessBudget,
  GuessClaim,
  Mail,
  Mailer,
  RandomSource,
  RecoveryStore,
  RequestStore,
  SecretHasher,
  SessionStore,
  UserChange,
  UserDirectory,
  UserRepository,
} from '../../functions/domain/ports.ts';
import { type Session, sessionAlive } from '../../functions/domain/sessions.ts';
import { adminStatus, type User } from '../../functions/domain/user.ts';

/** Time that moves only when a test says so; `sleep` advances it instead of waiting. */
export class FakeClock implements Clock {
  readonly sleeps: number[] = [];
  private current: number;

  constructor(start = '2024-03-01T01:00:00.000Z') {
    this.current = Date.parse(start);
  }

  now(): Date {
    return new Date(this.current);
  }

  set(iso: string): void {
    this.current = Date.parse(iso);
  }

  advance(ms: number): void {
    this.current += ms;
  }

  async sleep(ms: number): Promise<void> {
    this.sleeps.push(ms);
    this.current += ms;
  }
}

/** Deterministic, yet a different byte string on every call (the first byte is the call count). */
export class CountingRandom implements RandomSource {
  private calls = 0;

  bytes(length: number): Uint8Array {
    const call = this.calls++;
    return Uint8Array.from({ length }, (_, i) => (call * 7 + i) & 0xff);
  }
}

/** What `fakeHasher` makes of `secret`: transparent, so a test can say exactly which value was hashed. */
export const fakeHash = (secret: string): string => `h:${secret}`;

/** Fast, and hashes as `fakeHash` does. */
export const fakeHasher: SecretHasher = {
  hash: async (secret) => fakeHash(secret),
  verify: async (secret, hash) => hash === fakeHash(secret),
};

/** Stored values are copies, as from a database: a use case cannot change them behind the store. */
const copy = <T>(value: T): T => structuredClone(value);

export class InMemoryUserRepository implements UserRepository {
  readonly users = new Map<string, User>();

  async get(icNumber: string): Promise<User | undefined> {
    const user = this.users.get(icNumber);
    return user && copy(user);
  }

  async recordSend(user: User, sends: number[]): Promise<void> {
    const stored = this.users.get(user.icNumber);
    if (!stored || stored.sendRevision !== user.sendRevision) throw new ConcurrentUpdateError();
    stored.activationSends = [...sends];
    stored.sendRevision += 1;
  }

  async undoSend(user: User): Promise<void> {
    const stored = this.users.get(user.icNumber);
    if (!stored || stored.sendRevision !== user.sendRevision + 1) return;
    stored.activationSends = [...user.activationSends];
    stored.sendRevision += 1;
  }

  async recordSignIn(icNumber: string, at: Date): Promise<void> {
    this.existing(icNumber).lastLoginAt = at.toISOString();
  }

  async recordLock(icNumber: string, until: Date): Promise<void> {
    this.existing(icNumber).lockedUntil = until.toISOString();
  }

  async endAllSessions(icNumber: string): Promise<void> {
    const user = this.existing(icNumber);
    user.sessionEpoch = (user.sessionEpoch ?? 0) + 1;
  }

  /** Test set-up: puts a user straight into the store. */
  put(user: User): void {
    this.users.set(user.icNumber, copy(user));
  }

  stored(icNumber: string): User {
    return copy(this.existing(icNumber));
  }

  /** The updates are conditional on the user existing, as in DynamoDB. */
  private existing(icNumber: string): User {
    const user = this.users.get(icNumber);
    if (!user) throw new Error(`no stored user ${icNumber}`);
    return user;
  }
}

/**
 * The conditions of `dynamodb-link-store.ts` (activation and recovery links), over the same users
 * as the repository, refusing by the same rules (`domain/links.ts`).
 */
export class InMemoryLinkStore implements ActivationStore, RecoveryStore {
  readonly tokens = new Map<string, TokenRecord>();

  constructor(
    private readonly repository: InMemoryUserRepository,
    private readonly guesses?: InMemoryGuessBudget,
  ) {}

  async find(tokenHash: string): Promise<TokenRecord | undefined> {
    const record = this.tokens.get(tokenHash);
    return record && copy(record);
  }

  async replaceToken(user: User, token: TokenRecord, sends: number[]): Promise<void> {
    const fields = LINK_FIELDS[token.purpose];
    const stored = this.repository.users.get(user.icNumber);
    if (
      this.tokens.has(token.tokenHash) ||
      !stored ||
      linkRevision(stored, token.purpose) !== linkRevision(user, token.purpose) ||
      stored.status !== fields.holderStatus
    ) {
      throw new ConcurrentUpdateError();
    }
    this.tokens.set(token.tokenHash, copy(token));
    const previous = user[fields.hash];
    if (previous && previous !== token.tokenHash) this.tokens.delete(previous);
    stored[fields.hash] = token.tokenHash;
    stored[fields.issuedAt] = token.issuedAt;
    stored[fields.expiresAt] = token.expiresAt;
    stored[fields.sends] = [...sends];
    stored[fields.revision] = linkRevision(user, token.purpose) + 1;
  }

  async withdrawToken(user: User, token: TokenRecord, previous?: TokenRecord): Promise<void> {
    const fields = LINK_FIELDS[token.purpose];
    const stored = this.repository.users.get(user.icNumber);
    // A later send already replaced this token: nothing of ours is left to undo.
    if (!stored || stored[fields.hash] !== token.tokenHash) return;
    this.tokens.delete(token.tokenHash);
    stored[fields.sends] = [...linkSends(user, token.purpose)];
    stored[fields.revision] = linkRevision(user, token.purpose) + 2;
    if (previous) {
      this.tokens.set(previous.tokenHash, copy(previous));
      stored[fields.hash] = previous.tokenHash;
      stored[fields.issuedAt] = previous.issuedAt;
      stored[fields.expiresAt] = previous.expiresAt;
    } else {
      delete stored[fields.hash];
      delete stored[fields.issuedAt];
      delete stored[fields.expiresAt];
    }
  }

  /** The token and holder conditions of a transaction that spends a link. */
  private spend(token: TokenRecord, now: Date): User {
    const record = this.tokens.get(token.tokenHash);
    const user = this.repository.users.get(token.icNumber);
    const refusal = tokenRefusal(record, token.purpose, now) ?? (record && holderRefusal(record, user));
    if (refusal || !record || !user) throw refusal ?? new TokenInvalidError();
    record.usedAt = now.toISOString();
    return user;
  }

  async activate(args: Parameters<ActivationStore['activate']>[0]): Promise<void> {
    const { token, now, passwordHash, securityAnswers } = args;
    const user = this.spend(token, now);
    user.status = 'ACTIVE';
    user.activatedAt = now.toISOString();
    user.passwordHash = passwordHash;
    user.securityAnswers = copy(securityAnswers);
    delete user.activationTokenHash;
  }

  async resetPassword(args: Parameters<RecoveryStore['resetPassword']>[0]): Promise<void> {
    const { token, now, passwordHash, guessSubjects } = args;
    const user = this.spend(token, now);
    user.passwordHash = passwordHash;
    user.passwordChangedAt = now.toISOString();
    user.sessionEpoch = (user.sessionEpoch ?? 0) + 1;
    delete user.recoveryTokenHash;
    for (const subject of guessSubjects) this.guesses?.states.delete(subject);
  }
}

/** The conditional updates of `dynamodb-guess-budget.ts`, by the rules of `domain/guess-budget.ts`. */
export class InMemoryGuessBudget implements GuessBudget {
  readonly states = new Map<string, GuessState>();

  constructor(private readonly limits: GuessLimits = { maxGuesses: 5, lockSeconds: 900 }) {}

  async claim(subject: string, now: Date): Promise<GuessClaim> {
    const state = this.states.get(subject);
    if (!canClaim(state, now.getTime(), this.limits)) {
      throw new AccountLockedError(refusalWaitSeconds(state, now.getTime(), this.limits));
    }
    const next = { count: (state?.count ?? 0) + 1, generation: state?.generation ?? 0, ...pickLock(state) };
    this.states.set(subject, next);
    return { subject, count: next.count, generation: next.generation };
  }

  async fail(claim: GuessClaim, now: Date): Promise<{ locked: boolean }> {
    const state = this.states.get(claim.subject);
    if (!failureLocks(claim.count, this.limits) || state?.generation !== claim.generation)
      return { locked: false };
    this.states.set(claim.subject, {
      count: 0,
      generation: state.generation + 1,
      lockedUntil: now.getTime() + this.limits.lockSeconds * 1000,
    });
    return { locked: true };
  }

  async succeed(claim: GuessClaim, now: Date): Promise<void> {
    const state = this.states.get(claim.subject);
    if (isLocked(state, now.getTime())) {
      throw new AccountLockedError(refusalWaitSeconds(state, now.getTime(), this.limits));
    }
    this.states.set(claim.subject, {
      count: 0,
      generation: (state?.generation ?? 0) + 1,
      ...pickLock(state),
    });
  }

  async release(claim: GuessClaim): Promise<void> {
    const state = this.states.get(claim.subject);
    if (state && state.generation === claim.generation && state.count > 0) state.count -= 1;
  }
}

function pickLock(state: GuessState | undefined): { lockedUntil?: number } {
  return state?.lockedUntil === undefined ? {} : { lockedUntil: state.lockedUntil };
}

/** `dynamodb-account-store.ts`: the password and the caller's session move to a new epoch together. */
export class InMemoryAccountStore implements AccountStore {
  constructor(
    private readonly repository: InMemoryUserRepository,
    private readonly sessionStore: InMemorySessionStore,
  ) {}

  async changePassword(args: Parameters<AccountStore['changePassword']>[0]): Promise<void> {
    const user = this.repository.users.get(args.icNumber);
    const session = this.sessionStore.sessions.get(args.keepSession);
    if (user?.status !== 'ACTIVE' || user.passwordHash !== args.currentHash || !session) {
      throw new ConcurrentUpdateError();
    }
    user.passwordHash = args.passwordHash;
    user.passwordChangedAt = args.now.toISOString();
    user.sessionEpoch = args.newEpoch;
    session.epoch = args.newEpoch;
  }
}

export type SentMail = Mail;

export class RecordingMailer implements Mailer {
  readonly sent: SentMail[] = [];
  private nextFailure: unknown;

  /** The next `send` throws `error` and records nothing; later sends succeed again. */
  failNextSend(error: unknown): void {
    this.nextFailure = error;
  }

  async send(mail: SentMail): Promise<void> {
    const failure = this.nextFailure;
    if (failure !== undefined) {
      this.nextFailure = undefined;
      throw failure;
    }
    this.sent.push(copy(mail));
  }
}

export class InMemorySessionStore implements SessionStore {
  readonly sessions = new Map<string, Session>();

  async create(session: Session): Promise<void> {
    this.sessions.set(session.sessionHash, copy(session));
  }

  async touch(sessionHash: string, now: Date, idleSeconds: number): Promise<Session | undefined> {
    const session = this.sessions.get(sessionHash);
    if (!session || !sessionAlive(session, now, idleSeconds)) return undefined;
    session.lastSeenAt = now.toISOString();
    return copy(session);
  }

  async delete(sessionHash: string): Promise<void> {
    this.sessions.delete(sessionHash);
  }
}

/** The token a link carries in its fragment. */
export function tokenFromLink(link: string): string {
  const [, token] = link.split('#token=');
  if (!token) throw new Error(`no token in ${link}`);
  return token;
}

/** Awaits a rejection, checks its type and returns it typed, so a test can look inside. */
export async function rejectionOf<E extends Error>(
  promise: Promise<unknown>,
  type: new (...args: never[]) => E,
): Promise<E> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(type);
  return error as E;
}

/** The audit trail as a list: what was recorded, in order (newest last); read back newest first. */
export class InMemoryAuditLog implements AuditLog, AuditReader {
  readonly entries: AuditEntry[] = [];
  failWith: Error | undefined;
  /** The last filter `search` was given, for assertions about scope. */
  lastSearch: AuditFilter | undefined;

  async record(entry: AuditEntry): Promise<void> {
    if (this.failWith) throw this.failWith;
    this.entries.push(structuredClone(entry));
  }

  /** The events recorded, in order, for assertions. */
  events(): string[] {
    return this.entries.map((entry) => entry.event);
  }

  async forUser(icNumber: string, page: PageRequest): Promise<Page<AuditRecord>> {
    return pageOf(
      this.records().filter((record) => record.target?.icNumber === icNumber),
      page,
    );
  }

  async search(filter: AuditFilter, page: PageRequest): Promise<Page<AuditRecord>> {
    this.lastSearch = structuredClone(filter);
    const found = this.records().filter(
      (record) =>
        (!filter.icNumber || record.target?.icNumber === filter.icNumber) &&
        (!filter.ptjCodes || filter.ptjCodes.includes(record.target?.ptjCode ?? '')) &&
        (!filter.actor || record.actor === filter.actor) &&
        (!filter.event || record.event === filter.event) &&
        (!filter.from || record.at >= filter.from) &&
        (!filter.to || record.at <= filter.to),
    );
    return pageOf(found, page);
  }

  /** Newest first, each with its position as its id. */
  private records(): AuditRecord[] {
    return this.entries
      .map((entry, i) => ({ ...structuredClone(entry), id: String(i), requestId: 'test-request' }))
      .reverse();
  }
}

/** One page of `items`: the cursor is the offset of the next page. */
function pageOf<T>(items: readonly T[], page: PageRequest): Page<T> {
  const start = page.cursor === undefined ? 0 : Number(page.cursor);
  const end = start + page.limit;
  return {
    items: items.slice(start, end).map((item) => copy(item)),
    ...(end < items.length ? { nextCursor: String(end) } : {}),
  };
}

/**
 * The conditions of `dynamodb-user-directory.ts` over the repository's users: a change applies
 * only while `before` still holds (status and every changed field), else `ChangedMeanwhileError`;
 * a registration only on a free IC number. Cancelled links leave the link store too, lifted locks
 * the guess budget.
 */
export class InMemoryUserDirectory implements UserDirectory {
  readonly changes: UserChange[] = [];
  /** The last filter `list` was given, for assertions about scope and dormancy. */
  lastFilter: UserFilter | undefined;
  failWith: Error | undefined;

  constructor(
    private readonly repository: InMemoryUserRepository,
    private readonly options: {
      audit?: InMemoryAuditLog;
      links?: InMemoryLinkStore;
      guesses?: InMemoryGuessBudget;
    } = {},
  ) {}

  async apply(change: UserChange): Promise<void> {
    if (this.failWith) throw this.failWith;
    const { before, after } = change;
    const stored = this.repository.users.get(after.icNumber);
    if (!before) {
      if (stored) throw new UserExistsError();
      this.repository.users.set(after.icNumber, copy(after));
    } else {
      const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
      if (
        !stored ||
        stored.status !== before.status ||
        change.fields.some((field) => !same(stored[field], before[field]))
      ) {
        throw new ChangedMeanwhileError();
      }
      const target = stored as unknown as Record<string, unknown>;
      for (const field of change.fields) {
        if (after[field] === undefined) delete target[field];
        else target[field] = copy(after[field]);
      }
      if (change.endSessions) stored.sessionEpoch = (stored.sessionEpoch ?? 0) + 1;
      if (change.cancelLinks) {
        for (const fields of Object.values(LINK_FIELDS)) {
          const hash = stored[fields.hash];
          if (hash) this.options.links?.tokens.delete(hash);
          delete stored[fields.hash];
          delete stored[fields.issuedAt];
          delete stored[fields.expiresAt];
        }
      }
      if (change.liftLocks?.length) {
        delete stored.lockedUntil;
        for (const subject of change.liftLocks) this.options.guesses?.states.delete(subject);
      }
    }
    this.changes.push(copy(change));
    for (const entry of change.audit) await this.options.audit?.record(entry);
  }

  async list(filter: UserFilter, page: PageRequest): Promise<Page<User>> {
    this.lastFilter = copy(filter);
    const found = [...this.repository.users.values()]
      .filter((user) => {
        const lastActive = user.lastLoginAt ?? user.activatedAt;
        return (
          (!filter.ptjCodes || filter.ptjCodes.includes(user.ptjCode ?? '')) &&
          (!filter.status ||
            (filter.status === 'LOCKED'
              ? adminStatus(user, filter.now) === 'LOCKED'
              : user.status === filter.status)) &&
          (!filter.duty ||
            currentDuties(user.duties ?? [], filter.now).some(
              (held) =>
                held.duty === filter.duty && (!filter.ptjCodes || filter.ptjCodes.includes(held.ptjCode)),
            )) &&
          (!filter.inactiveSince ||
            (user.status === 'ACTIVE' && lastActive !== undefined && lastActive < filter.inactiveSince)) &&
          (!filter.namePrefix || user.name.startsWith(filter.namePrefix)) &&
          (!filter.icPrefix || user.icNumber.startsWith(filter.icPrefix))
        );
      })
      .sort((a, b) => a.name.localeCompare(b.name));
    return pageOf(found, page);
  }

  async progress(by: 'ptj' | 'agency'): Promise<ProgressRow[]> {
    const rows = new Map<string, ProgressRow>();
    for (const user of this.repository.users.values()) {
      const code = by === 'ptj' ? user.ptjCode : user.agencyCode;
      if (code === undefined) continue;
      const row = rows.get(code) ?? { code, registered: 0, active: 0, pending: 0, disabled: 0 };
      row.registered += 1;
      if (user.status === 'ACTIVE') row.active += 1;
      else if (user.status === 'PENDING') row.pending += 1;
      else row.disabled += 1;
      rows.set(code, row);
    }
    return [...rows.values()].sort((a, b) => a.code.localeCompare(b.code));
  }
}

/**
 * The four-eyes queue of `dynamodb-request-store.ts`: one claim wins, an approval is decided only
 * by its claimer, a rejection only while nobody applies it; every write with its audit record.
 */
export class InMemoryRequestStore implements RequestStore {
  readonly requests = new Map<string, ChangeRequest>();
  /** Request id → who is applying it. */
  readonly claims = new Map<string, string>();

  constructor(private readonly audit?: InMemoryAuditLog) {}

  async create(request: ChangeRequest, audit: AuditEntry): Promise<void> {
    if (this.requests.has(request.id)) throw new Error(`request ${request.id} exists`);
    this.requests.set(request.id, copy({ ...request, status: 'PENDING' }));
    await this.audit?.record(audit);
  }

  async get(id: string): Promise<ChangeRequest | undefined> {
    const request = this.requests.get(id);
    return request && copy(request);
  }

  async claim(id: string, by: string, _now: Date): Promise<ChangeRequest> {
    const request = this.existing(id);
    if (request.status !== 'PENDING' || this.claims.has(id)) throw new RequestDecidedError(request.status);
    this.claims.set(id, by);
    return copy(request);
  }

  async release(id: string): Promise<void> {
    this.claims.delete(id);
  }

  async decide(
    id: string,
    decision: Parameters<RequestStore['decide']>[1],
    audit: AuditEntry,
  ): Promise<void> {
    const request = this.existing(id);
    const allowed =
      request.status === 'PENDING' &&
      (decision.status === 'REJECTED' ? !this.claims.has(id) : this.claims.get(id) === decision.by);
    if (!allowed) throw new RequestDecidedError(request.status);
    this.claims.delete(id);
    request.status = decision.status;
    request.decidedBy = decision.by;
    request.decidedAt = decision.at.toISOString();
    if (decision.reason !== undefined) request.reason = decision.reason;
    await this.audit?.record(audit);
  }

  async list(filter: Parameters<RequestStore['list']>[0], page: PageRequest): Promise<Page<ChangeRequest>> {
    const found = [...this.requests.values()]
      .filter(
        (request) =>
          (!filter.status || request.status === filter.status) &&
          (!filter.ptjCodes || filter.ptjCodes.includes(request.target.ptjCode)),
      )
      .sort((a, b) => b.requestedAt.localeCompare(a.requestedAt));
    return pageOf(found, page);
  }

  /** Test set-up: puts a request straight into the queue. */
  put(request: ChangeRequest): void {
    this.requests.set(request.id, copy(request));
  }

  private existing(id: string): ChangeRequest {
    const request = this.requests.get(id);
    if (!request) throw new RequestNotFoundError();
    return request;
  }
}
