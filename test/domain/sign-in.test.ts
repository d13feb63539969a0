import { beforeEach, describe, expect, it } from 'vitest';
import {
  AccountLockedError,
  InvalidCredentialsError,
  UnauthenticatedError,
} from '../../functions/domain/errors.ts';
import { hashToken } from '../../functions/domain/token.ts';
import { makeSignIn } from '../../functions/domain/use-cases/sign-in.ts';
import {
  CountingRandom,
  FakeClock,
  fakeHasher,
  InMemorySessionStore,
  InMemoryUserRepository,
  pendingUser,
  rejectionOf,
} from '../support/fakes.ts';

const PASSWORD = 'Tr0pika!Hujan#Lebat';
const MINUTE = 60_000;

describe('sign-in', () => {
  let clock: FakeClock;
  let users: InMemoryUserRepository;
  let sessions: InMemorySessionStore;
  let verified: string[];
  let signIn: ReturnType<typeof makeSignIn>;

  beforeEach(() => {
    clock = new FakeClock('2026-01-11T01:00:00.000Z');
    users = new InMemoryUserRepository();
    sessions = new InMemorySessionStore();
    verified = [];
    users.put(pendingUser({ status: 'ACTIVE', passwordHash: `h:${PASSWORD}` }));
    users.put(pendingUser({ icNumber: '910202145678', email: 'p@example.gov.my' }));
    signIn = makeSignIn({
      users,
      sessions,
      clock,
      random: new CountingRandom(),
      hasher: {
        hash: fakeHasher.hash,
        verify: async (secret, hash) => {
          verified.push(hash);
          return fakeHasher.verify(secret, hash);
        },
      },
      settings: { maxFailures: 5, lockSeconds: 900, sessionIdleSeconds: 1800, sessionMaxSeconds: 43_200 },
    });
  });

  describe('login', () => {
    it('starts a session whose identifier is stored only as its hash', async () => {
      const result = await signIn.login({ userId: 'kth:900101145678', password: PASSWORD });

      expect(result.user).toMatchObject({ userId: 'kth:900101145678', name: 'AISYAH BINTI AHMAD' });
      expect(result.sessionId).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect([...sessions.sessions.keys()]).toEqual([hashToken(result.sessionId)]);
      expect(JSON.stringify([...sessions.sessions.values()])).not.toContain(result.sessionId);
    });

    it('spends a bcrypt comparison on a dummy hash for an unknown ID and a pending account', async () => {
      const unknown = await rejectionOf(
        signIn.login({ userId: '800808088888', password: PASSWORD }),
        InvalidCredentialsError,
      );
      const pending = await rejectionOf(
        signIn.login({ userId: '910202145678', password: PASSWORD }),
        InvalidCredentialsError,
      );

      expect(unknown.message).toBe(pending.message);
      expect(verified).toHaveLength(2);
      expect(verified[0]).toMatch(/^h:/);
      expect(verified[0]).not.toBe(`h:${PASSWORD}`);
    });

    it('locks after 5 failures in a row for 15 minutes, then lets the right password in', async () => {
      for (let i = 0; i < 4; i++) {
        await rejectionOf(
          signIn.login({ userId: '900101145678', password: 'wrong' }),
          InvalidCredentialsError,
        );
      }
      const fifth = await rejectionOf(
        signIn.login({ userId: '900101145678', password: 'wrong' }),
        AccountLockedError,
      );
      clock.advance(14 * MINUTE);
      const stillLocked = await rejectionOf(
        signIn.login({ userId: '900101145678', password: PASSWORD }),
        AccountLockedError,
      );
      clock.advance(MINUTE + 1000);
      const after = await signIn.login({ userId: '900101145678', password: PASSWORD });

      expect(fifth.retryAfterSeconds).toBe(900);
      expect(stillLocked.retryAfterSeconds).toBe(60);
      expect(after.user.icNumber).toBe('900101145678');
    });

    it('resets the failure count when a sign-in succeeds', async () => {
      for (let i = 0; i < 4; i++) {
        await rejectionOf(
          signIn.login({ userId: '900101145678', password: 'wrong' }),
          InvalidCredentialsError,
        );
      }
      await signIn.login({ userId: '900101145678', password: PASSWORD });

      await rejectionOf(signIn.login({ userId: '900101145678', password: 'wrong' }), InvalidCredentialsError);

      expect(users.stored('900101145678').failedLogins).toBe(1);
    });
  });

  describe('session', () => {
    it('ends a session idle for 30 minutes', async () => {
      const { sessionId } = await signIn.login({ userId: '900101145678', password: PASSWORD });
      clock.advance(29 * MINUTE);
      await signIn.currentSession(sessionId);

      clock.advance(30 * MINUTE);
      await rejectionOf(signIn.currentSession(sessionId), UnauthenticatedError);

      expect(sessions.sessions.size).toBe(0);
    });

    it('keeps an active session alive, but never past 12 hours', async () => {
      const { sessionId } = await signIn.login({ userId: '900101145678', password: PASSWORD });
      // Seen every 20 minutes, so never idle: 35 steps reach 11 h 40 min.
      for (let step = 0; step < 35; step++) {
        clock.advance(20 * MINUTE);
        await signIn.currentSession(sessionId);
      }
      clock.advance(20 * MINUTE);

      await rejectionOf(signIn.currentSession(sessionId), UnauthenticatedError);
    });

    it('refuses a missing or unknown session identifier', async () => {
      await rejectionOf(signIn.currentSession(undefined), UnauthenticatedError);
      await rejectionOf(
        signIn.currentSession('never-issued-session-identifier-000000000'),
        UnauthenticatedError,
      );
    });

    it('ends the session server-side on logout', async () => {
      const { sessionId } = await signIn.login({ userId: '900101145678', password: PASSWORD });

      await signIn.logout(sessionId);

      await rejectionOf(signIn.currentSession(sessionId), UnauthenticatedError);
    });
  });
});
