import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  GetCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { AuditEntry, ChangeRequest, RequestStatus } from '#domain/administration.ts';
import { RequestDecidedError, RequestNotFoundError } from '#domain/errors.ts';
import type { RandomSource, RequestStore } from '#domain/ports.ts';
import { requestsTable } from '../tables.ts';
import { isRefusedTransaction, toDomainError, transactionFailure } from './aws-errors.ts';
import { auditAppend } from './dynamodb-audit-log.ts';
import { cursorInvalid, type Expression, partitionQuery, queryPage } from './dynamodb-pages.ts';

const DEPENDENCY = 'The request queue';

/** A request being applied by the approver who claimed it; the domain sees it as still PENDING. */
const APPLYING = 'APPLYING';
/** A claim older than this is an approver that crashed mid-way: another may take the request over. */
const STALE_CLAIM_MS = 5 * 60 * 1000;

type StoredStatus = RequestStatus | typeof APPLYING;

export interface RequestTables {
  requests: string;
  audit: string;
}

export interface RequestStoreOptions {
  /** Days the audit records are kept. */
  retentionDays: number;
  /** The HTTP request being served, for the audit records. */
  requestId: () => string;
  random?: RandomSource;
}

/** The stored item: the request plus the keys of its indexes (by status, by PTJ, all: newest first). */
function requestItem(request: ChangeRequest) {
  return {
    ...request,
    entity: 'REQUEST',
    ptjCode: request.target.ptjCode,
    requestedAtId: `${request.requestedAt}#${request.id}`,
  };
}

function fromRequestItem(item: Record<string, unknown>): ChangeRequest {
  const {
    entity: _e,
    ptjCode: _p,
    requestedAtId: _r,
    claimedBy: _b,
    claimedAt: _a,
    ...request
  } = item as Record<string, unknown> & { status: StoredStatus };
  return {
    ...(request as unknown as ChangeRequest),
    status: request.status === APPLYING ? 'PENDING' : request.status,
  };
}

/** The four-eyes queue over the requests table; each decision is written with its audit record. */
export function dynamoRequestStore(
  db: DynamoDBDocumentClient,
  tables: RequestTables,
  options: RequestStoreOptions,
): RequestStore {
  const auditItem = (entry: AuditEntry) => auditAppend(entry, { ...options, table: tables.audit });

  async function stored(id: string): Promise<Record<string, unknown> | undefined> {
    try {
      const { Item } = await db.send(
        new GetCommand({ TableName: tables.requests, Key: { id }, ConsistentRead: true }),
      );
      return Item;
    } catch (error) {
      throw toDomainError(error, DEPENDENCY);
    }
  }

  /** Why a conditional write on the request failed: it is gone, or no longer in the state asked for. */
  async function refusal(id: string, cause: unknown): Promise<Error> {
    const item = await stored(id);
    if (!item) return new RequestNotFoundError();
    const error = new RequestDecidedError(String(item.status));
    error.cause = cause;
    return error;
  }

  return {
    async create(request, audit) {
      try {
        await db.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Put: {
                  TableName: tables.requests,
                  Item: requestItem({ ...request, status: 'PENDING' }),
                  ConditionExpression: 'attribute_not_exists(id)',
                },
              },
              auditItem(audit),
            ],
          }),
        );
      } catch (error) {
        throw transactionFailure(error, DEPENDENCY);
      }
    },

    async get(id) {
      const item = await stored(id);
      return item ? fromRequestItem(item) : undefined;
    },

    async claim(id, by, now) {
      try {
        const { Attributes } = await db.send(
          new UpdateCommand({
            TableName: tables.requests,
            Key: { id },
            UpdateExpression: 'SET #status = :applying, claimedBy = :by, claimedAt = :now',
            ConditionExpression:
              'attribute_exists(id) AND (#status = :pending OR (#status = :applying AND claimedAt < :stale))',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: {
              ':applying': APPLYING,
              ':pending': 'PENDING',
              ':by': by,
              ':now': now.toISOString(),
              ':stale': new Date(now.getTime() - STALE_CLAIM_MS).toISOString(),
            },
            ReturnValues: 'ALL_NEW',
          }),
        );
        return fromRequestItem(Attributes ?? {});
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) throw await refusal(id, error);
        throw toDomainError(error, DEPENDENCY);
      }
    },

    async release(id) {
      try {
        await db.send(
          new UpdateCommand({
            TableName: tables.requests,
            Key: { id },
            UpdateExpression: 'SET #status = :pending REMOVE claimedBy, claimedAt',
            ConditionExpression: '#status = :applying',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':pending': 'PENDING', ':applying': APPLYING },
          }),
        );
      } catch (error) {
        // Not being applied any more (taken over after a stale claim, or decided): nothing to give back.
        if (!(error instanceof ConditionalCheckFailedException)) throw toDomainError(error, DEPENDENCY);
      }
    },

    async decide(id, decision, audit) {
      // Rejecting needs no claim; approving is only for the approver who claimed it and applied it.
      const condition =
        decision.status === 'REJECTED'
          ? { expression: '#status = :pending', values: { ':pending': 'PENDING' } }
          : { expression: '#status = :applying AND claimedBy = :by', values: { ':applying': APPLYING } };
      try {
        await db.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Update: {
                  TableName: tables.requests,
                  Key: { id },
                  UpdateExpression: `SET #status = :decided, decidedBy = :by, decidedAt = :at${decision.reason === undefined ? '' : ', reason = :reason'} REMOVE claimedBy, claimedAt`,
                  ConditionExpression: condition.expression,
                  ExpressionAttributeNames: { '#status': 'status' },
                  ExpressionAttributeValues: {
                    ':decided': decision.status,
                    ':by': decision.by,
                    ':at': decision.at.toISOString(),
                    ...(decision.reason === undefined ? {} : { ':reason': decision.reason }),
                    ...condition.values,
                  },
                },
              },
              auditItem(audit),
            ],
          }),
        );
      } catch (error) {
        if (isRefusedTransaction(error)) throw await refusal(id, error);
        throw transactionFailure(error, DEPENDENCY);
      }
    },

    async list(filter, page) {
      if (filter.ptjCodes?.length === 0) {
        if (page.cursor !== undefined) throw cursorInvalid();
        return { items: [] };
      }
      // A request being applied is still PENDING to the domain.
      const statuses = (status: RequestStatus): StoredStatus[] =>
        status === 'PENDING' ? ['PENDING', APPLYING] : [status];
      const query = (index: string, partitionKey: string, value: string, withStatus: boolean) =>
        partitionQuery({
          tableName: tables.requests,
          index,
          partitionKey,
          value,
          newestFirst: true,
          filter: (e: Expression) => {
            if (withStatus && filter.status) {
              const values = statuses(filter.status).map((status) => e.value(status));
              e.and(`${e.name('status')} IN (${values.join(', ')})`);
            }
          },
        });
      const [index, partitions] = filter.ptjCodes
        ? ['byPtj', filter.ptjCodes.map((code) => query('byPtj', 'ptjCode', code, true))]
        : filter.status
          ? ['byStatus', statuses(filter.status).map((status) => query('byStatus', 'status', status, false))]
          : ['byAll', [query('byAll', 'entity', 'REQUEST', false)]];
      const found = await queryPage(
        db,
        { table: requestsTable, index, partitions, dependency: DEPENDENCY },
        page,
      );
      return { ...found, items: found.items.map(fromRequestItem) };
    },
  };
}
