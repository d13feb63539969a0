import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { AccountLockedError } from '#domain/errors.ts';
import {
  failureLocks,
  GUESS_MEMORY_SECONDS,
  type GuessLimits,
  type GuessState,
  refusalWaitSeconds,
} from '#domain/guess-budget.ts';
import type { GuessBudget } from '#domain/ports.ts';
import { toDomainError } from './aws-errors.ts';
import { asCompensation } from './time-budget.ts';

const NOT_LOCKED = '(attribute_not_exists(lockedUntil) OR lockedUntil <= :now)';

/**
 * The guess budget in DynamoDB: one item per subject `{ count, lockedUntil?, generation, ttl }`.
 * Every step is one conditional `UpdateItem`, so the budget holds under any concurrency: a
 * claim is an increment that only succeeds below the budget and outside a lock.
 */
export function dynamoGuessBudget(
  db: DynamoDBDocumentClient,
  tableName: string,
  limits: GuessLimits,
): GuessBudget {
  const failure = (error: unknown) => toDomainError(error, 'The sign-in store');
  const ttl = (now: number) => Math.ceil(now / 1000) + limits.lockSeconds + GUESS_MEMORY_SECONDS;

  async function state(subject: string): Promise<GuessState | undefined> {
    const { Item } = await db.send(
      new GetCommand({ TableName: tableName, Key: { subject }, ConsistentRead: true }),
    );
    return Item as GuessState | undefined;
  }

  async function refusal(subject: string, now: number): Promise<AccountLockedError> {
    return new AccountLockedError(refusalWaitSeconds(await state(subject), now, limits));
  }

  return {
    async claim(subject, now) {
      const t = now.getTime();
      try {
        const { Attributes } = await db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: { subject },
            UpdateExpression: 'SET #ttl = :ttl ADD #count :one, generation :zero',
            ConditionExpression: `(attribute_not_exists(#count) OR #count < :max) AND ${NOT_LOCKED}`,
            ExpressionAttributeNames: { '#count': 'count', '#ttl': 'ttl' },
            ExpressionAttributeValues: {
              ':one': 1,
              ':zero': 0,
              ':max': limits.maxGuesses,
              ':now': t,
              ':ttl': ttl(t),
            },
            ReturnValues: 'ALL_NEW',
          }),
        );
        return {
          subject,
          count: Number(Attributes?.count ?? 1),
          generation: Number(Attributes?.generation ?? 0),
        };
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException)
          throw await refusal(subject, t).catch((e) => failure(e));
        throw failure(error);
      }
    },

    async fail(claim, now) {
      if (!failureLocks(claim.count, limits)) return { locked: false };
      const t = now.getTime();
      try {
        // Only in the window this guess was claimed in: a success or a lock since then ended it.
        await db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: { subject: claim.subject },
            UpdateExpression: 'SET lockedUntil = :until, #count = :zero, #ttl = :ttl ADD generation :one',
            ConditionExpression: 'generation = :generation',
            ExpressionAttributeNames: { '#count': 'count', '#ttl': 'ttl' },
            ExpressionAttributeValues: {
              ':until': t + limits.lockSeconds * 1000,
              ':zero': 0,
              ':one': 1,
              ':generation': claim.generation,
              ':ttl': ttl(t),
            },
          }),
        );
        return { locked: true };
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) return { locked: false };
        throw failure(error);
      }
    },

    async succeed(claim, now) {
      const t = now.getTime();
      try {
        await db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: { subject: claim.subject },
            UpdateExpression: 'SET #count = :zero ADD generation :one',
            ConditionExpression: NOT_LOCKED,
            ExpressionAttributeNames: { '#count': 'count' },
            ExpressionAttributeValues: { ':zero': 0, ':one': 1, ':now': t },
          }),
        );
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException)
          throw await refusal(claim.subject, t).catch((e) => failure(e));
        throw failure(error);
      }
    },

    async release(claim) {
      try {
        await asCompensation(() =>
          db.send(
            new UpdateCommand({
              TableName: tableName,
              Key: { subject: claim.subject },
              UpdateExpression: 'ADD #count :minusOne',
              ConditionExpression: 'generation = :generation AND #count > :zero',
              ExpressionAttributeNames: { '#count': 'count' },
              ExpressionAttributeValues: { ':minusOne': -1, ':zero': 0, ':generation': claim.generation },
            }),
          ),
        );
      } catch (error) {
        // The window ended meanwhile (success or lock): there is no count of ours left to give back.
        if (!(error instanceof ConditionalCheckFailedException)) throw failure(error);
      }
    },
  };
}
