import type { Session, TokenRecord, User } from './user.ts';

/** Time, injected so expiry and cooldowns are testable without sleeping. */
export interface Clock {
  now(): Date;
  sleep(ms: number): Promise<void>;
}

export interface RandomSource {
  bytes(length: number): Uint8Array;
}

/** One-way hashing of passwords and security answers (bcrypt in production). */
export interface SecretHasher {
  hash(secret: string): Promise<string>;
  verify(secret: string, hash: string): Promise<boolean>;
}

export interface UserRepository {
  get(icNumber: string): Promise<User | undefined>;
  /** Throws `UserExistsError` when the MyKad number is taken. */
  create(user: User): Promise<void>;
  /** Records a notice e-mail sent to an active user (enumeration-protection mode). */
  recordSend(user: User, sends: number[]): Promise<void>;
  /** Counts one more failed sign-in atomically and returns the new count. */
  recordLoginFailure(icNumber: string): Promise<number>;
  /** Locks sign-in until `until` and starts the count again. */
  lock(icNumber: string, until: Date): Promise<void>;
  /** Resets the failure count and records the sign-in time. */
  recordLoginSuccess(icNumber: string, at: Date): Promise<void>;
}

export interface SessionStore {
  create(session: Session): Promise<void>;
  get(sessionHash: string): Promise<Session | undefined>;
  touch(sessionHash: string, lastSeenAt: Date): Promise<void>;
  delete(sessionHash: string): Promise<void>;
}

export interface ActivationStore {
  find(tokenHash: string): Promise<TokenRecord | undefined>;
  /**
   * All or nothing: stores `token`, makes it the user's only activation token (deleting the
   * previous one) and records `sends`. Throws `ConcurrentUpdateError` when another send for the
   * same user got there first.
   */
  replaceToken(user: User, token: TokenRecord, sends: number[]): Promise<void>;
  /**
   * Undoes `replaceToken` after the e-mail could not be sent: the new token goes, the `previous`
   * one (if any) comes back with its own expiry, and the sends are as before: no cooldown spent.
   */
  withdrawToken(user: User, token: TokenRecord, previous?: TokenRecord): Promise<void>;
  /**
   * One transaction: marks the token used and the user active, on condition that the token is
   * unused and unexpired at `now` and still the user's current one. Throws `TokenInvalidError`,
   * `TokenExpiredError` or `AlreadyActiveError` when a condition fails.
   */
  activate(args: {
    token: TokenRecord;
    now: Date;
    passwordHash: string;
    securityAnswers: { questionId: string; answerHash: string }[];
  }): Promise<void>;
}

interface MailTo {
  to: string;
  /** The officer's name as registered, for the greeting. */
  name: string;
}

/** The source procedure's step-4 e-mail: a link to activate the account. */
export interface ActivationMail extends MailTo {
  kind: 'activation';
  registeredAt: string;
  link: string;
  validMinutes: number;
}

/** Sent instead of an activation or recovery link when the account is already active / not active. */
export interface AlreadyActiveMail extends MailTo {
  kind: 'already-active';
  /** The page where a password recovery is requested (no token in it). */
  recoveryLink: string;
}

/** *Lupa Kata Laluan*: a single-use link to set a new password. */
export interface RecoveryMail extends MailTo {
  kind: 'recovery';
  link: string;
  validMinutes: number;
}

/** Tells the officer their password changed (no secret in it), and what to do if it was not them. */
export interface PasswordChangedMail extends MailTo {
  kind: 'password-changed';
  /** ISO 8601, UTC. */
  changedAt: string;
  /** `recovery`: through Lupa Kata Laluan; `account`: signed in, with the current password. */
  how: 'recovery' | 'account';
  recoveryLink: string;
}

/** Tells the officer that sign-in was locked after repeated failures, with the way out. */
export interface AccountLockedMail extends MailTo {
  kind: 'account-locked';
  /** ISO 8601, UTC. */
  lockedAt: string;
  lockedMinutes: number;
  recoveryLink: string;
}

export type Mail = ActivationMail | AlreadyActiveMail | RecoveryMail | PasswordChangedMail | AccountLockedMail;

export interface Mailer {
  /**
   * Throws `ServiceUnavailableError` when the message could not be handed over for now, and
   * `EmailRejectedError` when the e-mail service refused it for good (retrying cannot help).
   */
  send(mail: Mail): Promise<void>;
}
