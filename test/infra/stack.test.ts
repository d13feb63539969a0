import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { App, Validations } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '#config';
import { readSettings, SettingsError } from '#lib/settings.ts';
import { IspeksActivationStack } from '#lib/stack.ts';
import { routes } from '../../functions/api/routes.ts';
import { tableDefinitions } from '../../functions/tables.ts';
import { CONTENT_SECURITY_POLICY, PAGE_HEADERS } from '../../web/site.ts';
import { budgetOf } from '../bench/budgets.ts';

/* The synthesized template is plain JSON; these describe just the parts the assertions read. */
type Json = Record<string, unknown>;
interface Resource {
  readonly Type: string;
  readonly Properties: Json;
  readonly DeletionPolicy?: string;
}
interface Statement {
  readonly Effect: string;
  readonly Action: string | string[];
  readonly Resource: unknown;
}

/** The deployer's defaults, exactly as `cdk synth` reads them. */
const cdkContext = JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8'))
  .context as Json;

const outdirs: string[] = [];

/** A stand-in for the deployed value of the origin secret (the template holds only a reference). */
const SECRET = 'Q7rTz0pLk3VbN8mWc2XsY5dFh1JgA6eUo9KiR4tPq0LwZ3nMbV7cX2sD8fG1hJ5k';

function buildApp(context: Json, env?: { account: string; region: string }) {
  const outdir = mkdtempSync(join(tmpdir(), 'ispeks-cdk-'));
  outdirs.push(outdir);
  const app = new App({ context, outdir });
  // A stand-in for web/dist: what the stack does with the pages is under test here, not the pages.
  mkdirSync(join(outdir, 'pages', 'assets'), { recursive: true });
  writeFileSync(join(outdir, 'pages', 'index.html'), '<!doctype html><title>iSPEKS</title>');
  writeFileSync(join(outdir, 'pages', '404.html'), '<!doctype html><title>Tidak dijumpai</title>');
  writeFileSync(join(outdir, 'pages', 'robots.txt'), 'User-agent: *');
  writeFileSync(join(outdir, 'pages', 'assets', 'app.js'), '');
  const stack = new IspeksActivationStack(app, 'IspeksActivationStack', {
    settings: readSettings(app.node),
    pagesDir: join(outdir, 'pages'),
    ...(env === undefined ? {} : { env }),
  });
  return { app, stack };
}

const asArray = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);
const getAttId = (value: unknown): string | undefined =>
  (value as { 'Fn::GetAtt'?: [string, string] })['Fn::GetAtt']?.[0];
const refId = (value: unknown): string | undefined => (value as { Ref?: string }).Ref;
/** The secret behind a CloudFormation dynamic reference (`{{resolve:secretsmanager:<Ref>:SecretString:::}}`). */
function secretBehind(value: unknown): string | undefined {
  const [prefix, ref, suffix] = (value as { 'Fn::Join'?: [string, unknown[]] })['Fn::Join']?.[1] ?? [];
  return prefix === '{{resolve:secretsmanager:' && suffix === ':SecretString:::}}' ? refId(ref) : undefined;
}

let app: App;
let template: Template;

beforeAll(() => {
  ({ app } = buildApp(cdkContext));
  const stack = app.node.findChild('IspeksActivationStack') as IspeksActivationStack;
  template = Template.fromStack(stack); // bundles every function with esbuild
}, 120_000);

afterAll(() => {
  for (const outdir of outdirs) rmSync(outdir, { recursive: true, force: true });
});

/** A key schema as CloudFormation writes it: the partition key, then the sort key if any. */
function keySchema(partitionKey: string, sortKey?: string) {
  return [
    { AttributeName: partitionKey, KeyType: 'HASH' },
    ...(sortKey === undefined ? [] : [{ AttributeName: sortKey, KeyType: 'RANGE' }]),
  ];
}

const resources = (type: string) => template.findResources(type) as Record<string, Resource>;

function allowStatements(): Statement[] {
  return Object.values(resources('AWS::IAM::Policy')).flatMap((policy) =>
    (policy.Properties.PolicyDocument as { Statement: Statement[] }).Statement.filter(
      (s) => s.Effect === 'Allow',
    ),
  );
}

/** The function behind a route, found through route → integration → function. */
function functionForRoute(routeKey: string): Resource {
  const route = Object.values(resources('AWS::ApiGatewayV2::Route')).find(
    (r) => r.Properties.RouteKey === routeKey,
  );
  if (route === undefined) throw new Error(`No route ${routeKey}`);
  const target = JSON.stringify(route.Properties.Target);
  const integrationId = Object.keys(resources('AWS::ApiGatewayV2::Integration')).find((id) =>
    target.includes(id),
  );
  const integration =
    integrationId === undefined ? undefined : resources('AWS::ApiGatewayV2::Integration')[integrationId];
  const fn = resources('AWS::Lambda::Function')[getAttId(integration?.Properties.IntegrationUri) ?? ''];
  if (fn === undefined) throw new Error(`No function behind ${routeKey}`);
  return fn;
}

/** The IAM statements that apply to the function behind a route (through its role). */
function statementsForRoute(routeKey: string): Statement[] {
  const roleId = getAttId(functionForRoute(routeKey).Properties.Role);
  if (roleId === undefined) throw new Error(`No function role behind ${routeKey}`);
  return Object.values(resources('AWS::IAM::Policy'))
    .filter((policy) => (policy.Properties.Roles as unknown[]).some((role) => refId(role) === roleId))
    .flatMap((policy) => (policy.Properties.PolicyDocument as { Statement: Statement[] }).Statement);
}

/** The bundled index.mjs of the function behind a route, in the first synth's output. */
function bundleFor(routeKey: string): string {
  const hash = String((functionForRoute(routeKey).Properties.Code as { S3Key: string }).S3Key).replace(
    '.zip',
    '',
  );
  return join(outdirs[0] as string, `asset.${hash}`, 'index.mjs');
}

/** The logical id of each table, by its definition's lower-case id ("users", "audit", ...). */
function tableLogicalIds(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(resources('AWS::DynamoDB::GlobalTable')).map(([id, table]) => {
      const keys = (table.Properties.KeySchema as Array<{ AttributeName: string; KeyType: string }>).map(
        (k) => `${k.KeyType}:${k.AttributeName}`,
      );
      const def = tableDefinitions.find(
        (d) =>
          keys.join() === [`HASH:${d.partitionKey}`, ...(d.sortKey ? [`RANGE:${d.sortKey}`] : [])].join(),
      );
      return [id, def === undefined ? id : def.id.toLowerCase()];
    }),
  );
}

/**
 * DynamoDB actions per table ("users", "tokens", ...); a table's index ARNs (granted with Query)
 * count as the table; anything aimed elsewhere shows up under its raw resource.
 */
function dynamoDbAccess(statements: Statement[]): Record<string, string[]> {
  const tableIds = tableLogicalIds();
  const access: Record<string, Set<string>> = {};
  for (const statement of statements) {
    const actions = asArray(statement.Action).filter((a) => a.startsWith('dynamodb:'));
    if (actions.length === 0) continue;
    for (const resource of asArray(statement.Resource)) {
      const raw = JSON.stringify(resource);
      const id = Object.keys(tableIds).find((tableId) => raw.includes(`"${tableId}"`));
      const table = id === undefined ? raw : (tableIds[id] as string);
      access[table] ??= new Set();
      for (const action of actions) access[table].add(action.replace('dynamodb:', ''));
    }
  }
  return Object.fromEntries(Object.entries(access).map(([table, actions]) => [table, [...actions].sort()]));
}

describe('IspeksActivationStack data', () => {
  it('expires tokens through DynamoDB TTL on the ttl attribute', () => {
    template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      KeySchema: [{ AttributeName: 'tokenHash', KeyType: 'HASH' }],
      TimeToLiveSpecification: { AttributeName: 'ttl', Enabled: true },
    });
  });

  it('turns TTL on for every table whose definition names a TTL attribute', () => {
    for (const def of tableDefinitions.filter((d) => d.ttlAttribute !== undefined)) {
      template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
        KeySchema: keySchema(def.partitionKey, def.sortKey),
        TimeToLiveSpecification: { AttributeName: def.ttlAttribute, Enabled: true },
      });
    }
  });

  it('gives every table the sort key and indexes its definition names, each projecting all attributes', () => {
    for (const def of tableDefinitions) {
      template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
        KeySchema: keySchema(def.partitionKey, def.sortKey),
        ...(def.indexes
          ? {
              GlobalSecondaryIndexes: Match.arrayWith(
                def.indexes.map((index) =>
                  Match.objectLike({
                    IndexName: index.name,
                    KeySchema: keySchema(index.partitionKey, index.sortKey),
                    Projection: { ProjectionType: 'ALL' },
                  }),
                ),
              ),
            }
          : {}),
      });
    }
  });

  it('keeps the users table: point-in-time recovery, deletion protection, retained when the stack goes', () => {
    template.hasResource('AWS::DynamoDB::GlobalTable', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({
        KeySchema: [{ AttributeName: 'icNumber', KeyType: 'HASH' }],
        BillingMode: 'PAY_PER_REQUEST',
        Replicas: [
          Match.objectLike({
            DeletionProtectionEnabled: true,
            PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
          }),
        ],
      }),
    });
  });
});

describe('IspeksActivationStack functions', () => {
  /** What a bundle's functions/config.ts needs when it loads, with stand-in table names. */
  const stubFunctionEnvironment = () => {
    for (const def of tableDefinitions) vi.stubEnv(def.envVar, def.id.toLowerCase());
    vi.stubEnv('SITE_URL', 'https://ispeks.example.gov.my');
    vi.stubEnv('SENDER_EMAIL', 'noreply@example.gov.my');
    vi.stubEnv('LOG_SILENT', '1');
  };

  const appFunctions = () =>
    Object.values(resources('AWS::Lambda::Function')).filter(
      (fn) =>
        (fn.Properties.Environment as { Variables?: Json } | undefined)?.Variables?.USERS_TABLE !== undefined,
    );

  it('runs every application function on nodejs22.x, arm64, traced, 1024 MB, 20 s', () => {
    const functions = appFunctions();

    expect(functions).toHaveLength(routes.length);
    for (const fn of functions) {
      expect(fn.Properties).toMatchObject({
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        TracingConfig: { Mode: 'Active' },
        MemorySize: 1024,
        Timeout: 20,
        Handler: 'index.handler',
      });
    }
  });

  it('ships bundles that load on Node and answer a request without AWS through the one error path', async () => {
    // Every bundle reads its settings at import, as in Lambda; none of these requests reaches AWS.
    stubFunctionEnvironment();
    const expected: Record<string, number> = {
      'GET /api/health': 200,
      'GET /api/openapi.json': 200,
      'GET /api/auth/session': 401,
      'POST /api/auth/logout': 204,
      // Takes no body: without a session cookie it is refused before anything is read.
      'POST /api/account/sessions/revoke': 401,
      // Administration: neither a session nor an IAM signer, so refused before the body is read.
      ...Object.fromEntries(
        routes.filter((r) => r.access === 'administrator').map((r) => [`${r.method} ${r.path}`, 401]),
      ),
    };

    for (const route of routes) {
      const routeKey = `${route.method} ${route.path}`;
      const { handler } = (await import(bundleFor(routeKey))) as {
        handler: (e: unknown, c: unknown) => Promise<{ statusCode: number; body: string }>;
      };
      const answer = await handler(
        {
          version: '2.0',
          routeKey,
          rawPath: route.path,
          headers: { 'content-type': 'application/json' },
          body: '{"not json',
          isBase64Encoded: false,
          requestContext: { requestId: 'bundle-test', http: { method: route.method, path: route.path } },
        },
        { awsRequestId: 'bundle-test', getRemainingTimeInMillis: () => 10_000 },
      );

      expect([routeKey, answer.statusCode]).toEqual([routeKey, expected[routeKey] ?? 400]);
      if (answer.statusCode === 400) expect(JSON.parse(answer.body).errors[0].code).toBe('MALFORMED_JSON');
    }
    vi.unstubAllEnvs();
  }, 120_000); // loads every bundle, each with its own copy of the SDK, on a shared CPU

  it('ships bundles that refuse a public request without the CloudFront header before reading its body', async () => {
    stubFunctionEnvironment();
    vi.stubEnv('ORIGIN_VERIFY_SECRET', SECRET);
    const route = 'POST /api/activation/verify';
    // A fresh instance of the bundle, which reads the secret when loaded, as at a cold start.
    const { handler } = (await import(`${pathToFileURL(bundleFor(route)).href}?origin-verify`)) as {
      handler: (e: unknown, c: unknown) => Promise<{ statusCode: number; body: string }>;
    };
    const request = (headers: Record<string, string>) =>
      handler(
        {
          version: '2.0',
          routeKey: route,
          rawPath: '/api/activation/verify',
          headers: { 'content-type': 'application/json', ...headers },
          body: '{"not json',
          isBase64Encoded: false,
          requestContext: {
            requestId: 'bundle-test',
            http: { method: 'POST', path: '/api/activation/verify' },
          },
        },
        { awsRequestId: 'bundle-test', getRemainingTimeInMillis: () => 10_000 },
      );

    const direct = await request({});
    const viaCloudFront = await request({ 'x-origin-verify': SECRET });
    vi.unstubAllEnvs();

    expect(direct.statusCode).toBe(403);
    expect(JSON.parse(direct.body).code).toBe('FORBIDDEN');
    expect(viaCloudFront.statusCode).toBe(400);
  });

  it.each(routes.map((r) => [r.name, r]))(
    'keeps the %s bundle within its byte budget (test/bench/budgets.ts)',
    (name, route) => {
      const bytes = statSync(bundleFor(`${route.method} ${route.path}`)).size;

      expect(bytes, `${name}: ${(bytes / 1024).toFixed(0)} KB`).toBeLessThanOrEqual(budgetOf(name));
    },
  );

  it('ships the word lists beside the functions that check a password, never inside a bundle, and nowhere else', () => {
    const lines = readFileSync('functions/adapters/word-lists/common-passwords.txt', 'utf8').split('\n');
    const LIST_SAMPLES = [30_000, 40_000, 48_000].map(
      (from) => lines.slice(from).find((w) => w.length >= 9) ?? '',
    );
    expect(LIST_SAMPLES.every(Boolean)).toBe(true);
    const checksPasswords = [
      'POST /api/activation/activate',
      'POST /api/recovery/reset',
      'POST /api/account/password',
      'POST /api/password-policy/check',
    ];
    for (const route of routes) {
      const routeKey = `${route.method} ${route.path}`;
      const lists = join(dirname(bundleFor(routeKey)), 'word-lists', 'common-passwords.txt');
      expect(existsSync(lists), routeKey).toBe(checksPasswords.includes(routeKey));
      // Deep in the list, and in no code: a bundle that holds these holds the list.
      const bundle = readFileSync(bundleFor(routeKey), 'utf8');
      for (const sample of LIST_SAMPLES) expect(bundle, routeKey).not.toContain(sample);
    }
  });

  it('uses no Node.js runtime other than nodejs22.x anywhere in the stack', () => {
    const runtimes = Object.values(resources('AWS::Lambda::Function')).map((fn) =>
      String(fn.Properties.Runtime),
    );

    expect(runtimes.filter((r) => r.startsWith('nodejs') && r !== 'nodejs22.x')).toEqual([]);
  });

  it('gives every function an environment that functions/config.ts accepts, with source maps on', () => {
    for (const fn of appFunctions()) {
      const variables = (fn.Properties.Environment as { Variables: Json }).Variables;
      // Table names are CloudFormation references until deployment; stand in a name for each.
      const env = Object.fromEntries(
        Object.entries(variables).map(([k, v]) => [
          k,
          typeof v === 'string' ? v : `deployed-value-of-${k.toLowerCase()}`,
        ]),
      );

      expect(() => loadConfig(env)).not.toThrow();
      expect(env.NODE_OPTIONS).toBe('--enable-source-maps');
      expect(env.SITE_URL).toBe(cdkContext.siteUrl);
    }
  });

  it('writes each function to its own log group, which expires', () => {
    const logGroups = resources('AWS::Logs::LogGroup');
    const targets = appFunctions().map((fn) =>
      refId((fn.Properties.LoggingConfig as Json | undefined)?.LogGroup),
    );

    expect(new Set(targets).size).toBe(routes.length);
    for (const id of targets) expect(logGroups[id ?? '']?.Properties.RetentionInDays).toBeGreaterThan(0);
  });
});

describe('IspeksActivationStack least privilege', () => {
  it('grants no action "*" and no whole service ("dynamodb:*") in any IAM policy', () => {
    const actions = allowStatements().flatMap((s) => asArray(s.Action));

    expect(actions.filter((a) => a === '*' || a.endsWith(':*'))).toEqual([]);
  });

  it('never grants a DynamoDB action on resource "*" or on a wildcard', () => {
    const dynamoDbStatements = allowStatements().filter((s) =>
      asArray(s.Action).some((a) => a.startsWith('dynamodb:')),
    );

    expect(dynamoDbStatements.length).toBeGreaterThan(0);
    for (const statement of dynamoDbStatements) expect(JSON.stringify(statement.Resource)).not.toContain('*');
  });

  /** Exactly what each use case does, read from its adapters; a new route needs a line here. */
  const ACTOR = { sessions: ['DeleteItem', 'UpdateItem'], users: ['GetItem'], audit: ['PutItem'] };
  const expectedAccess: Record<string, Record<string, string[]>> = {
    'POST /api/activation/resend': {
      users: ['GetItem', 'UpdateItem'],
      tokens: ['DeleteItem', 'PutItem'],
      audit: ['PutItem'],
    },
    'POST /api/activation/verify': { tokens: ['GetItem'], users: ['GetItem'], audit: ['PutItem'] },
    'POST /api/activation/activate': {
      tokens: ['GetItem', 'UpdateItem'],
      users: ['GetItem', 'UpdateItem'],
      progress: ['UpdateItem'],
      audit: ['PutItem'],
    },
    'POST /api/auth/login': {
      users: ['GetItem', 'UpdateItem'],
      sessions: ['PutItem'],
      attempts: ['GetItem', 'UpdateItem'],
      audit: ['PutItem'],
    },
    'GET /api/auth/session': { sessions: ['DeleteItem', 'UpdateItem'], users: ['GetItem'] },
    'POST /api/auth/logout': { sessions: ['DeleteItem'] },
    'POST /api/recovery/request': {
      users: ['GetItem', 'UpdateItem'],
      tokens: ['DeleteItem', 'PutItem'],
      audit: ['PutItem'],
    },
    'POST /api/recovery/verify': { tokens: ['GetItem'], users: ['GetItem'] },
    'POST /api/recovery/reset': {
      tokens: ['GetItem', 'UpdateItem'],
      users: ['GetItem', 'UpdateItem'],
      attempts: ['DeleteItem', 'GetItem', 'UpdateItem'],
      audit: ['PutItem'],
    },
    'POST /api/account/password': {
      sessions: ['DeleteItem', 'UpdateItem'],
      users: ['GetItem', 'UpdateItem'],
      attempts: ['GetItem', 'UpdateItem'],
      audit: ['PutItem'],
    },
    'POST /api/account/sessions/revoke': {
      sessions: ['DeleteItem', 'UpdateItem'],
      users: ['GetItem', 'UpdateItem'],
    },
    'POST /api/password-policy/check': {
      tokens: ['GetItem'],
      sessions: ['DeleteItem', 'UpdateItem'],
      users: ['GetItem'],
    },
    'POST /api/admin/users': {
      ...ACTOR,
      users: ['GetItem', 'PutItem', 'UpdateItem'],
      tokens: ['DeleteItem', 'PutItem'],
      progress: ['UpdateItem'],
      requests: ['PutItem'],
    },
    'GET /api/admin/users': { ...ACTOR, users: ['GetItem', 'Query'] },
    'GET /api/admin/users/{userId}': ACTOR,
    'PATCH /api/admin/users/{userId}': {
      ...ACTOR,
      users: ['GetItem', 'UpdateItem'],
      tokens: ['DeleteItem'],
      progress: ['UpdateItem'],
      requests: ['PutItem'],
    },
    'PUT /api/admin/users/{userId}/duties': {
      ...ACTOR,
      users: ['GetItem', 'UpdateItem'],
      progress: ['UpdateItem'],
      requests: ['PutItem'],
    },
    'POST /api/admin/users/{userId}/deactivate': {
      ...ACTOR,
      users: ['GetItem', 'UpdateItem'],
      tokens: ['DeleteItem'],
      progress: ['UpdateItem'],
      requests: ['PutItem'],
    },
    'POST /api/admin/users/{userId}/reactivate': {
      ...ACTOR,
      users: ['GetItem', 'UpdateItem'],
      progress: ['UpdateItem'],
      requests: ['PutItem'],
    },
    'POST /api/admin/users/{userId}/unlock': {
      ...ACTOR,
      users: ['GetItem', 'UpdateItem'],
      attempts: ['DeleteItem'],
    },
    'POST /api/admin/users/{userId}/password-reset': {
      ...ACTOR,
      users: ['GetItem', 'UpdateItem'],
      tokens: ['DeleteItem', 'PutItem'],
      requests: ['PutItem'],
    },
    'POST /api/admin/users/{userId}/send-activation': {
      ...ACTOR,
      users: ['GetItem', 'UpdateItem'],
      tokens: ['DeleteItem', 'PutItem'],
    },
    'GET /api/admin/users/{userId}/audit': { ...ACTOR, audit: ['PutItem', 'Query'] },
    'GET /api/admin/duties': ACTOR,
    'GET /api/admin/requests': { ...ACTOR, requests: ['Query'] },
    'POST /api/admin/requests/{id}/approve': {
      ...ACTOR,
      users: ['GetItem', 'PutItem', 'UpdateItem'],
      tokens: ['DeleteItem', 'PutItem'],
      progress: ['UpdateItem'],
      requests: ['GetItem', 'UpdateItem'],
    },
    'POST /api/admin/requests/{id}/reject': { ...ACTOR, requests: ['GetItem', 'UpdateItem'] },
    'GET /api/admin/audit': { ...ACTOR, audit: ['PutItem', 'Query'] },
    'GET /api/admin/progress': { ...ACTOR, progress: ['Query'] },
    'GET /api/health': {},
    'GET /api/openapi.json': {},
  };

  it('lets no function update or delete an audit record: the trail is append-only', () => {
    const auditArns = Object.entries(tableLogicalIds())
      .filter(([, name]) => name === 'audit')
      .map(([id]) => id);
    expect(auditArns).toHaveLength(1);
    const onAudit = allowStatements().filter((statement) =>
      asArray(statement.Resource).some((resource) => JSON.stringify(resource).includes(`"${auditArns[0]}"`)),
    );

    expect(onAudit.length).toBeGreaterThan(0);
    const actions = new Set(onAudit.flatMap((statement) => asArray(statement.Action)));
    expect([...actions].sort()).toEqual(['dynamodb:PutItem', 'dynamodb:Query']);
  });

  it('lets the list functions Query the indexes by name, and nothing scans', () => {
    const list = statementsForRoute('GET /api/admin/users').filter((s) =>
      asArray(s.Action).includes('dynamodb:Query'),
    );
    const resources = list.flatMap((s) => asArray(s.Resource)).map((r) => JSON.stringify(r));

    expect(resources.some((r) => r.includes('/index/byPtj'))).toBe(true);
    expect(resources.some((r) => r.includes('/index/byStatus'))).toBe(true);
    expect(allowStatements().flatMap((s) => asArray(s.Action))).not.toContain('dynamodb:Scan');
  });

  it.each(routes.map((r) => `${r.method} ${r.path}`))(
    'lets the function behind %s use exactly the DynamoDB actions its use case needs',
    (routeKey) => {
      const access = dynamoDbAccess(statementsForRoute(routeKey));

      expect(expectedAccess[routeKey], `no expected access written down for ${routeKey}`).toBeDefined();
      expect(access).toEqual(expectedAccess[routeKey]);
    },
  );

  it('keeps the verify function to reads (and its audit record) and the health function away from all tables', () => {
    const verify = dynamoDbAccess(statementsForRoute('POST /api/activation/verify'));

    expect(verify).toEqual({ tokens: ['GetItem'], users: ['GetItem'], audit: ['PutItem'] });
    expect(dynamoDbAccess(statementsForRoute('GET /api/health'))).toEqual({});
  });

  /** The functions whose use cases send e-mail (links, and the lock and password-changed notices). */
  const sendsEmail = [
    'POST /api/activation/resend',
    'POST /api/auth/login',
    'POST /api/recovery/request',
    'POST /api/recovery/reset',
    'POST /api/account/password',
    // Administration: the activation e-mail of a registration, the notice to an old address, the
    // administrator-started recovery e-mail, and an approval that does any of these.
    'POST /api/admin/users',
    'PATCH /api/admin/users/{userId}',
    'POST /api/admin/users/{userId}/password-reset',
    'POST /api/admin/users/{userId}/send-activation',
    'POST /api/admin/requests/{id}/approve',
  ];

  it('lets only the functions that mail send e-mail, and only as the configured sender', () => {
    const sender = String(cdkContext.senderEmail);
    const domain = sender.split('@')[1];
    const sesActionsOf = (routeKey: string) =>
      statementsForRoute(routeKey).filter((s) => asArray(s.Action).some((a) => a.startsWith('ses:')));

    for (const routeKey of sendsEmail) {
      const statements = sesActionsOf(routeKey);
      expect(statements, routeKey).toHaveLength(1);
      expect(statements[0]?.Action).toBe('ses:SendEmail');
      const identities = asArray(statements[0]?.Resource).map((r) => JSON.stringify(r));
      expect(identities).toHaveLength(2);
      expect(identities[0]).toContain(`:identity/${sender}`);
      expect(identities[1]).toContain(`:identity/${domain}`);
    }
    for (const route of routes.filter((r) => !sendsEmail.includes(`${r.method} ${r.path}`))) {
      expect(sesActionsOf(`${route.method} ${route.path}`)).toEqual([]);
    }
  });
});

describe('IspeksActivationStack API', () => {
  /** The two HTTP APIs by name: `public` (behind CloudFront) and `admin` (IAM-signed automation). */
  const apis = () => {
    const byId = Object.entries(resources('AWS::ApiGatewayV2::Api'));
    const named = (word: string) =>
      byId.find(([, api]) => String(api.Properties.Description).includes(word))?.[0];
    return { public: named('activation API') as string, admin: named('administration API') as string };
  };
  /** The routes of one API: route key → authorization type. */
  const deployedRoutes = (apiId: string) =>
    Object.fromEntries(
      Object.values(resources('AWS::ApiGatewayV2::Route'))
        .filter((r) => refId(r.Properties.ApiId) === apiId)
        .map((r) => [String(r.Properties.RouteKey), r.Properties.AuthorizationType]),
    );
  const keyOf = (route: { method: string; path: string }) => `${route.method} ${route.path}`;

  it('exposes the activation, admin and health routes with their methods', () => {
    expect(Object.keys(deployedRoutes(apis().public))).toEqual(
      expect.arrayContaining([
        'POST /api/activation/resend',
        'POST /api/activation/verify',
        'POST /api/activation/activate',
        'POST /api/admin/users',
        'GET /api/admin/users/{userId}',
        'GET /api/health',
      ]),
    );
  });

  it('deploys exactly the routes of the route table, which the local server mounts too: administration on both APIs', () => {
    expect(Object.keys(deployedRoutes(apis().public)).sort()).toEqual(
      routes
        .filter((r) => r.access !== 'iam')
        .map(keyOf)
        .sort(),
    );
    expect(Object.keys(deployedRoutes(apis().admin)).sort()).toEqual(
      routes
        .filter((r) => r.access === 'iam' || r.access === 'administrator')
        .map(keyOf)
        .sort(),
    );
  });

  it('requires IAM-signed requests on every route of the admin API and leaves the public ones to the functions', () => {
    const publicRoutes = deployedRoutes(apis().public);
    const adminRoutes = deployedRoutes(apis().admin);

    expect(Object.values(adminRoutes).length).toBeGreaterThan(10);
    expect(new Set(Object.values(adminRoutes))).toEqual(new Set(['AWS_IAM']));
    expect(new Set(Object.values(publicRoutes))).toEqual(new Set(['NONE']));
  });

  it('gives automation the admin API in the outputs, and an invoke ARN that covers /api/admin/* on it alone', () => {
    const outputs = template.findOutputs('*');
    const arn = JSON.stringify(outputs.AdminInvokeArn?.Value);

    expect(JSON.stringify(outputs.AdminApiUrl?.Value)).toContain(apis().admin);
    expect(arn).toContain(apis().admin);
    expect(arn).not.toContain(apis().public);
    expect(arn).toContain('/api/admin/*');
  });

  it('throttles the default stage and logs access without paths, bodies or callers', () => {
    const [stage] = Object.values(resources('AWS::ApiGatewayV2::Stage'));
    const format = String((stage?.Properties.AccessLogSettings as Json | undefined)?.Format);

    expect(stage?.Properties).toMatchObject({
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingBurstLimit: 200, ThrottlingRateLimit: 100 },
    });
    expect(JSON.parse(format)).toMatchObject({
      requestId: '$context.requestId',
      routeKey: '$context.routeKey',
    });
    expect(format).not.toMatch(/\$context\.(path|identity\.(user|caller|principal))|\$input/);
  });

  it('publishes the site and API addresses and the table names', () => {
    for (const output of ['SiteUrl', 'ApiUrl', 'UsersTableName', 'TokensTableName']) {
      template.hasOutput(output, { Value: Match.anyValue() });
    }
  });
});

describe('IspeksActivationStack origin secret', () => {
  const secrets = () => resources('AWS::SecretsManager::Secret');
  const environmentOf = (routeKey: string) =>
    (functionForRoute(routeKey).Properties.Environment as { Variables: Json }).Variables;
  const apiOriginOf = (config: Json) => {
    const apiBehaviour = (config.CacheBehaviors as Json[]).find((b) => b.PathPattern === '/api/*');
    return (config.Origins as Json[]).find((o) => o.Id === apiBehaviour?.TargetOriginId);
  };
  const headerOf = (origin: Json | undefined) =>
    (origin?.OriginCustomHeaders as Array<{ HeaderName: string; HeaderValue: unknown }> | undefined)?.find(
      (h) => h.HeaderName === 'x-origin-verify',
    )?.HeaderValue;
  const distributionOf = (t: Template) =>
    Object.values(t.findResources('AWS::CloudFront::Distribution'))[0] as Resource & { DependsOn?: string[] };

  it('generates one secret in Secrets Manager, 64 letters and digits, with no value in the template', () => {
    const all = Object.values(secrets());

    expect(all).toHaveLength(1);
    expect(all[0]?.Properties.GenerateSecretString).toMatchObject({
      PasswordLength: 64,
      ExcludePunctuation: true,
      IncludeSpace: false,
    });
    expect(all[0]?.Properties.SecretString).toBeUndefined();
  });

  it('has CloudFront add x-origin-verify to every /api/* origin request, as a reference to that secret', () => {
    const config = distributionOf(template).Properties.DistributionConfig as Json;
    const [secretId] = Object.keys(secrets());

    expect(secretBehind(headerOf(apiOriginOf(config)))).toBe(secretId);
    // The pages' origin (S3) never sees it.
    const s3Origin = (config.Origins as Json[]).find((o) => o.S3OriginConfig !== undefined);
    expect(headerOf(s3Origin)).toBeUndefined();
  });

  it('gives every public-route function ORIGIN_VERIFY_SECRET from that same secret', () => {
    const [secretId] = Object.keys(secrets());

    for (const route of routes.filter((r) => r.access !== 'iam')) {
      const variables = environmentOf(`${route.method} ${route.path}`);
      expect([route.path, secretBehind(variables.ORIGIN_VERIFY_SECRET)]).toEqual([route.path, secretId]);
      expect(variables.ORIGIN_VERIFY_SECRET_PREVIOUS).toBeUndefined();
    }
  });

  it('puts the admin API behind no CloudFront origin: automation signs its calls to it directly', () => {
    const adminApi = Object.entries(resources('AWS::ApiGatewayV2::Api')).find(([, api]) =>
      String(api.Properties.Description).includes('administration API'),
    )?.[0];
    const [distribution] = Object.values(resources('AWS::CloudFront::Distribution'));
    const origins = JSON.stringify(
      (distribution?.Properties.DistributionConfig as Json | undefined)?.Origins,
    );

    expect(origins).toContain('execute-api');
    expect(adminApi).toBeDefined();
    expect(origins).not.toContain(adminApi);
  });

  it('updates CloudFront only after every function that checks the header, so a new value is never refused', () => {
    const functionIds = Object.entries(resources('AWS::Lambda::Function'))
      .filter(
        ([, fn]) =>
          (fn.Properties.Environment as { Variables?: Json } | undefined)?.Variables?.ORIGIN_VERIFY_SECRET,
      )
      .map(([id]) => id);

    expect(functionIds).toHaveLength(routes.filter((r) => r.access !== 'iam').length);
    expect(distributionOf(template).DependsOn).toEqual(expect.arrayContaining(functionIds));
  });

  it('rotates by originSecretGeneration: a new secret is sent while the previous one is still accepted', () => {
    const generation = (n: number) => {
      const { stack } = buildApp({ ...cdkContext, originSecretGeneration: n, 'aws:cdk:bundling-stacks': [] });
      return Template.fromStack(stack);
    };
    const [first] = Object.keys(secrets());
    const second = generation(2);
    const third = generation(3);
    const secretIds = (t: Template) => Object.keys(t.findResources('AWS::SecretsManager::Secret')).sort();
    const sent = (t: Template) =>
      secretBehind(headerOf(apiOriginOf(distributionOf(t).Properties.DistributionConfig as Json)));
    const accepted = (t: Template) => {
      const fn = Object.values(t.findResources('AWS::Lambda::Function')).find(
        (f) =>
          (f as Resource).Properties.Environment !== undefined &&
          ((f as Resource).Properties.Environment as { Variables: Json }).Variables.ORIGIN_VERIFY_SECRET !==
            undefined,
      ) as Resource;
      const variables = (fn.Properties.Environment as { Variables: Json }).Variables;
      return [
        secretBehind(variables.ORIGIN_VERIFY_SECRET),
        secretBehind(variables.ORIGIN_VERIFY_SECRET_PREVIOUS),
      ];
    };

    // Generation 2 keeps generation 1's secret (same logical id) and adds a new one.
    expect(secretIds(second)).toHaveLength(2);
    expect(secretIds(second)).toContain(first);
    const [newest] = secretIds(second).filter((id) => id !== first);
    expect(sent(second)).toBe(newest);
    expect(accepted(second)).toEqual([newest, first]);
    // Generation 3 drops generation 1: it is no longer accepted anywhere.
    expect(secretIds(third)).not.toContain(first);
    expect(secretIds(third)).toContain(newest);
    expect(accepted(third)[1]).toBe(newest);
  });

  it('refuses a generation below 1', () => {
    const bad = new App({ context: { ...cdkContext, originSecretGeneration: '0' } });

    expect(() => readSettings(bad.node)).toThrow(/originSecretGeneration: must be at least 1/);
  });
});

describe('IspeksActivationStack pages', () => {
  const distributionConfig = () =>
    Object.values(resources('AWS::CloudFront::Distribution'))[0]?.Properties.DistributionConfig as Json;

  it('uploads the built pages to the site bucket and invalidates the distribution', () => {
    const deployments = Object.values(resources('Custom::CDKBucketDeployment'));

    expect(deployments).toHaveLength(1);
    const props = deployments[0]?.Properties as Json;
    expect(props.SourceBucketNames).toHaveLength(1);
    const origin = (distributionConfig().Origins as Json[]).find((o) => o.S3OriginConfig !== undefined);
    expect(refId(props.DestinationBucketName)).toBe(getAttId(origin?.DomainName));
    expect(props.DistributionPaths).toEqual(['/*']);
  });

  it('keeps the site bucket private and refuses plain HTTP', () => {
    const [siteBucketId] = Object.keys(resources('AWS::S3::Bucket')).filter((id) =>
      id.includes('SiteBucket'),
    );

    template.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      LoggingConfiguration: Match.objectLike({ DestinationBucketName: Match.anyValue() }),
    });
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: siteBucketId },
      PolicyDocument: Match.objectLike({
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Deny',
            Action: 's3:*',
            Principal: { AWS: '*' },
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          }),
        ]),
      }),
    });
  });

  it('lets only CloudFront (origin access control) read the site bucket', () => {
    const config = distributionConfig();
    const origins = config.Origins as Json[];

    expect(origins.some((o) => o.OriginAccessControlId !== undefined)).toBe(true);
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: Match.objectLike({
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Allow',
            Principal: { Service: 'cloudfront.amazonaws.com' },
            Action: 's3:GetObject',
          }),
        ]),
      }),
    });
  });

  it('adds HSTS, the CSP, nosniff, frame denial and no-referrer to pages and API answers', () => {
    const [policyId] = Object.keys(resources('AWS::CloudFront::ResponseHeadersPolicy'));
    const config = distributionConfig();
    const behaviours = [config.DefaultCacheBehavior, ...(config.CacheBehaviors as Json[])] as Json[];

    template.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: Match.objectLike({
        SecurityHeadersConfig: {
          StrictTransportSecurity: {
            AccessControlMaxAgeSec: 63_072_000,
            IncludeSubdomains: true,
            Preload: true,
            Override: true,
          },
          ContentSecurityPolicy: { ContentSecurityPolicy: CONTENT_SECURITY_POLICY, Override: true },
          ContentTypeOptions: { Override: true },
          FrameOptions: { FrameOption: PAGE_HEADERS['X-Frame-Options'], Override: true },
          ReferrerPolicy: { ReferrerPolicy: PAGE_HEADERS['Referrer-Policy'], Override: true },
        },
      }),
    });
    for (const behaviour of behaviours) {
      expect(behaviour.ResponseHeadersPolicyId).toEqual({ Ref: policyId });
      expect(behaviour.ViewerProtocolPolicy).toBe('redirect-to-https');
    }
  });

  it('routes /api/* to the HTTP API with every method, no caching and the viewer headers except Host', () => {
    const config = distributionConfig();
    const apiBehaviour = (config.CacheBehaviors as Json[]).find((b) => b.PathPattern === '/api/*');
    const apiOrigin = (config.Origins as Json[]).find((o) => o.Id === apiBehaviour?.TargetOriginId);

    expect(apiBehaviour).toMatchObject({
      AllowedMethods: ['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE'],
      CachePolicyId: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad', // Managed-CachingDisabled
      OriginRequestPolicyId: 'b689b0a8-53d0-40ab-baf2-68738e2966ac', // Managed-AllViewerExceptHostHeader
    });
    expect(JSON.stringify(apiOrigin?.DomainName)).toContain('.execute-api.');
    expect(apiOrigin?.CustomOriginConfig).toMatchObject({ OriginProtocolPolicy: 'https-only' });
  });

  /** The default behaviour's CloudFront functions (plain ES5 for the CloudFront runtime), run here on sample events. */
  function pageFunctions() {
    const associations = (distributionConfig().DefaultCacheBehavior as Json).FunctionAssociations as Array<{
      EventType: string;
      FunctionARN: unknown;
    }>;
    const handlerFor = (eventType: string) => {
      const id = getAttId(associations.find((a) => a.EventType === eventType)?.FunctionARN);
      const code = String(resources('AWS::CloudFront::Function')[id ?? '']?.Properties.FunctionCode);
      return new Function(`${code}\nreturn handler;`)() as (event: unknown) => {
        uri?: string;
        statusCode?: number;
      };
    };
    const [onRequest, onResponse] = [handlerFor('viewer-request'), handlerFor('viewer-response')];
    const uriFor = (uri: string) =>
      onRequest({ context: { eventType: 'viewer-request' }, request: { uri } }).uri;
    /** The status the viewer gets when S3 answered `status` to a viewer request for `uri`. */
    const statusFor = (uri: string, status = 200) =>
      onResponse({
        context: { eventType: 'viewer-response' },
        request: { uri },
        response: { statusCode: status, statusDescription: 'OK', headers: {} },
      }).statusCode;
    return { uriFor, statusFor };
  }

  it('maps clean page paths to their HTML files on viewer request', () => {
    const { uriFor } = pageFunctions();

    expect(uriFor('/account/activation')).toBe('/account/activation.html');
    expect(uriFor('/account/activation/')).toBe('/account/activation.html');
    expect(uriFor('/account/recovery')).toBe('/account/recovery.html');
    expect(uriFor('/account/request')).toBe('/account/request.html');
    expect(uriFor('/')).toBe('/index.html');
    expect(uriFor('/assets/app.js')).toBe('/assets/app.js');
    expect(uriFor('/robots.txt')).toBe('/robots.txt');
    expect(distributionConfig().DefaultCacheBehavior).toMatchObject({
      FunctionAssociations: expect.arrayContaining([
        expect.objectContaining({ EventType: 'viewer-request' }),
      ]),
    });
  });

  it('answers a path that is no page with /404.html and status 404', () => {
    const { uriFor, statusFor } = pageFunctions();
    const missing = ['/tiada', '/account/nope', '/account', '/nope.html', '/index.htm', '/api'];

    for (const uri of missing) expect([uri, uriFor(uri)]).toEqual([uri, '/404.html']);
    // The response side says 404 whether CloudFront shows it the viewer's path or the rewritten one.
    for (const uri of [...missing, '/404.html']) expect([uri, statusFor(uri)]).toEqual([uri, 404]);
    for (const uri of ['/', '/account/activation', '/index.html', '/robots.txt', '/assets/app.js']) {
      expect([uri, statusFor(uri)]).toEqual([uri, 200]);
    }
    // A browser's revalidated copy stays a 304; a missing asset keeps S3's own answer.
    expect(statusFor('/tiada', 304)).toBe(304);
    expect(uriFor('/assets/chunks/chunk-OLD.js')).toBe('/assets/chunks/chunk-OLD.js');
    expect(distributionConfig().DefaultCacheBehavior).toMatchObject({
      FunctionAssociations: expect.arrayContaining([
        expect.objectContaining({ EventType: 'viewer-response' }),
      ]),
    });
  });

  it('keeps the API answers its own: no distribution-wide error pages, no page function on /api/*', () => {
    const config = distributionConfig();
    const apiBehaviour = (config.CacheBehaviors as Json[]).find((b) => b.PathPattern === '/api/*');

    // CustomErrorResponses would also replace the API's 403 and 404 problem+json with the HTML page.
    expect(config.CustomErrorResponses).toBeUndefined();
    expect(apiBehaviour?.FunctionAssociations).toBeUndefined();
  });
});

describe('IspeksActivationStack cdk-nag (AwsSolutions)', () => {
  const unacknowledged = (scope: App) =>
    new AwsSolutionsChecks()
      .validateScope(scope)
      .violations.map(
        (v) =>
          `${v.severity} ${v.ruleName} at ${v.violatingResources.map((r) => r.constructPath).join(', ')}`,
      );

  it('leaves no error and no warning unacknowledged', () => {
    expect(unacknowledged(app)).toEqual([]);
  });

  it('gives every acknowledgment a written reason of at least ten words', () => {
    const acknowledgments = app.node
      .findAll()
      .flatMap((c) => c.node.metadata)
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((entry) => Object.entries(entry.data as Record<string, string>))
      .filter(([id]) => id.includes('AwsSolutions-'));

    expect(acknowledgments.length).toBeGreaterThan(0);
    const tooShort = acknowledgments.filter(([, reason]) => reason.trim().split(/\s+/).length < 10);
    expect(tooShort).toEqual([]);
  });

  it('also passes in a concrete region with a custom domain and a web ACL, and then requires TLS 1.2', () => {
    const { app: customised, stack } = buildApp(
      {
        ...cdkContext,
        domainName: 'ispeks.example.gov.my',
        certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/00000000-0000-0000-0000-000000000000',
        webAclArn:
          'arn:aws:wafv2:us-east-1:123456789012:global/webacl/ispeks/00000000-0000-0000-0000-000000000000',
        // Bundling is covered above; skipping it keeps this second synth fast.
        'aws:cdk:bundling-stacks': [],
      },
      { account: '123456789012', region: 'ap-southeast-1' },
    );

    expect(unacknowledged(customised)).toEqual([]);
    Template.fromStack(stack).hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        Aliases: ['ispeks.example.gov.my'],
        WebACLId: Match.stringLikeRegexp('^arn:aws:wafv2:'),
        ViewerCertificate: Match.objectLike({ MinimumProtocolVersion: 'TLSv1.2_2021' }),
      }),
    });
  });
});

describe('readSettings', () => {
  it('refuses bad context with one message that names every bad key', () => {
    const bad = new App({ context: { ...cdkContext, siteUrl: 'http://insecure.example', bcryptCost: '10' } });

    expect(() => readSettings(bad.node)).toThrow(SettingsError);
    expect(() => readSettings(bad.node)).toThrow(
      /siteUrl: must be an https:\/\/ URL.*bcryptCost: must be at least 12/,
    );
  });

  it('accepts numbers and flags given as strings on the command line', () => {
    const cli = new App({ context: { ...cdkContext, resendMaxPerHour: '7', enumerationProtection: 'on' } });

    expect(readSettings(cli.node)).toMatchObject({ resendMaxPerHour: 7, enumerationProtection: true });
  });
});
