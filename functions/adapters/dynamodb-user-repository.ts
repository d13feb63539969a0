import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ConcurrentUpdateError, UserExistsError } from '#domain/errors.ts';
import type { UserRepository } from '#domain/ports.ts';
import type { User } from '#domain/user.ts';
import { toDomainError } from './aws-errors.ts';

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

    async create(user) {
      try {
        await db.send(
          new PutCommand({
            TableName: tableName,
            Item: user,
            ConditionExpression: 'attribute_not_exists(icNumber)',
          }),
        );
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) throw new UserExistsError({ cause: error });
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

    async recordLoginFailure(icNumber) {
      try {
        const { Attributes } = await db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: { icNumber },
            UpdateExpression: 'ADD failedLogins :one',
            ConditionExpression: 'attribute_exists(icNumber)',
            ExpressionAttributeValues: { ':one': 1 },
            ReturnValues: 'UPDATED_NEW',
          }),
        );
        return Number(Attributes?.failedLogins ?? 1);
      } catch (error) {
        throw toDomainError(error, 'The user store');
      }
    },

    async lock(icNumber, until) {
      await update(icNumber, 'SET lockedUntil = :until, failedLogins = :zero', {
        ':until': until.toISOString(),
        ':zero': 0,
      });
    },

    async recordLoginSuccess(icNumber, at) {
      await update(icNumber, 'SET failedLogins = :zero, lastLoginAt = :at REMOVE lockedUntil', {
        ':zero': 0,
        ':at': at.toISOString(),
      });
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
