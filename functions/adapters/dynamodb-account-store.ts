import { type DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { ConcurrentUpdateError } from '#domain/errors.ts';
import type { AccountStore } from '#domain/ports.ts';
import { isRefusedTransaction, transactionFailure } from './aws-errors.ts';

/** Changes to a signed-in officer's own account that must land with their session in one transaction. */
export function dynamoAccountStore(
  db: DynamoDBDocumentClient,
  tables: { users: string; sessions: string },
): AccountStore {
  return {
    async changePassword({ icNumber, currentHash, passwordHash, now, keepSession, newEpoch }) {
      try {
        await db.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Update: {
                  TableName: tables.users,
                  Key: { icNumber },
                  UpdateExpression:
                    'SET passwordHash = :password, passwordChangedAt = :now, sessionEpoch = :epoch',
                  ConditionExpression: '#status = :active AND passwordHash = :current',
                  ExpressionAttributeNames: { '#status': 'status' },
                  ExpressionAttributeValues: {
                    ':password': passwordHash,
                    ':now': now.toISOString(),
                    ':epoch': newEpoch,
                    ':active': 'ACTIVE',
                    ':current': currentHash,
                  },
                },
              },
              {
                Update: {
                  TableName: tables.sessions,
                  Key: { sessionHash: keepSession },
                  UpdateExpression: 'SET epoch = :epoch',
                  ConditionExpression: 'attribute_exists(sessionHash)',
                  ExpressionAttributeValues: { ':epoch': newEpoch },
                },
              },
            ],
          }),
        );
      } catch (error) {
        if (isRefusedTransaction(error)) throw new ConcurrentUpdateError();
        throw transactionFailure(error, 'The user store');
      }
    },
  };
}
