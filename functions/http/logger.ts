import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Structured JSON logs, one line per event, with the request id. Callers pass only codes,
 * statuses and timings: never an ID number, a name, an e-mail, a token or a password.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
type Level = LogLevel;
const ORDER: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };
const threshold =
  process.env.LOG_LEVEL === 'off'
    ? Number.POSITIVE_INFINITY
    : (ORDER[(process.env.LOG_LEVEL as Level | undefined) ?? 'info'] ?? ORDER.info);

/** Where a finished line (with its newline) goes. */
export type LogSink = (line: string, level: LogLevel) => void;

/** Lambda's way: stdout, warnings and errors on stderr; both reach CloudWatch. */
const toStdio: LogSink = (line, level) => {
  (level === 'error' || level === 'warn' ? process.stderr : process.stdout).write(line);
};
let sink: LogSink = toStdio;

/**
 * Sends every line to `next` from now on (the local stack writes them to a file, so they do not
 * bury its banner); called without an argument, back to stdout/stderr. Lambda never calls it.
 */
export function setLogSink(next: LogSink = toStdio): void {
  sink = next;
}

/**
 * Per request, not per process: the local server runs many handler invocations at once in one
 * process, and each log line must carry its own request's id.
 */
const requestContext = new AsyncLocalStorage<Record<string, unknown>>();

/** Fields (request id, route) added to every line logged from here on in this request. */
export function setLogContext(fields: Record<string, unknown>): void {
  requestContext.enterWith(fields);
}

/** The id of the request being served (from `setLogContext`), if any: the audit trail records it. */
export function currentRequestId(): string | undefined {
  const id = requestContext.getStore()?.requestId;
  return typeof id === 'string' ? id : undefined;
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
  sink(`${line}\n`, level);
}

/**
 * An error's shape for the log: its class, its service code and request id when it came from an
 * AWS SDK, and the stack frames — never its message. Messages of foreign errors carry data we must
 * not log (SES `MessageRejected` names the recipient address, DynamoDB validation errors quote
 * values); a domain error is logged by its code where it is mapped.
 */
export function describeError(error: unknown, depth = 0): Record<string, unknown> {
  if (!(error instanceof Error)) return { errorType: typeof error };
  const sdk = error as Error & {
    Code?: string;
    code?: string;
    $fault?: string;
    $metadata?: { httpStatusCode?: number; requestId?: string; attempts?: number };
  };
  const frames = error.stack?.split('\n').filter((line) => /^\s+at /.test(line));
  return {
    errorName: error.name,
    ...(sdk.Code || sdk.code ? { errorCode: sdk.Code ?? sdk.code } : {}),
    ...(sdk.$fault ? { fault: sdk.$fault } : {}),
    ...(sdk.$metadata?.httpStatusCode ? { httpStatus: sdk.$metadata.httpStatusCode } : {}),
    ...(sdk.$metadata?.requestId ? { awsRequestId: sdk.$metadata.requestId } : {}),
    ...(sdk.$metadata?.attempts ? { attempts: sdk.$metadata.attempts } : {}),
    ...(frames?.length ? { stack: frames.slice(0, 12).map((line) => line.trim()) } : {}),
    ...(error.cause && depth < 3 ? { cause: describeError(error.cause, depth + 1) } : {}),
  };
}
