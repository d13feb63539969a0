/**
 * `npm start`: the whole product on this machine — DynamoDB Local, the SES emulator and one
 * server for the pages and the API — until Ctrl-C or SIGTERM, which stop everything it started.
 */
// Lambda runs Node 22; on a Node 20 workstation the SDK's upgrade notice is only noise.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { z } from 'zod';
import { ConfigError } from '../functions/config.ts';
import { LocalStackError } from '../functions/local/errors.ts';
import { startLocalStack } from '../functions/local/stack.ts';

const port = z.coerce.number().int().min(1).max(65_535);
const settings = z.object({
  PORT: port.default(3000),
  SES_PORT: port.default(8005),
  DYNAMODB_PORT: port.default(8000),
  ADMIN_API_KEY: z.string().min(16, 'must be at least 16 characters').optional(),
  DATA_DIR: z.string().min(1).default('.local/data'),
  IN_MEMORY: z.enum(['0', '1', 'true', 'false']).optional(),
  BCRYPT_COST: z.string().optional(),
});

function fail(message: string): never {
  process.stderr.write(`npm start: ${message}\n`);
  process.exit(1);
}

const parsed = settings.safeParse(process.env);
if (!parsed.success) {
  const issue = parsed.error.issues[0];
  fail(`the setting ${issue?.path.join('.')} is not valid: ${issue?.message}.`);
}
const env = parsed.data;
const inMemory = env.IN_MEMORY === '1' || env.IN_MEMORY === 'true';

try {
  const stack = await startLocalStack({
    port: env.PORT,
    sesPort: env.SES_PORT,
    dynamoPort: env.DYNAMODB_PORT,
    adminApiKey: env.ADMIN_API_KEY ?? randomBytes(24).toString('base64url'),
    dataDir: inMemory ? undefined : resolve(env.DATA_DIR),
  });
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`\n${signal}: stopping the local stack…\n`);
    await stack.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  process.stdout.write(`
  iSPEKS local stack is running
  ─────────────────────────────
  Pages and API   ${stack.url}
  E-mail inbox    ${stack.inboxUrl}
  Admin API key   ${stack.adminApiKey}
  Demo user ID    ${stack.demoUserId}   (NUR AISYAH BINTI AHMAD, fictional)
  Data            ${inMemory ? 'in memory (IN_MEMORY=1)' : resolve(env.DATA_DIR)}

  Try: curl -s -X POST ${stack.url}/api/activation/resend -H 'content-type: application/json' \\
         -d '{"userId":"${stack.demoUserId}"}'
  Press Ctrl-C to stop.
`);
} catch (error) {
  if (error instanceof LocalStackError || error instanceof ConfigError) fail(error.message);
  fail(`could not start: ${error instanceof Error ? error.message : String(error)}`);
}
