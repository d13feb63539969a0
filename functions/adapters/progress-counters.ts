import type { ProgressRow } from '#domain/administration.ts';
import type { User } from '#domain/user.ts';

type Counter = Exclude<keyof ProgressRow, 'code'>;
const COUNTERS: readonly Counter[] = ['registered', 'pending', 'active', 'disabled'];

/** What the counters know of a user: every registered user counts once, in exactly one status. */
export type CountedUser = Pick<User, 'status' | 'ptjCode' | 'agencyCode'>;

export interface CounterMove {
  kind: 'ptj' | 'agency';
  code: string;
  delta: Partial<Record<Counter, number>>;
}

function contribution(user: CountedUser | undefined, sign: number, into: Map<string, CounterMove>) {
  if (!user) return;
  const status = user.status.toLowerCase() as Counter;
  for (const [kind, code] of [
    ['ptj', user.ptjCode],
    ['agency', user.agencyCode],
  ] as const) {
    if (code === undefined) continue;
    const key = `${kind}#${code}`;
    const move = into.get(key) ?? { kind, code, delta: {} };
    for (const counter of ['registered', status] as const) {
      move.delta[counter] = (move.delta[counter] ?? 0) + sign;
    }
    into.set(key, move);
  }
}

/**
 * How a change of a user (`before` absent: a registration) moves the progress counters: one move
 * per counter item, only the counters that change, none for an item nothing changes on (a
 * transaction may touch an item only once).
 */
export function counterMoves(before: CountedUser | undefined, after: CountedUser): CounterMove[] {
  const moves = new Map<string, CounterMove>();
  contribution(before, -1, moves);
  contribution(after, +1, moves);
  const result: CounterMove[] = [];
  for (const move of moves.values()) {
    const delta = Object.fromEntries(Object.entries(move.delta).filter(([, n]) => n !== 0));
    if (Object.keys(delta).length > 0) result.push({ ...move, delta });
  }
  return result;
}

/** The transaction items that apply the moves to the progress table (`ADD`, so a new code starts at 0). */
export function counterUpdates(table: string, moves: readonly CounterMove[]) {
  return moves.map((move) => {
    const counters = COUNTERS.filter((counter) => move.delta[counter] !== undefined);
    return {
      Update: {
        TableName: table,
        Key: { kind: move.kind, code: move.code },
        UpdateExpression: `ADD ${counters.map((counter) => `${counter} :${counter}`).join(', ')}`,
        ExpressionAttributeValues: Object.fromEntries(
          counters.map((counter) => [`:${counter}`, move.delta[counter]]),
        ),
      },
    };
  });
}

/** A progress item as a row, with every counter (0 where never moved). */
export function progressRow(item: Record<string, unknown>): ProgressRow {
  const count = (counter: Counter) => Number(item[counter] ?? 0);
  return {
    code: String(item.code),
    registered: count('registered'),
    active: count('active'),
    pending: count('pending'),
    disabled: count('disabled'),
  };
}
