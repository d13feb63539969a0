import { GetCommand, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { httpEvent, iamSigned, jsonEvent, type ParsedResult } from '../support/events.ts';
import {
  activationBody,
  GOOD_ANSWERS,
  NEW_PASSWORD,
  OFFICER,
  passwordChangeBody,
  registrationBody,
  resetBody,
} from '../support/fixtures.ts';
import {
  dynamo,
  type Handlers,
  loadHandlers,
  mockLiveLink,
  RAW_TOKEN,
  ROUTES,
  resetAwsMocks,
} from './setup.ts';

let handlers: Handlers;

beforeAll(async () => {
  handlers = await loadHandlers();
});

afterAll(() => {
  vi.unstubAllEnvs();
});

beforeEach(() => {
  resetAwsMocks();
  // Nothing is found unless a test says otherwise.
  dynamo.on(GetCommand).resolves({});
  dynamo.on(PutCommand).resolves({});
  dynamo.on(TransactWriteCommand).resolves({});
});

const JSON_ROUTES = [
  'resend',
  'verify',
  'activate',
  'register',
  'requestRecovery',
  'verifyRecovery',
  'resetPassword',
  'changePassword',
  'checkPassword',
] as const;
type JsonRoute = (typeof JSON_ROUTES)[number];

/** The administration route knows its caller before it reads a body: these come from automation (IAM). */
const callerOf = (route: JsonRoute, event: APIGatewayProxyEventV2) =>
  route === 'register' ? iamSigned(event) : event;

function send(route: JsonRoute, event: APIGatewayProxyEventV2) {
  return handlers[route](callerOf(route, event));
}

function post(route: JsonRoute, value: unknown, options: Parameters<typeof jsonEvent>[2] = {}) {
  return send(route, jsonEvent(ROUTES[route], value, options));
}

function expectValidationProblem(result: ParsedResult, errors: { path: string; code: string }[]) {
  expect(result.status).toBe(400);
  expect(result.headers['content-type']).toBe('application/problem+json');
  expect(result.body).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', errors });
}

describe('JSON body handling (every JSON route)', () => {
  it.each([...JSON_ROUTES])('%s: answers malformed JSON with 400 MALFORMED_JSON', async (route) => {
    // Arrange
    const body = '{"userId": "900101145678",';

    // Act
    const result = await post(route, body);

    // Assert
    expectValidationProblem(result, [{ path: '', code: 'MALFORMED_JSON' }]);
  });

  it.each([...JSON_ROUTES])(
    '%s: refuses a text/plain body with 400 UNSUPPORTED_MEDIA_TYPE',
    async (route) => {
      // Arrange
      const event = jsonEvent(ROUTES[route], { userId: OFFICER.icNumber }, { contentType: 'text/plain' });

      // Act
      const result = await send(route, event);

      // Assert
      expectValidationProblem(result, [{ path: '', code: 'UNSUPPORTED_MEDIA_TYPE' }]);
    },
  );

  it.each([...JSON_ROUTES])('%s: refuses a request without a body with 400 BODY_REQUIRED', async (route) => {
    // Arrange
    const event = httpEvent({ path: ROUTES[route] });

    // Act
    const result = await send(route, event);

    // Assert
    expectValidationProblem(result, [{ path: '', code: 'BODY_REQUIRED' }]);
  });

  it.each([...JSON_ROUTES])('%s: refuses a body over 16 KiB with 400 BODY_TOO_LARGE', async (route) => {
    // Arrange
    const body = JSON.stringify({ token: 'a'.repeat(16 * 1024) });

    // Act
    const result = await post(route, body);

    // Assert
    expectValidationProblem(result, [{ path: '', code: 'BODY_TOO_LARGE' }]);
  });

  it('reads a body of exactly 16 KiB (the limit is inclusive)', async () => {
    // Arrange
    const padding = 16 * 1024 - JSON.stringify({ token: '' }).length;
    const body = JSON.stringify({ token: 'a'.repeat(padding) });

    // Act
    const result = await post('verify', body);

    // Assert
    expect(Buffer.byteLength(body)).toBe(16 * 1024);
    expectValidationProblem(result, [{ path: 'token', code: 'TOO_LONG' }]);
  });

  it('counts the size in bytes, not characters', async () => {
    // Arrange: 6,000 three-byte characters are 18,000 bytes.
    const body = JSON.stringify({ token: '€'.repeat(6000) });

    // Act
    const result = await post('verify', body);

    // Assert
    expectValidationProblem(result, [{ path: '', code: 'BODY_TOO_LARGE' }]);
  });

  it('names an unknown field with UNKNOWN_FIELD', async () => {
    // Arrange
    const body = { userId: OFFICER.icNumber, extra: 1 };

    // Act
    const result = await post('resend', body);

    // Assert
    expectValidationProblem(result, [{ path: 'extra', code: 'UNKNOWN_FIELD' }]);
    expect(result.body.errors).toHaveLength(1);
  });

  it('names a field of the wrong type with INVALID_TYPE', async () => {
    // Act
    const result = await post('resend', { userId: 123 });

    // Assert
    expectValidationProblem(result, [{ path: 'userId', code: 'INVALID_TYPE' }]);
  });

  it('names a missing field with REQUIRED', async () => {
    // Act
    const result = await post('resend', {});

    // Assert
    expectValidationProblem(result, [{ path: 'userId', code: 'REQUIRED' }]);
  });

  it('names nested field problems with dotted paths', async () => {
    // Arrange
    const body = {
      ...activationBody(RAW_TOKEN),
      securityAnswers: [{ questionId: 'mother-name', answer: 7 }],
    };

    // Act
    const result = await post('activate', body);

    // Assert
    expectValidationProblem(result, [{ path: 'securityAnswers.0.answer', code: 'INVALID_TYPE' }]);
  });

  it('refuses a JSON null body as INVALID_TYPE rather than failing', async () => {
    // Act
    const result = await post('verify', 'null');

    // Assert
    expectValidationProblem(result, [{ path: '', code: 'INVALID_TYPE' }]);
  });

  it('accepts a base64-encoded body', async () => {
    // Arrange
    mockLiveLink();
    const body = Buffer.from(JSON.stringify({ token: RAW_TOKEN }), 'utf8').toString('base64');

    // Act
    const result = await handlers.verify(httpEvent({ path: ROUTES.verify, body, isBase64Encoded: true }));

    // Assert
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ user: { userId: OFFICER.userId, name: OFFICER.name } });
  });

  it('accepts application/json with a UTF-8 charset parameter', async () => {
    // Act
    const result = await post(
      'resend',
      { userId: OFFICER.icNumber },
      { contentType: 'application/json; charset=UTF-8' },
    );

    // Assert
    expect(result.status).toBe(404);
    expect(result.body.code).toBe('USER_NOT_FOUND');
  });

  it('refuses a base64 body that is not UTF-8 as MALFORMED_JSON', async () => {
    // Arrange
    const body = Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]).toString('base64');

    // Act
    const result = await handlers.verify(httpEvent({ path: ROUTES.verify, body, isBase64Encoded: true }));

    // Assert
    expectValidationProblem(result, [{ path: '', code: 'MALFORMED_JSON' }]);
  });
});

describe('problem details', () => {
  it('answers errors as application/problem+json with type, title, status, detail and code', async () => {
    // Act
    const result = await post('resend', { userId: OFFICER.icNumber });

    // Assert
    expect(result.status).toBe(404);
    expect(result.headers['content-type']).toBe('application/problem+json');
    expect(result.body).toEqual({
      type: expect.stringMatching(/^https:\/\/.+\/user-not-found$/),
      title: expect.any(String),
      status: 404,
      detail: expect.any(String),
      code: 'USER_NOT_FOUND',
    });
  });

  it('answers an unexpected programming error with a generic 500 that reveals nothing of it', async () => {
    // Arrange
    dynamo.on(GetCommand).rejects(new Error('boom'));

    // Act
    const result = await post('resend', { userId: OFFICER.icNumber });

    // Assert
    expect(result.status).toBe(500);
    expect(result.headers['content-type']).toBe('application/problem+json');
    expect(result.body).toMatchObject({ status: 500, code: 'INTERNAL_ERROR' });
    expect(result.rawBody).not.toContain('boom');
    expect(result.rawBody).not.toMatch(/\bat .+:\d+:\d+|stack/i);
  });
});

describe('security headers', () => {
  const expectSecurityHeaders = (result: ParsedResult) => {
    expect(result.headers['cache-control']).toBe('no-store');
    expect(result.headers['x-content-type-options']).toBe('nosniff');
  };

  it('are sent on a success', async () => {
    // Arrange
    mockLiveLink();

    // Act
    const result = await post('verify', { token: RAW_TOKEN });

    // Assert
    expect(result.status).toBe(200);
    expectSecurityHeaders(result);
  });

  it('are sent on a validation error', async () => {
    // Act
    const result = await post('verify', '{');

    // Assert
    expect(result.status).toBe(400);
    expectSecurityHeaders(result);
  });

  it('are sent on an internal error', async () => {
    // Arrange
    dynamo.on(GetCommand).rejects(new Error('boom'));

    // Act
    const result = await post('verify', { token: RAW_TOKEN });

    // Assert
    expect(result.status).toBe(500);
    expectSecurityHeaders(result);
  });
});

describe('health handler', () => {
  it('answers 200 { status: "ok" } without touching a dependency', async () => {
    // Arrange
    const event = httpEvent({ method: 'GET', path: ROUTES.health, contentType: null });

    // Act
    const result = await handlers.health(event);

    // Assert
    expect(result.status).toBe(200);
    expect(result.body).toEqual({ status: 'ok' });
    expect(result.headers['cache-control']).toBe('no-store');
    expect(dynamo.calls()).toHaveLength(0);
  });
});

/** mulberry32: a seeded generator, so a failing input can be reproduced from its index. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A body each route accepts, so mutating one field at a time reaches past validation. */
const VALID_BODIES: Record<JsonRoute, Record<string, unknown>> = {
  resend: { userId: OFFICER.userId },
  verify: { token: RAW_TOKEN },
  activate: { ...activationBody(RAW_TOKEN) },
  register: { ...registrationBody() },
  requestRecovery: { userId: OFFICER.userId },
  verifyRecovery: { token: RAW_TOKEN },
  resetPassword: { ...resetBody(RAW_TOKEN, GOOD_ANSWERS.slice(0, 2)) },
  changePassword: { ...passwordChangeBody() },
  checkPassword: { password: NEW_PASSWORD, token: RAW_TOKEN },
};

interface HostileInput {
  index: number;
  body: string;
  isBase64Encoded: boolean;
  contentType: string;
}

function hostileInputs(route: JsonRoute, count: number, seed: number): HostileInput[] {
  const random = seededRandom(seed);
  const int = (max: number) => Math.floor(random() * max);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T;
  const nested = (depth: number): unknown => (depth === 0 ? [] : [nested(depth - 1)]);
  const randomBytes = (length: number) => Buffer.from(Array.from({ length }, () => int(256)));
  // Any UTF-16 code unit, lone surrogates and control characters included.
  const randomString = (length: number) =>
    Array.from({ length }, () => String.fromCharCode(int(0x10000))).join('');

  const values: (() => unknown)[] = [
    () => null,
    () => int(2) === 0,
    () => random() * 1e308 * (int(2) ? 1 : -1),
    () => 900101145678,
    () => '',
    () => ' ',
    () => '\u0000',
    () => '900101145678\u0000',
    () => '\uD800',
    () => 'a\uDC00b',
    () => '\u202E\u200B\uFEFF',
    () => '𝕴𝖘𝖕𝖊𝖐𝖘 🙂 ﷽ e\u0301',
    () => 'x'.repeat(int(20_000)),
    () => 'Ab1!'.repeat(int(300)),
    () => randomString(int(300)),
    () => nested(int(2000)),
    () => [1, 'two', null, {}],
    () => [{ questionId: 'mother-name', answer: '\uD800\uD800\uD800' }],
    () => ({ $ne: null }),
    () => JSON.parse('{"__proto__": {"admin": true}}'),
    () => '900101-14-5678',
    () => 'ABC:900101145678',
    () => '991332145678',
    () => "' OR '1'='1",
    () => '<script>alert(1)</script>',
    () => 'user@example.gov.my',
  ];
  const extraKeys = ['extra', '__proto__', 'constructor', 'toString', ''];
  const contentTypes = [
    'application/json',
    'text/plain',
    '',
    'application/JSON',
    'application/json; charset=latin1',
  ];
  const base = VALID_BODIES[route];
  const keys = Object.keys(base);

  const mutated = () => {
    // No prototype, so `__proto__` becomes an ordinary key that reaches the JSON.
    const body: Record<string, unknown> = Object.assign(Object.create(null), base);
    for (let i = int(3); i > 0; i--) body[pick(keys)] = pick(values)();
    if (int(4) === 0) delete body[pick(keys)];
    if (int(6) === 0) body[pick(extraKeys)] = pick(values)();
    return JSON.stringify(body);
  };

  return Array.from({ length: count }, (_, index): HostileInput => {
    const json = { index, isBase64Encoded: false, contentType: 'application/json' };
    switch (index % 5) {
      case 0:
        return { ...json, body: randomBytes(int(4096)).toString('base64'), isBase64Encoded: true };
      case 1:
        return { ...json, body: randomString(int(2048)), contentType: pick(contentTypes) };
      case 2:
        return { ...json, body: JSON.stringify(pick(values)()) ?? 'undefined' };
      case 3:
        return { ...json, body: mutated().replace(/[:,"]/, pick(['', '::', ',,', '\u0000', '\\'])) };
      default:
        return { ...json, body: mutated() };
    }
  });
}

async function statusesOver(route: JsonRoute, inputs: HostileInput[]) {
  const answers: { index: number; status: number; code: unknown }[] = [];
  for (const input of inputs) {
    const { body, isBase64Encoded, contentType } = input;
    const result = await send(route, httpEvent({ path: ROUTES[route], body, isBase64Encoded, contentType }));
    answers.push({ index: input.index, status: result.status, code: result.body.code });
  }
  return answers;
}

describe('hostile input: no input ever yields a 5xx', () => {
  it.each([...JSON_ROUTES])('%s: never answers 5xx to any of 200 random inputs', async (route) => {
    // Arrange
    const inputs = hostileInputs(route, 200, 20_300_101);

    // Act
    const answers = await statusesOver(route, inputs);

    // Assert
    expect(answers.filter((a) => a.status >= 500 || a.status < 200)).toEqual([]);
    // The inputs reach past body validation, not only the JSON parser.
    expect(answers.some((a) => a.code !== 'VALIDATION_FAILED')).toBe(true);
  });

  it('activate: never answers 5xx to random inputs carrying a live token', async () => {
    // Arrange: the token is found, so passwords and answers reach the policy and the hasher.
    mockLiveLink();
    const inputs = hostileInputs('activate', 200, 19_900_101).map((input) => ({
      ...input,
      body: input.body.replace(/"token":"[^"]*"/, `"token":"${RAW_TOKEN}"`),
    }));

    // Act
    const answers = await statusesOver('activate', inputs);

    // Assert
    expect(answers.filter((a) => a.status >= 500 || a.status < 200)).toEqual([]);
    expect(answers.some((a) => a.status === 200)).toBe(true);
  });
});
