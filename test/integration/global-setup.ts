import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { freePort } from '../../functions/local/net.ts';
import { startLocalStack } from '../../functions/local/stack.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    stack: { url: string; inboxUrl: string; dynamoEndpoint: string; adminApiKey: string };
  }
}

/** The real local stack (DynamoDB Local + SES emulator + the handlers), once for all tests. */
export default async function setup(project: TestProject) {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  process.env.LOG_SILENT = '1';
  const webOutDir = mkdtempSync(join(tmpdir(), 'ispeks-web-'));
  const stack = await startLocalStack({
    port: await freePort(),
    sesPort: await freePort(),
    dynamoPort: await freePort(),
    // Low cost keeps 20 concurrent activations quick; production default is 12.
    functionSettings: { BCRYPT_COST: '4', ENUMERATION_MIN_RESPONSE_MS: '300' },
    // Each test project starts its own stack: each builds its own copy of the pages.
    webOutDir,
  });
  project.provide('stack', {
    url: stack.url,
    inboxUrl: stack.inboxUrl,
    dynamoEndpoint: stack.dynamoEndpoint,
    adminApiKey: stack.adminApiKey,
  });
  return async () => {
    await stack.stop();
    rmSync(webOutDir, { recursive: true, force: true });
  };
}
