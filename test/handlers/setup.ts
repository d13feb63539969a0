import { SESv2Client } from '@aws-sdk/client-sesv2';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { vi } from 'vitest';
import { linkRecord, type TokenRecord } from '#domain/links.ts';
import { hashToken } from '#domain/token.ts';
import type { User } from '#domain/user.ts';
import { lambdaContext, type ParsedResult, parseResult } from '../support/events.ts';
import { pendingUser, SITE } from '../support/fixtures.ts';

export const USERS_TABLE = 'ispeks-users-test';
export const TOKENS_TABLE = 'ispeks-tokens-test';

/** What `functions/config.ts` reads; endpoints unset so nothing points at a local emulator. */
export const TEST_ENV: Record<string, string | undefined> = {
  USERS_TABLE,
  TOKENS_TABLE,
  SESSIONS_TABLE: 'ispeks-sessions-test',
  ATTEMPTS_TABLE: 'ispeks-attempts-test',
  REQUESTS_TABLE: 'ispeks-requests-test',
  AUDIT_TABLE: 'ispeks-audit-test',
  PROGRESS_TABLE: 'ispeks-progress-test',
  SITE_URL: SITE,
  SENDER_EMAIL: 'noreply@ispeks.example.gov.my',
  BCRYPT_COST: '4',
  ENUMERATION_PROTECTION: 'off',
  ENUMERATION_MIN_RESPONSE_MS: '0',
  AWS_REGION: 'ap-southeast-1',
  AWS_ACCESS_KEY_ID: 'AKIAFAKEFORTESTS0000',
  AWS_SECRET_ACCESS_KEY: 'fake-secret-for-tests',
  DYNAMODB_ENDPOINT: undefined,
  SES_ENDPOINT: undefined,
};

/** Sets what the functions' configuration reads, as a Lambda environment would (undo: `vi.unstubAllEnvs()`). */
export function stubFunctionEnvironment(): void {
  for (const [name, value] of Object.entries(TEST_ENV)) vi.stubEnv(name, value);
}

/**
 * Mocked on the classes, so every client the handlers build at module scope answers from here.
 * Each test file gets its own module graph, hence its own mocks.
 */
export const dynamo = mockClient(DynamoDBDocumentClient);
export const ses = mockClient(SESv2Client);

export function resetAwsMocks(): void {
  dynamo.reset();
  ses.reset();
}

type Handler = (event: APIGatewayProxyEventV2, context?: Partial<Context>) => Promise<ParsedResult>;

/** The handler module behind each route the handler tests call, and its path. */
const MODULES = {
  resend: ['resend-activation', '/api/activation/resend'],
  verify: ['verify-activation', '/api/activation/verify'],
  activate: ['activate-account', '/api/activation/activate'],
  register: ['register-user', '/api/admin/users'],
  requestRecovery: ['request-recovery', '/api/recovery/request'],
  verifyRecovery: ['verify-recovery', '/api/recovery/verify'],
  resetPassword: ['reset-password', '/api/recovery/reset'],
  changePassword: ['change-password', '/api/account/password'],
  checkPassword: ['check-password', '/api/password-policy/check'],
  health: ['health', '/api/health'],
} as const;

export type HandlerName = keyof typeof MODULES;
export type Handlers = Record<HandlerName, Handler>;

/**
 * The handlers read their configuration when first imported, so the environment is set before
 * the dynamic imports. Undo with `vi.unstubAllEnvs()`.
 */
export async function loadHandlers(): Promise<Handlers> {
  stubFunctionEnvironment();
  const entries = await Promise.all(
    Object.entries(MODULES).map(async ([name, [file]]) => {
      const module = (await import(`../../functions/handlers/${file}.ts`)) as {
        handler: (event: APIGatewayProxyEventV2, context: Context) => Promise<object>;
      };
      const invoke: Handler = async (event, context) =>
        parseResult(
          (await module.handler(event, lambdaContext(context))) as Parameters<typeof parseResult>[0],
        );
      return [name, invoke] as const;
    }),
  );
  return Object.fromEntries(entries) as Handlers;
}

export const ROUTES = Object.fromEntries(Object.entries(MODULES).map(([name, [, path]]) => [name, path])) as {
  [K in HandlerName]: (typeof MODULES)[K][1];
};

export const RAW_TOKEN = 'q2V6c0VqZ1dTbHpCa3F2bVBxS2hYc2RaV0R0b3ZrT1E';

/** The officer's activation link as the tokens table holds it (with its TTL), valid for another 20 minutes. */
export function tokenItem(overrides: Partial<TokenRecord> = {}): TokenRecord & { ttl: number } {
  const expiresAt = new Date(Date.now() + 20 * 60_000);
  return {
    ...linkRecord(pendingUser(), 'ACTIVATION', {
      tokenHash: hashToken(RAW_TOKEN),
      issuedAt: new Date(Date.now() - 10 * 60_000).toISOString(),
      expiresAt: expiresAt.toISOString(),
    }),
    ttl: Math.floor(expiresAt.getTime() / 1000) + 7 * 24 * 3600,
    ...overrides,
  };
}

/** The officer who holds `tokenItem()`'s link: pending, with it as her current one. */
export function holderItem(overrides: Partial<User> = {}): User {
  return pendingUser({ activationTokenHash: hashToken(RAW_TOKEN), ...overrides });
}

/** The activation link is live: its token item and its holder are found. */
export function mockLiveLink(): void {
  dynamo.on(GetCommand, { TableName: TOKENS_TABLE }).resolves({ Item: tokenItem() });
  dynamo.on(GetCommand, { TableName: USERS_TABLE }).resolves({ Item: holderItem() });
}
