import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { SessionStore } from '#domain/ports.ts';
import type { Session } from '#domain/user.ts';
import { toDomainError } from './aws-errors.ts';

/** Sessions keyed by the hash of their identifier; DynamoDB TTL removes them after their end. */
export function dynamoSessionStore(db: DynamoDBDocumentClient, tableName: string): SessionStore {
  async function run<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw toDomainError(error, 'The session store');
    }
  }
  return {
    create: (session) =>
      run(async () => {
        await db.send(
          new PutCommand({
            TableName: tableName,
            Item: { ...session, ttl: Math.ceil(Date.parse(session.expiresAt) / 1000) },
            ConditionExpression: 'attribute_not_exists(sessionHash)',
          }),
        );
      }),
    get: (sessionHash) =>
      run(async () => {
        const { Item } = await db.send(
          new GetCommand({ TableName: tableName, Key: { sessionHash }, ConsistentRead: true }),
        );
        if (!Item) return undefined;
        const { ttl: _ttl, ...session } = Item;
        return session as Session;
      }),
    touch: (sessionHash, lastSeenAt) =>
      run(async () => {
        await db
          .send(
            new UpdateCommand({
              TableName: tableName,
              Key: { sessionHash },
              UpdateExpression: 'SET lastSeenAt = :at',
              ConditionExpression: 'attribute_exists(sessionHash)',
              ExpressionAttributeValues: { ':at': lastSeenAt.toISOString() },
            }),
          )
          .catch((error: Error) => {
            // Signed out in the meantime: nothing to extend.
            if (error.name !== 'ConditionalCheckFailedException') throw error;
          });
      }),
    delete: (sessionHash) =>
      run(async () => {
        await db.send(new DeleteCommand({ TableName: tableName, Key: { sessionHash } }));
      }),
  };
}
