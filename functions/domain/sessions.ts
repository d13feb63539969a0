import type { Session, SessionUser, User } from './user.ts';
import { formatUserId } from './user-id.ts';

/**
 * A session is alive while it is used within `idleSeconds` of its last request and before its
 * absolute end. The session store's conditional write states the same rule in DynamoDB terms.
 */
export function sessionAlive(session: Session, now: Date, idleSeconds: number): boolean {
  const t = now.getTime();
  return t < Date.parse(session.expiresAt) && t < Date.parse(session.lastSeenAt) + idleSeconds * 1000;
}

/** A session still belongs to an account that may use it: active, and not ended by a new epoch. */
export function sessionHolderValid(session: Session, user: User | undefined): user is User {
  return user?.status === 'ACTIVE' && (user.sessionEpoch ?? 0) === session.epoch;
}

/** What the pages see of the signed-in officer, read fresh from the user record on every request. */
export function sessionUser(user: User): SessionUser {
  return {
    userId: formatUserId(user.icNumber, user.agencyCode),
    icNumber: user.icNumber,
    name: user.name,
    email: user.email,
    roles: user.roles,
  };
}
