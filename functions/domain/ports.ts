import type {
  AuditEntry,
  AuditFilter,
  AuditRecord,
  ChangeRequest,
  Page,
  PageRequest,
  ProgressRow,
  RequestStatus,
  UserFilter,
} from './administration.ts';
import type { TokenRecord } from './links.ts';
import type { Session } from './sessions.ts';
import type { User } from './user.ts';

/** Time, injected so expiry and cooldowns are testable without sleeping. */
export interface Clock {
  now(): Date;
  sleep(ms: number): Promise<void>;
}

/** Random bytes: defined beside the tokens it makes, so that the two need not import each other. */
export type { RandomSource } from './token.ts';

/** One-way hashing of passwords and security answers (bcrypt in production). */
export interface SecretHasher {
  hash(secret: string): Promise<string>;
  verify(secret: string, hash: string): Promise<boolean>;
}

export interface UserRepository {
  get(icNumber: string): Promise<User | undefined>;
  /**
   * Records a notice e-mail sent to an account that cannot use a link (enumeration-protection
   * mode), on condition that `user.sendRevision` is still current; `ConcurrentUpdateError` if not.
   */
  recordSend(user: User, sends: number[]): Promise<void>;
  /**
   * Puts the sends back as `user` had them, if nothing else changed them since `recordSend`
   * (the notice could not be sent). Runs with the request's compensation reserve.
   */
  undoSend(user: User): Promise<void>;
  /** Records a successful sign-in (and clears a lock that has run out). */
  recordSignIn(icNumber: string, at: Date): Promise<void>;
  /** Mirrors a sign-in lock on the user, for the administrators' lists (LOCKED). */
  recordLock(icNumber: string, until: Date): Promise<void>;
  /** Ends every session of the user (sign out everywhere). */
  endAllSessions(icNumber: string): Promise<void>;
}

/** A claimed guess: what the budget looked like when this guess was let through. */
export interface GuessClaim {
  subject: string;
  /** The count including this guess. */
  count: number;
  generation: number;
}

/** The atomic guess budget of `guess-budget.ts`. */
export interface GuessBudget {
  /**
   * Claims one guess before it is checked. Throws `AccountLockedError` (with the wait) when the
   * subject is locked or its budget is already claimed by guesses in flight.
   */
  claim(subject: string, now: Date): Promise<GuessClaim>;
  /** The guess was wrong; it stays counted. Returns whether this failure locked the subject. */
  fail(claim: GuessClaim, now: Date): Promise<{ locked: boolean }>;
  /**
   * The guess was right: the count starts again. Throws `AccountLockedError` when a lock was set
   * while this guess was being checked (a success never lifts a lock it did not precede).
   */
  succeed(claim: GuessClaim, now: Date): Promise<void>;
  /** Gives an unchecked guess back (a dependency failed before the check could be made). */
  release(claim: GuessClaim): Promise<void>;
}

export interface SessionStore {
  create(session: Session): Promise<void>;
  /**
   * Records a request on the session and returns it, when it is still alive at `now` (used within
   * `idleSeconds` and before its end); undefined otherwise. One conditional write.
   */
  touch(sessionHash: string, now: Date, idleSeconds: number): Promise<Session | undefined>;
  delete(sessionHash: string): Promise<void>;
}

/** The e-mailed links (activation and recovery) and the user fields that go with them. */
export interface LinkStore {
  find(tokenHash: string): Promise<TokenRecord | undefined>;
  /**
   * All or nothing: stores `token`, makes it the user's only link of its purpose (deleting the
   * previous one) and records `sends`. Throws `ConcurrentUpdateError` when another send for the
   * same user got there first, or the user's status no longer fits the purpose.
   */
  replaceToken(user: User, token: TokenRecord, sends: number[]): Promise<void>;
  /**
   * Undoes `replaceToken` after the e-mail could not be sent: the new token goes, the `previous`
   * one (if any) comes back with its own expiry, and the sends are as before: no cooldown spent.
   * Runs with the request's compensation reserve.
   */
  withdrawToken(user: User, token: TokenRecord, previous?: TokenRecord): Promise<void>;
}

export interface ActivationStore extends LinkStore {
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

export interface RecoveryStore extends LinkStore {
  /**
   * One transaction: marks the recovery token used, sets the new password, ends every session
   * (a new session epoch) and lifts the sign-in lock (deletes the `guessSubjects` budgets), on
   * condition that the token is unused, unexpired and current and the account still active.
   * Throws `TokenInvalidError` or `TokenExpiredError` when a condition fails.
   */
  resetPassword(args: {
    token: TokenRecord;
    now: Date;
    passwordHash: string;
    guessSubjects: string[];
  }): Promise<void>;
}

export interface AccountStore {
  /**
   * One transaction: the new password (on condition the current hash is still `currentHash`), a
   * new session epoch, and the caller's own session moved to it, so every other session ends.
   * Throws `ConcurrentUpdateError` when the password changed meanwhile.
   */
  changePassword(args: {
    icNumber: string;
    currentHash: string;
    passwordHash: string;
    now: Date;
    keepSession: string;
    newEpoch: number;
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

/**
 * Sent to the *old* address when an administrator changes the officer's e-mail: the new one
 * masked (enough to recognise, not to harvest), and no link (every outstanding link was cancelled).
 */
export interface EmailChangedMail extends MailTo {
  kind: 'email-changed';
  /** `maskEmail` of the new address. */
  newEmailMasked: string;
  /** ISO 8601, UTC. */
  changedAt: string;
}

export type Mail =
  | ActivationMail
  | AlreadyActiveMail
  | RecoveryMail
  | PasswordChangedMail
  | AccountLockedMail
  | EmailChangedMail;

export interface Mailer {
  /**
   * Throws `ServiceUnavailableError` when the message could not be handed over for now, and
   * `EmailRejectedError` when the e-mail service refused it for good (retrying cannot help).
   */
  send(mail: Mail): Promise<void>;
}

/**
 * The audit trail, append-only: `record` only ever adds (PutItem on a new key); nothing updates or
 * deletes a record (they expire by TTL after the retention period).
 */
export interface AuditLog {
  record(entry: AuditEntry): Promise<void>;
}

export interface AuditReader {
  /** One officer's trail, newest first. */
  forUser(icNumber: string, page: PageRequest): Promise<Page<AuditRecord>>;
  /** Across officers, newest first. */
  search(filter: AuditFilter, page: PageRequest): Promise<Page<AuditRecord>>;
}

/**
 * One administrative change of a user, written all or nothing: the changed fields (on condition
 * that every one of them, and the status, is still as `before` had it), the progress counters the
 * change moves, the links it cancels, the sign-in locks it lifts, and its audit records.
 */
export interface UserChange {
  /** Absent for a registration (then the IC number must be free: `UserExistsError`). */
  before?: User;
  after: User;
  /** Names of the fields of `after` that changed (for the condition and the SET). */
  fields: readonly (keyof User)[];
  /** Delete the user's outstanding activation and recovery links (e-mail change, deactivation). */
  cancelLinks?: boolean;
  /** End every session at once (a new session epoch): deactivation. */
  endSessions?: boolean;
  /** Guess-budget subjects to delete (unlock). */
  liftLocks?: readonly string[];
  audit: readonly AuditEntry[];
}

export interface UserDirectory {
  /** Throws `ChangedMeanwhileError` when `before` no longer holds, `UserExistsError` for a taken IC. */
  apply(change: UserChange): Promise<void>;
  list(filter: UserFilter, page: PageRequest): Promise<Page<User>>;
  progress(by: 'ptj' | 'agency'): Promise<ProgressRow[]>;
}

/** The four-eyes queue. */
export interface RequestStore {
  /** Stores a new PENDING request together with its audit record. */
  create(request: ChangeRequest, audit: AuditEntry): Promise<void>;
  get(id: string): Promise<ChangeRequest | undefined>;
  /**
   * Claims a PENDING request for applying (only one approver can): `RequestDecidedError` when it
   * is decided, or being applied by someone else.
   */
  claim(id: string, by: string, now: Date): Promise<ChangeRequest>;
  /** Gives a claimed request back (applying it failed): PENDING again. */
  release(id: string): Promise<void>;
  /** Records the decision (APPROVED after applying, or REJECTED with a reason) and its audit record. */
  decide(
    id: string,
    decision: { status: Exclude<RequestStatus, 'PENDING'>; by: string; at: Date; reason?: string },
    audit: AuditEntry,
  ): Promise<void>;
  list(
    filter: { status?: RequestStatus; ptjCodes?: readonly string[] },
    page: PageRequest,
  ): Promise<Page<ChangeRequest>>;
}
