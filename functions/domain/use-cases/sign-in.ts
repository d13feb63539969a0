import { AccountLockedError, InvalidCredentialsError, UnauthenticatedError } from '../errors.ts';
import type { Clock, RandomSource, SecretHasher, SessionStore, UserRepository } from '../ports.ts';
import { hashToken } from '../token.ts';
import type { Session, SessionUser, User } from '../user.ts';
import { formatUserId, parseUserId } from '../user-id.ts';

export interface SignInSettings {
  maxFailures: number;
  lockSeconds: number;
  sessionIdleSeconds: number;
  sessionMaxSeconds: number;
}

export interface SignInDeps {
  users: UserRepository;
  sessions: SessionStore;
  hasher: SecretHasher;
  clock: Clock;
  random: RandomSource;
  settings: SignInSettings;
}

/** Idle sessions are extended at most this often, so reading a session is rarely a write. */
const TOUCH_INTERVAL_MS = 60_000;

function sessionUser(user: User): SessionUser {
  return {
    userId: formatUserId(user.icNumber, user.agencyCode),
    icNumber: user.icNumber,
    name: user.name,
    email: user.email,
    roles: user.roles,
  };
}

/** Sign-in, the current session and sign-out (security.md 10, 11, 17). */
export function makeSignIn({ users, sessions, hasher, clock, random, settings }: SignInDeps) {
  // Unknown IDs and pending accounts still spend one bcrypt comparison, so timing tells nothing.
  let dummyHash: Promise<string> | undefined;
  const dummy = () => {
    dummyHash ??= hasher.hash(Buffer.from(random.bytes(16)).toString('hex'));
    return dummyHash;
  };

  async function login(input: { userId: string; password: string }) {
    const { icNumber } = parseUserId(input.userId);
    const user = await users.get(icNumber);
    const now = clock.now();
    if (user?.lockedUntil && Date.parse(user.lockedUntil) > now.getTime()) {
      throw new AccountLockedError(Math.ceil((Date.parse(user.lockedUntil) - now.getTime()) / 1000));
    }
    const canSignIn = user?.status === 'ACTIVE' && user.passwordHash !== undefined;
    const matches = await hasher.verify(
      input.password,
      canSignIn ? (user.passwordHash as string) : await dummy(),
    );
    if (!user || !canSignIn || !matches) {
      if (user && canSignIn) {
        const failures = await users.recordLoginFailure(icNumber);
        if (failures >= settings.maxFailures) {
          await users.lock(icNumber, new Date(now.getTime() + settings.lockSeconds * 1000));
          throw new AccountLockedError(settings.lockSeconds);
        }
      }
      throw new InvalidCredentialsError();
    }

    await users.recordLoginSuccess(icNumber, now);
    const sessionId = Buffer.from(random.bytes(32)).toString('base64url');
    const session: Session = {
      sessionHash: hashToken(sessionId),
      icNumber,
      user: sessionUser(user),
      createdAt: now.toISOString(),
      lastSeenAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + settings.sessionMaxSeconds * 1000).toISOString(),
    };
    await sessions.create(session);
    return { sessionId, user: session.user, maxAgeSeconds: settings.sessionMaxSeconds };
  }

  async function currentSession(sessionId: string | undefined) {
    if (!sessionId) throw new UnauthenticatedError();
    const sessionHash = hashToken(sessionId);
    const session = await sessions.get(sessionHash);
    if (!session) throw new UnauthenticatedError();
    const now = clock.now().getTime();
    const lastSeen = Date.parse(session.lastSeenAt);
    if (now >= Date.parse(session.expiresAt) || now >= lastSeen + settings.sessionIdleSeconds * 1000) {
      await sessions.delete(sessionHash);
      throw new UnauthenticatedError();
    }
    if (now - lastSeen >= TOUCH_INTERVAL_MS) await sessions.touch(sessionHash, new Date(now));
    return { user: session.user };
  }

  async function logout(sessionId: string | undefined) {
    if (sessionId) await sessions.delete(hashToken(sessionId));
  }

  return { login, currentSession, logout };
}
