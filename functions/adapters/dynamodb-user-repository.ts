import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ConcurrentUpdateError } from '#domain/errors.ts';
import type { UserRepository } from '#domain/ports.ts';
import type { User } from '#domain/user.ts';
import { toDomainError } from './aws-errors.ts';
import { asCompensation } from './time-budget.ts';

export function dynamoUserRepository(db: DynamoDBDocumentClient, tableName: string): UserRepository {
  return {
    async get(icNumber) {
      try {
        const { Item } = await db.send(
          new GetCommand({ TableName: tableName, Key: { icNumber }, ConsistentRead: true }),
        );
        return Item as User | undefined;
      } catch (error) {
        throw toDomainError(error, 'The user store');
      }
    },

    async recordSend(user, sends) {
      try {
        await db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: { icNumber: user.icNumber },
            UpdateExpression: 'SET activationSends = :sends, sendRevision = :next',
            ConditionExpression: 'sendRevision = :revision',
            ExpressionAttributeValues: {
              ':sends': sends,
              ':revision': user.sendRevision,
              ':next': user.sendRevision + 1,
            },
          }),
        );
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) throw new ConcurrentUpdateError();
        throw toDomainError(error, 'The user store');
      }
    },

    async undoSend(user) {
      try {
        await asCompensation(() =>
          db.send(
            new UpdateCommand({
              TableName: tableName,
              Key: { icNumber: user.icNumber },
              UpdateExpression: 'SET activationSends = :sends, sendRevision = :next',
              ConditionExpression: 'sendRevision = :written',
              ExpressionAttributeValues: {
                ':sends': user.activationSends,
                ':written': user.sendRevision + 1,
                ':next': user.sendRevision + 2,
              },
            }),
          ),
        );
      } catch (error) {
        // Another send came after ours: its pacing stands, and ours is part of it.
        if (!(error instanceof ConditionalCheckFailedException)) throw toDomainError(error, 'The user store');
      }
    },

    async recordSignIn(icNumber, at) {
      // Only an active account signs in, so it belongs in the activity indexes from now on.
      await update(icNumber, 'SET lastLoginAt = :at, lastActiveAt = :at', { ':at': at.toISOString() });
    },

    async recordLock(icNumber, until) {
      await update(icNumber, 'SET lockedUntil = :until', { ':until': until.toISOString() });
    },

    async endAllSessions(icNumber) {
      await update(icNumber, 'ADD sessionEpoch :one', { ':one': 1 });
    },
  };

  async function update(icNumber: string, expression: string, values: Record<string, unknown>) {
    try {
      await db.send(
        new UpdateCommand({
          TableName: tableName,
          Key: { icNumber },
          UpdateExpression: expression,
          ConditionExpression: 'attribute_exists(icNumber)',
          ExpressionAttributeValues: values,
        }),
      );
    } catch (error) {
      throw toDomainError(error, 'The user store');
    }
  }
}
