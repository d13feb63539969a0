import { currentDuties, type DutyAssignment } from './duties.ts';
import { currentDutyCodes, type User } from './user.ts';
import { formatUserId } from './user-id.ts';

/** A server-side session; only the SHA-256 hash of its identifier is stored. */
export interface Session {
  sessionHash: string;
  icNumber: string;
  /** The user's `sessionEpoch` when it began; a later epoch ends it. */
  epoch: number;
  createdAt: string;
  /** The last request made with it: idle time counts from here. */
  lastSeenAt: string;
  /** Absolute end (createdAt + the maximum lifetime). */
  expiresAt: string;
}

/** The signed-in officer as the pages see her (see `sessionUser`). */
export interface SessionUser {
  userId: string;
  icNumber: string;
  name: string;
  email: string;
  /** The duty codes the officer holds today (Pengurusan Tugas). */
  roles: string[];
  /** The duty assignments that grant something today, with their PTJ, limit and dates. */
  duties: DutyAssignment[];
}

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
export function sessionUser(user: User, now: Date): SessionUser {
  return {
    userId: formatUserId(user.icNumber, user.agencyCode),
    icNumber: user.icNumber,
    name: user.name,
    email: user.email,
    roles: currentDutyCodes(user, now),
    duties: currentDuties(user.duties ?? [], now),
  };
}
