import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { hashToken } from '../../functions/domain/token.ts';
import { tableDefinitions, tokensTable } from '../../functions/tables.ts';
import { jsonEvent, lambdaContext, parseResult } from '../support/events.ts';
import { activationBody, PASSWORD } from '../support/fixtures.ts';
import { type HangProxy, startHangProxy } from '../support/hang-proxy.ts';
import {
  activatedUser,
  db,
  forgetEarlierSends,
  latestToken,
  post,
  registerUser,
  stack,
  storedUser,
} from './client.ts';

/**
 * Dependencies that hang (accept the request, never answer), not ones that fail fast: the real
 * handlers, with their real SDK clients, talk to DynamoDB Local and the SES emulator through
 * proxies that can hold chosen calls. Each answer must be a 503 inside the function's time, and
 * the stored state afterwards must be what it was before.
 */
type Handler = (event: APIGatewayProxyEventV2, context: Context) => Promise<object>;

/** The Lambda timeout these invocations get: short, so the tests are quick; the budget scales with it. */
const FUNCTION_MS = 8000;

let dynamoProxy: HangProxy;
let sesProxy: HangProxy;
let handlers: { resend: Handler; activate: Handler; login: Handler; recovery: Handler };

beforeAll(async () => {
  dynamoProxy = await startHangProxy(stack.dynamoEndpoint);
  sesProxy = await startHangProxy(stack.inboxUrl.replace('localhost', '127.0.0.1'));
  const env: Record<string, string> = {
    AWS_REGION: 'ap-southeast-1',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    DYNAMODB_ENDPOINT: dynamoProxy.endpoint,
    SES_ENDPOINT: sesProxy.endpoint,
    SITE_URL: stack.url,
    SENDER_EMAIL: 'noreply@ispeks.example.gov.my',
    BCRYPT_COST: '4',
    ENUMERATION_MIN_RESPONSE_MS: '0',
    ...Object.fromEntries(tableDefinitions.map((table) => [table.envVar, table.localName])),
  };
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  vi.resetModules();
  const load = async (name: string) =>
    ((await import(`../../functions/handlers/${name}.ts`)) as { handler: Handler }).handler;
  handlers = {
    resend: await load('resend-activation'),
    activate: await load('activate-account'),
    login: await load('login'),
    recovery: await load('request-recovery'),
  };
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await dynamoProxy.close();
  await sesProxy.close();
});

/** Invokes a handler as Lambda would, with FUNCTION_MS left, and times it. */
async function invoke(handler: Handler, path: string, body: unknown) {
  const started = Date.now();
  const deadline = started + FUNCTION_MS;
  const result = parseResult(
    (await handler(
      jsonEvent(path, body),
      lambdaContext({ getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()) }),
    )) as Parameters<typeof parseResult>[0],
  );
  return { ...result, elapsedMs: Date.now() - started };
}

async function tokenItem(token: string) {
  const { Item } = await db.send(
    new GetCommand({
      TableName: tokensTable.localName,
      Key: { tokenHash: hashToken(token) },
      ConsistentRead: true,
    }),
  );
  return Item;
}

/** The parts of a user record the requests may change (links, pacing, status, secrets). */
async function linkState(icNumber: string) {
  const user = await storedUser(icNumber);
  const { sendRevision: _revision, recoveryRevision: _recovery, ...rest } = user ?? {};
  return rest;
}

describe('a hung dependency', () => {
  it('SES hangs during a resend: 503 inside the function time; the earlier link, cooldown and cap are as before', async () => {
    const user = await registerUser();
    await post('/api/activation/resend', { userId: user.userId });
    const earlier = await latestToken(user.email);
    await forgetEarlierSends(user.icNumber);
    const before = await linkState(user.icNumber);
    const earlierItem = await tokenItem(earlier);
    sesProxy.hang(() => true);

    const answer = await invoke(handlers.resend, '/api/activation/resend', { userId: user.userId });
    sesProxy.recover();

    expect([answer.status, answer.body.code]).toEqual([503, 'SERVICE_UNAVAILABLE']);
    expect(Number(answer.headers['retry-after'])).toBeGreaterThan(0);
    expect(answer.elapsedMs).toBeLessThan(FUNCTION_MS);
    expect(sesProxy.held.length).toBeGreaterThan(0);
    expect(await linkState(user.icNumber)).toEqual(before);
    expect(await tokenItem(earlier)).toEqual(earlierItem);
    expect((await post('/api/activation/verify', { token: earlier })).status).toBe(200);
    expect((await post('/api/activation/resend', { userId: user.userId })).status).toBe(202);
  });

  it('DynamoDB hangs on the activation transaction: 503, and after it recovers the account is still pending', async () => {
    const user = await registerUser();
    await post('/api/activation/resend', { userId: user.userId });
    const token = await latestToken(user.email);
    const before = await linkState(user.icNumber);
    dynamoProxy.hang((target) => target.endsWith('.TransactWriteItems'));

    const answer = await invoke(handlers.activate, '/api/activation/activate', activationBody(token));
    dynamoProxy.recover();
    await new Promise((resolve) => setTimeout(resolve, 300));

    expect([answer.status, answer.body.code]).toEqual([503, 'SERVICE_UNAVAILABLE']);
    expect(answer.elapsedMs).toBeLessThan(FUNCTION_MS);
    expect(dynamoProxy.held.some((t) => t.endsWith('.TransactWriteItems'))).toBe(true);
    expect(await linkState(user.icNumber)).toEqual(before);
    expect((await tokenItem(token))?.usedAt).toBeUndefined();
    expect((await post('/api/activation/activate', activationBody(token))).status).toBe(200);
  });

  it('DynamoDB hangs on reading the user at sign-in: 503, and the claimed guess is given back', async () => {
    const user = await activatedUser();
    dynamoProxy.hang((target) => target.endsWith('.GetItem'));

    const answer = await invoke(handlers.login, '/api/auth/login', {
      userId: user.userId,
      password: PASSWORD,
    });
    dynamoProxy.recover();

    expect([answer.status, answer.body.code]).toEqual([503, 'SERVICE_UNAVAILABLE']);
    expect(answer.elapsedMs).toBeLessThan(FUNCTION_MS);
    const wrong = [];
    for (let i = 0; i < 5; i++) {
      wrong.push(
        (await post('/api/auth/login', { userId: user.userId, password: 'Salah#Kata-2024' })).status,
      );
    }
    expect(wrong).toEqual([401, 401, 401, 401, 423]);
  });

  it('SES hangs during a recovery request: the same 202 as ever, and the earlier recovery link still works', async () => {
    const user = await activatedUser();
    await post('/api/recovery/request', { userId: user.userId });
    const earlier = await latestToken(user.email);
    await forgetEarlierSends(user.icNumber, 'RECOVERY');
    const before = await linkState(user.icNumber);
    sesProxy.hang(() => true);

    const answer = await invoke(handlers.recovery, '/api/recovery/request', { userId: user.userId });
    sesProxy.recover();

    expect([answer.status, answer.body]).toEqual([202, { expiresInSeconds: 1800 }]);
    expect(answer.elapsedMs).toBeLessThan(FUNCTION_MS);
    expect(await linkState(user.icNumber)).toEqual(before);
    expect((await post('/api/recovery/verify', { token: earlier })).status).toBe(200);
  });
});
