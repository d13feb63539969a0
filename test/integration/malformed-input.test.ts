import { describe, expect, it } from 'vitest';
import { call, stack } from './client.ts';

const cases: { name: string; raw: string; contentType?: string; code: string; path?: string }[] = [
  { name: 'a body that is not JSON', raw: '{"userId": ', code: 'MALFORMED_JSON' },
  {
    name: 'a field of the wrong type',
    raw: '{"userId": 900101145678}',
    code: 'INVALID_TYPE',
    path: 'userId',
  },
  {
    name: 'an unknown field',
    raw: '{"userId": "900101145678", "admin": true}',
    code: 'UNKNOWN_FIELD',
    path: 'admin',
  },
  { name: 'a missing field', raw: '{}', code: 'REQUIRED', path: 'userId' },
  {
    name: 'a body over 16 KiB',
    raw: JSON.stringify({ userId: 'x'.repeat(17 * 1024) }),
    code: 'BODY_TOO_LARGE',
  },
  { name: 'a JSON array', raw: '[1,2]', code: 'INVALID_TYPE' },
  {
    name: 'the wrong content type',
    raw: '{"userId":"900101145678"}',
    contentType: 'text/plain',
    code: 'UNSUPPORTED_MEDIA_TYPE',
  },
  { name: 'a malformed user ID', raw: '{"userId":"12345"}', code: 'USER_ID_INVALID', path: 'userId' },
  {
    name: 'a null byte in the user ID',
    raw: '{"userId":"900101145678\\u0000"}',
    code: 'INVALID_CHARACTERS',
    path: 'userId',
  },
];

describe('malformed requests to the local stack', () => {
  for (const c of cases) {
    it(`answers ${c.name} with 400 problem+json ${c.code}`, async () => {
      const answer = await call('POST', '/api/activation/resend', undefined, {
        raw: c.raw,
        headers: { 'content-type': c.contentType ?? 'application/json' },
      });

      expect(answer.status).toBe(400);
      expect(answer.headers.get('content-type')).toBe('application/problem+json');
      expect(answer.body).toMatchObject({
        status: 400,
        code: 'VALIDATION_FAILED',
        title: expect.any(String),
      });
      expect(answer.body.errors).toContainEqual({ path: c.path ?? expect.any(String), code: c.code });
    });
  }

  it('answers an unknown API route with 404 problem+json', async () => {
    const answer = await call('GET', '/api/nothing-here');

    expect([answer.status, answer.body.code]).toEqual([404, 'NOT_FOUND']);
  });
});

describe('page requests to the local stack', () => {
  it('answers a path with broken percent-encoding with 400, not a server error', async () => {
    const response = await fetch(`${stack.url}/account/%E0%A4%A`);

    expect(response.status).toBe(400);
  });

  it('serves nothing outside the built pages, however the path climbs', async () => {
    for (const path of ['/..%2f..%2fpackage.json', '/%2e%2e/%2e%2e/package.json', '/../dist2/x']) {
      const response = await fetch(`${stack.url}${path}`);

      expect(response.status).toBe(404);
    }
  });
});
