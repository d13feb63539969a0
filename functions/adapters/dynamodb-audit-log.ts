import { type DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { AuditEntry, AuditRecord } from '#domain/administration.ts';
import type { AuditLog, AuditReader, RandomSource } from '#domain/ports.ts';
import { auditTable } from '../tables.ts';
import { toDomainError } from './aws-errors.ts';
import {
  cursorInvalid,
  type Expression,
  type Partition,
  partitionQuery,
  queryPage,
} from './dynamodb-pages.ts';

const DEPENDENCY = 'The audit trail';
const DAY_SECONDS = 24 * 3600;

export interface AuditItemOptions {
  /** The HTTP request the entry was written under. */
  requestId: string;
  /** Days until DynamoDB TTL deletes the record. */
  retentionDays: number;
  /** The record's id; random unless given. */
  id?: string;
}

/** A random id (UUID v4 layout) from the random source. */
export function newAuditId(random?: RandomSource): string {
  if (!random) return crypto.randomUUID();
  const hex = Buffer.from(random.bytes(16)).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * The stored item of an audit entry: the record plus its keys. `subject` is the officer's IC
 * number (or `-#` and the day, for an event about no known officer), `sk` orders by time and is
 * unique (`at#id`); `ptjCode`, `actor` and `month` key the search indexes; `expiresAt` is the TTL.
 */
export function newAuditItem(entry: AuditEntry, options: AuditItemOptions) {
  const id = options.id ?? crypto.randomUUID();
  const record: AuditRecord = { ...entry, id, requestId: options.requestId };
  const ptjCode = entry.target?.ptjCode;
  return {
    ...record,
    subject: entry.target?.icNumber ?? `-#${entry.at.slice(0, 10)}`,
    sk: `${entry.at}#${id}`,
    month: entry.at.slice(0, 7),
    ...(ptjCode ? { ptjCode } : {}),
    expiresAt: Math.floor(Date.parse(entry.at) / 1000) + options.retentionDays * DAY_SECONDS,
  };
}

export type AuditItem = ReturnType<typeof newAuditItem>;

/** The record as read back, without its keys. */
export function fromAuditItem(item: Record<string, unknown>): AuditRecord {
  const { subject: _s, sk: _k, month: _m, ptjCode: _p, expiresAt: _e, ...record } = item;
  return record as unknown as AuditRecord;
}

/** Where and how a writer appends audit records: the table, the retention and this request's id. */
export interface AuditWriting {
  table: string;
  retentionDays: number;
  requestId: () => string;
  random?: RandomSource | undefined;
}

/** The transaction item that appends `entry` as a new record, under the request being served. */
export function auditAppend(entry: AuditEntry, writing: AuditWriting) {
  return auditPut(
    writing.table,
    newAuditItem(entry, {
      requestId: writing.requestId(),
      retentionDays: writing.retentionDays,
      id: newAuditId(writing.random),
    }),
  );
}

/** The transaction item (or put) that appends `item`: never over an existing record. */
export function auditPut(tableName: string, item: AuditItem) {
  return {
    Put: {
      TableName: tableName,
      Item: item,
      ConditionExpression: 'attribute_not_exists(subject)',
    },
  };
}

export interface AuditLogOptions {
  retentionDays: number;
  /** The HTTP request being served (read per record). */
  requestId: () => string;
  random?: RandomSource;
}

/** The append-only trail: every record is a new item; a put that would overwrite one fails. */
export function dynamoAuditLog(
  db: DynamoDBDocumentClient,
  tableName: string,
  options: AuditLogOptions,
): AuditLog {
  return {
    async record(entry) {
      const item = newAuditItem(entry, {
        requestId: options.requestId(),
        retentionDays: options.retentionDays,
        id: newAuditId(options.random),
      });
      try {
        await db.send(new PutCommand(auditPut(tableName, item).Put));
      } catch (error) {
        throw toDomainError(error, DEPENDENCY);
      }
    },
  };
}

/** `YYYY-MM` months from `to`'s down to `from`'s, newest first. */
function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let year = Number(to.slice(0, 4));
  let month = Number(to.slice(5, 7));
  const last = from.slice(0, 7);
  for (;;) {
    const current = `${year}-${String(month).padStart(2, '0')}`;
    if (current < last) break;
    months.push(current);
    month -= 1;
    if (month === 0) {
      month = 12;
      year -= 1;
    }
  }
  return months;
}

/** Twelve months before `to` (same instant). */
function yearBefore(to: string): string {
  const date = new Date(to);
  date.setUTCMonth(date.getUTCMonth() - 12);
  return date.toISOString();
}

/**
 * Reads the trail newest first, each list a Query on one key: an officer's records by `subject`;
 * a search by officer (`subject` again, the other filters on it), else by actor, else by PTJ
 * (each PTJ in turn), else month by month backwards.
 */
export function dynamoAuditReader(
  db: DynamoDBDocumentClient,
  tableName: string,
  clock: { now(): Date } = { now: () => new Date() },
): AuditReader {
  /** `from` and `to` inclusive; `to` as a day or an instant covers all of it (`sk` is `at#id`). */
  const bounds =
    (from: string | undefined, to: string | undefined) =>
    (e: Expression): string | undefined => {
      if (from !== undefined && to !== undefined) {
        return `${e.name('sk')} BETWEEN ${e.value(from)} AND ${e.value(`${to}\uffff`)}`;
      }
      if (from !== undefined) return `${e.name('sk')} >= ${e.value(from)}`;
      if (to !== undefined) return `${e.name('sk')} <= ${e.value(`${to}\uffff`)}`;
      return undefined;
    };

  async function page(
    index: string | undefined,
    partitions: Partition[],
    request: { limit: number; cursor?: string | undefined },
  ) {
    const found = await queryPage(
      db,
      { table: auditTable, ...(index ? { index } : {}), partitions, dependency: DEPENDENCY },
      request,
    );
    return { ...found, items: found.items.map(fromAuditItem) };
  }

  return {
    async forUser(icNumber, request) {
      return page(
        undefined,
        [partitionQuery({ tableName, partitionKey: 'subject', value: icNumber, newestFirst: true })],
        request,
      );
    },

    async search(filter, request) {
      // DynamoDB refuses a filter on the queried key: `key` names the one the query is by.
      const filters = (key: string) => (e: Expression) => {
        if (filter.event) e.and(`${e.name('event')} = ${e.value(filter.event)}`);
        if (filter.actor && key !== 'actor') e.and(`${e.name('actor')} = ${e.value(filter.actor)}`);
        if (filter.ptjCodes && key !== 'ptjCode') {
          const codes = filter.ptjCodes.map((code) => e.value(code)).join(', ');
          e.and(`${e.name('ptjCode')} IN (${codes})`);
        }
      };
      const query = (
        index: string | undefined,
        partitionKey: string,
        value: string,
        from = filter.from,
        to = filter.to,
      ) =>
        partitionQuery({
          tableName,
          ...(index ? { index } : {}),
          partitionKey,
          value,
          range: bounds(from, to),
          filter: filters(partitionKey),
          newestFirst: true,
        });

      // No PTJ in scope: nothing to show (and `IN ()` is no expression).
      if (filter.ptjCodes?.length === 0) {
        if (request.cursor !== undefined) throw cursorInvalid();
        return { items: [] };
      }
      if (filter.icNumber) return page(undefined, [query(undefined, 'subject', filter.icNumber)], request);
      if (filter.actor) return page('byActor', [query('byActor', 'actor', filter.actor)], request);
      if (filter.ptjCodes) {
        return page(
          'byPtj',
          filter.ptjCodes.map((code) => query('byPtj', 'ptjCode', code)),
          request,
        );
      }
      const to = filter.to ?? clock.now().toISOString();
      const from = filter.from ?? yearBefore(to);
      return page(
        'byMonth',
        monthsBetween(from, to).map((month) => query('byMonth', 'month', month, from, to)),
        request,
      );
    },
  };
}
