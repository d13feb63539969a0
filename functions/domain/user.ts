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
