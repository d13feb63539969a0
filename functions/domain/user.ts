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
  /** The one Lupa Kata Laluan link that may still be used, and its times (ISO 8601). */
  recoveryTokenHash?: string;
  recoveryTokenIssuedAt?: string;
  recoveryTokenExpiresAt?: string;
  /** Epoch milliseconds of the recovery e-mails sent in the last hour (paced apart from activation). */
  recoverySends?: number[];
  /** As `sendRevision`, for recovery e-mails; absent means 0. */
  recoveryRevision?: number;
  /**
   * Sessions carry the epoch they were created in; bumping it (password reset, sign out
   * everywhere) ends every session at once, atomically with the change that calls for it.
   */
  sessionEpoch?: number;
  passwordChangedAt?: string;
  lastLoginAt?: string;
}

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

export interface SessionUser {
  userId: string;
  icNumber: string;
  name: string;
  email: string;
  roles: string[];
}

export type LinkPurpose = 'ACTIVATION' | 'RECOVERY';

/**
 * The stored side of an e-mailed link's token: its SHA-256 hash (never the token) plus what its
 * page shows, so verifying a link is a single read.
 */
export interface TokenRecord {
  tokenHash: string;
  purpose: LinkPurpose;
  icNumber: string;
  userId: string;
  name: string;
  email: string;
  registeredAt: string;
  issuedAt: string;
  expiresAt: string;
  usedAt?: string;
  /** Recovery: the two of the user's three questions this link asks, chosen when it was issued. */
  questionIds?: string[];
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
