import { AsyncLocalStorage } from 'node:async_hooks';
import { ConfiguredRetryStrategy } from '@smithy/core/retry';
import { NodeHttpHandler } from '@smithy/node-http-handler';

/**
 * Every call to AWS runs inside the time the invocation has left, so a dependency that hangs
 * ends as a clean 503 *before* the function times out, and a compensating write (undoing a step
 * that cannot stand alone) always gets time of its own.
 *
 *   invocation: |---------------- work ----------------|-- compensation --|- margin -|
 *                                                      ^ workEndsAt       ^ endsAt    ^ timeout
 *
 * A request sets its budget once (the HTTP layer, from Lambda's `getRemainingTimeInMillis`); each
 * SDK attempt is then cut to what is left, and the retry back-off never sleeps past it. Without a
 * budget (scripts, tests of adapters alone) only the per-attempt timeouts apply.
 */
export const TIME_BUDGET = {
  /** The Lambda timeout of every API function (lib/ispeks-function.ts) and of the local server. */
  functionTimeoutMs: 20_000,
  /** Kept free at the end of every invocation, so the answer still goes out. */
  marginMs: 1500,
  /** Kept for compensating writes after a failed step. */
  compensationReserveMs: 4000,
} as const;

/** Per-attempt limits; both throw (`throwOnRequestTimeout`), so the SDK really gives up. */
export const ATTEMPT_LIMITS = {
  dynamodb: { connectionTimeoutMs: 500, requestTimeoutMs: 1500, maxAttempts: 3 },
  ses: { connectionTimeoutMs: 1000, requestTimeoutMs: 4000, maxAttempts: 3 },
} as const;

interface Budget {
  /** Epoch ms after which ordinary calls are refused. */
  workEndsAt: number;
  /** Epoch ms after which even compensation is refused. */
  endsAt: number;
}

const budgets = new AsyncLocalStorage<Budget>();

/** Starts the budget for the rest of this request (middleware phase: `enterWith`, as the log context does). */
export function enterTimeBudget(remainingMs: number, now = Date.now()): void {
  const endsAt = now + remainingMs - TIME_BUDGET.marginMs;
  budgets.enterWith({ endsAt, workEndsAt: endsAt - TIME_BUDGET.compensationReserveMs });
}

/** Runs `work` with its own budget (tests, scripts). */
export function withTimeBudget<T>(remainingMs: number, work: () => Promise<T>, now = Date.now()): Promise<T> {
  const endsAt = now + remainingMs - TIME_BUDGET.marginMs;
  return budgets.run({ endsAt, workEndsAt: endsAt - TIME_BUDGET.compensationReserveMs }, work);
}

/** Milliseconds the current step may still use, or undefined outside a budget. */
export function remainingBudgetMs(now = Date.now()): number | undefined {
  const budget = budgets.getStore();
  return budget === undefined ? undefined : budget.workEndsAt - now;
}

/**
 * Runs an undo step with the reserve: it may use the time up to the end of the budget, even when
 * the work before it used all of its own (that is usually why it is undoing).
 */
export function asCompensation<T>(undo: () => Promise<T>): Promise<T> {
  const budget = budgets.getStore();
  if (budget === undefined) return undo();
  return budgets.run({ ...budget, workEndsAt: budget.endsAt }, undo);
}

function budgetSpent(): Error {
  return Object.assign(new Error('The time budget of this request is spent.'), {
    name: 'TimeoutError',
    code: 'ETIMEDOUT',
  });
}

/** Smithy's Node handler with every attempt cut to the budget left (and never started past it). */
class BudgetedHttpHandler extends NodeHttpHandler {
  constructor(
    private readonly requestTimeoutMs: number,
    connectionTimeoutMs: number,
  ) {
    super({
      connectionTimeout: connectionTimeoutMs,
      requestTimeout: requestTimeoutMs,
      throwOnRequestTimeout: true,
    });
  }

  override handle(...[request, options = {}]: Parameters<NodeHttpHandler['handle']>) {
    const left = remainingBudgetMs();
    const timeout = left === undefined ? this.requestTimeoutMs : Math.min(this.requestTimeoutMs, left);
    if (timeout <= 0) return Promise.reject(budgetSpent());
    return super.handle(request, { ...options, requestTimeout: timeout });
  }
}

/** Exponential back-off with full jitter, never sleeping past the budget. */
function backoff(attempt: number): number {
  const delay = Math.random() * Math.min(2000, 100 * 2 ** attempt);
  const left = remainingBudgetMs();
  return Math.max(0, Math.floor(left === undefined ? delay : Math.min(delay, left / 2)));
}

/** `requestHandler` and `retryStrategy` for an SDK client with these attempt limits. */
export function budgetedTransport(limits: {
  connectionTimeoutMs: number;
  requestTimeoutMs: number;
  maxAttempts: number;
}) {
  return {
    requestHandler: new BudgetedHttpHandler(limits.requestTimeoutMs, limits.connectionTimeoutMs),
    retryStrategy: new ConfiguredRetryStrategy(limits.maxAttempts, backoff),
  };
}

/**
 * The longest one call can take without a budget: every attempt to its timeout plus the largest
 * back-offs. Used to check that each route's worst case fits inside the function timeout.
 */
export function worstCallMs(limits: { requestTimeoutMs: number; maxAttempts: number }): number {
  let total = limits.maxAttempts * limits.requestTimeoutMs;
  for (let attempt = 1; attempt < limits.maxAttempts; attempt++) total += Math.min(2000, 100 * 2 ** attempt);
  return total;
}
