import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { TIME_BUDGET } from '#adapters/time-budget.ts';

/**
 * What API Gateway (HTTP API, payload format 2.0) and Lambda hand a function, built in one place
 * for the local server (from a Node request) and for the tests (from a few options), so both call
 * the handlers with what AWS would give them.
 */
export interface HttpRequestParts {
  method: string;
  /** The path as sent, without the query. */
  path: string;
  /** The query as sent, without the `?`. */
  query?: string;
  /** The route that matched, `METHOD /path`; by default the request's own method and path. */
  routeKey?: string;
  /** Names in lower case; a repeated header's values joined by commas, as API Gateway joins them. */
  headers: Record<string, string>;
  /** Text as sent, or base64 with `isBase64Encoded`. */
  body?: string | undefined;
  isBase64Encoded?: boolean;
  requestId?: string;
  sourceIp?: string;
  protocol?: string;
  /** The route's `{name}` parts, decoded, as API Gateway passes them. */
  pathParameters?: Record<string, string>;
  /** What API Gateway's IAM authorizer adds for a SigV4-signed request: who signed it. */
  authorizer?: { iam: { userArn: string; accountId: string; callerId: string } };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `requestContext.time` as API Gateway writes it: `12/Mar/2030:19:03:58 +0000`. */
function requestTime(epochMs: number): string {
  const t = new Date(epochMs);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(t.getUTCDate())}/${MONTHS[t.getUTCMonth()]}/${t.getUTCFullYear()}:${two(t.getUTCHours())}:${two(t.getUTCMinutes())}:${two(t.getUTCSeconds())} +0000`;
}

/** The payload 2.0 event for one request: cookies split out of the header, the query parsed. */
export function apiGatewayEvent({
  method,
  path,
  query = '',
  routeKey = `${method} ${path}`,
  headers,
  body,
  isBase64Encoded = false,
  requestId = randomUUID(),
  sourceIp = '127.0.0.1',
  protocol = 'HTTP/1.1',
  pathParameters,
  authorizer,
}: HttpRequestParts): APIGatewayProxyEventV2 {
  const now = Date.now();
  const domainName = headers.host ?? 'localhost';
  return {
    version: '2.0',
    routeKey,
    rawPath: path,
    rawQueryString: query,
    ...(headers.cookie ? { cookies: headers.cookie.split(/;\s*/) } : {}),
    headers,
    ...(query ? { queryStringParameters: Object.fromEntries(new URLSearchParams(query)) } : {}),
    ...(pathParameters ? { pathParameters } : {}),
    requestContext: {
      ...(authorizer ? { authorizer } : {}),
      accountId: 'local',
      apiId: 'local',
      domainName,
      domainPrefix: domainName.split(/[.:]/)[0] ?? domainName,
      http: { method, path, protocol, sourceIp, userAgent: headers['user-agent'] ?? '' },
      requestId,
      routeKey,
      stage: '$default',
      time: requestTime(now),
      timeEpoch: now,
    },
    ...(body === undefined ? {} : { body }),
    isBase64Encoded,
  };
}

/** Far above the API's 16 KiB limit (which the handlers enforce) but bounded, as API Gateway is. */
const MAX_READ_BYTES = 1024 * 1024;

/** The whole body of a Node request, or undefined when it is larger than API Gateway would take. */
export function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_READ_BYTES) {
        resolveBody(undefined);
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolveBody(size > MAX_READ_BYTES ? undefined : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** The event the same Node request would produce in AWS on `routeKey`; JSON and text stay text. */
export function eventFromRequest(
  req: IncomingMessage,
  routeKey: string,
  body: Buffer,
  extra: Pick<HttpRequestParts, 'pathParameters' | 'authorizer'> = {},
): APIGatewayProxyEventV2 {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(',') : value;
  }
  const textual = /^(application\/(.+\+)?json|text\/)/i.test(headers['content-type'] ?? '');
  return apiGatewayEvent({
    method: req.method ?? 'GET',
    path: url.pathname,
    query: url.search.replace(/^\?/, ''),
    routeKey,
    headers,
    ...(body.length === 0
      ? {}
      : { body: body.toString(textual ? 'utf8' : 'base64'), isBase64Encoded: !textual }),
    sourceIp: req.socket.remoteAddress ?? '127.0.0.1',
    protocol: `HTTP/${req.httpVersion}`,
    ...extra,
  });
}

/** As Lambda gives it: the remaining time counts down from the function timeout. */
export function lambdaContext(functionName: string, requestId: string = randomUUID()): Context {
  const deadline = Date.now() + TIME_BUDGET.functionTimeoutMs;
  return {
    awsRequestId: requestId,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:${functionName}`,
    memoryLimitInMB: '1024',
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'local',
    callbackWaitsForEmptyEventLoop: false,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}
