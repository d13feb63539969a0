export type UserStatus = 'PENDING' | 'ACTIVE';

export interface StoredAnswer {
  questionId: string;
  answerHash: string;
}

export interface User {
  icNumber: string;
  agencyCode?: string;
  name: string;
  email: string;
  roles: string[];
  status: UserStatus;
  /** ISO 8601, UTC. */
  registeredAt: string;
  activatedAt?: string;
  passwordHash?: string;
  securityAnswers?: StoredAnswer[];
  /** Hash of the one activation token that may still be used, and its times (ISO 8601). */
  activationTokenHash?: string;
  activationTokenIssuedAt?: string;
  activationTokenExpiresAt?: string;
  /** Epoch milliseconds of the activation e-mails sent in the last hour (cooldown and cap). */
  activationSends: number[];
  /** Bumped on every send; conditional writes on it stop two concurrent sends. */
  sendRevision: number;
  /** Consecutive failed sign-ins since the last success or lock. */
  failedLogins?: number;
  /** ISO 8601; sign-in is refused until then. */
  lockedUntil?: string;
  lastLoginAt?: string;
}

/** A server-side session; only the SHA-256 hash of its identifier is stored. */
export interface Session {
  sessionHash: string;
  icNumber: string;
  user: SessionUser;
  createdAt: string;
  lastSeenAt: string;
  /** Absolute end (createdAt + the maximum lifetime). */
  expiresAt: string;
}

export interface SessionUser {
  userId: string;
  icNumber: string;
  name: string;
  email: string;
  roles: string[];
}

/**
 * The stored side of a token: its SHA-256 hash (never the token) plus what the activation page
 * shows, so verifying a link is a single read.
 */
export interface TokenRecord {
  tokenHash: string;
  purpose: 'ACTIVATION';
  icNumber: string;
  userId: string;
  name: string;
  email: string;
  registeredAt: string;
  issuedAt: string;
  expiresAt: string;
  usedAt?: string;
}

/** What administrators and integrators may see of a user: never a hash or a token. */
export function publicUser(user: User) {
  return {
    userId: user.agencyCode ? `${user.agencyCode}:${user.icNumber}` : user.icNumber,
    icNumber: user.icNumber,
    agencyCode: user.agencyCode ?? null,
    name: user.name,
    email: user.email,
    roles: user.roles,
    status: user.status,
    registeredAt: user.registeredAt,
    activatedAt: user.activatedAt ?? null,
    lastLoginAt: user.lastLoginAt ?? null,
  };
}
