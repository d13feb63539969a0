import { describe, expect, it } from 'vitest';
import {
  AccountLockedError,
  InvalidCredentialsError,
  ServiceUnavailableError,
  UnauthenticatedError,
} from '../../functions/domain/errors.ts';
import { guessSubject } from '../../functions/domain/guess-budget.ts';
import type { SecretHasher } from '../../functions/domain/ports.ts';
import { hashToken } from '../../functions/domain/token.ts';
import { fakeHash, fakeHasher, rejectionOf } from '../support/fakes.ts';
import { activeUser, OFFICER, PASSWORD, pendingUser } from '../support/fixtures.ts';
import { type WorldOptions, world } from '../support/world.ts';

const { icNumber: IC, userId: ACTIVE_ID } = OFFICER;
const PENDING_ID = '910202145678';
const UNKNOWN_ID = '800808088888';
const DISABLED_ID = '880808085555';
const WRONG_PASSWORD = 'Salah#Kata-Laluan1';
const MINUTE = 60_000;

/** A hasher that records which hashes were compared, and can be made to take its time. */
function watchedHasher(delayMs = 0) {
  const verified: string[] = [];
  const hasher: SecretHasher = {
    hash: fakeHasher.hash,
    verify: async (secret, hash) => {
      verified.push(hash);
      if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
      return fakeHasher.verify(secret, hash);
    },
  };
  return { hasher, verified };
}

function setUp(options: WorldOptions = {}) {
  return world({
    start: '2026-01-11T01:00:00.000Z',
    users: [
      activeUser(),
      pendingUser({ icNumber: PENDING_ID, email: 'p@example.gov.my' }),
      activeUser({
        icNumber: DISABLED_ID,
        agencyCode: undefined,
        email: 'd@example.gov.my',
        status: 'DISABLED',
        statusBeforeDisable: 'ACTIVE',
        disabledAt: '2025-12-01T00:00:00.000Z',
        disabledReason: 'Bersara',
      }),
    ],
    ...options,
  });
}

/** The status each of `n` wrong guesses gets, as a short string: 401 or 423. */
async function answersTo(w: ReturnType<typeof setUp>, userId: string, n: number): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < n; i++) {
    const outcome = await w.signIn.login({ userId, password: WRONG_PASSWORD }).then(
      () => 200,
      (error: unknown) =>
        error instanceof AccountLockedError ? 423 : error instanceof InvalidCredentialsError ? 401 : 500,
    );
    statuses.push(outcome);
  }
  return statuses;
}

describe('sign-in', () => {
  describe('login', () => {
    it('starts a session whose identifier is stored only as its hash', async () => {
      const { signIn, sessions } = setUp();

      const result = await signIn.login({ userId: ACTIVE_ID, password: PASSWORD });

      expect(result.user).toMatchObject({ userId: ACTIVE_ID, name: OFFICER.name });
      expect(result.sessionId).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect([...sessions.sessions.keys()]).toEqual([hashToken(result.sessionId)]);
      expect(JSON.stringify([...sessions.sessions.values()])).not.toContain(result.sessionId);
    });

    it('spends a bcrypt comparison on a dummy hash for an unknown ID and a pending account', async () => {
      const { hasher, verified } = watchedHasher();
      const { signIn } = setUp({ hasher });

      const unknown = await rejectionOf(
        signIn.login({ userId: UNKNOWN_ID, password: PASSWORD }),
        InvalidCredentialsError,
      );
      const pending = await rejectionOf(
        signIn.login({ userId: PENDING_ID, password: PASSWORD }),
        InvalidCredentialsError,
      );

      expect(unknown.message).toBe(pending.message);
      expect(verified).toHaveLength(2);
      expect(verified[0]).toMatch(/^h:/);
      expect(verified[0]).not.toBe(fakeHash(PASSWORD));
    });

    it('answers six wrong passwords 401×4, 423, 423 for active, pending and unknown IDs alike', async () => {
      const w = setUp();

      const sequences = {
        active: await answersTo(w, ACTIVE_ID, 6),
        pending: await answersTo(w, PENDING_ID, 6),
        unknown: await answersTo(w, UNKNOWN_ID, 6),
      };

      expect(sequences).toEqual({
        active: [401, 401, 401, 401, 423, 423],
        pending: [401, 401, 401, 401, 423, 423],
        unknown: [401, 401, 401, 401, 423, 423],
      });
    });

    it('keys the budget of every ID by a hash, so the attempts table holds no ID numbers', async () => {
      const w = setUp();

      await answersTo(w, UNKNOWN_ID, 1);

      expect([...w.guesses.states.keys()]).toEqual([guessSubject('signin', '800808088888')]);
      expect(JSON.stringify([...w.guesses.states])).not.toContain('800808088888');
    });

    it('locks for 15 minutes after the fifth wrong guess, then lets the right password in', async () => {
      const { signIn, clock } = setUp();
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) {
        statuses.push(
          await signIn.login({ userId: ACTIVE_ID, password: 'wrong' }).then(
            () => 200,
            (e: unknown) => (e instanceof AccountLockedError ? 423 : 401),
          ),
        );
      }
      clock.advance(14 * MINUTE);
      const stillLocked = await rejectionOf(
        signIn.login({ userId: ACTIVE_ID, password: PASSWORD }),
        AccountLockedError,
      );
      clock.advance(MINUTE + 1000);
      const after = await signIn.login({ userId: ACTIVE_ID, password: PASSWORD });

      expect(statuses).toEqual([401, 401, 401, 401, 423]);
      expect(stillLocked.retryAfterSeconds).toBe(60);
      expect(after.user.icNumber).toBe(IC);
    });

    it('checks at most five guesses of twenty sent at once, and lets none through once the budget is spent', async () => {
      const { hasher, verified } = watchedHasher(5);
      const { signIn } = setUp({ hasher });
      const guesses = Array.from({ length: 20 }, (_, i) => (i === 12 ? PASSWORD : `Salah#Kata-${i}`));

      const results = await Promise.allSettled(
        guesses.map((password) => signIn.login({ userId: ACTIVE_ID, password })),
      );

      expect(verified.length).toBeLessThanOrEqual(5);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(0);
      const refused = results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
      expect(refused.filter((e) => e instanceof AccountLockedError).length).toBeGreaterThanOrEqual(15);
    });

    it('never lifts a lock that was set while a right guess was being checked', async () => {
      // The right password takes longer to check than the wrong ones that race it.
      const w = setUp({
        hasher: {
          hash: fakeHasher.hash,
          verify: async (secret, hash) => {
            await new Promise((resolve) => setTimeout(resolve, secret === PASSWORD ? 40 : 5));
            return fakeHasher.verify(secret, hash);
          },
        },
      });
      await answersTo(w, ACTIVE_ID, 3);

      const outcomes = await Promise.allSettled([
        w.signIn.login({ userId: ACTIVE_ID, password: PASSWORD }),
        w.signIn.login({ userId: ACTIVE_ID, password: 'wrong' }),
      ]);

      expect(
        outcomes.map((o) => (o.status === 'rejected' ? o.reason.constructor.name : 'signed in')),
      ).toEqual(['AccountLockedError', 'AccountLockedError']);
      await rejectionOf(w.signIn.login({ userId: ACTIVE_ID, password: PASSWORD }), AccountLockedError);
    });

    it('resets the count when a sign-in succeeds', async () => {
      const w = setUp();
      await answersTo(w, ACTIVE_ID, 4);

      await w.signIn.login({ userId: ACTIVE_ID, password: PASSWORD });

      expect(await answersTo(w, ACTIVE_ID, 5)).toEqual([401, 401, 401, 401, 423]);
    });

    it('tells an active officer by e-mail that sign-in was locked, with the way out', async () => {
      const w = setUp();

      await answersTo(w, ACTIVE_ID, 5);
      await answersTo(w, PENDING_ID, 5);
      await answersTo(w, UNKNOWN_ID, 5);

      expect(w.mailer.sent).toEqual([
        {
          kind: 'account-locked',
          to: OFFICER.email,
          name: OFFICER.name,
          lockedAt: '2026-01-11T01:00:00.000Z',
          lockedMinutes: 15,
          recoveryLink: 'https://ispeks.example.gov.my/account/recovery',
        },
      ]);
    });

    it('answers the locking guess after the same minimum time for every ID, notice or not', async () => {
      const w = setUp({ settings: { minResponseMs: 800 } });

      await answersTo(w, ACTIVE_ID, 5);
      await answersTo(w, UNKNOWN_ID, 5);

      expect(w.clock.sleeps).toEqual([800, 800]);
    });

    it('still locks when the lock notice cannot be sent', async () => {
      const w = setUp();
      await answersTo(w, ACTIVE_ID, 4);
      w.mailer.failNextSend(new ServiceUnavailableError('E-mail'));

      const fifth = await answersTo(w, ACTIVE_ID, 1);

      expect(fifth).toEqual([423]);
      expect(w.reported.map((r) => r.what)).toEqual(['account-locked notice not sent']);
    });

    it('gives the guess back when a dependency fails before the check', async () => {
      const w = setUp({
        hasher: {
          hash: fakeHasher.hash,
          verify: async () => {
            throw new ServiceUnavailableError('The user store');
          },
        },
      });

      await rejectionOf(w.signIn.login({ userId: ACTIVE_ID, password: PASSWORD }), ServiceUnavailableError);

      expect(w.guesses.states.get(guessSubject('signin', IC))?.count).toBe(0);
    });

    it('accepts the NFD spelling of a password set in NFC', async () => {
      const nfc = 'Café-Tarik#2024pagi'.normalize('NFC');
      const w = setUp({ users: [activeUser({ passwordHash: fakeHash(nfc) })] });

      const result = await w.signIn.login({ userId: ACTIVE_ID, password: nfc.normalize('NFD') });

      expect(result.user.icNumber).toBe(IC);
    });

    it("treats an agency prefix that is not the officer's own as an unknown ID", async () => {
      const w = setUp();

      const attempt = w.signIn.login({ userId: `jpn:${IC}`, password: PASSWORD });

      await rejectionOf(attempt, InvalidCredentialsError);
    });
  });

  describe('a deactivated account', () => {
    it('answers INVALID_CREDENTIALS even to the right password (api.md: one answer for every failure), and starts no session', async () => {
      const { signIn, sessions, users } = setUp();

      await rejectionOf(signIn.login({ userId: DISABLED_ID, password: PASSWORD }), InvalidCredentialsError);

      expect(sessions.sessions.size).toBe(0);
      expect(users.stored(DISABLED_ID).lastLoginAt).toBeUndefined();
    });

    it('answers wrong passwords as for any other ID, counted by the guess budget', async () => {
      const w = setUp();

      const disabled = await answersTo(w, DISABLED_ID, 6);

      expect(disabled).toEqual(await answersTo(w, UNKNOWN_ID, 6));
      expect(disabled).toEqual([401, 401, 401, 401, 423, 423]);
    });

    it('keeps the right password locked out while the lock runs', async () => {
      const w = setUp();
      await answersTo(w, DISABLED_ID, 5);

      await rejectionOf(w.signIn.login({ userId: DISABLED_ID, password: PASSWORD }), AccountLockedError);
    });
  });

  describe('the lock, mirrored on the user', () => {
    it('records the end of the lock on a known user when the failure that locks comes', async () => {
      const w = setUp();

      await answersTo(w, ACTIVE_ID, 4);
      const before = w.users.stored(IC).lockedUntil;
      await answersTo(w, ACTIVE_ID, 1);

      expect(before).toBeUndefined();
      expect(w.users.stored(IC).lockedUntil).toBe('2026-01-11T01:15:00.000Z');
    });

    it('mirrors the lock of a pending account too, and tries nothing for an unknown ID', async () => {
      const w = setUp();
      const locked: string[] = [];
      const recordLock = w.users.recordLock.bind(w.users);
      w.users.recordLock = async (icNumber, until) => {
        locked.push(icNumber);
        await recordLock(icNumber, until);
      };

      await answersTo(w, PENDING_ID, 5);
      await answersTo(w, UNKNOWN_ID, 5);

      expect(locked).toEqual([PENDING_ID]);
    });

    it('still answers ACCOUNT_LOCKED when the mirror cannot be written, and reports it', async () => {
      const w = setUp();
      w.users.recordLock = async () => {
        throw new ServiceUnavailableError('The user store');
      };

      const answers = await answersTo(w, ACTIVE_ID, 5);

      expect(answers).toEqual([401, 401, 401, 401, 423]);
      expect(w.reported.map((r) => r.what)).toEqual(['sign-in lock not mirrored on the user']);
    });
  });

  describe('the audit trail', () => {
    const target = { icNumber: IC, userId: ACTIVE_ID, ptjCode: OFFICER.ptjCode };

    it('records a sign-in by the officer, as the officer', async () => {
      const w = setUp();

      await w.signIn.login({ userId: ACTIVE_ID, password: PASSWORD });

      expect(w.audit.entries).toEqual([
        {
          at: '2026-01-11T01:00:00.000Z',
          event: 'SIGN_IN_SUCCEEDED',
          actor: ACTIVE_ID,
          target,
          outcome: 'SUCCESS',
        },
      ]);
    });

    it('records a wrong password against the account it named, by an anonymous actor', async () => {
      const w = setUp();

      await answersTo(w, ACTIVE_ID, 1);

      expect(w.audit.entries).toEqual([
        {
          at: '2026-01-11T01:00:00.000Z',
          event: 'SIGN_IN_FAILED',
          actor: 'anonymous',
          target,
          outcome: 'FAILURE',
          detail: 'wrong-password',
        },
      ]);
    });

    it('records an unknown ID with no target', async () => {
      const w = setUp();

      await answersTo(w, UNKNOWN_ID, 1);

      expect(w.audit.entries).toEqual([
        {
          at: '2026-01-11T01:00:00.000Z',
          event: 'SIGN_IN_FAILED',
          actor: 'anonymous',
          outcome: 'FAILURE',
          detail: 'unknown-id',
        },
      ]);
    });

    it('records the lock with the failure that set it, and each refusal while it runs', async () => {
      const w = setUp();

      await answersTo(w, ACTIVE_ID, 6);

      expect(w.audit.events()).toEqual([
        ...Array(5).fill('SIGN_IN_FAILED'),
        'ACCOUNT_LOCKED',
        'SIGN_IN_FAILED',
      ]);
      expect(w.audit.entries[5]).toMatchObject({ event: 'ACCOUNT_LOCKED', target, outcome: 'FAILURE' });
      expect(w.audit.entries[6]).toMatchObject({ outcome: 'REFUSED', detail: 'ACCOUNT_LOCKED', target });
    });

    it('records that the right password of a deactivated account was refused', async () => {
      const w = setUp();

      await rejectionOf(w.signIn.login({ userId: DISABLED_ID, password: PASSWORD }), InvalidCredentialsError);

      expect(w.audit.entries).toMatchObject([
        {
          event: 'SIGN_IN_FAILED',
          actor: 'anonymous',
          target: { icNumber: DISABLED_ID, userId: DISABLED_ID },
          outcome: 'REFUSED',
          detail: 'ACCOUNT_DISABLED',
        },
      ]);
    });

    it('never records the typed password', async () => {
      const w = setUp();

      await w.signIn.login({ userId: ACTIVE_ID, password: PASSWORD });
      await answersTo(w, ACTIVE_ID, 6);
      await answersTo(w, UNKNOWN_ID, 1);

      const trail = JSON.stringify(w.audit.entries);
      for (const secret of [PASSWORD, WRONG_PASSWORD, fakeHash(PASSWORD)])
        expect(trail).not.toContain(secret);
    });

    it('answers as ever when the audit write fails, and reports it', async () => {
      const w = setUp();
      w.audit.failWith = new ServiceUnavailableError('The audit trail');

      const signedIn = await w.signIn.login({ userId: ACTIVE_ID, password: PASSWORD });
      const wrong = await answersTo(w, ACTIVE_ID, 5);

      expect(signedIn.user.userId).toBe(ACTIVE_ID);
      expect(wrong).toEqual([401, 401, 401, 401, 423]);
      expect(new Set(w.reported.map((r) => r.what))).toEqual(
        new Set([
          'audit SIGN_IN_SUCCEEDED not recorded',
          'audit SIGN_IN_FAILED not recorded',
          'audit ACCOUNT_LOCKED not recorded',
        ]),
      );
    });
  });

  describe('session', () => {
    it('ends a session idle for 30 minutes', async () => {
      const { signIn, clock } = setUp();
      const { sessionId } = await signIn.login({ userId: ACTIVE_ID, password: PASSWORD });
      clock.advance(29 * MINUTE);
      await signIn.currentSession(sessionId);

      clock.advance(30 * MINUTE);

      await rejectionOf(signIn.currentSession(sessionId), UnauthenticatedError);
    });

    it('counts idle time from the last request, even with the shortest idle setting', async () => {
      const { signIn, clock } = setUp({ settings: { sessionIdleSeconds: 60 } });
      const { sessionId } = await signIn.login({ userId: ACTIVE_ID, password: PASSWORD });

      // A request every 45 seconds for ten minutes: never 60 seconds idle.
      for (let step = 0; step < 13; step++) {
        clock.advance(45_000);
        await signIn.currentSession(sessionId);
      }
      clock.advance(61_000);

      await rejectionOf(signIn.currentSession(sessionId), UnauthenticatedError);
    });

    it('keeps an active session alive, but never past 12 hours', async () => {
      const { signIn, clock } = setUp();
      const { sessionId } = await signIn.login({ userId: ACTIVE_ID, password: PASSWORD });
      // Seen every 20 minutes, so never idle: 35 steps reach 11 h 40 min.
      for (let step = 0; step < 35; step++) {
        clock.advance(20 * MINUTE);
        await signIn.currentSession(sessionId);
      }
      clock.advance(20 * MINUTE);

      await rejectionOf(signIn.currentSession(sessionId), UnauthenticatedError);
    });

    it('refuses a missing or unknown session identifier', async () => {
      const { signIn } = setUp();

      await rejectionOf(signIn.currentSession(undefined), UnauthenticatedError);
      await rejectionOf(
        signIn.currentSession('never-issued-session-identifier-000000000'),
        UnauthenticatedError,
      );
    });

    it('ends the session server-side on logout', async () => {
      const { signIn } = setUp();
      const { sessionId } = await signIn.login({ userId: ACTIVE_ID, password: PASSWORD });

      await signIn.logout(sessionId);

      await rejectionOf(signIn.currentSession(sessionId), UnauthenticatedError);
    });

    it('signs out everywhere: every session of the officer ends, this one included', async () => {
      const { signIn } = setUp();
      const phone = await signIn.login({ userId: ACTIVE_ID, password: PASSWORD });
      const office = await signIn.login({ userId: ACTIVE_ID, password: PASSWORD });

      await signIn.endAllSessions(phone.sessionId);

      await rejectionOf(signIn.currentSession(phone.sessionId), UnauthenticatedError);
      await rejectionOf(signIn.currentSession(office.sessionId), UnauthenticatedError);
      await expect(signIn.login({ userId: ACTIVE_ID, password: PASSWORD })).resolves.toBeDefined();
    });

    it('ends the session of an account deactivated after sign-in', async () => {
      const { signIn, users, sessions } = setUp();
      const { sessionId } = await signIn.login({ userId: ACTIVE_ID, password: PASSWORD });
      const stored = users.users.get(IC);
      if (stored) stored.status = 'DISABLED';

      await rejectionOf(signIn.currentSession(sessionId), UnauthenticatedError);

      expect(sessions.sessions.size).toBe(0);
    });

    it('lists the duties the officer holds today, not one that has ended or not yet begun', async () => {
      const { signIn } = setUp({
        users: [
          activeUser({
            duties: [
              { duty: 'PENYEDIA', ptjCode: OFFICER.ptjCode, startsOn: '2020-09-14' },
              { duty: 'PENYEMAK', ptjCode: OFFICER.ptjCode, startsOn: '2024-01-01', endsOn: '2026-01-10' },
              { duty: 'PELULUS', ptjCode: OFFICER.ptjCode, approvalLimit: 5000, startsOn: '2026-01-12' },
            ],
          }),
        ],
      });

      const signedIn = await signIn.login({ userId: ACTIVE_ID, password: PASSWORD });
      const session = await signIn.currentSession(signedIn.sessionId);

      expect(signedIn.user.roles).toEqual(['PENYEDIA']);
      expect(session.user.roles).toEqual(['PENYEDIA']);
      expect(session.user.duties).toEqual([
        { duty: 'PENYEDIA', ptjCode: OFFICER.ptjCode, startsOn: '2020-09-14' },
      ]);
    });

    it('shows the officer as the user record has them now, not as at sign-in', async () => {
      const { signIn, users } = setUp();
      const { sessionId } = await signIn.login({ userId: ACTIVE_ID, password: PASSWORD });
      const stored = users.users.get(IC);
      if (stored) stored.name = 'AISYAH BINTI AHMAD ZAKI';

      const { user } = await signIn.currentSession(sessionId);

      expect(user.name).toBe('AISYAH BINTI AHMAD ZAKI');
    });
  });
});
