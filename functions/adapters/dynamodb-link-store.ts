import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { ConcurrentUpdateError, ServiceUnavailableError, TokenInvalidError } from '#domain/errors.ts';
import {
  holderRefusal,
  LINK_FIELDS,
  linkRevision,
  linkSends,
  type TokenRecord,
  tokenRefusal,
} from '#domain/links.ts';
import type { ActivationStore, RecoveryStore } from '#domain/ports.ts';
import type { User } from '#domain/user.ts';
import {
  isRefusedTransaction as isRefused,
  toDomainError,
  transactionFailure,
  transactionRetryPause,
} from './aws-errors.ts';
import { counterMoves, counterUpdates } from './progress-counters.ts';
import { asCompensation } from './time-budget.ts';

export interface LinkTables {
  users: string;
  tokens: string;
  /** The guess budgets a password reset clears (sign-in lock lifted). */
  attempts: string;
  /** The activation progress counters an activation moves (pending to active); none when absent. */
  progress?: string;
}

/** Used and expired tokens stay readable this long, so a late click gets a precise answer. */
const TTL_GRACE_SECONDS = 7 * 24 * 3600;
const TRANSACTION_ATTEMPTS = 3;

function tokenItem(record: TokenRecord) {
  return { ...record, ttl: Math.floor(Date.parse(record.expiresAt) / 1000) + TTL_GRACE_SECONDS };
}

function withoutTtl(item: Record<string, unknown>): TokenRecord {
  const { ttl: _ttl, ...record } = item;
  return record as unknown as TokenRecord;
}

/** `attribute = :value`, or absent when the value is the implicit 0 of a field not yet written. */
function revisionIs(attribute: string, revision: number): string {
  return revision === 0
    ? `(attribute_not_exists(${attribute}) OR ${attribute} = :revision)`
    : `${attribute} = :revision`;
}

/**
 * E-mailed links (activation and recovery tokens) and the user fields that go with them
 * (`LINK_FIELDS`). Every write that touches both tables is one `TransactWriteItems` with
 * conditions, so no reader ever sees half of it.
 */
export function dynamoLinkStore(
  db: DynamoDBDocumentClient,
  tables: LinkTables,
): ActivationStore & RecoveryStore {
  async function read<T>(tableName: string, key: Record<string, string>): Promise<T | undefined> {
    const { Item } = await db.send(new GetCommand({ TableName: tableName, Key: key, ConsistentRead: true }));
    return Item as T | undefined;
  }

  /**
   * After a cancelled use of a link: why, by the one rule in `links.ts`, or no refusal when nothing
   * refuses it (a conflict with a request still in flight: worth another try), with the holder as
   * read then.
   */
  async function explainCancelledUse(
    token: TokenRecord,
    now: Date,
  ): Promise<{ refusal?: Error | undefined; holder?: User | undefined }> {
    try {
      const stored = await read<Record<string, unknown>>(tables.tokens, { tokenHash: token.tokenHash });
      const record = stored ? withoutTtl(stored) : undefined;
      const refusal = tokenRefusal(record, token.purpose, now);
      if (refusal || !record) return { refusal: refusal ?? new TokenInvalidError() };
      const holder = await read<User>(tables.users, { icNumber: token.icNumber });
      return { refusal: holderRefusal(record, holder), holder };
    } catch (error) {
      return { refusal: toDomainError(error, 'The token store') as Error };
    }
  }

  type Items = NonNullable<TransactWriteCommand['input']['TransactItems']>;

  /**
   * Runs a transaction that spends a link, retrying conflicts and answering refusals precisely.
   * `items` is built again for a retry from the holder as then read (its PTJ may have moved).
   */
  async function spendLink(token: TokenRecord, now: Date, items: (holder?: User) => Items) {
    let holder: User | undefined;
    for (let attempt = 1; attempt <= TRANSACTION_ATTEMPTS; attempt++) {
      try {
        await db.send(new TransactWriteCommand({ TransactItems: items(holder) }));
        return;
      } catch (error) {
        if (!(error instanceof TransactionCanceledException)) throw toDomainError(error, 'The token store');
        const answer = await explainCancelledUse(token, now);
        if (answer.refusal) throw answer.refusal;
        holder = answer.holder;
        await transactionRetryPause(attempt);
      }
    }
    throw new ServiceUnavailableError('The token store', { retryAfterSeconds: 1 });
  }

  /** `attribute = :value`, or its absence when the value is undefined. */
  const sameAs = (attribute: string, placeholder: string, value: string | undefined) =>
    value === undefined ? `attribute_not_exists(${attribute})` : `${attribute} = ${placeholder}`;

  /**
   * Activating moves the holder's PTJ and agency counters from pending to active. The codes come
   * from the token (what the holder had when the link was issued), or from the holder as read
   * after a cancelled attempt; the user's update is conditioned on them, so a PTJ that moved in
   * between cancels the transaction and the retry counts where the holder now is.
   */
  function activationCounters(token: TokenRecord, holder: User | undefined) {
    if (!tables.progress) return { condition: '', values: {}, items: [] };
    const codes = holder
      ? { ptjCode: holder.ptjCode, agencyCode: holder.agencyCode }
      : { ptjCode: token.ptjCode, agencyCode: token.agencyCode };
    const moves = counterMoves({ status: 'PENDING', ...codes }, { status: 'ACTIVE', ...codes });
    return {
      condition: ` AND ${sameAs('ptjCode', ':ptj', codes.ptjCode)} AND ${sameAs('agencyCode', ':agency', codes.agencyCode)}`,
      values: {
        ...(codes.ptjCode === undefined ? {} : { ':ptj': codes.ptjCode }),
        ...(codes.agencyCode === undefined ? {} : { ':agency': codes.agencyCode }),
      },
      items: counterUpdates(tables.progress, moves),
    };
  }

  /** The token's own condition: it exists, is unused and has not expired at `now`. */
  const spendToken = (token: TokenRecord, now: Date) => ({
    Update: {
      TableName: tables.tokens,
      Key: { tokenHash: token.tokenHash },
      UpdateExpression: 'SET usedAt = :now',
      ConditionExpression:
        'attribute_exists(tokenHash) AND attribute_not_exists(usedAt) AND expiresAt > :now',
      ExpressionAttributeValues: { ':now': now.toISOString() },
    },
  });

  /**
   * The user's side of spending a link: `update`, on condition that the user still holds the link
   * (status and current token, as `holderRefusal` says), with the link's own fields removed.
   */
  const holderUpdate = (
    token: TokenRecord,
    update: string,
    values: Record<string, unknown>,
    also: { remove?: string; condition?: string } = {},
  ) => {
    const fields = LINK_FIELDS[token.purpose];
    return {
      Update: {
        TableName: tables.users,
        Key: { icNumber: token.icNumber },
        UpdateExpression: `${update} REMOVE ${fields.hash}, ${fields.issuedAt}, ${fields.expiresAt}${also.remove ? `, ${also.remove}` : ''}`,
        ConditionExpression: `#status = :holder AND ${fields.hash} = :token${also.condition ?? ''}`,
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':holder': fields.holderStatus, ':token': token.tokenHash, ...values },
      },
    };
  };

  return {
    async find(tokenHash) {
      try {
        const item = await read<Record<string, unknown>>(tables.tokens, { tokenHash });
        return item ? withoutTtl(item) : undefined;
      } catch (error) {
        throw toDomainError(error, 'The token store');
      }
    },

    async replaceToken(user, token, sends) {
      const fields = LINK_FIELDS[token.purpose];
      const previous = user[fields.hash];
      const revision = linkRevision(user, token.purpose);
      try {
        await db.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Put: {
                  TableName: tables.tokens,
                  Item: tokenItem(token),
                  ConditionExpression: 'attribute_not_exists(tokenHash)',
                },
              },
              {
                Update: {
                  TableName: tables.users,
                  Key: { icNumber: user.icNumber },
                  UpdateExpression: `SET ${fields.hash} = :token, ${fields.issuedAt} = :issued, ${fields.expiresAt} = :expires, ${fields.sends} = :sends, ${fields.revision} = :next`,
                  ConditionExpression: `${revisionIs(fields.revision, revision)} AND #status = :holder`,
                  ExpressionAttributeNames: { '#status': 'status' },
                  ExpressionAttributeValues: {
                    ':token': token.tokenHash,
                    ':issued': token.issuedAt,
                    ':expires': token.expiresAt,
                    ':sends': sends,
                    ':revision': revision,
                    ':next': revision + 1,
                    ':holder': fields.holderStatus,
                  },
                },
              },
              ...(previous && previous !== token.tokenHash
                ? [{ Delete: { TableName: tables.tokens, Key: { tokenHash: previous } } }]
                : []),
            ],
          }),
        );
      } catch (error) {
        if (isRefused(error)) throw new ConcurrentUpdateError();
        throw transactionFailure(error, 'The token store');
      }
    },

    async withdrawToken(user, token, previous) {
      const fields = LINK_FIELDS[token.purpose];
      const restore = previous
        ? {
            expression: `SET ${fields.sends} = :sends, ${fields.revision} = :next, ${fields.hash} = :previous, ${fields.issuedAt} = :issued, ${fields.expiresAt} = :expires`,
            values: {
              ':previous': previous.tokenHash,
              ':issued': previous.issuedAt,
              ':expires': previous.expiresAt,
            },
          }
        : {
            expression: `SET ${fields.sends} = :sends, ${fields.revision} = :next REMOVE ${fields.hash}, ${fields.issuedAt}, ${fields.expiresAt}`,
            values: {},
          };
      try {
        await asCompensation(() =>
          db.send(
            new TransactWriteCommand({
              TransactItems: [
                { Delete: { TableName: tables.tokens, Key: { tokenHash: token.tokenHash } } },
                ...(previous ? [{ Put: { TableName: tables.tokens, Item: tokenItem(previous) } }] : []),
                {
                  Update: {
                    TableName: tables.users,
                    Key: { icNumber: user.icNumber },
                    UpdateExpression: restore.expression,
                    ConditionExpression: `${fields.hash} = :token`,
                    ExpressionAttributeValues: {
                      ':sends': linkSends(user, token.purpose),
                      ':next': linkRevision(user, token.purpose) + 2,
                      ':token': token.tokenHash,
                      ...restore.values,
                    },
                  },
                },
              ],
            }),
          ),
        );
      } catch (error) {
        // A later send already replaced this token: nothing of ours is left to undo.
        if (isRefused(error)) return;
        throw transactionFailure(error, 'The token store');
      }
    },

    async activate({ token, now, passwordHash, securityAnswers }) {
      await spendLink(token, now, (holder) => {
        const counters = activationCounters(token, holder);
        return [
          spendToken(token, now),
          holderUpdate(
            token,
            // lastActiveAt: the account joins the activity indexes (dormancy counts from here).
            'SET #status = :active, activatedAt = :now, lastActiveAt = :now, passwordHash = :password, securityAnswers = :answers',
            {
              ':active': 'ACTIVE',
              ':now': now.toISOString(),
              ':password': passwordHash,
              ':answers': securityAnswers,
              ...counters.values,
            },
            { condition: counters.condition },
          ),
          ...counters.items,
        ];
      });
    },

    async resetPassword({ token, now, passwordHash, guessSubjects }) {
      const items = [
        spendToken(token, now),
        holderUpdate(
          token,
          'SET passwordHash = :password, passwordChangedAt = :now ADD sessionEpoch :one',
          { ':now': now.toISOString(), ':password': passwordHash, ':one': 1 },
          // The lock's mirror goes with the budgets it mirrors.
          { remove: 'lockedUntil' },
        ),
        ...guessSubjects.map((subject) => ({ Delete: { TableName: tables.attempts, Key: { subject } } })),
      ];
      await spendLink(token, now, () => items);
    },
  };
}
