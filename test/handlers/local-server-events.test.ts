import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { afterEach, describe, expect, it } from 'vitest';
import { TIME_BUDGET } from '#adapters/time-budget.ts';
import type { ApiHandler } from '#http/endpoint.ts';
import { freePort } from '../../functions/local/net.ts';
import { createLocalServer, type MountedRoute } from '../../functions/local/server.ts';

const ADMIN_KEY = 'k'.repeat(32);

let server: Server | undefined;
let webRoot: string | undefined;

/** What the handler behind a route was called with. */
interface Call {
  event: APIGatewayProxyEventV2;
  remainingMs: number;
  functionName: string;
}

/** The local server with one route whose handler records its call and answers 204. */
async function serve(route: Omit<MountedRoute, 'fn' | 'name'>): Promise<{ url: string; calls: Call[] }> {
  webRoot = mkdtempSync(join(tmpdir(), 'ispeks-web-events-'));
  const calls: Call[] = [];
  const fn: ApiHandler = async (event: APIGatewayProxyEventV2, context: Context) => {
    calls.push({
      event,
      remainingMs: context.getRemainingTimeInMillis(),
      functionName: context.functionName,
    });
    return { statusCode: 204 };
  };
  const port = await freePort();
  server = createLocalServer({
    routes: [{ ...route, name: 'echo', fn }],
    webRoot,
    adminApiKey: ADMIN_KEY,
  });
  await new Promise<void>((resolve) => server?.listen(port, '127.0.0.1', () => resolve()));
  return { url: `http://127.0.0.1:${port}`, calls };
}

afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  if (webRoot) rmSync(webRoot, { recursive: true, force: true });
  server = undefined;
  webRoot = undefined;
});

describe('the local server, calling a handler', () => {
  it('gives it the payload 2.0 event API Gateway would: route key, query, cookies, a JSON body as text', async () => {
    // Arrange
    const { url, calls } = await serve({ method: 'POST', path: '/api/echo', access: 'public' });

    // Act
    const response = await fetch(`${url}/api/echo?lang=ms`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: 'a=1; b=2' },
      body: '{"userId":"kth:900101145678"}',
    });

    // Assert
    expect(response.status).toBe(204);
    const [call] = calls;
    expect(call?.event).toMatchObject({
      version: '2.0',
      routeKey: 'POST /api/echo',
      rawPath: '/api/echo',
      rawQueryString: 'lang=ms',
      queryStringParameters: { lang: 'ms' },
      cookies: ['a=1', 'b=2'],
      body: '{"userId":"kth:900101145678"}',
      isBase64Encoded: false,
      requestContext: { http: { method: 'POST', path: '/api/echo' }, stage: '$default' },
    });
    expect(call?.event.headers['content-type']).toBe('application/json');
  });

  it('sends a binary body in base64, as API Gateway does', async () => {
    // Arrange
    const { url, calls } = await serve({ method: 'POST', path: '/api/echo', access: 'public' });
    const bytes = Buffer.from([0, 159, 146, 150]);

    // Act
    await fetch(`${url}/api/echo`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream' },
      body: bytes,
    });

    // Assert
    expect(calls[0]?.event).toMatchObject({ body: bytes.toString('base64'), isBase64Encoded: true });
  });

  it("gives it a Lambda context named after the handler, its time counting down from the function's timeout", async () => {
    // Arrange
    const { url, calls } = await serve({ method: 'GET', path: '/api/echo', access: 'public' });

    // Act
    await fetch(`${url}/api/echo`);

    // Assert
    expect(calls[0]?.functionName).toBe('echo');
    expect(calls[0]?.remainingMs).toBeLessThanOrEqual(TIME_BUDGET.functionTimeoutMs);
    expect(calls[0]?.remainingMs).toBeGreaterThan(TIME_BUDGET.functionTimeoutMs - 5000);
  });

  it('wants the bearer admin key on an administrator route, answering 401 problem+json without calling it', async () => {
    // Arrange
    const { url, calls } = await serve({ method: 'POST', path: '/api/echo', access: 'iam' });

    // Act
    const anonymous = await fetch(`${url}/api/echo`, { method: 'POST' });
    const admin = await fetch(`${url}/api/echo`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_KEY}` },
    });

    // Assert
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toBe('Bearer');
    expect(anonymous.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await anonymous.json()).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
    expect(admin.status).toBe(204);
    expect(calls).toHaveLength(1);
  });
});
