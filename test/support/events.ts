import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';

/**
 * Fixture events as API Gateway HTTP APIs (payload format 2.0) deliver them: header names in
 * lower case, the body a string (base64 when binary), the route key `METHOD /path`.
 */
export interface EventOptions {
  method?: string;
  path: string;
  /** Defaults to `METHOD path`. */
  routeKey?: string;
  /** `null` sends no Content-Type header at all. */
  contentType?: string | null;
  headers?: Record<string, string>;
  body?: string;
  isBase64Encoded?: boolean;
}

let requestCounter = 0;

export function httpEvent({
  method = 'POST',
  path,
  routeKey = `${method} ${path}`,
  contentType = 'application/json',
  headers = {},
  body,
  isBase64Encoded = false,
}: EventOptions): APIGatewayProxyEventV2 {
  requestCounter += 1;
  const now = Date.now();
  return {
    version: '2.0',
    routeKey,
    rawPath: path,
    rawQueryString: '',
    headers: {
      host: 'api.ispeks.example.gov.my',
      'user-agent': 'vitest',
      ...(contentType === null ? {} : { 'content-type': contentType }),
      ...(body === undefined ? {} : { 'content-length': String(Buffer.byteLength(body)) }),
      ...headers,
    },
    requestContext: {
      accountId: '123456789012',
      apiId: 'testapi',
      domainName: 'api.ispeks.example.gov.my',
      domainPrefix: 'api',
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '203.0.113.10', userAgent: 'vitest' },
      requestId: `test-request-${requestCounter}`,
      routeKey,
      stage: '$default',
      time: new Date(now).toISOString(),
      timeEpoch: now,
    },
    ...(body === undefined ? {} : { body }),
    isBase64Encoded,
  };
}

/** A POST whose body is `value` serialised as JSON (or sent as is when it is already a string). */
export function jsonEvent(
  path: string,
  value: unknown,
  options: Omit<EventOptions, 'path' | 'body'> = {},
): APIGatewayProxyEventV2 {
  return httpEvent({ ...options, path, body: typeof value === 'string' ? value : JSON.stringify(value) });
}

export function lambdaContext(overrides: Partial<Context> = {}): Context {
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName: 'ispeks-test-function',
    functionVersion: '$LATEST',
    invokedFunctionArn: 'arn:aws:lambda:ap-southeast-1:123456789012:function:ispeks-test-function',
    memoryLimitInMB: '256',
    awsRequestId: 'test-aws-request',
    logGroupName: '/aws/lambda/ispeks-test-function',
    logStreamName: '2030/01/01/[$LATEST]test',
    getRemainingTimeInMillis: () => 10_000,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
    ...overrides,
  };
}

/** The parts of a result the tests read, with the body parsed. */
export interface ParsedResult {
  status: number;
  headers: Record<string, string>;
  body: Record<string, unknown>;
  rawBody: string;
}

export function parseResult(result: APIGatewayProxyStructuredResultV2): ParsedResult {
  const rawBody = result.body ?? '';
  const headers = Object.fromEntries(
    Object.entries(result.headers ?? {}).map(([name, value]) => [name.toLowerCase(), String(value)]),
  );
  return {
    status: result.statusCode ?? 0,
    headers,
    body: rawBody === '' ? {} : (JSON.parse(rawBody) as Record<string, unknown>),
    rawBody,
  };
}
