import { type DynamoDBDocumentClient, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { UserFilter } from '#domain/administration.ts';
import { currentDuties, type DutyAssignment } from '#domain/duties.ts';
import { ChangedMeanwhileError, ServiceUnavailableError, UserExistsError } from '#domain/errors.ts';
import { LINK_FIELDS } from '#domain/links.ts';
import type { RandomSource, UserChange, UserDirectory } from '#domain/ports.ts';
import type { User } from '#domain/user.ts';
import { usersTable } from '../tables.ts';
import {
  isRefusedTransaction,
  lostOnlyToConflict,
  toDomainError,
  transactionFailure,
  transactionRetryPause,
} from './aws-errors.ts';
import { auditAppend } from './dynamodb-audit-log.ts';
import { cursorInvalid, Expression, type Partition, partitionQuery, queryPage } from './dynamodb-pages.ts';
import { counterMoves, counterUpdates, progressRow } from './progress-counters.ts';
import { fromUserItem, icHeadOf, lastActiveAtOf, nameKeyOf, USER_ENTITY, userItem } from './user-item.ts';

const DEPENDENCY = 'The user store';
/** How often one change is sent while it only loses races on shared items (the PTJ's counters). */
const CONFLICT_ATTEMPTS = 4;

export interface DirectoryTables {
  users: string;
  tokens: string;
  attempts: string;
  progress: string;
  audit: string;
}

export interface DirectoryOptions {
  /** Days the audit records of a change are kept. */
  retentionDays: number;
  /** The HTTP request being served, for the audit records. */
  requestId: () => string;
  random?: RandomSource;
}

/** The attribute writes of one user update: each attribute once (DynamoDB refuses overlapping paths). */
class UserUpdate {
  private readonly writes = new Map<string, { value: unknown } | 'REMOVE'>();
  private readonly conditions: string[] = [];
  private readonly adds: string[] = [];
  readonly e = new Expression();

  set(attribute: string, value: unknown): void {
    this.writes.set(attribute, value === undefined ? 'REMOVE' : { value });
  }

  remove(attribute: string): void {
    this.writes.set(attribute, 'REMOVE');
  }

  add(attribute: string, value: number): void {
    this.adds.push(`${this.e.name(attribute)} ${this.e.value(value)}`);
  }

  /** The attribute is still as `before` had it (absent when it had none). */
  unchanged(attribute: string, value: unknown): void {
    this.conditions.push(
      value === undefined
        ? `attribute_not_exists(${this.e.name(attribute)})`
        : `${this.e.name(attribute)} = ${this.e.value(value)}`,
    );
  }

  toUpdate(tableName: string, icNumber: string) {
    const sets: string[] = [];
    const removes: string[] = [];
    for (const [attribute, write] of this.writes) {
      if (write === 'REMOVE') removes.push(this.e.name(attribute));
      else sets.push(`${this.e.name(attribute)} = ${this.e.value(write.value)}`);
    }
    const clauses = [
      sets.length ? `SET ${sets.join(', ')}` : '',
      removes.length ? `REMOVE ${removes.join(', ')}` : '',
      this.adds.length ? `ADD ${this.adds.join(', ')}` : '',
    ].filter(Boolean);
    return {
      Update: {
        TableName: tableName,
        Key: { icNumber },
        UpdateExpression: clauses.join(' '),
        ConditionExpression: this.conditions.join(' AND '),
        ExpressionAttributeNames: this.e.names,
        ...(Object.keys(this.e.values).length ? { ExpressionAttributeValues: this.e.values } : {}),
      },
    };
  }
}

/** Fields whose change moves a derived index attribute. */
const ACTIVITY_FIELDS = new Set<keyof User>(['status', 'lastLoginAt', 'activatedAt']);

/**
 * The administrators' view of the users table: every change one transaction (the user, the
 * progress counters, the links it cancels, the locks it lifts, its audit records), every list a
 * Query on one of the users table's indexes (`functions/tables.ts`).
 */
export function dynamoUserDirectory(
  db: DynamoDBDocumentClient,
  tables: DirectoryTables,
  options: DirectoryOptions,
): UserDirectory {
  function userWrite(change: UserChange) {
    const { before, after } = change;
    if (!before) {
      return {
        Put: {
          TableName: tables.users,
          Item: userItem(after),
          ConditionExpression: 'attribute_not_exists(icNumber)',
        },
      };
    }
    const update = new UserUpdate();
    update.unchanged('status', before.status);
    for (const field of change.fields) {
      if (field !== 'status') update.unchanged(field, before[field]);
      update.set(field, after[field]);
    }
    // Every key attribute again, not only when its source changed: an item written before the
    // indexes existed joins them at its first change.
    update.set('entity', USER_ENTITY);
    update.set('nameKey', nameKeyOf(after));
    update.set('icHead', icHeadOf(after.icNumber));
    if (change.fields.some((field) => ACTIVITY_FIELDS.has(field))) {
      update.set('lastActiveAt', lastActiveAtOf(after));
    }
    if (change.endSessions) update.add('sessionEpoch', 1);
    if (change.cancelLinks) {
      for (const fields of Object.values(LINK_FIELDS)) {
        for (const attribute of [fields.hash, fields.issuedAt, fields.expiresAt]) update.remove(attribute);
      }
    }
    if (change.liftLocks?.length) update.remove('lockedUntil');
    return update.toUpdate(tables.users, after.icNumber);
  }

  function linkDeletes(change: UserChange) {
    if (!change.cancelLinks || !change.before) return [];
    const before = change.before;
    return Object.values(LINK_FIELDS)
      .map((fields) => before[fields.hash])
      .filter((hash) => hash !== undefined)
      .map((tokenHash) => ({ Delete: { TableName: tables.tokens, Key: { tokenHash } } }));
  }

  /** The index to query and the partitions in it, for a filter (see `UserFilter`). */
  function plan(filter: UserFilter): { index: string; partitions: Partition[] } {
    const on = (index: string, partitionKey: string, values: readonly string[], range?: Range) => ({
      index,
      partitions: values.map((value) =>
        partitionQuery({
          tableName: tables.users,
          index,
          partitionKey,
          value,
          filter: conditions(filter, indexKeys(index)),
          ...(range ? { range } : {}),
        }),
      ),
    });
    const namePrefix: Range | undefined = filter.namePrefix
      ? (e) => `begins_with(${e.name('nameKey')}, ${e.value(filter.namePrefix)})`
      : undefined;
    if (filter.icPrefix) {
      const prefix = filter.icPrefix;
      return on(
        'byIcHead',
        'icHead',
        [icHeadOf(prefix)],
        (e) => `begins_with(${e.name('icNumber')}, ${e.value(prefix)})`,
      );
    }
    if (filter.inactiveSince) {
      const since = filter.inactiveSince;
      const before: Range = (e) => `${e.name('lastActiveAt')} < ${e.value(since)}`;
      return filter.ptjCodes
        ? on('byPtjActivity', 'ptjCode', filter.ptjCodes, before)
        : on('byStatusActivity', 'status', ['ACTIVE'], before);
    }
    if (filter.ptjCodes) return on('byPtj', 'ptjCode', filter.ptjCodes, namePrefix);
    if (filter.status) {
      return on('byStatus', 'status', [filter.status === 'LOCKED' ? 'ACTIVE' : filter.status], namePrefix);
    }
    return on('byName', 'entity', [USER_ENTITY], namePrefix);
  }

  type Items = NonNullable<TransactWriteCommand['input']['TransactItems']>;

  /** One transaction; sent again (at most 3 more times, a few ms apart) while it only lost a race. */
  async function sendRetryingConflicts(items: Items): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await db.send(new TransactWriteCommand({ TransactItems: items }));
        return;
      } catch (error) {
        if (!lostOnlyToConflict(error) || attempt === CONFLICT_ATTEMPTS) throw error;
        await transactionRetryPause(attempt);
      }
    }
  }

  return {
    async apply(change) {
      const items = [
        userWrite(change),
        ...linkDeletes(change),
        ...(change.liftLocks ?? []).map((subject) => ({
          Delete: { TableName: tables.attempts, Key: { subject } },
        })),
        ...counterUpdates(tables.progress, counterMoves(change.before, change.after)),
        ...change.audit.map((entry) => auditAppend(entry, { ...options, table: tables.audit })),
      ];
      try {
        await sendRetryingConflicts(items);
      } catch (error) {
        if (lostOnlyToConflict(error))
          throw new ServiceUnavailableError(DEPENDENCY, { retryAfterSeconds: 1 });
        if (isRefusedTransaction(error)) {
          const userRefused = error.CancellationReasons?.[0]?.Code === 'ConditionalCheckFailed';
          if (!change.before && userRefused) throw new UserExistsError({ cause: error });
          throw new ChangedMeanwhileError({ cause: error });
        }
        throw transactionFailure(error, DEPENDENCY);
      }
    },

    async list(filter, page) {
      // Nothing can match: no PTJ in scope, or dormancy (active accounts only) with another status.
      const inactiveStatus = filter.status === 'PENDING' || filter.status === 'DISABLED';
      if (filter.ptjCodes?.length === 0 || (filter.inactiveSince && inactiveStatus)) {
        if (page.cursor !== undefined) throw cursorInvalid();
        return { items: [] };
      }
      const { index, partitions } = plan(filter);
      const duty = filter.duty;
      const keep = duty
        ? (item: Record<string, unknown>) =>
            currentDuties((item.duties as DutyAssignment[] | undefined) ?? [], filter.now).some(
              (held) => held.duty === duty && (!filter.ptjCodes || filter.ptjCodes.includes(held.ptjCode)),
            )
        : undefined;
      const found = await queryPage(
        db,
        { table: usersTable, index, partitions, ...(keep ? { keep } : {}), dependency: DEPENDENCY },
        page,
      );
      return { ...found, items: found.items.map(fromUserItem) };
    },

    async progress(by) {
      const rows = [];
      let start: Record<string, unknown> | undefined;
      try {
        do {
          const answer = await db.send(
            new QueryCommand({
              TableName: tables.progress,
              KeyConditionExpression: 'kind = :kind',
              ExpressionAttributeValues: { ':kind': by },
              ...(start ? { ExclusiveStartKey: start } : {}),
            }),
          );
          rows.push(...(answer.Items ?? []).map(progressRow));
          start = answer.LastEvaluatedKey;
        } while (start);
      } catch (error) {
        throw toDomainError(error, DEPENDENCY);
      }
      return rows;
    },
  };
}

type Range = (e: Expression) => string;

function indexKeys(name: string): Set<string> {
  const index = usersTable.indexes?.find((candidate) => candidate.name === name);
  return new Set([usersTable.partitionKey, index?.partitionKey ?? '', index?.sortKey ?? '']);
}

/**
 * The conditions of the filter that the index's key does not already hold, as a filter
 * expression (DynamoDB refuses a filter on a key attribute; `plan` put those in the key).
 */
function conditions(filter: UserFilter, keys: Set<string>) {
  return (e: Expression) => {
    const status = filter.status === 'LOCKED' ? 'ACTIVE' : filter.status;
    if (status && !keys.has('status')) e.and(`${e.name('status')} = ${e.value(status)}`);
    if (filter.status === 'LOCKED') e.and(`${e.name('lockedUntil')} > ${e.value(filter.now.toISOString())}`);
    if (filter.ptjCodes && !keys.has('ptjCode')) {
      e.and(`${e.name('ptjCode')} IN (${filter.ptjCodes.map((code) => e.value(code)).join(', ')})`);
    }
    if (filter.inactiveSince && !keys.has('lastActiveAt')) {
      e.and(`${e.name('lastActiveAt')} < ${e.value(filter.inactiveSince)}`);
    }
    if (filter.namePrefix && !keys.has('nameKey')) {
      e.and(`begins_with(${e.name('nameKey')}, ${e.value(filter.namePrefix)})`);
    }
  };
}
