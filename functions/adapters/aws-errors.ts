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
  'SendingPausedException',
  'AccountSuspendedException',
  'MailFromDomainNotVerifiedException',
  'MessageRejected',
]);

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
