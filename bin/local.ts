/**
 * `npm start`: the whole product on this machine — DynamoDB Local, the SES emulator and one
 * server for the pages and the API — until Ctrl-C or SIGTERM, which stop everything it started.
 */
// Lambda runs Node 22; on a Node 20 workstation the SDK's upgrade notice is only noise.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { ConfigError, checkSettings, loadConfig, parseSettings } from '../functions/config.ts';
import { setLogSink } from '../functions/http/logger.ts';
import type { AdminKey } from '../functions/local/admin-key.ts';
import { LocalStackError } from '../functions/local/errors.ts';
import { type LogFile, openLogFile } from '../functions/local/log-file.ts';
import { portClashes } from '../functions/local/net.ts';
import { functionEnvironment, startLocalStack } from '../functions/local/stack.ts';
import type { SettingsOf } from '../functions/settings.ts';

function fail(problems: readonly string[]): never {
  process.stderr.write(
    problems.length === 1
      ? `npm start: ${problems[0]}\n`
      : `npm start: ${problems.length} settings need fixing:\n${problems.map((p) => `  ${p}\n`).join('')}`,
  );
  process.exit(1);
}

/**
 * The stack's settings, and every problem with them or with the functions' settings, found before
 * anything starts. With problems, the settings returned are only the defaults.
 */
function readSettings(env: NodeJS.ProcessEnv): { settings: SettingsOf<'local'>; problems: string[] } {
  // The stack's own settings (rows of scope `local` in functions/settings.ts), then the functions'.
  const checked = checkSettings('local', env);
  const problems = checked.ok ? [] : [...checked.problems];
  // With a bad port, the functions are checked as they would run on the default ports.
  const settings = checked.ok ? checked.data : parseSettings('local', {});
  const ports = { port: settings.PORT, sesPort: settings.SES_PORT, dynamoPort: settings.DYNAMODB_PORT };
  try {
    loadConfig({ ...env, ...functionEnvironment(ports) });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    problems.push(...error.problems);
  }
  if (checked.ok) {
    problems.push(
      ...portClashes({ PORT: ports.port, SES_PORT: ports.sesPort, DYNAMODB_PORT: ports.dynamoPort }),
    );
    if (settings.ADMIN_API_KEY !== undefined && settings.ROTATE_ADMIN_KEY) {
      problems.push('ROTATE_ADMIN_KEY and ADMIN_API_KEY cannot be used together: unset one of them.');
    }
  }
  return { settings, problems };
}

/** A path as the person would type it: relative when under the current folder. */
function shown(path: string): string {
  const fromHere = relative(process.cwd(), path);
  return fromHere && !fromHere.startsWith('..') && !isAbsolute(fromHere) ? fromHere : path;
}

function keyNote(key: Omit<AdminKey, 'value'>): string {
  const file = key.file ? shown(key.file) : '';
  switch (key.origin) {
    case 'setting':
      return 'from ADMIN_API_KEY';
    case 'kept':
      return `kept in ${file} (ROTATE_ADMIN_KEY=1 makes a new one)`;
    case 'new':
      return `new, kept in ${file} for the next runs`;
    case 'rotated':
      return `new (ROTATE_ADMIN_KEY=1), kept in ${file} for the next runs`;
    case 'memory':
      return 'new for this run only (IN_MEMORY=1 keeps nothing)';
  }
}

const { settings: env, problems } = readSettings(process.env);
if (problems.length > 0) fail(problems);
const dataDir = resolve(env.DATA_DIR);

let logFile: LogFile | undefined;
try {
  if (!env.LOG_TO_STDOUT && env.LOG_LEVEL !== 'off') {
    logFile = openLogFile(resolve(env.LOG_FILE ?? join(dirname(dataDir), 'logs', 'api.log')));
    setLogSink(logFile.write);
  }
  const stack = await startLocalStack({
    port: env.PORT,
    sesPort: env.SES_PORT,
    dynamoPort: env.DYNAMODB_PORT,
    adminApiKey: env.ADMIN_API_KEY,
    rotateAdminKey: env.ROTATE_ADMIN_KEY,
    dataDir: env.IN_MEMORY ? undefined : dataDir,
  });
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`\n${signal}: stopping the local stack…\n`);
    await stack.stop();
    logFile?.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  const apiLog = logFile
    ? `${shown(logFile.path)}   (LOG_TO_STDOUT=1 prints the lines here instead)`
    : env.LOG_LEVEL === 'off'
      ? 'off (LOG_LEVEL=off)'
      : 'this terminal (LOG_TO_STDOUT=1)';
  process.stdout.write(`
  iSPEKS local stack is running
  ─────────────────────────────
  Pages and API   ${stack.url}
  Console         ${stack.url}/admin   (sign in as an administrator below)
  E-mail inbox    ${stack.inboxUrl}
  Admin API key   ${stack.adminApiKey}
                  ${keyNote(stack.adminKey)}
  Demo user ID    ${stack.demoUserId}   (NUR AISYAH BINTI AHMAD, fictional)
${stack.demoAdministrators
  .map(
    (admin, i) =>
      `  ${i === 0 ? 'Administrators ' : '               '} ${admin.userId.padEnd(18)} ${admin.duty === 'PENTADBIR_SISTEM' ? 'Pentadbir Sistem' : `Pentadbir PTJ ${admin.ptjCode}`}, password ${admin.password}\n`,
  )
  .join('')}  Data            ${env.IN_MEMORY ? 'in memory (IN_MEMORY=1)' : shown(dataDir)}
  API log         ${apiLog}

  Try: curl -s -X POST ${stack.url}/api/activation/resend -H 'content-type: application/json' \\
         -d '{"userId":"${stack.demoUserId}"}'
  Press Ctrl-C to stop.
`);
} catch (error) {
  logFile?.close();
  if (error instanceof ConfigError) fail(error.problems);
  if (error instanceof LocalStackError) fail([error.message]);
  fail([`could not start: ${error instanceof Error ? error.message : String(error)}`]);
}
