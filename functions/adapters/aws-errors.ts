import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { ServiceUnavailableError } from '#domain/errors.ts';

const UNAVAILABLE = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'TooManyRequestsException',
  'LimitExceededException',
  'InternalServerError',
  'InternalFailure',
  'ServiceUnavailable',
  'ServiceUnavailableException',
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
  'AbortError',
]);

/**
 * SES refusals that retrying cannot fix: the message or the address (MessageRejected,
 * BadRequestException), or the account's sending set-up, which only an operator can mend.
 */
const PERMANENT_EMAIL_REFUSALS = new Set([
  'MessageRejected',
  'BadRequestException',
  'MailFromDomainNotVerifiedException',
  'AccountSuspendedException',
  'SendingPausedException',
  'NotFoundException',
]);

export function isPermanentEmailRefusal(error: unknown): boolean {
  return error instanceof Error && PERMANENT_EMAIL_REFUSALS.has(error.name);
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN']);

/**
 * Turns an AWS SDK failure that survived the SDK's own retries into `ServiceUnavailableError`
 * (503 + Retry-After). Anything else (a bug, a bad request we built) is rethrown as it is.
 */
export function toDomainError(error: unknown, dependency: string): unknown {
  if (!(error instanceof Error)) return error;
  const meta = error as Error & {
    code?: string;
    $metadata?: { httpStatusCode?: number };
    $retryable?: unknown;
  };
  const status = meta.$metadata?.httpStatusCode ?? 0;
  if (
    UNAVAILABLE.has(error.name) ||
    (meta.code && NETWORK_CODES.has(meta.code)) ||
    status >= 500 ||
    status === 429 ||
    meta.$retryable
  ) {
    return new ServiceUnavailableError(dependency, { cause: error });
  }
  return error;
}

/** Cancellation reasons that mean DynamoDB was overloaded, not that a condition or a race failed. */
const THROTTLED_REASONS = new Set(['ThrottlingError', 'ProvisionedThroughputExceeded']);

/** A transaction refused by one of its conditions or a concurrent writer; throttling is not one. */
export function isRefusedTransaction(error: unknown): error is TransactionCanceledException {
  return (
    error instanceof TransactionCanceledException &&
    !(error.CancellationReasons ?? []).some((reason) => THROTTLED_REASONS.has(reason.Code ?? ''))
  );
}

/**
 * A transaction that lost only a race with another transaction on a shared item (a PTJ's progress
 * counters, when many officers of one PTJ are registered at once): nothing was written, and the
 * same transaction may simply be sent again. A failed condition anywhere is a real refusal.
 */
export function lostOnlyToConflict(error: unknown): boolean {
  if (!(error instanceof TransactionCanceledException)) return false;
  const codes = (error.CancellationReasons ?? []).map((reason) => reason.Code ?? 'None');
  return codes.includes('TransactionConflict') && !codes.includes('ConditionalCheckFailed');
}

/** The pause before a cancelled transaction is sent again: a little longer each time, jittered. */
export function transactionRetryPause(attempt: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 20 * attempt + Math.random() * 30));
}

/** Any other transaction failure: a throttled transaction is a 503 like any overload (the SDK does not retry it). */
export function transactionFailure(error: unknown, dependency: string): unknown {
  return error instanceof TransactionCanceledException
    ? new ServiceUnavailableError(dependency, { cause: error })
    : toDomainError(error, dependency);
}
