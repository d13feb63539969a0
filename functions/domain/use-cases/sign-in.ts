import { AccountLockedError, InvalidCredentialsError, UnauthenticatedError } from '../errors.ts';
import { guessSubject } from '../guess-budget.ts';
import { describePolicy, normalisePassword, type PasswordPolicy } from '../password-policy.ts';
import type {
  AuditLog,
  Clock,
  GuessBudget,
  Mailer,
  RandomSource,
  SecretHasher,
  SessionStore,
  UserRepository,
} from '../ports.ts';
import { type Session, sessionHolderValid, sessionUser } from '../sessions.ts';
import { hashToken } from '../token.ts';
import type { User } from '../user.ts';
import { parseUserId } from '../user-id.ts';
import { ANONYMOUS, type AuditNote, auditTarget, auditTrail, ownAction } from './audit-trail.ts';
import { findUserById } from './find-user.ts';
import { checkGuess, type GuessOutcome } from './guess.ts';
import { type Report, sendNotice } from './notices.ts';

export interface SignInSettings {
  maxFailures: number;
  lockSeconds: number;
  sessionMaxSeconds: number;
  siteUrl: string;
  /** Answered with a sign-in, for the change-password form of the signed-in view. */
  passwordPolicy: PasswordPolicy;
  /**
   * Floor on the answer that locks an ID: only an active account's lock sends the officer a
   * notice, and the time that takes must not tell which IDs are accounts.
   */
  lockAnswerMinMs: number;
}

export interface SignInDeps {
  users: UserRepository;
  sessions: SessionStore;
  guesses: GuessBudget;
  hasher: SecretHasher;
  mailer: Mailer;
  clock: Clock;
  random: RandomSource;
  audit: AuditLog;
  settings: SignInSettings;
  report?: Report;
}

/** The signed-in caller: the live session and the account behind it, read fresh. */
export interface Caller {
  sessionHash: string;
  session: Session;
  user: User;
}

/**
 * Sign-in. Every ID (unknown, pending, active, deactivated) spends one claimed guess and one
 * bcrypt comparison, so answers and their timing tell nothing; five wrong guesses lock the ID for
 * the lock window. Only the right password learns that an account is deactivated.
 */
export function makeSignIn(deps: SignInDeps) {
  const { users, sessions, guesses, hasher, mailer, clock, random, settings, report } = deps;
  const record = auditTrail(deps.audit, clock, report);
  let dummyHash: Promise<string> | undefined;
  const dummy = () => {
    dummyHash ??= hasher.hash(Buffer.from(random.bytes(16)).toString('hex'));
    return dummyHash;
  };

  /** Tells an active officer that sign-in was locked, with the way out; never fails the answer. */
  async function noticeLock(user: User | undefined, now: Date): Promise<void> {
    if (user?.status !== 'ACTIVE') return;
    await sendNotice(
      mailer,
      {
        kind: 'account-locked',
        to: user.email,
        name: user.name,
        lockedAt: now.toISOString(),
        lockedMinutes: Math.ceil(settings.lockSeconds / 60),
        recoveryLink: `${settings.siteUrl}/account/recovery`,
      },
      report,
    );
  }

  /** Mirrors the lock on a known user for the administrators' lists; never fails the answer. */
  async function mirrorLock(user: User | undefined, now: Date): Promise<void> {
    if (!user) return;
    try {
      await users.recordLock(user.icNumber, new Date(now.getTime() + settings.lockSeconds * 1000));
    } catch (error) {
      report?.('sign-in lock not mirrored on the user', error);
    }
  }

  /**
   * A failed attempt as the trail shows it: whoever typed it is not known (anonymous); the account
   * it named is the target, if there is one. Never the typed password.
   */
  function failure(user: User | undefined, outcome: 'FAILURE' | 'REFUSED', detail: string): AuditNote {
    return user
      ? { event: 'SIGN_IN_FAILED', actor: ANONYMOUS, target: auditTarget(user), outcome, detail }
      : { event: 'SIGN_IN_FAILED', actor: ANONYMOUS, outcome, detail: 'unknown-id' };
  }

  /**
   * The guess against the account's password (or a dummy hash, for an account without one). A
   * deactivated account's password is checked as an active one's, but even the right one counts
   * as a wrong guess: the caller gets INVALID_CREDENTIALS as for every other failure (api.md), in
   * the same sequence and time, and only the audit trail says it was the right password.
   */
  async function guess(user: User | undefined, icNumber: string, password: string, at: Date) {
    const hash = user?.status === 'ACTIVE' || user?.status === 'DISABLED' ? user.passwordHash : undefined;
    let rightButDisabled = false;
    try {
      const outcome = await checkGuess(guesses, guessSubject('signin', icNumber), at, async () => {
        // Every ID costs one hash comparison: a dummy one where there is no password.
        const matches = (await hasher.verify(password, hash ?? (await dummy()))) && hash !== undefined;
        rightButDisabled = matches && user?.status === 'DISABLED';
        return matches && user?.status === 'ACTIVE';
      });
      return { ...outcome, rightButDisabled };
    } catch (error) {
      if (error instanceof AccountLockedError) await record(failure(user, 'REFUSED', error.code));
      throw error;
    }
  }

  /**
   * A wrong guess: INVALID_CREDENTIALS, or, for the failure that locks, the notice, the mirror and
   * ACCOUNT_LOCKED after the same minimum time for every ID (whether or not it is an account).
   */
  async function refuseWrong(
    user: User | undefined,
    outcome: GuessOutcome & { rightButDisabled: boolean },
    started: Date,
  ): Promise<never> {
    const detail = outcome.rightButDisabled ? 'ACCOUNT_DISABLED' : 'wrong-password';
    if (!outcome.locked) {
      await record(failure(user, outcome.rightButDisabled ? 'REFUSED' : 'FAILURE', detail));
      throw new InvalidCredentialsError();
    }
    const locked: AuditNote[] = user
      ? [{ event: 'ACCOUNT_LOCKED', actor: ANONYMOUS, target: auditTarget(user), outcome: 'FAILURE' }]
      : [];
    await Promise.all([
      noticeLock(user, started),
      mirrorLock(user, started),
      record(failure(user, 'FAILURE', detail), ...locked),
    ]);
    const elapsed = clock.now().getTime() - started.getTime();
    if (elapsed < settings.lockAnswerMinMs) await clock.sleep(settings.lockAnswerMinMs - elapsed);
    throw new AccountLockedError(settings.lockSeconds);
  }

  async function login(input: { userId: string; password: string }) {
    const started = clock.now();
    const { icNumber } = parseUserId(input.userId);
    const user = await findUserById(users, input.userId);
    const outcome = await guess(user, icNumber, normalisePassword(input.password), started);
    if (!outcome.right || !user) return refuseWrong(user, outcome, started);

    const now = clock.now();
    await users.recordSignIn(icNumber, now);
    const sessionId = Buffer.from(random.bytes(32)).toString('base64url');
    await sessions.create({
      sessionHash: hashToken(sessionId),
      icNumber,
      epoch: user.sessionEpoch ?? 0,
      createdAt: now.toISOString(),
      lastSeenAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + settings.sessionMaxSeconds * 1000).toISOString(),
    });
    await record({ event: 'SIGN_IN_SUCCEEDED', ...ownAction(user), outcome: 'SUCCESS' });
    return {
      sessionId,
      user: sessionUser(user, clock.now()),
      passwordPolicy: describePolicy(settings.passwordPolicy),
      maxAgeSeconds: settings.sessionMaxSeconds,
    };
  }

  return { login };
}

export interface SessionDeps {
  users: UserRepository;
  sessions: SessionStore;
  clock: Clock;
  settings: { sessionIdleSeconds: number; passwordPolicy: PasswordPolicy };
}

/**
 * The signed-in caller, the current session and signing out. Apart from sign-in so that the many
 * functions that only look at a session carry no hasher, guess budget or mailer.
 */
export function makeSessions({ users, sessions, clock, settings }: SessionDeps) {
  const passwordPolicy = describePolicy(settings.passwordPolicy);
  /**
   * The signed-in caller, or `UnauthenticatedError`. Every request counts as activity: idle time
   * is measured from the last request, not from an occasional write.
   */
  async function caller(sessionId: string | undefined): Promise<Caller> {
    if (!sessionId) throw new UnauthenticatedError();
    const sessionHash = hashToken(sessionId);
    const now = clock.now();
    const session = await sessions.touch(sessionHash, now, settings.sessionIdleSeconds);
    if (!session) throw new UnauthenticatedError();
    const user = await users.get(session.icNumber);
    if (!sessionHolderValid(session, user)) {
      await sessions.delete(sessionHash);
      throw new UnauthenticatedError();
    }
    return { sessionHash, session, user };
  }

  /** The signed-in officer, and the password policy their change-password form shows live. */
  async function currentSession(sessionId: string | undefined) {
    const { user } = await caller(sessionId);
    return { user: sessionUser(user, clock.now()), passwordPolicy };
  }

  async function logout(sessionId: string | undefined) {
    if (sessionId) await sessions.delete(hashToken(sessionId));
  }

  /** Ends every session of the caller, this one included. */
  async function endAllSessions(sessionId: string | undefined) {
    const { user } = await caller(sessionId);
    await users.endAllSessions(user.icNumber);
  }

  return { caller, currentSession, logout, endAllSessions };
}
