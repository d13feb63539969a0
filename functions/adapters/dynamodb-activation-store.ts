import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import {
  AlreadyActiveError,
  ConcurrentUpdateError,
  ServiceUnavailableError,
  TokenExpiredError,
  TokenInvalidError,
} from '#domain/errors.ts';
import type { ActivationStore } from '#domain/ports.ts';
import { isExpired } from '#domain/token.ts';
import type { TokenRecord, User } from '#domain/user.ts';
import { toDomainError } from './aws-errors.ts';

export interface ActivationTables {
  users: string;
  tokens: string;
}

/** Used and expired tokens stay readable this long, so a late click gets a precise answer. */
const TTL_GRACE_SECONDS = 7 * 24 * 3600;
const ACTIVATE_ATTEMPTS = 3;

function tokenItem(record: TokenRecord) {
  return { ...record, ttl: Math.floor(Date.parse(record.expiresAt) / 1000) + TTL_GRACE_SECONDS };
}

/** Cancellation reasons that mean DynamoDB was overloaded, not that a condition or a race failed. */
const THROTTLED_REASONS = new Set(['ThrottlingError', 'ProvisionedThroughputExceeded']);

/** A transaction refused by one of its conditions or a concurrent writer; throttling is not one. */
function isRefused(error: unknown): error is TransactionCanceledException {
  return (
    error instanceof TransactionCanceledException &&
    !(error.CancellationReasons ?? []).some((reason) => THROTTLED_REASONS.has(reason.Code ?? ''))
  );
}

/** A throttled transaction is a 503 like any other overload; the SDK does not retry it. */
function storeFailure(error: unknown): unknown {
  return error instanceof TransactionCanceledException
    ? new ServiceUnavailableError('The token store', { cause: error })
    : toDomainError(error, 'The token store');
}

function withoutTtl(item: Record<string, unknown>): TokenRecord {
  const { ttl: _ttl, ...record } = item;
  return record as unknown as TokenRecord;
}

/**
 * Activation tokens and the user fields that go with them. Every write that touches both tables
 * is one `TransactWriteItems` with conditions, so no reader ever sees half of it.
 */
export function dynamoActivationStore(db: DynamoDBDocumentClient, tables: ActivationTables): ActivationStore {
  async function read<T>(tableName: string, key: Record<string, string>): Promise<T | undefined> {
    const { Item } = await db.send(new GetCommand({ TableName: tableName, Key: key, ConsistentRead: true }));
    return Item as T | undefined;
  }

  /** After a cancelled activation: which condition failed, and so what to answer. */
  async function explainCancelledActivation(token: TokenRecord, now: Date): Promise<Error | undefined> {
    const stored = await read<Record<string, unknown>>(tables.tokens, { tokenHash: token.tokenHash });
    if (!stored) return new TokenInvalidError();
    const record = withoutTtl(stored);
    if (record.usedAt) return new AlreadyActiveError();
    if (isExpired(record.expiresAt, now)) return new TokenExpiredError();
    const user = await read<User>(tables.users, { icNumber: token.icNumber });
    if (!user) return new TokenInvalidError();
    if (user.status !== 'PENDING') return new AlreadyActiveError();
    if (user.activationTokenHash !== token.tokenHash) return new TokenInvalidError();
    return undefined; // a transaction conflict with a request still in flight: try again
  }

  return {
    async find(tokenHash) {
      try {
        const item = await read<Record<string, unknown>>(tables.tokens, { tokenHash });
        return item ? withoutTtl(item) : undefined;
      } catch (error) {
        throw toDomainError(error, 'The token store');
      }
    },

    async replaceToken(user, token, sends) {
      const previous = user.activationTokenHash;
      try {
        await db.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Put: {
                  TableName: tables.tokens,
                  Item: tokenItem(token),
                  ConditionExpression: 'attribute_not_exists(tokenHash)',
                },
              },
              {
                Update: {
                  TableName: tables.users,
                  Key: { icNumber: user.icNumber },
                  UpdateExpression:
                    'SET activationTokenHash = :token, activationTokenIssuedAt = :issued, activationTokenExpiresAt = :expires, activationSends = :sends, sendRevision = :next',
                  ConditionExpression: 'sendRevision = :revision AND #status = :pending',
                  ExpressionAttributeNames: { '#status': 'status' },
                  ExpressionAttributeValues: {
                    ':token': token.tokenHash,
                    ':issued': token.issuedAt,
                    ':expires': token.expiresAt,
                    ':sends': sends,
                    ':revision': user.sendRevision,
                    ':next': user.sendRevision + 1,
                    ':pending': 'PENDING',
                  },
                },
              },
              ...(previous && previous !== token.tokenHash
                ? [{ Delete: { TableName: tables.tokens, Key: { tokenHash: previous } } }]
                : []),
            ],
          }),
        );
      } catch (error) {
        if (isRefused(error)) throw new ConcurrentUpdateError();
        throw storeFailure(error);
      }
    },

    async withdrawToken(user, token, previous) {
      const restore = previous
        ? {
            expression:
              'SET activationSends = :sends, sendRevision = :next, activationTokenHash = :previous, activationTokenIssuedAt = :issued, activationTokenExpiresAt = :expires',
            values: {
              ':previous': previous.tokenHash,
              ':issued': previous.issuedAt,
              ':expires': previous.expiresAt,
            },
          }
        : {
            expression:
              'SET activationSends = :sends, sendRevision = :next REMOVE activationTokenHash, activationTokenIssuedAt, activationTokenExpiresAt',
            values: {},
          };
      try {
        await db.send(
          new TransactWriteCommand({
            TransactItems: [
              { Delete: { TableName: tables.tokens, Key: { tokenHash: token.tokenHash } } },
              ...(previous ? [{ Put: { TableName: tables.tokens, Item: tokenItem(previous) } }] : []),
              {
                Update: {
                  TableName: tables.users,
                  Key: { icNumber: user.icNumber },
                  UpdateExpression: restore.expression,
                  ConditionExpression: 'activationTokenHash = :token',
                  ExpressionAttributeValues: {
                    ':sends': user.activationSends,
                    ':next': user.sendRevision + 2,
                    ':token': token.tokenHash,
                    ...restore.values,
                  },
                },
              },
            ],
          }),
        );
      } catch (error) {
        // A later send already replaced this token: nothing of ours is left to undo.
        if (isRefused(error)) return;
        throw storeFailure(error);
      }
    },

    async activate({ token, now, passwordHash, securityAnswers }) {
      for (let attempt = 1; attempt <= ACTIVATE_ATTEMPTS; attempt++) {
        try {
          await db.send(
            new TransactWriteCommand({
              TransactItems: [
                {
                  Update: {
                    TableName: tables.tokens,
                    Key: { tokenHash: token.tokenHash },
                    UpdateExpression: 'SET usedAt = :now',
                    ConditionExpression:
                      'attribute_exists(tokenHash) AND attribute_not_exists(usedAt) AND expiresAt > :now',
                    ExpressionAttributeValues: { ':now': now.toISOString() },
                  },
                },
                {
                  Update: {
                    TableName: tables.users,
                    Key: { icNumber: token.icNumber },
                    UpdateExpression:
                      'SET #status = :active, activatedAt = :now, passwordHash = :password, securityAnswers = :answers REMOVE activationTokenHash, activationTokenIssuedAt, activationTokenExpiresAt',
                    ConditionExpression: '#status = :pending AND activationTokenHash = :token',
                    ExpressionAttributeNames: { '#status': 'status' },
                    ExpressionAttributeValues: {
                      ':active': 'ACTIVE',
                      ':pending': 'PENDING',
                      ':now': now.toISOString(),
                      ':password': passwordHash,
                      ':answers': securityAnswers,
                      ':token': token.tokenHash,
                    },
                  },
                },
              ],
            }),
          );
          return;
        } catch (error) {
          if (!(error instanceof TransactionCanceledException)) throw toDomainError(error, 'The token store');
          const answer = await explainCancelledActivation(token, now).catch((e) => {
            throw toDomainError(e, 'The token store');
          });
          if (answer) throw answer;
          await new Promise((resolve) => setTimeout(resolve, 20 * attempt + Math.random() * 30));
        }
      }
      throw new ServiceUnavailableError('The token store', { retryAfterSeconds: 1 });
    },
  };
}
