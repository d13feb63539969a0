import { expect } from 'vitest';
import {
  AlreadyActiveError,
  ConcurrentUpdateError,
  TokenExpiredError,
  TokenInvalidError,
  UserExistsError,
} from '../../functions/domain/errors.ts';
import type {
  ActivationMail,
  ActivationStore,
  AlreadyActiveMail,
  Clock,
  Mailer,
  RandomSource,
  SecretHasher,
  SessionStore,
  UserRepository,
} from '../../functions/domain/ports.ts';
import { isExpired } from '../../functions/domain/token.ts';
import type { Session, TokenRecord, User } from '../../functions/domain/user.ts';

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

/** Fast and transparent, so a test can say exactly which value was hashed. */
export const fakeHasher: SecretHasher = {
  hash: async (secret) => `h:${secret}`,
  verify: async (secret, hash) => hash === `h:${secret}`,
};

/** Stored values are copies, as from a database: a use case cannot change them behind the store. */
const copy = <T>(value: T): T => structuredClone(value);

export class InMemoryUserRepository implements UserRepository {
  readonly users = new Map<string, User>();

  async get(icNumber: string): Promise<User | undefined> {
    const user = this.users.get(icNumber);
    return user && copy(user);
  }

  async create(user: User): Promise<void> {
    if (this.users.has(user.icNumber)) throw new UserExistsError();
    this.users.set(user.icNumber, copy(user));
  }

  async recordSend(user: User, sends: number[]): Promise<void> {
    const stored = this.users.get(user.icNumber);
    if (!stored || stored.sendRevision !== user.sendRevision) throw new ConcurrentUpdateError();
    stored.activationSends = [...sends];
    stored.sendRevision += 1;
  }

  async recordLoginFailure(icNumber: string): Promise<number> {
    const user = this.existing(icNumber);
    user.failedLogins = (user.failedLogins ?? 0) + 1;
    return user.failedLogins;
  }

  async lock(icNumber: string, until: Date): Promise<void> {
    const user = this.existing(icNumber);
    user.lockedUntil = until.toISOString();
    user.failedLogins = 0;
  }

  async recordLoginSuccess(icNumber: string, at: Date): Promise<void> {
    const user = this.existing(icNumber);
    user.failedLogins = 0;
    user.lastLoginAt = at.toISOString();
    delete user.lockedUntil;
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

/** The conditions of `dynamodb-activation-store.ts`, over the same users as the repository. */
export class InMemoryActivationStore implements ActivationStore {
  readonly tokens = new Map<string, TokenRecord>();

  constructor(private readonly repository: InMemoryUserRepository) {}

  async find(tokenHash: string): Promise<TokenRecord | undefined> {
    const record = this.tokens.get(tokenHash);
    return record && copy(record);
  }

  async replaceToken(user: User, token: TokenRecord, sends: number[]): Promise<void> {
    const stored = this.repository.users.get(user.icNumber);
    if (
      this.tokens.has(token.tokenHash) ||
      !stored ||
      stored.sendRevision !== user.sendRevision ||
      stored.status !== 'PENDING'
    ) {
      throw new ConcurrentUpdateError();
    }
    this.tokens.set(token.tokenHash, copy(token));
    if (user.activationTokenHash && user.activationTokenHash !== token.tokenHash) {
      this.tokens.delete(user.activationTokenHash);
    }
    stored.activationTokenHash = token.tokenHash;
    stored.activationTokenIssuedAt = token.issuedAt;
    stored.activationTokenExpiresAt = token.expiresAt;
    stored.activationSends = [...sends];
    stored.sendRevision = user.sendRevision + 1;
  }

  async withdrawToken(user: User, token: TokenRecord, previous?: TokenRecord): Promise<void> {
    const stored = this.repository.users.get(user.icNumber);
    // A later send already replaced this token: nothing of ours is left to undo.
    if (!stored || stored.activationTokenHash !== token.tokenHash) return;
    this.tokens.delete(token.tokenHash);
    stored.activationSends = [...user.activationSends];
    stored.sendRevision = user.sendRevision + 2;
    if (previous) {
      this.tokens.set(previous.tokenHash, copy(previous));
      stored.activationTokenHash = previous.tokenHash;
      stored.activationTokenIssuedAt = previous.issuedAt;
      stored.activationTokenExpiresAt = previous.expiresAt;
    } else {
      delete stored.activationTokenHash;
      delete stored.activationTokenIssuedAt;
      delete stored.activationTokenExpiresAt;
    }
  }

  async activate(args: Parameters<ActivationStore['activate']>[0]): Promise<void> {
    const { token, now, passwordHash, securityAnswers } = args;
    const record = this.tokens.get(token.tokenHash);
    const user = this.repository.users.get(token.icNumber);
    if (!record) throw new TokenInvalidError();
    if (record.usedAt) throw new AlreadyActiveError();
    if (isExpired(record.expiresAt, now)) throw new TokenExpiredError();
    if (!user) throw new TokenInvalidError();
    if (user.status !== 'PENDING') throw new AlreadyActiveError();
    if (user.activationTokenHash !== token.tokenHash) throw new TokenInvalidError();

    record.usedAt = now.toISOString();
    user.status = 'ACTIVE';
    user.activatedAt = now.toISOString();
    user.passwordHash = passwordHash;
    user.securityAnswers = copy(securityAnswers);
    delete user.activationTokenHash;
  }
}

export type SentMail = ActivationMail | AlreadyActiveMail;

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

  async get(sessionHash: string): Promise<Session | undefined> {
    const session = this.sessions.get(sessionHash);
    return session && copy(session);
  }

  async touch(sessionHash: string, lastSeenAt: Date): Promise<void> {
    const session = this.sessions.get(sessionHash);
    if (session) session.lastSeenAt = lastSeenAt.toISOString();
  }

  async delete(sessionHash: string): Promise<void> {
    this.sessions.delete(sessionHash);
  }
}

/** A freshly registered officer, as `register-user` stores one. */
export function pendingUser(overrides: Partial<User> = {}): User {
  return {
    icNumber: '900101145678',
    agencyCode: 'kth',
    name: 'AISYAH BINTI AHMAD',
    email: 'aisyah.ahmad@example.gov.my',
    roles: [],
    status: 'PENDING',
    registeredAt: '2020-09-14T03:50:04.000Z',
    activationSends: [],
    sendRevision: 0,
    ...overrides,
  };
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
