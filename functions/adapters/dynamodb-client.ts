import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ATTEMPT_LIMITS, budgetedTransport } from './time-budget.ts';

export interface DynamoSettings {
  region: string;
  endpoint?: string | undefined;
  /** Only for the local emulator; in Lambda the SDK takes the function's role. */
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /** Tests shrink these to watch a hung emulator time out quickly. */
  limits?: { connectionTimeoutMs: number; requestTimeoutMs: number; maxAttempts: number };
}

/**
 * One document client per process. The SDK retries throttling, timeouts and 5xx with back-off;
 * every attempt times out for real and is cut to the request's time budget (time-budget.ts), so
 * a hung DynamoDB ends as a 503 inside the function timeout, never as a call that goes on after.
 */
export function makeDocumentClient({
  region,
  endpoint,
  credentials,
  limits = ATTEMPT_LIMITS.dynamodb,
}: DynamoSettings): DynamoDBDocumentClient {
  const client = new DynamoDBClient({
    region,
    ...(endpoint ? { endpoint } : {}),
    ...(credentials ? { credentials } : {}),
    ...budgetedTransport(limits),
  });
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true },
  });
}
