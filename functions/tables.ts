/**
 * The DynamoDB tables, described once as plain data (no CDK, no SDK). The CDK stack (`lib/data.ts`)
 * and the local stack (`functions/local/tables.ts`) both build their tables from these definitions,
 * so the emulator always has the keys and TTL attribute that production has.
 */
export interface TableDefinition {
  /** PascalCase construct id in the stack. */
  readonly id: string;
  /** Environment variable through which functions receive the table's name. */
  readonly envVar: string;
  /** Name used by the local stack (CloudFormation names the deployed tables). */
  readonly localName: string;
  readonly partitionKey: string;
  /** Epoch-seconds attribute that DynamoDB TTL deletes by; the code checks expiry itself too. */
  readonly ttlAttribute?: string;
  /** Holds data that cannot be recreated: retained, PITR, deletion protection. */
  readonly stateful: boolean;
}

export const usersTable: TableDefinition = {
  id: 'Users',
  envVar: 'USERS_TABLE',
  localName: 'ispeks-users',
  partitionKey: 'icNumber',
  stateful: true,
};

export const tokensTable: TableDefinition = {
  id: 'Tokens',
  envVar: 'TOKENS_TABLE',
  localName: 'ispeks-tokens',
  partitionKey: 'tokenHash',
  ttlAttribute: 'ttl',
  stateful: false,
};

export const sessionsTable: TableDefinition = {
  id: 'Sessions',
  envVar: 'SESSIONS_TABLE',
  localName: 'ispeks-sessions',
  partitionKey: 'sessionHash',
  ttlAttribute: 'ttl',
  stateful: false,
};

/**
 * The sign-in guess budget: one item per ID that was tried (known or not), keyed by a hash of the
 * ID, so every ID is counted and locked the same way. Items expire by TTL a day after last use.
 */
export const attemptsTable: TableDefinition = {
  id: 'Attempts',
  envVar: 'ATTEMPTS_TABLE',
  localName: 'ispeks-attempts',
  partitionKey: 'subject',
  ttlAttribute: 'ttl',
  stateful: false,
};

export const tableDefinitions = [usersTable, tokensTable, sessionsTable, attemptsTable] as const;
