import type { Server } from 'node:http';
import { resolve } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { dynamoUserDirectory } from '#adapters/dynamodb-user-directory.ts';
import { dynamoUserRepository } from '#adapters/dynamodb-user-repository.ts';
import { buildWeb } from '../../web/build.ts';
import { routes } from '../api/routes.ts';
import { loadConfig } from '../config.ts';
import type { FunctionVariable } from '../settings.ts';
import {
  attemptsTable,
  auditTable,
  progressTable,
  tableDefinitions,
  tokensTable,
  usersTable,
} from '../tables.ts';
import { type AdminKey, adminKeyFor } from './admin-key.ts';
import { DEMO_PTJ_ADMIN, DEMO_SYSTEM_ADMIN, DEMO_USER, registerDemoUsers } from './demo-users.ts';
import { type DynamoLocal, startDynamoLocal } from './dynamodb-local.ts';
import { LOCAL_CREDENTIALS } from './errors.ts';
import { assertPortsUsable } from './net.ts';
import { createLocalServer, type MountedRoute } from './server.ts';
import { type SesLocal, startSesLocal } from './ses-local.ts';
import { ensureTables } from './tables.ts';

export interface LocalStackOptions {
  port: number;
  sesPort: number;
  dynamoPort: number;
  /** Unset: a key kept in `dataDir` (made on first use), or a fresh one when nothing is kept. */
  adminApiKey?: string | undefined;
  /** Make a new kept admin key even if `dataDir` holds one (ROTATE_ADMIN_KEY=1). */
  rotateAdminKey?: boolean | undefined;
  /** Folder for DynamoDB Local's files and the kept admin key; undefined keeps everything in memory. */
  dataDir?: string | undefined;
  /** Settings handed to the functions, as CDK context would (e.g. BCRYPT_COST; functions/settings.ts). */
  functionSettings?: Partial<Record<FunctionVariable, string>>;
  host?: string;
  /** Where the pages are built; several stacks at once (test projects) each need their own. */
  webOutDir?: string;
}

export interface LocalStack {
  url: string;
  inboxUrl: string;
  dynamoEndpoint: string;
  adminApiKey: string;
  /** Where the admin key came from and where it is kept, for the banner. */
  adminKey: Omit<AdminKey, 'value'>;
  demoUserId: string;
  /** The demo administrators, with the passwords they sign in with here. */
  demoAdministrators: readonly {
    userId: string;
    name: string;
    duty: string;
    ptjCode: string;
    password: string;
  }[];
  stop(): Promise<void>;
}

/**
 * The environment the functions get on the local stack, as CDK would give it in AWS: the settings
 * that functions/settings.ts says the local stack sets (endpoints on loopback, the local table
 * names, this server's URL for e-mail links), local credentials, and `functionSettings`.
 */
export function functionEnvironment(
  options: Pick<LocalStackOptions, 'port' | 'sesPort' | 'dynamoPort' | 'functionSettings'>,
): Record<string, string> {
  return {
    AWS_REGION: 'ap-southeast-1',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    DYNAMODB_ENDPOINT: `http://127.0.0.1:${options.dynamoPort}`,
    SES_ENDPOINT: `http://127.0.0.1:${options.sesPort}`,
    ...Object.fromEntries(tableDefinitions.map((table) => [table.envVar, table.localName])),
    SITE_URL: `http://localhost:${options.port}`,
    SENDER_EMAIL: 'noreply@ispeks.example.gov.my',
    ...options.functionSettings,
  };
}

/**
 * DynamoDB Local + the SES emulator + one HTTP server mounting the Lambda handlers, all on
 * loopback. Used by `npm start` and by the integration tests; `stop()` ends all of it.
 */
export async function startLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  const host = options.host ?? '127.0.0.1';
  const url = `http://localhost:${options.port}`;

  // Everything that can be wrong with the settings is found before anything starts: no Java start.
  const functionEnv = functionEnvironment(options);
  const config = loadConfig({ ...process.env, ...functionEnv });
  await assertPortsUsable({
    PORT: options.port,
    SES_PORT: options.sesPort,
    DYNAMODB_PORT: options.dynamoPort,
  });
  const { value: adminApiKey, ...adminKey } = adminKeyFor({
    given: options.adminApiKey,
    dataDir: options.dataDir,
    rotate: options.rotateAdminKey,
  });

  const stops: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const fn of stops.reverse()) await fn().catch(() => undefined);
    stops.length = 0;
  };
  try {
    const dynamo: DynamoLocal = await startDynamoLocal(options.dynamoPort, options.dataDir);
    stops.push(dynamo.stop);
    const ses: SesLocal = await startSesLocal(options.sesPort);
    stops.push(ses.stop);

    // The functions read these once at import, exactly as they read the Lambda environment.
    Object.assign(process.env, functionEnv);

    const admin = new DynamoDBClient({
      region: 'ap-southeast-1',
      endpoint: dynamo.endpoint,
      credentials: LOCAL_CREDENTIALS,
    });
    try {
      await ensureTables(admin);
      const directory = dynamoUserDirectory(
        DynamoDBDocumentClient.from(admin),
        {
          users: usersTable.localName,
          tokens: tokensTable.localName,
          attempts: attemptsTable.localName,
          progress: progressTable.localName,
          audit: auditTable.localName,
        },
        { retentionDays: config.AUDIT_RETENTION_DAYS, requestId: () => 'local-stack-start' },
      );
      await registerDemoUsers(
        directory,
        dynamoUserRepository(DynamoDBDocumentClient.from(admin), usersTable.localName),
        config.BCRYPT_COST,
      );
    } finally {
      admin.destroy();
    }

    const mounted: MountedRoute[] = [];
    for (const route of routes) {
      const { handler } = await route.load();
      mounted.push({
        name: route.name,
        method: route.method,
        path: route.path,
        access: route.access,
        fn: handler,
      });
    }
    // The pages are built at every start (a fraction of a second), so the stack serves what the sources say.
    const pages = buildWeb(options.webOutDir);
    const server: Server = createLocalServer({
      routes: mounted,
      webRoot: resolve(pages.outDir),
      adminApiKey,
    });
    await new Promise<void>((resolveListen, reject) => {
      server.once('error', reject);
      server.listen(options.port, host, () => resolveListen());
    });
    stops.push(
      () =>
        new Promise<void>((resolveClose) => {
          server.closeAllConnections();
          server.close(() => resolveClose());
        }),
    );

    return {
      url,
      inboxUrl: `${ses.endpoint.replace('127.0.0.1', 'localhost')}/`,
      dynamoEndpoint: dynamo.endpoint,
      adminApiKey,
      adminKey,
      demoUserId: `${DEMO_USER.agencyCode}:${DEMO_USER.icNumber}`,
      demoAdministrators: [DEMO_SYSTEM_ADMIN, DEMO_PTJ_ADMIN].map((admin) => ({
        userId: `${admin.agencyCode}:${admin.icNumber}`,
        name: admin.name,
        duty: admin.duty,
        ptjCode: admin.ptjCode,
        password: admin.password,
      })),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
