import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Structured JSON logs, one line per event, with the request id. Callers pass only codes,
 * statuses and timings: never an ID number, a name, an e-mail, a token or a password.
 */
type Level = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };
const threshold = ORDER[(process.env.LOG_LEVEL as Level | undefined) ?? 'info'] ?? ORDER.info;

/**
 * Per request, not per process: the local server runs many handler invocations at once in one
 * process, and each log line must carry its own request's id.
 */
const requestContext = new AsyncLocalStorage<Record<string, unknown>>();

/** Fields (request id, route) added to every line logged from here on in this request. */
export function setLogContext(fields: Record<string, unknown>): void {
  requestContext.enterWith(fields);
}

export function log(level: Level, message: string, fields: Record<string, unknown> = {}): void {
  if (ORDER[level] < threshold || process.env.LOG_SILENT === '1') return;
  const line = JSON.stringify({
    level,
    time: new Date().toISOString(),
    message,
    ...requestContext.getStore(),
    ...fields,
  });
  (level === 'error' || level === 'warn' ? process.stderr : process.stdout).write(`${line}\n`);
}

/** An error's shape for the log: class, message and stack, never the request body. */
export function describeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { error: String(error) };
  return { errorName: error.name, errorMessage: error.message, stack: error.stack };
}
