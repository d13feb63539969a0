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
  readonly sortKey?: string;
  /** Global secondary indexes (string keys, all attributes projected): every list is a Query on one. */
  readonly indexes?: readonly IndexDefinition[];
  /** Epoch-seconds attribute that DynamoDB TTL deletes by; the code checks expiry itself too. */
  readonly ttlAttribute?: string;
  /** Holds data that cannot be recreated: retained, PITR, deletion protection. */
  readonly stateful: boolean;
}

export interface IndexDefinition {
  readonly name: string;
  readonly partitionKey: string;
  readonly sortKey?: string;
}

/**
 * Users, with the indexes the administrators' lists query (no list scans the table). The index
 * keys are attributes the writers keep on every user item: `entity` ('USER'), `nameKey`
 * (`NAME#IC`, for name order and name prefixes), `icHead` (the IC's first six digits, the birth
 * date, for IC prefixes), `ptjCode`, `status`, and `lastActiveAt` (the last sign-in, or the
 * activation: only active accounts have it, so the activity indexes hold them alone).
 */
export const usersTable: TableDefinition = {
  id: 'Users',
  envVar: 'USERS_TABLE',
  localName: 'ispeks-users',
  partitionKey: 'icNumber',
  indexes: [
    { name: 'byPtj', partitionKey: 'ptjCode', sortKey: 'nameKey' },
    { name: 'byPtjActivity', partitionKey: 'ptjCode', sortKey: 'lastActiveAt' },
    { name: 'byStatus', partitionKey: 'status', sortKey: 'nameKey' },
    { name: 'byStatusActivity', partitionKey: 'status', sortKey: 'lastActiveAt' },
    { name: 'byName', partitionKey: 'entity', sortKey: 'nameKey' },
    { name: 'byIcHead', partitionKey: 'icHead', sortKey: 'icNumber' },
  ],
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

/** The four-eyes queue: one item per change request; lists by status, by PTJ, or all, newest first. */
export const requestsTable: TableDefinition = {
  id: 'Requests',
  envVar: 'REQUESTS_TABLE',
  localName: 'ispeks-requests',
  partitionKey: 'id',
  indexes: [
    { name: 'byStatus', partitionKey: 'status', sortKey: 'requestedAtId' },
    { name: 'byPtj', partitionKey: 'ptjCode', sortKey: 'requestedAtId' },
    { name: 'byAll', partitionKey: 'entity', sortKey: 'requestedAtId' },
  ],
  stateful: true,
};

/**
 * The audit trail: append-only (functions may only put new items; nothing updates or deletes one),
 * kept for the retention period, then deleted by TTL. Keyed by the officer it is about (`subject`:
 * the IC number, or `-` with the day for events about no known officer) and `sk` (`at#id`, newest
 * last); indexes by PTJ, by actor and by month for the searches.
 */
export const auditTable: TableDefinition = {
  id: 'Audit',
  envVar: 'AUDIT_TABLE',
  localName: 'ispeks-audit',
  partitionKey: 'subject',
  sortKey: 'sk',
  indexes: [
    { name: 'byPtj', partitionKey: 'ptjCode', sortKey: 'sk' },
    { name: 'byActor', partitionKey: 'actor', sortKey: 'sk' },
    { name: 'byMonth', partitionKey: 'month', sortKey: 'sk' },
  ],
  ttlAttribute: 'expiresAt',
  stateful: true,
};

/** Activation progress counters, per PTJ and per agency (`kind` 'ptj' | 'agency', `code`), moved in the same transactions as the users. */
export const progressTable: TableDefinition = {
  id: 'Progress',
  envVar: 'PROGRESS_TABLE',
  localName: 'ispeks-progress',
  partitionKey: 'kind',
  sortKey: 'code',
  stateful: true,
};

export const tableDefinitions = [
  usersTable,
  tokensTable,
  sessionsTable,
  attemptsTable,
  requestsTable,
  auditTable,
  progressTable,
] as const;
