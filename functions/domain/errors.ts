/**
 * Domain errors. Each carries its HTTP status and stable `code`; the one error middleware
 * (`functions/http/problem-details.ts`) maps them to problem+json by `instanceof DomainError`.
 */
export interface FieldProblem {
  path: string;
  code: string;
}

export abstract class DomainError extends Error {
  abstract readonly status: number;
  abstract readonly code: string;
  abstract readonly title: string;
  /** Seconds after which a retry may succeed; sent as `Retry-After`. */
  readonly retryAfterSeconds?: number;
}

export class ValidationError extends DomainError {
  override name = 'ValidationError';
  readonly status = 400;
  readonly code = 'VALIDATION_FAILED';
  readonly title = 'The request is not valid';
  constructor(
    readonly errors: FieldProblem[],
    message = 'One or more fields are not valid.',
  ) {
    super(message);
  }
}

export class UserNotFoundError extends DomainError {
  override name = 'UserNotFoundError';
  readonly status = 404;
  readonly code = 'USER_NOT_FOUND';
  readonly title = 'No such user';
  constructor() {
    super('No user is registered with this ID.');
  }
}

export class UserExistsError extends DomainError {
  override name = 'UserExistsError';
  readonly status = 409;
  readonly code = 'USER_EXISTS';
  readonly title = 'User already registered';
  constructor(options?: ErrorOptions) {
    super('A user with this ID card number is already registered.', options);
  }
}

export class AlreadyActiveError extends DomainError {
  override name = 'AlreadyActiveError';
  readonly status = 409;
  readonly code = 'ALREADY_ACTIVE';
  readonly title = 'Account already active';
  constructor(options?: ErrorOptions) {
    super('This account has already been activated. Sign in, or recover the password.', options);
  }
}

export class ResendCooldownError extends DomainError {
  override name = 'ResendCooldownError';
  readonly status = 429;
  readonly code = 'RESEND_COOLDOWN';
  readonly title = 'Too many e-mails requested';
  constructor(override readonly retryAfterSeconds: number) {
    super(`An activation e-mail was sent recently. Try again in ${retryAfterSeconds} seconds.`);
  }
}

export class TokenExpiredError extends DomainError {
  override name = 'TokenExpiredError';
  readonly status = 410;
  readonly code = 'TOKEN_EXPIRED';
  readonly title = 'Link expired';
  constructor(options?: ErrorOptions) {
    super('This link has expired. Request a new activation e-mail.', options);
  }
}

export class TokenInvalidError extends DomainError {
  override name = 'TokenInvalidError';
  readonly status = 410;
  readonly code = 'TOKEN_INVALID';
  readonly title = 'Link not valid';
  constructor(options?: ErrorOptions) {
    super('This link is not valid: it was used, replaced by a newer e-mail, or never issued.', options);
  }
}

/** A dependency (DynamoDB, SES) failed after the SDK's own retries; nothing was left half-done. */
export class ServiceUnavailableError extends DomainError {
  override name = 'ServiceUnavailableError';
  readonly status = 503;
  readonly code = 'SERVICE_UNAVAILABLE';
  readonly title = 'Service temporarily unavailable';
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
  readonly status = 401;
  readonly code = 'INVALID_CREDENTIALS';
  readonly title = 'Sign-in failed';
  constructor() {
    super('The ID card number or the password is not correct.');
  }
}

export class AccountLockedError extends DomainError {
  override name = 'AccountLockedError';
  readonly status = 423;
  readonly code = 'ACCOUNT_LOCKED';
  readonly title = 'Account locked';
  constructor(override readonly retryAfterSeconds: number) {
    super(`Too many failed attempts. Try again in ${Math.ceil(retryAfterSeconds / 60)} minutes.`);
  }
}

export class UnauthenticatedError extends DomainError {
  override name = 'UnauthenticatedError';
  readonly status = 401;
  readonly code = 'UNAUTHENTICATED';
  readonly title = 'Not signed in';
  constructor() {
    super('There is no valid session. Sign in again.');
  }
}

/**
 * The e-mail service refused the message for good (e.g. SES `MessageRejected`): retrying the same
 * request cannot help, so no `Retry-After`; an administrator must look at the address or sender.
 */
export class EmailRejectedError extends DomainError {
  override name = 'EmailRejectedError';
  readonly status = 502;
  readonly code = 'EMAIL_REJECTED';
  readonly title = 'E-mail refused';
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
  readonly status = 400;
  readonly code = 'ANSWERS_WRONG';
  readonly title = 'Security answers do not match';
  constructor() {
    super('One or more security answers are not correct.');
  }
}

/** The request did not come through the site's CloudFront distribution. */
export class ForbiddenOriginError extends DomainError {
  override name = 'ForbiddenOriginError';
  readonly status = 403;
  readonly code = 'FORBIDDEN';
  readonly title = 'Forbidden';
  constructor() {
    super('Call the API through the site address.');
  }
}
