import {
  ProvisionedThroughputExceededException,
  TransactionCanceledException,
} from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { makeDocumentClient } from '#adapters/dynamodb-client.ts';
import { dynamoLinkStore } from '#adapters/dynamodb-link-store.ts';
import {
  AlreadyActiveError,
  ConcurrentUpdateError,
  ServiceUnavailableError,
  TokenExpiredError,
  TokenInvalidError,
} from '#domain/errors.ts';
import { linkRecord, type TokenRecord } from '#domain/links.ts';
import { issueToken } from '#domain/token.ts';
import type { User } from '#domain/user.ts';
import { OFFICER, pendingUser } from '../support/fixtures.ts';

const TABLES = { users: 'users-table', tokens: 'tokens-table', attempts: 'attempts-table' };
const SEVEN_DAYS = 7 * 24 * 3600;
const NOW = new Date('2030-01-01T00:10:00.000Z');

const dynamo = mockClient(DynamoDBDocumentClient);
const store = dynamoLinkStore(
  makeDocumentClient({
    region: 'ap-southeast-1',
    credentials: { accessKeyId: 'AKIAFAKEFORTESTS0000', secretAccessKey: 'fake' },
  }),
  TABLES,
);

/** A token issued from fixed bytes, so the raw secret is known and can be looked for. */
const issued = issueToken(
  { bytes: (n) => new Uint8Array(n).fill(7) },
  new Date('2030-01-01T00:00:00.000Z'),
  1800,
);

/** The officer's activation link for `issued`. */
function tokenRecord(overrides: Partial<TokenRecord> = {}): TokenRecord {
  return {
    ...linkRecord(pendingUser(), 'ACTIVATION', {
      tokenHash: issued.tokenHash,
      issuedAt: issued.issuedAt.toISOString(),
      expiresAt: issued.expiresAt.toISOString(),
    }),
    ...overrides,
  };
}

/** The pending officer, with a send revision other than the default. */
function user(overrides: Partial<User> = {}): User {
  return pendingUser({ sendRevision: 4, ...overrides });
}

function cancelled(...codes: string[]) {
  return new TransactionCanceledException({
    message: 'Transaction cancelled',
    $metadata: {},
    CancellationReasons: codes.map((Code) => ({ Code })),
  });
}

const throttled = () =>
  new ProvisionedThroughputExceededException({ message: 'Rate exceeded', $metadata: {} });

function transactItems(call = 0) {
  return dynamo.commandCalls(TransactWriteCommand)[call]?.args[0].input.TransactItems ?? [];
}

const activation = {
  token: tokenRecord(),
  now: NOW,
  passwordHash: '$2b$12$passwordhash',
  securityAnswers: [{ questionId: 'mother-name', answerHash: '$2b$12$answerhash' }],
};

beforeEach(() => {
  dynamo.reset();
});

describe('dynamoLinkStore.replaceToken', () => {
  it('writes the new token, the user and the removal of the previous token in one transaction', async () => {
    // Arrange
    dynamo.on(TransactWriteCommand).resolves({});
    const sends = [NOW.getTime()];

    // Act
    await store.replaceToken(user({ activationTokenHash: 'previous-hash' }), tokenRecord(), sends);

    // Assert
    expect(dynamo.calls()).toHaveLength(1);
    const [put, update, remove] = transactItems();
    expect(put?.Put).toMatchObject({
      TableName: TABLES.tokens,
      Item: { ...tokenRecord(), ttl: Date.parse(issued.expiresAt.toISOString()) / 1000 + SEVEN_DAYS },
      ConditionExpression: 'attribute_not_exists(tokenHash)',
    });
    expect(update?.Update).toMatchObject({
      TableName: TABLES.users,
      Key: { icNumber: OFFICER.icNumber },
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: {
        ':token': issued.tokenHash,
        ':sends': sends,
        ':revision': 4,
        ':next': 5,
        ':holder': 'PENDING',
      },
    });
    expect(update?.Update?.ConditionExpression).toContain('sendRevision = :revision');
    expect(update?.Update?.ConditionExpression).toContain('#status = :holder');
    expect(remove?.Delete).toEqual({ TableName: TABLES.tokens, Key: { tokenHash: 'previous-hash' } });
  });

  it('sets the ttl attribute to the expiry in epoch seconds plus seven days', async () => {
    // Arrange
    dynamo.on(TransactWriteCommand).resolves({});
    const token = tokenRecord({ expiresAt: '2030-03-01T12:30:45.678Z' });

    // Act
    await store.replaceToken(user(), token, []);

    // Assert
    const ttl = transactItems()[0]?.Put?.Item?.ttl;
    expect(ttl).toBe(Math.floor(Date.UTC(2030, 2, 1, 12, 30, 45) / 1000) + SEVEN_DAYS);
  });

  it('deletes nothing when the user had no token before', async () => {
    // Arrange
    dynamo.on(TransactWriteCommand).resolves({});

    // Act
    await store.replaceToken(user(), tokenRecord(), []);

    // Assert
    const items = transactItems();
    expect(items).toHaveLength(2);
    expect(items.some((item) => item.Delete)).toBe(false);
  });

  it('stores the hash it is given and never the raw token', async () => {
    // Arrange
    dynamo.on(TransactWriteCommand).resolves({});

    // Act
    await store.replaceToken(user(), tokenRecord(), []);

    // Assert
    const written = JSON.stringify(transactItems());
    expect(written).toContain(issued.tokenHash);
    expect(written).not.toContain(issued.token);
  });

  it('reports a cancelled transaction (another send won the race) as ConcurrentUpdateError', async () => {
    // Arrange
    dynamo.on(TransactWriteCommand).rejects(cancelled('None', 'ConditionalCheckFailed', 'None'));

    // Act
    const attempt = store.replaceToken(user({ activationTokenHash: 'previous-hash' }), tokenRecord(), []);

    // Assert
    await expect(attempt).rejects.toBeInstanceOf(ConcurrentUpdateError);
  });

  it('reports throttling as ServiceUnavailableError', async () => {
    // Arrange
    dynamo.on(TransactWriteCommand).rejects(throttled());

    // Act
    const attempt = store.replaceToken(user(), tokenRecord(), []);

    // Assert
    await expect(attempt).rejects.toBeInstanceOf(ServiceUnavailableError);
  });

  it('reports a transaction cancelled for throttling as ServiceUnavailableError, not a lost race', async () => {
    // Arrange
    dynamo.on(TransactWriteCommand).rejects(cancelled('ThrottlingError', 'None'));

    // Act
    const attempt = store.replaceToken(user(), tokenRecord(), []);

    // Assert
    await expect(attempt).rejects.toBeInstanceOf(ServiceUnavailableError);
  });
});

describe('dynamoLinkStore.withdrawToken', () => {
  it('deletes the token and restores the sends in one transaction, on condition the token is still current', async () => {
    // Arrange
    dynamo.on(TransactWriteCommand).resolves({});
    const before = user({ activationSends: [1_000], sendRevision: 4 });

    // Act
    await store.withdrawToken(before, tokenRecord());

    // Assert
    const [remove, restore] = transactItems();
    expect(remove?.Delete).toEqual({ TableName: TABLES.tokens, Key: { tokenHash: issued.tokenHash } });
    expect(restore?.Update).toMatchObject({
      TableName: TABLES.users,
      ConditionExpression: 'activationTokenHash = :token',
      ExpressionAttributeValues: { ':sends': [1_000], ':token': issued.tokenHash },
    });
    expect(restore?.Update?.UpdateExpression).toContain('REMOVE activationTokenHash');
  });

  it('puts the previous token back and points the user at it again, when there was one', async () => {
    // Arrange
    dynamo.on(TransactWriteCommand).resolves({});
    const previous = tokenRecord({ tokenHash: 'previous-hash', expiresAt: '2030-01-01T00:30:00.000Z' });

    // Act
    await store.withdrawToken(user(), tokenRecord(), previous);

    // Assert
    const [remove, putBack, restore] = transactItems();
    expect(remove?.Delete?.Key).toEqual({ tokenHash: issued.tokenHash });
    expect(putBack?.Put).toMatchObject({
      TableName: TABLES.tokens,
      Item: { ...previous, ttl: expect.any(Number) },
    });
    expect(restore?.Update).toMatchObject({
      ConditionExpression: 'activationTokenHash = :token',
      ExpressionAttributeValues: { ':previous': 'previous-hash', ':expires': '2030-01-01T00:30:00.000Z' },
    });
    expect(restore?.Update?.UpdateExpression).not.toContain('REMOVE');
  });

  it('does nothing more when a later send has already replaced the token', async () => {
    // Arrange
    dynamo.on(TransactWriteCommand).rejects(cancelled('None', 'ConditionalCheckFailed'));

    // Act
    const attempt = store.withdrawToken(user(), tokenRecord());

    // Assert
    await expect(attempt).resolves.toBeUndefined();
  });

  it('reports a withdrawal cancelled for throttling as ServiceUnavailableError rather than leaving the token', async () => {
    // Arrange
    dynamo.on(TransactWriteCommand).rejects(cancelled('ThrottlingError', 'ThrottlingError'));

    // Act
    const attempt = store.withdrawToken(user(), tokenRecord());

    // Assert
    await expect(attempt).rejects.toBeInstanceOf(ServiceUnavailableError);
  });
});

describe('dynamoLinkStore.find', () => {
  it('reads consistently by hash and returns the record without its ttl attribute', async () => {
    // Arrange
    dynamo.on(GetCommand).resolves({ Item: { ...tokenRecord(), ttl: 1 } });

    // Act
    const found = await store.find(issued.tokenHash);

    // Assert
    expect(found).toEqual(tokenRecord());
    expect(dynamo.commandCalls(GetCommand)[0]?.args[0].input).toEqual({
      TableName: TABLES.tokens,
      Key: { tokenHash: issued.tokenHash },
      ConsistentRead: true,
    });
  });

  it('reports throttling as ServiceUnavailableError', async () => {
    // Arrange
    dynamo.on(GetCommand).rejects(throttled());

    // Act
    const attempt = store.find(issued.tokenHash);

    // Assert
    await expect(attempt).rejects.toBeInstanceOf(ServiceUnavailableError);
  });
});

describe('dynamoLinkStore.activate', () => {
  it('sends one transaction that spends the token only if unused and unexpired, and activates a pending user', async () => {
    // Arrange
    dynamo.on(TransactWriteCommand).resolves({});

    // Act
    await store.activate(activation);

    // Assert
    expect(dynamo.calls()).toHaveLength(1);
    const [spend, activateUser] = transactItems();
    expect(spend?.Update).toMatchObject({
      TableName: TABLES.tokens,
      Key: { tokenHash: issued.tokenHash },
      ExpressionAttributeValues: { ':now': NOW.toISOString() },
    });
    expect(spend?.Update?.ConditionExpression).toContain('attribute_not_exists(usedAt)');
    expect(spend?.Update?.ConditionExpression).toContain('expiresAt > :now');
    expect(activateUser?.Update).toMatchObject({
      TableName: TABLES.users,
      Key: { icNumber: OFFICER.icNumber },
      ExpressionAttributeValues: {
        ':active': 'ACTIVE',
        ':holder': 'PENDING',
        ':token': issued.tokenHash,
        ':password': activation.passwordHash,
        ':answers': activation.securityAnswers,
      },
    });
    expect(activateUser?.Update?.ConditionExpression).toContain('#status = :holder');
    expect(activateUser?.Update?.ConditionExpression).toContain('activationTokenHash = :token');
  });

  it('retries once after a transaction conflict when the token is still unused and the user pending', async () => {
    // Arrange
    dynamo.on(TransactWriteCommand).rejectsOnce(cancelled('TransactionConflict', 'None')).resolves({});
    dynamo.on(GetCommand, { TableName: TABLES.tokens }).resolves({ Item: { ...tokenRecord(), ttl: 1 } });
    dynamo
      .on(GetCommand, { TableName: TABLES.users })
      .resolves({ Item: user({ activationTokenHash: issued.tokenHash }) });

    // Act
    const attempt = store.activate(activation);

    // Assert
    await expect(attempt).resolves.toBeUndefined();
    expect(dynamo.commandCalls(TransactWriteCommand)).toHaveLength(2);
    expect(transactItems(1)).toEqual(transactItems(0));
  });

  it('gives up with ServiceUnavailableError when conflicts persist', async () => {
    // Arrange
    dynamo.on(TransactWriteCommand).rejects(cancelled('TransactionConflict', 'None'));
    dynamo.on(GetCommand, { TableName: TABLES.tokens }).resolves({ Item: tokenRecord() });
    dynamo
      .on(GetCommand, { TableName: TABLES.users })
      .resolves({ Item: user({ activationTokenHash: issued.tokenHash }) });

    // Act
    const attempt = store.activate(activation);

    // Assert
    await expect(attempt).rejects.toBeInstanceOf(ServiceUnavailableError);
    expect(dynamo.commandCalls(TransactWriteCommand)).toHaveLength(3);
  });

  it.each([
    [
      'AlreadyActiveError when the token was used meanwhile',
      { Item: tokenRecord({ usedAt: NOW.toISOString() }) },
      AlreadyActiveError,
    ],
    ['TokenInvalidError when the token is gone', {}, TokenInvalidError],
    [
      'TokenExpiredError when the token expired meanwhile',
      { Item: tokenRecord({ expiresAt: NOW.toISOString() }) },
      TokenExpiredError,
    ],
  ])('answers a cancelled transaction with %s', async (_, reread, expected) => {
    // Arrange
    dynamo.on(TransactWriteCommand).rejects(cancelled('ConditionalCheckFailed', 'None'));
    dynamo.on(GetCommand, { TableName: TABLES.tokens }).resolves(reread);

    // Act
    const attempt = store.activate(activation);

    // Assert
    await expect(attempt).rejects.toBeInstanceOf(expected);
    expect(dynamo.commandCalls(TransactWriteCommand)).toHaveLength(1);
  });

  it.each([
    ['AlreadyActiveError when the user is already active', user({ status: 'ACTIVE' }), AlreadyActiveError],
    [
      'TokenInvalidError when a later send replaced the token',
      user({ activationTokenHash: 'newer-hash' }),
      TokenInvalidError,
    ],
  ])('answers a cancellation on the user side with %s', async (_, reread, expected) => {
    // Arrange
    dynamo.on(TransactWriteCommand).rejects(cancelled('None', 'ConditionalCheckFailed'));
    dynamo.on(GetCommand, { TableName: TABLES.tokens }).resolves({ Item: tokenRecord() });
    dynamo.on(GetCommand, { TableName: TABLES.users }).resolves({ Item: reread });

    // Act
    const attempt = store.activate(activation);

    // Assert
    await expect(attempt).rejects.toBeInstanceOf(expected);
  });

  it('reports throttling of the transaction as ServiceUnavailableError without retrying it', async () => {
    // Arrange
    dynamo.on(TransactWriteCommand).rejects(throttled());

    // Act
    const attempt = store.activate(activation);

    // Assert
    await expect(attempt).rejects.toBeInstanceOf(ServiceUnavailableError);
    expect(dynamo.commandCalls(TransactWriteCommand)).toHaveLength(1);
  });

  it('reports throttling of the re-read after a cancellation as ServiceUnavailableError', async () => {
    // Arrange
    dynamo.on(TransactWriteCommand).rejects(cancelled('ConditionalCheckFailed', 'None'));
    dynamo.on(GetCommand).rejects(throttled());

    // Act
    const attempt = store.activate(activation);

    // Assert
    await expect(attempt).rejects.toBeInstanceOf(ServiceUnavailableError);
  });
});

describe('dynamoLinkStore for recovery links', () => {
  const recovery = tokenRecord({ purpose: 'RECOVERY', questionIds: ['mother-name', 'first-car'] });

  it('replaces the recovery link on the recovery fields, for an active holder, from revision 0 when none was written', async () => {
    // Arrange
    dynamo.on(TransactWriteCommand).resolves({});

    // Act
    await store.replaceToken(user({ status: 'ACTIVE', recoveryTokenHash: 'old-recovery' }), recovery, [1]);

    // Assert
    const [, update, remove] = transactItems();
    expect(update?.Update?.UpdateExpression).toContain('recoveryTokenHash = :token');
    expect(update?.Update?.UpdateExpression).toContain('recoverySends = :sends');
    expect(update?.Update?.ConditionExpression).toBe(
      '(attribute_not_exists(recoveryRevision) OR recoveryRevision = :revision) AND #status = :holder',
    );
    expect(update?.Update?.ExpressionAttributeValues).toMatchObject({
      ':revision': 0,
      ':next': 1,
      ':holder': 'ACTIVE',
    });
    expect(remove?.Delete).toEqual({ TableName: TABLES.tokens, Key: { tokenHash: 'old-recovery' } });
  });

  it('resets a password in one transaction: the token spent, the password set, every session ended, the locks lifted', async () => {
    // Arrange
    dynamo.on(TransactWriteCommand).resolves({});

    // Act
    await store.resetPassword({
      token: recovery,
      now: NOW,
      passwordHash: '$2b$12$new',
      guessSubjects: ['s1', 's2'],
    });

    // Assert
    const [spend, setPassword, ...locks] = transactItems();
    expect(spend?.Update?.ConditionExpression).toContain('attribute_not_exists(usedAt) AND expiresAt > :now');
    expect(setPassword?.Update?.UpdateExpression).toBe(
      'SET passwordHash = :password, passwordChangedAt = :now ADD sessionEpoch :one REMOVE recoveryTokenHash, recoveryTokenIssuedAt, recoveryTokenExpiresAt, lockedUntil',
    );
    expect(setPassword?.Update?.ConditionExpression).toBe('#status = :holder AND recoveryTokenHash = :token');
    expect(setPassword?.Update?.ExpressionAttributeValues).toMatchObject({ ':holder': 'ACTIVE' });
    expect(locks.map((l) => l.Delete)).toEqual([
      { TableName: TABLES.attempts, Key: { subject: 's1' } },
      { TableName: TABLES.attempts, Key: { subject: 's2' } },
    ]);
  });

  it('answers a reset whose transaction was cancelled because the link was used meanwhile as TokenInvalidError', async () => {
    // Arrange
    dynamo.on(TransactWriteCommand).rejects(cancelled('ConditionalCheckFailed', 'None'));
    dynamo
      .on(GetCommand, { TableName: TABLES.tokens })
      .resolves({ Item: { ...recovery, usedAt: NOW.toISOString() } });

    // Act
    const attempt = store.resetPassword({ token: recovery, now: NOW, passwordHash: 'x', guessSubjects: [] });

    // Assert
    await expect(attempt).rejects.toBeInstanceOf(TokenInvalidError);
  });
});
