import {
  ConditionalCheckFailedException,
  InternalServerError,
  ProvisionedThroughputExceededException,
  RequestLimitExceeded,
} from '@aws-sdk/client-dynamodb';
import { MessageRejected, TooManyRequestsException } from '@aws-sdk/client-sesv2';
import { describe, expect, it } from 'vitest';
import { isPermanentEmailRefusal, toDomainError } from '#adapters/aws-errors.ts';
import { ServiceUnavailableError } from '#domain/errors.ts';

function named(name: string, fields: Record<string, unknown> = {}): Error {
  const error = new Error(`${name} happened`);
  error.name = name;
  return Object.assign(error, fields);
}

describe('toDomainError', () => {
  it.each([
    [
      'ProvisionedThroughputExceededException',
      new ProvisionedThroughputExceededException({ message: 'x', $metadata: {} }),
    ],
    ['RequestLimitExceeded', new RequestLimitExceeded({ message: 'x', $metadata: {} })],
    ['InternalServerError', new InternalServerError({ message: 'x', $metadata: {} })],
    ['ThrottlingException', named('ThrottlingException')],
    ['TimeoutError', named('TimeoutError')],
    ['SES TooManyRequestsException', new TooManyRequestsException({ message: 'x', $metadata: {} })],
    ['an aborted attempt (time budget spent)', named('AbortError')],
  ])('maps %s to ServiceUnavailableError', (_, error) => {
    // Act
    const mapped = toDomainError(error, 'The user store');

    // Assert
    expect(mapped).toBeInstanceOf(ServiceUnavailableError);
  });

  it.each([
    [
      'MessageRejected',
      new MessageRejected({ message: 'Email address is not verified: a@b.c', $metadata: {} }),
    ],
    ['BadRequestException', named('BadRequestException')],
    ['AccountSuspendedException', named('AccountSuspendedException')],
    ['SendingPausedException', named('SendingPausedException')],
    ['MailFromDomainNotVerifiedException', named('MailFromDomainNotVerifiedException')],
  ])('names SES %s a permanent refusal, not an outage', (_, error) => {
    // Act
    const permanent = isPermanentEmailRefusal(error);

    // Assert
    expect(permanent).toBe(true);
    expect(toDomainError(error, 'E-mail')).not.toBeInstanceOf(ServiceUnavailableError);
  });

  it('does not name throttling a permanent refusal', () => {
    // Act
    const permanent = isPermanentEmailRefusal(new TooManyRequestsException({ message: 'x', $metadata: {} }));

    // Assert
    expect(permanent).toBe(false);
  });

  it.each([500, 502, 503, 504])(
    'maps an unnamed error with HTTP status %i to ServiceUnavailableError',
    (status) => {
      // Arrange
      const error = named('UnknownError', { $metadata: { httpStatusCode: status } });

      // Act
      const mapped = toDomainError(error, 'The user store');

      // Assert
      expect(mapped).toBeInstanceOf(ServiceUnavailableError);
    },
  );

  it.each(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN'])(
    'maps the network failure %s to ServiceUnavailableError',
    (code) => {
      // Arrange
      const error = named('Error', { code });

      // Act
      const mapped = toDomainError(error, 'The user store');

      // Assert
      expect(mapped).toBeInstanceOf(ServiceUnavailableError);
    },
  );

  it('maps an error the SDK marks $retryable to ServiceUnavailableError', () => {
    // Arrange
    const error = named('SomeTransientFault', { $retryable: { throttling: false } });

    // Act
    const mapped = toDomainError(error, 'The user store');

    // Assert
    expect(mapped).toBeInstanceOf(ServiceUnavailableError);
  });

  it('keeps the SDK error as the cause, names the dependency and asks for a retry later', () => {
    // Arrange
    const error = new ProvisionedThroughputExceededException({ message: 'x', $metadata: {} });

    // Act
    const mapped = toDomainError(error, 'E-mail') as ServiceUnavailableError;

    // Assert
    expect(mapped.cause).toBe(error);
    expect(mapped.message).toMatch(/^E-mail /);
    expect(mapped.retryAfterSeconds).toBeGreaterThan(0);
  });

  it.each([
    ['a plain programming error', new Error('boom')],
    ['a TypeError', new TypeError('x is undefined')],
    [
      'a conditional-check failure',
      new ConditionalCheckFailedException({ message: 'x', $metadata: { httpStatusCode: 400 } }),
    ],
    ['a 400 validation error', named('ValidationException', { $metadata: { httpStatusCode: 400 } })],
    ['an unknown network code', named('Error', { code: 'ERR_INVALID_ARG_TYPE' })],
  ])('passes %s through unchanged', (_, error) => {
    // Act
    const mapped = toDomainError(error, 'The user store');

    // Assert
    expect(mapped).toBe(error);
  });

  it('passes a thrown non-Error value through unchanged', () => {
    // Arrange
    const thrown = { reason: 'not an Error' };

    // Act
    const mapped = toDomainError(thrown, 'The user store');

    // Assert
    expect(mapped).toBe(thrown);
  });
});
