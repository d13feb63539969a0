import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { makeDocumentClient } from '#adapters/dynamodb-client.ts';
import { dynamoUserDirectory } from '#adapters/dynamodb-user-directory.ts';
import { ChangedMeanwhileError, ServiceUnavailableError, UserExistsError } from '#domain/errors.ts';
import type { UserChange } from '#domain/ports.ts';
import { pendingUser } from '../support/fixtures.ts';

/**
 * Races DynamoDB Local never loses: many transactions moving one PTJ's counters at the same
 * moment (a bulk registration) are cancelled with `TransactionConflict` by DynamoDB itself.
 */

const TABLES = {
  users: 'users-table',
  tokens: 'tokens-table',
  attempts: 'attempts-table',
  progress: 'progress-table',
  audit: 'audit-table',
};

const dynamo = mockClient(DynamoDBDocumentClient);
const directory = dynamoUserDirectory(
  makeDocumentClient({
    region: 'ap-southeast-1',
    credentials: { accessKeyId: 'AKIAFAKEFORTESTS0000', secretAccessKey: 'fake' },
  }),
  TABLES,
  { retentionDays: 365, requestId: () => 'req-1' },
);

function cancelled(...codes: string[]) {
  return new TransactionCanceledException({
    message: 'Transaction cancelled',
    $metadata: {},
    CancellationReasons: codes.map((Code) => ({ Code })),
  });
}

/** A registration: the user write first, then the PTJ's and the agency's counters, then the audit. */
const registration: UserChange = { after: pendingUser(), fields: [], audit: [] };

beforeEach(() => dynamo.reset());

describe('the user directory under concurrent writers', () => {
  it('sends a registration again when it only lost a race on the counters, and it goes through', async () => {
    dynamo
      .on(TransactWriteCommand)
      .rejectsOnce(cancelled('None', 'TransactionConflict', 'None'))
      .rejectsOnce(cancelled('None', 'None', 'TransactionConflict'))
      .resolves({});

    await directory.apply(registration);

    const calls = dynamo.commandCalls(TransactWriteCommand);
    expect(calls).toHaveLength(3);
    expect(calls[2]?.args[0].input).toEqual(calls[0]?.args[0].input);
  });

  it('gives up after four lost races with 503 and a Retry-After, never a 409 for a change nobody made', async () => {
    dynamo.on(TransactWriteCommand).rejects(cancelled('None', 'TransactionConflict'));

    const error = await directory.apply(registration).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ServiceUnavailableError);
    expect((error as ServiceUnavailableError).retryAfterSeconds).toBe(1);
    expect(dynamo.commandCalls(TransactWriteCommand)).toHaveLength(4);
  });

  it('never sends again a transaction refused by a condition: a taken IC number is USER_EXISTS at once', async () => {
    dynamo.on(TransactWriteCommand).rejects(cancelled('ConditionalCheckFailed', 'TransactionConflict'));

    await expect(directory.apply(registration)).rejects.toBeInstanceOf(UserExistsError);
    expect(dynamo.commandCalls(TransactWriteCommand)).toHaveLength(1);
  });

  it('answers a changed user (its condition failed) with CHANGED_MEANWHILE, once', async () => {
    const before = pendingUser();
    const change: UserChange = {
      before,
      after: { ...before, name: 'NAMA BAHARU' },
      fields: ['name'],
      audit: [],
    };
    dynamo.on(TransactWriteCommand).rejects(cancelled('ConditionalCheckFailed'));

    await expect(directory.apply(change)).rejects.toBeInstanceOf(ChangedMeanwhileError);
    expect(dynamo.commandCalls(TransactWriteCommand)).toHaveLength(1);
  });
});
