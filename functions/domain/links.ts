import { AlreadyActiveError, type DomainError, TokenExpiredError, TokenInvalidError } from './errors.ts';
import { isExpired } from './token.ts';
import type { StoredAnswer, User, UserStatus } from './user.ts';
import { formatUserId } from './user-id.ts';

/** What an e-mailed link is for: activating an account, or Lupa Kata Laluan. */
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
  /** The holder's PTJ and agency when the link was issued: the progress counters an activation moves. */
  ptjCode?: string;
  agencyCode?: string;
}

/**
 * E-mailed links (activation and Lupa Kata Laluan), described once: which user fields hold a
 * purpose's current link and its pacing, which account may use it, and why a link is refused.
 * The use cases, the DynamoDB adapter (explaining a cancelled transaction) and the test fakes all
 * read these, so the rule cannot drift between them.
 */
export interface LinkFields {
  hash: 'activationTokenHash' | 'recoveryTokenHash';
  issuedAt: 'activationTokenIssuedAt' | 'recoveryTokenIssuedAt';
  expiresAt: 'activationTokenExpiresAt' | 'recoveryTokenExpiresAt';
  sends: 'activationSends' | 'recoverySends';
  revision: 'sendRevision' | 'recoveryRevision';
  /** Only an account in this status may hold or use the link. */
  holderStatus: UserStatus;
  /** The page the link opens. */
  path: '/account/activation' | '/account/recovery';
}

export const LINK_FIELDS: Readonly<Record<LinkPurpose, LinkFields>> = {
  ACTIVATION: {
    hash: 'activationTokenHash',
    issuedAt: 'activationTokenIssuedAt',
    expiresAt: 'activationTokenExpiresAt',
    sends: 'activationSends',
    revision: 'sendRevision',
    holderStatus: 'PENDING',
    path: '/account/activation',
  },
  RECOVERY: {
    hash: 'recoveryTokenHash',
    issuedAt: 'recoveryTokenIssuedAt',
    expiresAt: 'recoveryTokenExpiresAt',
    sends: 'recoverySends',
    revision: 'recoveryRevision',
    holderStatus: 'ACTIVE',
    path: '/account/recovery',
  },
};

export function linkSends(user: User, purpose: LinkPurpose): number[] {
  return user[LINK_FIELDS[purpose].sends] ?? [];
}

export function linkRevision(user: User, purpose: LinkPurpose): number {
  return user[LINK_FIELDS[purpose].revision] ?? 0;
}

/**
 * Why the link's token itself cannot be used at `now` (unknown, other purpose, used, expired), or
 * undefined. Expiry is checked here, since DynamoDB TTL may leave an expired item for two days.
 */
export function tokenRefusal(
  record: TokenRecord | undefined,
  purpose: LinkPurpose,
  now: Date,
): DomainError | undefined {
  if (record?.purpose !== purpose) return new TokenInvalidError();
  // A used activation link means the account is active: say so, it is what the officer needs.
  if (record.usedAt) return purpose === 'ACTIVATION' ? new AlreadyActiveError() : new TokenInvalidError();
  if (isExpired(record.expiresAt, now)) return new TokenExpiredError();
  return undefined;
}

/** Why the user no longer holds this link (gone, status changed, replaced by a later e-mail), or undefined. */
export function holderRefusal(record: TokenRecord, user: User | undefined): DomainError | undefined {
  const fields = LINK_FIELDS[record.purpose];
  if (!user) return new TokenInvalidError();
  if (user.status !== fields.holderStatus) {
    return record.purpose === 'ACTIVATION' && user.status === 'ACTIVE'
      ? new AlreadyActiveError()
      : new TokenInvalidError();
  }
  if (user[fields.hash] !== record.tokenHash) return new TokenInvalidError();
  return undefined;
}

/**
 * The two of the user's three questions a recovery link asks: derived from the token's hash, so
 * random per link (the token is), fixed for it, and the same when the link is put back.
 */
export function recoveryQuestionIds(tokenHash: string, answers: readonly StoredAnswer[]): string[] {
  const ids = answers.map((a) => a.questionId);
  const skip = Number.parseInt(tokenHash.slice(0, 8), 16) % Math.max(1, ids.length);
  return ids.filter((_, i) => i !== skip).slice(0, 2);
}

/** The stored side of a link: its hash and what its page shows. */
export function linkRecord(
  user: User,
  purpose: LinkPurpose,
  token: { tokenHash: string; issuedAt: string; expiresAt: string },
): TokenRecord {
  return {
    ...token,
    purpose,
    icNumber: user.icNumber,
    userId: formatUserId(user.icNumber, user.agencyCode),
    name: user.name,
    email: user.email,
    registeredAt: user.registeredAt,
    ...(user.ptjCode === undefined ? {} : { ptjCode: user.ptjCode }),
    ...(user.agencyCode === undefined ? {} : { agencyCode: user.agencyCode }),
    ...(purpose === 'RECOVERY'
      ? { questionIds: recoveryQuestionIds(token.tokenHash, user.securityAnswers ?? []) }
      : {}),
  };
}

/** The user's current link of this purpose, rebuilt from the user record (to put back after a failed send). */
export function currentLink(user: User, purpose: LinkPurpose): TokenRecord | undefined {
  const fields = LINK_FIELDS[purpose];
  const tokenHash = user[fields.hash];
  const issuedAt = user[fields.issuedAt];
  const expiresAt = user[fields.expiresAt];
  if (!tokenHash || !issuedAt || !expiresAt) return undefined;
  return linkRecord(user, purpose, { tokenHash, issuedAt, expiresAt });
}
