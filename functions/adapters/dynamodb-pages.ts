import {
  type DynamoDBDocumentClient,
  QueryCommand,
  type QueryCommandInput,
  type QueryCommandOutput,
} from '@aws-sdk/lib-dynamodb';
import type { Page, PageRequest } from '#domain/administration.ts';
import { ValidationError } from '#domain/errors.ts';
import type { TableDefinition } from '../tables.ts';
import { toDomainError } from './aws-errors.ts';

type Item = Record<string, unknown>;

/** One Query of a list: a partition of a table or index (no `Limit`, no `ExclusiveStartKey`). */
export interface Partition {
  input: QueryCommandInput;
  /** The partition key value it queries, which a cursor into it must carry. */
  value: string;
}

export interface PagedQuery {
  table: TableDefinition;
  /** The index queried (every partition queries the same one), or none for the table. */
  index?: string;
  /** Queried in this order; a page goes on into the next when one runs out. */
  partitions: readonly Partition[];
  /** A condition the filter expression cannot say; pages still fill up to the limit. */
  keep?: (item: Item) => boolean;
  dependency: string;
}

/** Where the next page starts: which partition, and the last key read in it. */
interface Cursor {
  p: number;
  k?: Record<string, string>;
}

export const cursorInvalid = () => new ValidationError([{ path: 'cursor', code: 'CURSOR_INVALID' }]);

function encode(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

/** The key attributes of a start key in `index` (the table's key and the index's). */
function keyAttributes(table: TableDefinition, indexName?: string): { all: Set<string>; partition: string } {
  const index = table.indexes?.find((candidate) => candidate.name === indexName);
  const all = new Set([table.partitionKey, table.sortKey, index?.partitionKey, index?.sortKey]);
  all.delete(undefined);
  return { all: all as Set<string>, partition: index?.partitionKey ?? table.partitionKey };
}

/** The cursor, if it is one this list could have given: else `CURSOR_INVALID` (never a DynamoDB error). */
function decode(text: string | undefined, query: PagedQuery): Cursor {
  if (text === undefined) return { p: 0 };
  let cursor: unknown;
  try {
    cursor = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw cursorInvalid();
  }
  if (typeof cursor !== 'object' || cursor === null) throw cursorInvalid();
  const { p, k } = cursor as { p?: unknown; k?: unknown };
  const partition = typeof p === 'number' && Number.isInteger(p) ? query.partitions[p] : undefined;
  if (!partition) throw cursorInvalid();
  if (k === undefined) return { p: p as number };
  const keys = keyAttributes(query.table, query.index);
  if (typeof k !== 'object' || k === null) throw cursorInvalid();
  const entries = Object.entries(k);
  const fits =
    entries.length === keys.all.size &&
    entries.every(([name, value]) => keys.all.has(name) && typeof value === 'string' && value !== '') &&
    (k as Record<string, string>)[keys.partition] === partition.value;
  if (!fits) throw cursorInvalid();
  return { p: p as number, k: k as Record<string, string> };
}

/**
 * One page of a list read by Query (never Scan): partitions in order, each from where the cursor
 * left it, until `limit` items are kept or every partition is read. Each Query asks for no more
 * than the page still needs, so a page never stops inside a DynamoDB page and the last key read
 * is where the next one starts.
 */
export async function queryPage(
  db: DynamoDBDocumentClient,
  query: PagedQuery,
  page: PageRequest,
): Promise<Page<Item>> {
  let { p, k } = decode(page.cursor, query);
  const items: Item[] = [];
  while (p < query.partitions.length) {
    const partition = query.partitions[p] as Partition;
    const remaining = page.limit - items.length;
    let answer: QueryCommandOutput;
    try {
      answer = await db.send(
        new QueryCommand({
          ...partition.input,
          Limit: remaining,
          ...(k === undefined ? {} : { ExclusiveStartKey: k }),
        }),
      );
    } catch (error) {
      if (k !== undefined && error instanceof Error && error.name === 'ValidationException') {
        throw cursorInvalid();
      }
      throw toDomainError(error, query.dependency);
    }
    const read = answer.Items ?? [];
    items.push(...(query.keep ? read.filter(query.keep) : read));
    k = answer.LastEvaluatedKey as Record<string, string> | undefined;
    if (k === undefined) p += 1;
    if (items.length >= page.limit) break;
  }
  const more = p < query.partitions.length;
  return { items, ...(more ? { nextCursor: encode({ p, ...(k === undefined ? {} : { k }) }) } : {}) };
}

/** Builds `#name` / `:value` placeholders for a filter, so callers write no escaping by hand. */
export class Expression {
  readonly names: Record<string, string> = {};
  readonly values: Record<string, unknown> = {};
  private readonly parts: string[] = [];

  name(attribute: string): string {
    const placeholder = `#${attribute}`;
    this.names[placeholder] = attribute;
    return placeholder;
  }

  value(value: unknown): string {
    const placeholder = `:v${Object.keys(this.values).length}`;
    this.values[placeholder] = value;
    return placeholder;
  }

  and(part: string): this {
    this.parts.push(part);
    return this;
  }

  toString(): string {
    return this.parts.join(' AND ');
  }

  get empty(): boolean {
    return this.parts.length === 0;
  }
}

/**
 * A Query input for one partition: `key = value`, an optional sort key condition, and the filter.
 * The key and filter share placeholders, so build both with the same `Expression`s.
 */
export function partitionQuery(args: {
  tableName: string;
  index?: string;
  partitionKey: string;
  value: string;
  /** The sort key condition, with the placeholders of `expression`. */
  range?: (expression: Expression) => string | undefined;
  filter?: (expression: Expression) => void;
  newestFirst?: boolean;
}): Partition {
  const key = new Expression();
  key.and(`${key.name(args.partitionKey)} = ${key.value(args.value)}`);
  const range = args.range?.(key);
  if (range) key.and(range);
  const filter = new Expression();
  // Filter placeholders must not collide with the key's: share the maps, keep the parts apart.
  Object.assign(filter.names, key.names);
  Object.assign(filter.values, key.values);
  args.filter?.(filter);
  return {
    value: args.value,
    input: {
      TableName: args.tableName,
      ...(args.index === undefined ? {} : { IndexName: args.index }),
      KeyConditionExpression: key.toString(),
      ...(filter.empty ? {} : { FilterExpression: filter.toString() }),
      ExpressionAttributeNames: filter.names,
      ExpressionAttributeValues: filter.values,
      ...(args.newestFirst ? { ScanIndexForward: false } : {}),
    },
  };
}
