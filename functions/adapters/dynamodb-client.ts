import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export interface DynamoSettings {
  region: string;
  endpoint?: string | undefined;
  /** Only for the local emulator; in Lambda the SDK takes the function's role. */
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

/**
 * One document client per process. The SDK retries throttling and 5xx with backoff (up to 3
 * attempts); the short timeouts keep a stuck call well inside the Lambda and API Gateway limits.
 */
export function makeDocumentClient({
  region,
  endpoint,
  credentials,
}: DynamoSettings): DynamoDBDocumentClient {
  const client = new DynamoDBClient({
    region,
    ...(endpoint ? { endpoint } : {}),
    ...(credentials ? { credentials } : {}),
    maxAttempts: 3,
    requestHandler: { connectionTimeout: 1000, requestTimeout: 2000 },
  });
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true },
  });
}
