/**
 * Domain errors: what went wrong, as a stable `code` and a sentence. How a code is answered over
 * HTTP (status, title) is the HTTP layer's business (`functions/http/problems.ts`), which maps
 * these by `instanceof DomainError` in one place.
 */
export interface FieldProblem {
  path: string;
  code: string;
}

export type ErrorCode =
  | 'VALIDATION_FAILED'
  | 'ANSWERS_WRONG'
  | 'INVALID_CREDENTIALS'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'USER_NOT_FOUND'
  | 'USER_EXISTS'
  | 'ALREADY_ACTIVE'
  | 'TOKEN_EXPIRED'
  | 'TOKEN_INVALID'
  | 'ACCOUNT_LOCKED'
  | 'RESEND_COOLDOWN'
  | 'EMAIL_REJECTED'
  | 'SERVICE_UNAVAILABLE'
  | 'ACCOUNT_DISABLED'
  | 'ALREADY_DISABLED'
  | 'NOT_DISABLED'
  | 'DUTY_UNKNOWN'
  | 'DUTY_CONFLICT'
  | 'OWN_REQUEST'
  | 'REQUEST_NOT_FOUND'
  | 'REQUEST_DECIDED'
  | 'CHANGED_MEANWHILE';

export abstract class DomainError extends Error {
  abstract readonly code: ErrorCode;
  /** Seconds after which a retry may succeed. */
  readonly retryAfterSeconds?: number;
}

/** One or more fields are not acceptable; `errors` names each with its own code. */
export class ValidationError extends DomainError {
  override name = 'ValidationError';
  readonly code = 'VALIDATION_FAILED';
  constructor(
    readonly errors: FieldProblem[],
    message = 'One or more fields are not valid.',
  ) {
    super(message);
  }
}

export class UserNotFoundError extends DomainError {
  override name = 'UserNotFoundError';
  readonly code = 'USER_NOT_FOUND';
  constructor() {
    super('No user is registered with this ID.');
  }
}

export class UserExistsError extends DomainError {
  override name = 'UserExistsError';
  readonly code = 'USER_EXISTS';
  constructor(options?: ErrorOptions) {
    super('A user with this ID card number is already registered.', options);
  }
}

export class AlreadyActiveError extends DomainError {
  override name = 'AlreadyActiveError';
  readonly code = 'ALREADY_ACTIVE';
  constructor(options?: ErrorOptions) {
    super('This account has already been activated. Sign in, or recover the password.', options);
  }
}

export class ResendCooldownError extends DomainError {
  override name = 'ResendCooldownError';
  readonly code = 'RESEND_COOLDOWN';
  constructor(override readonly retryAfterSeconds: number) {
    super(`An e-mail was sent recently. Try again in ${retryAfterSeconds} seconds.`);
  }
}

export class TokenExpiredError extends DomainError {
  override name = 'TokenExpiredError';
  readonly code = 'TOKEN_EXPIRED';
  constructor(options?: ErrorOptions) {
    super('This link has expired. Ask for a new e-mail.', options);
  }
}

export class TokenInvalidError extends DomainError {
  override name = 'TokenInvalidError';
  readonly code = 'TOKEN_INVALID';
  constructor(options?: ErrorOptions) {
    super('This link is not valid: it was used, replaced by a newer e-mail, or never issued.', options);
  }
}

/** A dependency (DynamoDB, SES) failed after the SDK's own retries; nothing was left half-done. */
export class ServiceUnavailableError extends DomainError {
  override name = 'ServiceUnavailableError';
  readonly code = 'SERVICE_UNAVAILABLE';
  override readonly retryAfterSeconds: number;
  constructor(dependency: string, options?: ErrorOptions & { retryAfterSeconds?: number }) {
    super(`${dependency} is temporarily unavailable. Try again shortly.`, options);
    this.retryAfterSeconds = options?.retryAfterSeconds ?? 5;
  }
}

/** Two writers raced on the same record; the loser learns it here and decides what to answer. */
export class ConcurrentUpdateError extends Error {
  override name = 'ConcurrentUpdateError';
}

export class InvalidCredentialsError extends DomainError {
  override name = 'InvalidCredentialsError';
  readonly code = 'INVALID_CREDENTIALS';
  constructor() {
    super('The ID card number or the password is not correct.');
  }
}

export class AccountLockedError extends DomainError {
  override name = 'AccountLockedError';
  readonly code = 'ACCOUNT_LOCKED';
  constructor(override readonly retryAfterSeconds: number) {
    super(`Too many failed attempts. Try again in ${Math.ceil(retryAfterSeconds / 60)} minutes.`);
  }
}

export class UnauthenticatedError extends DomainError {
  override name = 'UnauthenticatedError';
  readonly code = 'UNAUTHENTICATED';
  constructor(message = 'There is no valid session. Sign in again.') {
    super(message);
  }
}

/**
 * The e-mail service refused the message for good (e.g. SES `MessageRejected`): retrying the same
 * request cannot help; an administrator must look at the address or the sender.
 */
export class EmailRejectedError extends DomainError {
  override name = 'EmailRejectedError';
  readonly code = 'EMAIL_REJECTED';
  constructor(options?: ErrorOptions) {
    super(
      'The e-mail service refused the message; retrying will not help. Contact your iSPEKS administrator.',
      options,
    );
  }
}

/** Recovery: the security answers do not match the stored ones (counts towards the lockout). */
export class AnswersWrongError extends DomainError {
  override name = 'AnswersWrongError';
  readonly code = 'ANSWERS_WRONG';
  constructor() {
    super('One or more security answers are not correct.');
  }
}

/** The caller may not do this (e.g. a request that did not come through the site's CloudFront). */
export class ForbiddenError extends DomainError {
  override name = 'ForbiddenError';
  readonly code = 'FORBIDDEN';
  constructor(message = 'You may not do this.') {
    super(message);
  }
}

/** The account was deactivated by an administrator: no sign-in, recovery or activation until reactivated. */
export class AccountDisabledError extends DomainError {
  override name = 'AccountDisabledError';
  readonly code = 'ACCOUNT_DISABLED';
  constructor() {
    super('This account has been deactivated. Contact your PTJ administrator.');
  }
}

export class AlreadyDisabledError extends DomainError {
  override name = 'AlreadyDisabledError';
  readonly code = 'ALREADY_DISABLED';
  constructor() {
    super('This account is already deactivated.');
  }
}

export class NotDisabledError extends DomainError {
  override name = 'NotDisabledError';
  readonly code = 'NOT_DISABLED';
  constructor() {
    super('This account is not deactivated.');
  }
}

/** A duty code that is not in the catalogue (the field names which assignment). */
export class DutyUnknownError extends DomainError {
  override name = 'DutyUnknownError';
  readonly code = 'DUTY_UNKNOWN';
  constructor(readonly errors: FieldProblem[]) {
    super('A duty is not in the catalogue (GET /api/admin/duties lists them).');
  }
}

/** Segregation of duties: the assignments hold two duties one officer may not hold in one PTJ at once. */
export class DutyConflictError extends DomainError {
  override name = 'DutyConflictError';
  readonly code = 'DUTY_CONFLICT';
  constructor(readonly conflicts: { duties: [string, string]; ptjCode: string }[]) {
    super(
      `These duties may not be held together in one PTJ: ${conflicts
        .map((c) => `${c.duties[0]} and ${c.duties[1]} (${c.ptjCode})`)
        .join('; ')}.`,
    );
  }
}

/** Four eyes: nobody approves or rejects their own request. */
export class OwnRequestError extends DomainError {
  override name = 'OwnRequestError';
  readonly code = 'OWN_REQUEST';
  constructor() {
    super('A request is decided by another administrator, not by the one who asked for it.');
  }
}

export class RequestNotFoundError extends DomainError {
  override name = 'RequestNotFoundError';
  readonly code = 'REQUEST_NOT_FOUND';
  constructor() {
    super('There is no such request.');
  }
}

export class RequestDecidedError extends DomainError {
  override name = 'RequestDecidedError';
  readonly code = 'REQUEST_DECIDED';
  constructor(readonly status: string) {
    super(`This request has already been decided (${status}).`);
  }
}

/** The user changed between reading and writing (another administrator, or the officer): read and try again. */
export class ChangedMeanwhileError extends DomainError {
  override name = 'ChangedMeanwhileError';
  readonly code = 'CHANGED_MEANWHILE';
  constructor(options?: ErrorOptions) {
    super('The user changed while this was being done. Read the user again and retry.', options);
  }
}
