import {
  AccountLockedError,
  ConcurrentUpdateError,
  ServiceUnavailableError,
  ValidationError,
} from '../errors.ts';
import { guessSubject } from '../guess-budget.ts';
import { tokenRefusal } from '../links.ts';
import {
  checkPassword,
  type ListLookup,
  normalisePassword,
  type PasswordPolicy,
  type PersonalData,
} from '../password-policy.ts';
import type {
  AccountStore,
  AuditLog,
  Clock,
  GuessBudget,
  LinkStore,
  Mailer,
  SecretHasher,
  UserRepository,
} from '../ports.ts';
import { hashToken } from '../token.ts';
import { auditTrail, ownAction } from './audit-trail.ts';
import { checkGuess } from './guess.ts';
import { newPasswordProblems } from './new-password.ts';
import { type Report, sendNotice } from './notices.ts';
import type { Caller } from './sign-in.ts';

export interface AccountDeps {
  accounts: AccountStore;
  /** To mirror a sign-in lock that a wrong current password sets. */
  users: Pick<UserRepository, 'recordLock'>;
  guesses: GuessBudget;
  hasher: SecretHasher;
  mailer: Mailer;
  clock: Clock;
  audit: AuditLog;
  /** The signed-in caller, or `UnauthenticatedError` (sign-in's `caller`). */
  caller: (sessionId: string | undefined) => Promise<Caller>;
  settings: { siteUrl: string; passwordPolicy: PasswordPolicy; lockSeconds: number; isListed: ListLookup };
  report?: Report;
}

export interface ChangePasswordInput {
  currentPassword: string;
  password: string;
  passwordConfirmation: string;
}

/**
 * A signed-in officer changes their password: the current one is a guess like any sign-in (it
 * spends the same budget), the new one obeys the policy and differs from it, and every other
 * session ends in the same transaction; this one carries on.
 */
export function makeChangePassword({
  accounts,
  users,
  guesses,
  hasher,
  mailer,
  clock,
  audit,
  caller,
  settings,
  report,
}: AccountDeps) {
  const record = auditTrail(audit, clock, report);

  /** The wrong current password locked sign-in: mirrored on the user, as sign-in does; never fails the answer. */
  async function mirrorLock(icNumber: string, now: Date): Promise<void> {
    try {
      await users.recordLock(icNumber, new Date(now.getTime() + settings.lockSeconds * 1000));
    } catch (error) {
      report?.('sign-in lock not mirrored on the user', error);
    }
  }

  return async function changePassword(sessionId: string | undefined, input: ChangePasswordInput) {
    const { user, sessionHash } = await caller(sessionId);
    const own = ownAction(user);
    const problems = newPasswordProblems(input, settings.passwordPolicy, user, settings.isListed);
    if (problems.length > 0) throw new ValidationError(problems);
    const currentHash = user.passwordHash;
    if (!currentHash) throw new ServiceUnavailableError('The account');

    const now = clock.now();
    const outcome = await checkGuess(guesses, guessSubject('signin', user.icNumber), now, () =>
      hasher.verify(normalisePassword(input.currentPassword), currentHash),
    );
    if (!outcome.right) {
      const wrong = {
        event: 'PASSWORD_CHANGED',
        ...own,
        outcome: 'FAILURE',
        detail: 'CURRENT_PASSWORD_WRONG',
      } as const;
      if (outcome.locked) {
        await Promise.all([
          mirrorLock(user.icNumber, now),
          record(wrong, { event: 'ACCOUNT_LOCKED', ...own, outcome: 'FAILURE' }),
        ]);
        throw new AccountLockedError(settings.lockSeconds);
      }
      await record(wrong);
      throw new ValidationError([{ path: 'currentPassword', code: 'CURRENT_PASSWORD_WRONG' }]);
    }

    const password = normalisePassword(input.password);
    if (await hasher.verify(password, currentHash)) {
      throw new ValidationError([{ path: 'password', code: 'PASSWORD_REUSED' }]);
    }
    const changedAt = clock.now();
    try {
      await accounts.changePassword({
        icNumber: user.icNumber,
        currentHash,
        passwordHash: await hasher.hash(password),
        now: changedAt,
        keepSession: sessionHash,
        newEpoch: (user.sessionEpoch ?? 0) + 1,
      });
    } catch (error) {
      // Changed meanwhile (another tab, a recovery): this request's idea of "current" is stale.
      if (error instanceof ConcurrentUpdateError) {
        throw new ValidationError([{ path: 'currentPassword', code: 'CURRENT_PASSWORD_WRONG' }]);
      }
      throw error;
    }
    await sendNotice(
      mailer,
      {
        kind: 'password-changed',
        to: user.email,
        name: user.name,
        changedAt: changedAt.toISOString(),
        how: 'account',
        recoveryLink: `${settings.siteUrl}/account/recovery`,
      },
      report,
    );
    await record({ event: 'PASSWORD_CHANGED', ...own, outcome: 'SUCCESS' });
    return { changedAt: changedAt.toISOString() };
  };
}

export interface PasswordCheckDeps {
  links: Pick<LinkStore, 'find'>;
  clock: Clock;
  caller: (sessionId: string | undefined) => Promise<Caller>;
  passwordPolicy: PasswordPolicy;
  isListed: ListLookup;
}

/**
 * The page's live check of the rules it cannot judge alone (the common-password list, and the
 * officer's own data when the request names them by a link's token or a session). Checks only:
 * nothing is stored, counted or logged.
 */
export function makePasswordCheck({ links, clock, caller, passwordPolicy, isListed }: PasswordCheckDeps) {
  async function personalData(
    token: string | undefined,
    sessionId: string | undefined,
  ): Promise<PersonalData> {
    if (token) {
      const record = await links.find(hashToken(token));
      const usable = record && !tokenRefusal(record, record.purpose, clock.now());
      if (usable) return record;
    } else if (sessionId) {
      const signedIn = await caller(sessionId).catch(() => undefined);
      if (signedIn) return signedIn.user;
    }
    return { icNumber: '', name: '' };
  }

  return async function passwordCheck(
    input: { password: string; token?: string | undefined },
    sessionId?: string,
  ) {
    const personal = await personalData(input.token, sessionId);
    return { unmet: checkPassword(input.password, passwordPolicy, personal, isListed) };
  };
}
