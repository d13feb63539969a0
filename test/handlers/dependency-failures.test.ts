import {
  ProvisionedThroughputExceededException,
  TransactionCanceledException,
} from '@aws-sdk/client-dynamodb';
import { MessageRejected, SendEmailCommand, TooManyRequestsException } from '@aws-sdk/client-sesv2';
import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { hashToken } from '#domain/token.ts';
import { iamSigned, jsonEvent, type ParsedResult } from '../support/events.ts';
import {
  activationBody,
  GOOD_ANSWERS,
  OFFICER,
  PASSWORD,
  pendingUser,
  registrationBody,
  SITE,
} from '../support/fixtures.ts';
import {
  dynamo,
  type Handlers,
  holderItem,
  loadHandlers,
  RAW_TOKEN,
  ROUTES,
  resetAwsMocks,
  ses,
  TOKENS_TABLE,
  tokenItem,
  USERS_TABLE,
} from './setup.ts';

let handlers: Handlers;

beforeAll(async () => {
  handlers = await loadHandlers();
});

afterAll(() => {
  vi.unstubAllEnvs();
});

beforeEach(() => {
  resetAwsMocks();
});

const throttled = () =>
  new ProvisionedThroughputExceededException({ message: 'Rate exceeded', $metadata: {} });

function throttlingException() {
  const error = new Error('Rate exceeded');
  error.name = 'ThrottlingException';
  return Object.assign(error, { $metadata: { httpStatusCode: 400 } });
}

function timeout() {
  const error = new Error('Connection timed out after 3000 ms');
  error.name = 'TimeoutError';
  return error;
}

function cancelled(...codes: string[]) {
  return new TransactionCanceledException({
    message: 'Transaction cancelled',
    $metadata: {},
    CancellationReasons: codes.map((Code) => ({ Code })),
  });
}

const REQUESTS = {
  resend: () => handlers.resend(jsonEvent(ROUTES.resend, { userId: OFFICER.userId })),
  verify: () => handlers.verify(jsonEvent(ROUTES.verify, { token: RAW_TOKEN })),
  activate: () => handlers.activate(jsonEvent(ROUTES.activate, activationBody(RAW_TOKEN))),
};

function expectServiceUnavailable(result: ParsedResult) {
  expect(result.status).toBe(503);
  expect(result.headers['content-type']).toBe('application/problem+json');
  expect(result.body).toMatchObject({ status: 503, code: 'SERVICE_UNAVAILABLE' });
  expect(Number(result.headers['retry-after'])).toBeGreaterThan(0);
}

function transactItems(call: number) {
  const input = dynamo.commandCalls(TransactWriteCommand)[call]?.args[0].input;
  return input?.TransactItems ?? [];
}

describe('a throttled or timed-out DynamoDB read', () => {
  it.each(Object.keys(REQUESTS) as (keyof typeof REQUESTS)[])(
    '%s: answers 503 SERVICE_UNAVAILABLE with Retry-After when throttled',
    async (route) => {
      // Arrange
      dynamo.on(GetCommand).rejects(throttled());

      // Act
      const result = await REQUESTS[route]();

      // Assert
      expectServiceUnavailable(result);
      expect(dynamo.commandCalls(TransactWriteCommand)).toHaveLength(0);
    },
  );

  it.each(Object.keys(REQUESTS) as (keyof typeof REQUESTS)[])(
    '%s: answers 503 with Retry-After on a ThrottlingException',
    async (route) => {
      // Arrange
      dynamo.on(GetCommand).rejects(throttlingException());

      // Act
      const result = await REQUESTS[route]();

      // Assert
      expectServiceUnavailable(result);
    },
  );

  it.each(Object.keys(REQUESTS) as (keyof typeof REQUESTS)[])(
    '%s: answers 503 with Retry-After on a timeout',
    async (route) => {
      // Arrange
      dynamo.on(GetCommand).rejects(timeout());

      // Act
      const result = await REQUESTS[route]();

      // Assert
      expectServiceUnavailable(result);
    },
  );

  it('keeps the cause out of the answer', async () => {
    // Arrange
    dynamo.on(GetCommand).rejects(timeout());

    // Act
    const result = await REQUESTS.resend();

    // Assert
    expect(result.rawBody).not.toContain('3000 ms');
    expect(result.rawBody).not.toContain('TimeoutError');
  });
});

describe('resend-activation handler', () => {
  const tenMinutesAgo = Date.now() - 10 * 60_000;

  beforeEach(() => {
    dynamo.on(GetCommand, { TableName: USERS_TABLE }).resolves({
      Item: pendingUser({
        activationTokenHash: 'previous-token-hash',
        activationSends: [tenMinutesAgo],
        sendRevision: 3,
      }),
    });
    dynamo.on(TransactWriteCommand).resolves({});
  });

  it('on success answers 202 and e-mails a link whose token is stored only as its hash', async () => {
    // Arrange
    ses.on(SendEmailCommand).resolves({ MessageId: 'm-1' });

    // Act
    const result = await REQUESTS.resend();

    // Assert
    expect(result.status).toBe(202);
    expect(result.body).toEqual({ sentTo: 'a**********d@example.gov.my', expiresInSeconds: 1800 });
    const text = ses.commandCalls(SendEmailCommand)[0]?.args[0].input.Content?.Simple?.Body?.Text?.Data ?? '';
    const token = new RegExp(`${SITE}/account/activation#token=([A-Za-z0-9_-]{43})`).exec(text)?.[1];
    expect(token).toBeDefined();
    const put = transactItems(0)[0]?.Put;
    expect(put?.Item?.tokenHash).toBe(hashToken(token as string));
    expect(JSON.stringify(dynamo.calls().map((call) => call.args[0].input))).not.toContain(token);
  });

  it.each([
    [
      'answers 502 EMAIL_REJECTED without Retry-After when SES rejects the message for good (MessageRejected)',
      () => new MessageRejected({ message: 'Email address is not verified: a@b.c', $metadata: {} }),
      (result: ParsedResult) => {
        expect([result.status, result.body.code, result.headers['retry-after']]).toEqual([
          502,
          'EMAIL_REJECTED',
          undefined,
        ]);
        expect(result.rawBody).not.toContain('a@b.c');
      },
    ],
    [
      'answers 503 with Retry-After when SES throttles (TooManyRequestsException)',
      () => new TooManyRequestsException({ message: 'Too many requests', $metadata: {} }),
      expectServiceUnavailable,
    ],
  ])('%s, and withdraws the token so no cooldown is spent', async (_, failure, expectAnswer) => {
    // Arrange
    ses.on(SendEmailCommand).rejects(failure());

    // Act
    const result = await REQUESTS.resend();

    // Assert
    expectAnswer(result);
    expect(dynamo.commandCalls(TransactWriteCommand)).toHaveLength(2);
    const newTokenHash = transactItems(0)[0]?.Put?.Item?.tokenHash;
    const [deleteToken, restoreUser] = transactItems(1);
    expect(deleteToken?.Delete).toMatchObject({
      TableName: TOKENS_TABLE,
      Key: { tokenHash: newTokenHash },
    });
    expect(restoreUser?.Update).toMatchObject({
      TableName: USERS_TABLE,
      Key: { icNumber: OFFICER.icNumber },
      ExpressionAttributeValues: { ':sends': [tenMinutesAgo], ':token': newTokenHash },
    });
    expect(restoreUser?.Update?.UpdateExpression).toMatch(/REMOVE activationTokenHash/);
  });

  it('logs an SES refusal by name, code and request id, never the recipient address it carries', async () => {
    // Arrange
    vi.stubEnv('LOG_SILENT', '0');
    const lines: string[] = [];
    const capture = (chunk: unknown) => {
      lines.push(String(chunk));
      return true;
    };
    const out = vi.spyOn(process.stdout, 'write').mockImplementation(capture);
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(capture);
    ses.on(SendEmailCommand).rejects(
      new MessageRejected({
        message: `Email address is not verified. The following identities failed the check: ${OFFICER.email}`,
        $metadata: { requestId: 'ses-request-1', httpStatusCode: 400 },
      }),
    );

    // Act
    await REQUESTS.resend();
    out.mockRestore();
    err.mockRestore();
    vi.stubEnv('LOG_SILENT', '1');

    // Assert
    const log = lines.join('');
    expect(log).toContain('MessageRejected');
    expect(log).toContain('ses-request-1');
    expect(log).not.toContain('@example.gov.my');
    expect(log).not.toContain('not verified');
  });

  it('answers 503, not 429, when DynamoDB cancels the token transaction for throttling', async () => {
    // Arrange
    dynamo.on(TransactWriteCommand).rejects(cancelled('ThrottlingError', 'None', 'None'));

    // Act
    const result = await REQUESTS.resend();

    // Assert
    expectServiceUnavailable(result);
    expect(ses.commandCalls(SendEmailCommand)).toHaveLength(0);
  });

  it('answers 429 RESEND_COOLDOWN when a concurrent send won the race for the user', async () => {
    // Arrange
    dynamo.on(TransactWriteCommand).rejects(cancelled('None', 'ConditionalCheckFailed', 'None'));

    // Act
    const result = await REQUESTS.resend();

    // Assert
    expect(result.status).toBe(429);
    expect(result.body.code).toBe('RESEND_COOLDOWN');
    expect(ses.commandCalls(SendEmailCommand)).toHaveLength(0);
  });

  it('answers 503 with Retry-After when the token write is throttled, and sends no e-mail', async () => {
    // Arrange
    dynamo.on(TransactWriteCommand).rejects(throttled());

    // Act
    const result = await REQUESTS.resend();

    // Assert
    expectServiceUnavailable(result);
    expect(ses.commandCalls(SendEmailCommand)).toHaveLength(0);
  });
});

describe('a dependency that hangs until the Lambda is about to time out', () => {
  it('answers 503 with Retry-After rather than a generic 500', async () => {
    // Arrange
    dynamo.on(GetCommand, { TableName: USERS_TABLE }).resolves({ Item: pendingUser() });
    dynamo.on(TransactWriteCommand).resolves({});
    ses.on(SendEmailCommand).callsFake(() => new Promise(() => {}));

    // Act
    const result = await handlers.resend(jsonEvent(ROUTES.resend, { userId: OFFICER.icNumber }), {
      getRemainingTimeInMillis: () => 100,
    });

    // Assert
    expectServiceUnavailable(result);
  });
});

describe('activate-account handler', () => {
  const usedToken = () => tokenItem({ usedAt: new Date(Date.now() - 1000).toISOString() });

  beforeEach(() => {
    dynamo.on(GetCommand, { TableName: USERS_TABLE }).resolves({ Item: holderItem() });
  });

  it('answers 200 ACTIVE when the transaction succeeds, storing no secret in clear', async () => {
    // Arrange
    dynamo.on(GetCommand, { TableName: TOKENS_TABLE }).resolves({ Item: tokenItem() });
    dynamo.on(TransactWriteCommand).resolves({});

    // Act
    const result = await REQUESTS.activate();

    // Assert
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ status: 'ACTIVE', activatedAt: expect.any(String) });
    const written = JSON.stringify(transactItems(0));
    expect(written).not.toContain(PASSWORD);
    for (const { answer } of GOOD_ANSWERS) expect(written).not.toContain(answer);
    expect(written).not.toContain(RAW_TOKEN);
  });

  it('answers 409 ALREADY_ACTIVE when the transaction is cancelled and the token turns out used', async () => {
    // Arrange
    dynamo
      .on(GetCommand, { TableName: TOKENS_TABLE })
      .resolvesOnce({ Item: tokenItem() })
      .resolves({ Item: usedToken() });
    dynamo.on(TransactWriteCommand).rejects(cancelled('ConditionalCheckFailed', 'None'));

    // Act
    const result = await REQUESTS.activate();

    // Assert
    expect(result.status).toBe(409);
    expect(result.body.code).toBe('ALREADY_ACTIVE');
    expect(dynamo.commandCalls(TransactWriteCommand)).toHaveLength(1);
  });

  it('answers 410 TOKEN_INVALID when the transaction is cancelled and the token is gone', async () => {
    // Arrange
    dynamo.on(GetCommand, { TableName: TOKENS_TABLE }).resolvesOnce({ Item: tokenItem() }).resolves({});
    dynamo.on(TransactWriteCommand).rejects(cancelled('ConditionalCheckFailed', 'None'));

    // Act
    const result = await REQUESTS.activate();

    // Assert
    expect(result.status).toBe(410);
    expect(result.body.code).toBe('TOKEN_INVALID');
  });

  it('answers 503 with Retry-After when the activation transaction is throttled', async () => {
    // Arrange
    dynamo.on(GetCommand, { TableName: TOKENS_TABLE }).resolves({ Item: tokenItem() });
    dynamo.on(TransactWriteCommand).rejects(throttled());

    // Act
    const result = await REQUESTS.activate();

    // Assert
    expectServiceUnavailable(result);
  });
});

describe('register-user handler (automation: the IAM-signed admin API)', () => {
  const registration = registrationBody({
    icNumber: '900101-14-5678',
    name: '  Nur Aisyah   binti Ahmad ',
    email: 'Aisyah.Ahmad@Example.gov.my',
  });
  const register = () => handlers.register(iamSigned(jsonEvent(ROUTES.register, registration)));

  it('answers 201 with a Location header and the user without secrets, registered in one transaction', async () => {
    // Arrange
    dynamo.on(GetCommand).resolves({});
    dynamo.on(TransactWriteCommand).resolves({});
    ses.on(SendEmailCommand).resolves({ MessageId: 'm-1' });

    // Act
    const result = await register();

    // Assert
    expect(result.status).toBe(201);
    expect(result.headers.location).toBe('/api/admin/users/kth%3A900101145678');
    expect(result.body.user).toMatchObject({
      userId: OFFICER.userId,
      icNumber: OFFICER.icNumber,
      name: OFFICER.name,
      email: OFFICER.email,
      status: 'PENDING',
    });
    expect(JSON.stringify(result.body)).not.toMatch(/hash|token|sends|revision|password|answer/i);
    const [registration] = dynamo.commandCalls(TransactWriteCommand);
    expect(registration?.args[0].input.TransactItems?.[0]?.Put).toMatchObject({
      TableName: USERS_TABLE,
      Item: { icNumber: OFFICER.icNumber, status: 'PENDING' },
      ConditionExpression: 'attribute_not_exists(icNumber)',
    });
  });

  it('answers 409 USER_EXISTS when the registration transaction finds the IC number taken', async () => {
    // Arrange: free when read, taken by the time of the write
    dynamo.on(GetCommand).resolves({});
    dynamo.on(TransactWriteCommand).rejects(cancelled('ConditionalCheckFailed', 'None', 'None'));

    // Act
    const result = await register();

    // Assert
    expect(result.status).toBe(409);
    expect(result.headers['content-type']).toBe('application/problem+json');
    expect(result.body.code).toBe('USER_EXISTS');
  });

  it('answers 503 with Retry-After when the registration transaction is throttled', async () => {
    // Arrange
    dynamo.on(GetCommand).resolves({});
    dynamo.on(TransactWriteCommand).rejects(throttled());

    // Act
    const result = await register();

    // Assert
    expectServiceUnavailable(result);
  });
});
