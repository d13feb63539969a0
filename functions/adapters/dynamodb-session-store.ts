import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, type DynamoDBDocumentClient, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { SessionStore } from '#domain/ports.ts';
import type { Session } from '#domain/sessions.ts';
import { toDomainError } from './aws-errors.ts';

/**
 * Sessions keyed by the hash of their identifier; DynamoDB TTL removes them after their absolute
 * end. Reading a session is recording a request on it: one conditional write that states
 * `sessionAlive` (domain/sessions.ts) in DynamoDB's terms.
 */
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
    touch: (sessionHash, now, idleSeconds) =>
      run(async () => {
        try {
          const { Attributes } = await db.send(
            new UpdateCommand({
              TableName: tableName,
              Key: { sessionHash },
              UpdateExpression: 'SET lastSeenAt = :now',
              ConditionExpression:
                'attribute_exists(sessionHash) AND expiresAt > :now AND lastSeenAt > :idleSince',
              ExpressionAttributeValues: {
                ':now': now.toISOString(),
                ':idleSince': new Date(now.getTime() - idleSeconds * 1000).toISOString(),
              },
              ReturnValues: 'ALL_NEW',
            }),
          );
          if (!Attributes) return undefined;
          const { ttl: _ttl, ...session } = Attributes;
          return session as Session;
        } catch (error) {
          if (error instanceof ConditionalCheckFailedException) return undefined;
          throw error;
        }
      }),
    delete: (sessionHash) =>
      run(async () => {
        await db.send(new DeleteCommand({ TableName: tableName, Key: { sessionHash } }));
      }),
  };
}
