import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { apiGatewayEvent, lambdaContext as localLambdaContext } from '#local/api-gateway-event.ts';

/**
 * Fixture events as API Gateway HTTP APIs (payload format 2.0) deliver them, assembled by the same
 * module as the local server's (functions/local/api-gateway-event.ts): header names in lower case,
 * the body a string (base64 when binary), the route key `METHOD /path`.
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
  routeKey,
  contentType = 'application/json',
  headers = {},
  body,
  isBase64Encoded,
}: EventOptions): APIGatewayProxyEventV2 {
  requestCounter += 1;
  return apiGatewayEvent({
    method,
    path,
    routeKey,
    headers: {
      host: 'api.ispeks.example.gov.my',
      'user-agent': 'vitest',
      ...(contentType === null ? {} : { 'content-type': contentType }),
      ...(body === undefined ? {} : { 'content-length': String(Buffer.byteLength(body)) }),
      ...headers,
    },
    body,
    isBase64Encoded,
    requestId: `test-request-${requestCounter}`,
    sourceIp: '203.0.113.10',
  });
}

/** A POST whose body is `value` serialised as JSON (or sent as is when it is already a string). */
export function jsonEvent(
  path: string,
  value: unknown,
  options: Omit<EventOptions, 'path' | 'body'> = {},
): APIGatewayProxyEventV2 {
  return httpEvent({ ...options, path, body: typeof value === 'string' ? value : JSON.stringify(value) });
}

/** The event as API Gateway's IAM authorizer passes a SigV4-signed request on: with its signer. */
export function iamSigned(event: APIGatewayProxyEventV2): APIGatewayProxyEventV2 {
  const iam = {
    accessKey: 'AKIAEXAMPLE',
    accountId: '123456789012',
    userArn: 'arn:aws:iam::123456789012:user/ops',
  };
  return {
    ...event,
    requestContext: { ...event.requestContext, authorizer: { iam } },
  } as APIGatewayProxyEventV2;
}

/** The context Lambda (and the local server) gives, its time counting down; `overrides` replace parts. */
export function lambdaContext(overrides: Partial<Context> = {}): Context {
  return { ...localLambdaContext('ispeks-test-function', 'test-aws-request'), ...overrides };
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
