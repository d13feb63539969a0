import * as nodeCrypto from 'node:crypto';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { ForbiddenError } from '#domain/errors.ts';
import { ORIGIN_VERIFY_HEADER, originVerify } from '#http/origin-verify.ts';
import { httpEvent, iamSigned, jsonEvent, lambdaContext, parseResult } from '../support/events.ts';

// Spied on so a test can see that the comparison is the constant-time one; it still runs for real.
vi.mock('node:crypto', async (importOriginal) => {
  const actual = await importOriginal<typeof nodeCrypto>();
  return { ...actual, timingSafeEqual: vi.fn(actual.timingSafeEqual) };
});

const CURRENT = 'Q7rTz0pLk3VbN8mWc2XsY5dFh1JgA6eUo9KiR4tPq0LwZ3nMbV7cX2sD8fG1hJ5k';
const PREVIOUS = 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8s9T0u1V2w3X4y5Z6a7B8c9D0e1F2';

/** The middleware alone, as each endpoint runs it before the body is read. */
async function check(accepted: readonly string[], event: APIGatewayProxyEventV2) {
  const before = originVerify(accepted).before;
  if (before === undefined) throw new Error('originVerify has no before phase');
  return before({ event, context: lambdaContext(), response: null, error: null, internal: {} });
}

const fromCloudFront = (value: string, path = '/api/activation/verify') =>
  httpEvent({ path, headers: { [ORIGIN_VERIFY_HEADER]: value } });

/** What API Gateway adds to the event of a route it authorised with SigV4. */
afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
  vi.mocked(nodeCrypto.timingSafeEqual).mockClear();
});

describe('originVerify', () => {
  it('refuses a request without the header with 403 FORBIDDEN', async () => {
    const event = httpEvent({ path: '/api/activation/verify' });

    await expect(check([CURRENT], event)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('refuses a wrong value, including the right one with a character more or less', async () => {
    for (const wrong of [
      'wrong',
      CURRENT.slice(1),
      `${CURRENT}x`,
      CURRENT.toLowerCase(),
      `${CURRENT},${CURRENT}`,
    ]) {
      await expect(check([CURRENT], fromCloudFront(wrong))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
  });

  it('lets the current value through and takes the header away from what the handler sees', async () => {
    const event = fromCloudFront(CURRENT);

    await expect(check([CURRENT], event)).resolves.toBeUndefined();

    expect(event.headers[ORIGIN_VERIFY_HEADER]).toBeUndefined();
    expect(event.headers['user-agent']).toBe('vitest');
  });

  it('accepts the previous value while a rotation settles', async () => {
    await expect(check([CURRENT, PREVIOUS], fromCloudFront(PREVIOUS))).resolves.toBeUndefined();
    await expect(check([CURRENT, PREVIOUS], fromCloudFront(CURRENT))).resolves.toBeUndefined();
    await expect(check([CURRENT], fromCloudFront(PREVIOUS))).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('checks nothing when no secret is set, as on the local stack', async () => {
    await expect(check([], httpEvent({ path: '/api/health', method: 'GET' }))).resolves.toBeUndefined();
  });

  it('leaves the IAM-authorised admin route to API Gateway: no header needed', async () => {
    const event = iamSigned(jsonEvent('/api/admin/users', { icNumber: '900101145678' }));

    await expect(check([CURRENT], event)).resolves.toBeUndefined();
  });

  it('compares with timingSafeEqual on fixed-length digests, so values of any length never throw', async () => {
    const compare = vi.mocked(nodeCrypto.timingSafeEqual);

    await expect(check([CURRENT, PREVIOUS], fromCloudFront('x'))).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(check([CURRENT], fromCloudFront('y'.repeat(10_000)))).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });

    // Both accepted values are compared even when neither matches, every time on 32-byte digests.
    expect(compare).toHaveBeenCalledTimes(3);
    for (const [a, b] of compare.mock.calls) expect([a.byteLength, b.byteLength]).toEqual([32, 32]);
  });
});

describe('originVerify in the endpoints', () => {
  /** The endpoint builders read ORIGIN_VERIFY_SECRET(_PREVIOUS) when first imported, as at a cold start. */
  async function endpointsWith(env: { current?: string; previous?: string }) {
    vi.stubEnv('ORIGIN_VERIFY_SECRET', env.current);
    vi.stubEnv('ORIGIN_VERIFY_SECRET_PREVIOUS', env.previous);
    vi.resetModules();
    return import('#http/endpoint.ts');
  }

  it('answers 403 problem+json before reading the body, and runs nothing else', async () => {
    const { jsonEndpoint } = await endpointsWith({ current: CURRENT });
    const handle = vi.fn(async () => ({ status: 200, body: {} }));
    const endpoint = jsonEndpoint(z.object({}), handle);

    const answer = parseResult(
      await endpoint(httpEvent({ path: '/api/activation/verify', body: '{"not json' }), lambdaContext()),
    );

    expect(answer.status).toBe(403);
    expect(answer.headers['content-type']).toBe('application/problem+json');
    expect(answer.body).toMatchObject({ status: 403, code: 'FORBIDDEN' });
    expect(handle).not.toHaveBeenCalled();
  });

  it('passes a request that carries the previous value on to body parsing and the handler', async () => {
    const { jsonEndpoint } = await endpointsWith({ current: CURRENT, previous: PREVIOUS });
    const endpoint = jsonEndpoint(z.object({}), async () => ({ status: 200, body: {} }));

    const malformed = parseResult(
      await endpoint(
        httpEvent({
          path: '/api/activation/verify',
          body: '{"not json',
          headers: { [ORIGIN_VERIFY_HEADER]: PREVIOUS },
        }),
        lambdaContext(),
      ),
    );
    const valid = parseResult(
      await endpoint(
        jsonEvent('/api/activation/verify', {}, { headers: { [ORIGIN_VERIFY_HEADER]: PREVIOUS } }),
        lambdaContext(),
      ),
    );

    expect(malformed.status).toBe(400);
    expect(valid.status).toBe(200);
  });

  it('serves every request when the secret is unset', async () => {
    const { plainEndpoint } = await endpointsWith({});
    const endpoint = plainEndpoint(async () => ({ status: 200, body: { ok: true } }));

    const answer = parseResult(
      await endpoint(httpEvent({ method: 'GET', path: '/api/health' }), lambdaContext()),
    );

    expect(answer.status).toBe(200);
  });
});
