import { currentDuties, type DutyAssignment, type DutyCode } from './duties.ts';
import { stripInvisible } from './visible-text.ts';

/** As stored. `LOCKED` is not a stored status: it is an ACTIVE account whose sign-in lock is running. */
export type UserStatus = 'PENDING' | 'ACTIVE' | 'DISABLED';

/** As administrators see it. */
export type AdminStatus = UserStatus | 'LOCKED';

export interface StoredAnswer {
  questionId: string;
  answerHash: string;
}

export interface User {
  icNumber: string;
  agencyCode?: string;
  name: string;
  email: string;
  /** Pusat Tanggungjawab: the responsibility centre the officer belongs to (absent only for old records). */
  ptjCode?: string;
  /** Pengurusan Tugas: every assignment, current or not (dates decide). */
  duties?: DutyAssignment[];
  status: UserStatus;
  /** Set when status is DISABLED: when, why, and what it was before (PENDING or ACTIVE). */
  disabledAt?: string;
  disabledReason?: string;
  statusBeforeDisable?: 'PENDING' | 'ACTIVE';
  /** The end of the current sign-in lock (ISO 8601), mirrored from the guess budget for the lists. */
  lockedUntil?: string;
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

/** The user ID as officers type it: `agency:IC` when the agency is known. */
export function userIdOf(user: Pick<User, 'icNumber' | 'agencyCode'>): string {
  return user.agencyCode ? `${user.agencyCode}:${user.icNumber}` : user.icNumber;
}

/** The status as administrators see it: an active account whose sign-in lock runs is LOCKED. */
export function adminStatus(user: User, now: Date): AdminStatus {
  if (
    user.status === 'ACTIVE' &&
    user.lockedUntil !== undefined &&
    Date.parse(user.lockedUntil) > now.getTime()
  ) {
    return 'LOCKED';
  }
  return user.status;
}

/** The duty codes the officer holds today (Malaysia time), each once. */
export function currentDutyCodes(user: User, now: Date): DutyCode[] {
  return [...new Set(currentDuties(user.duties ?? [], now).map((duty) => duty.duty))];
}

/** What administrators and integrators see of a user: never a hash or a token. */
export function adminUser(user: User, now: Date) {
  return {
    userId: userIdOf(user),
    icNumber: user.icNumber,
    agencyCode: user.agencyCode ?? null,
    ptjCode: user.ptjCode ?? null,
    name: user.name,
    email: user.email,
    status: adminStatus(user, now),
    registeredAt: user.registeredAt,
    activatedAt: user.activatedAt ?? null,
    lastSignInAt: user.lastLoginAt ?? null,
    duties: (user.duties ?? []).map((duty) => ({ ...duty })),
    ...(user.status === 'DISABLED'
      ? { disabledAt: user.disabledAt ?? null, disabledReason: user.disabledReason ?? null }
      : {}),
  };
}

export type AdminUserView = ReturnType<typeof adminUser>;

/**
 * A name as the source shows it: upper case, single spaces, and nothing invisible (a zero-width
 * space pasted into a name would make two spellings of one name differ unseen).
 */
export function normaliseName(name: string): string {
  return stripInvisible(name.normalize('NFC')).trim().replace(/\s+/gu, ' ').toUpperCase();
}
