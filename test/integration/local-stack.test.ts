import { type ChildProcess, spawn } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../functions/config.ts';
import { LocalStackError } from '../../functions/local/errors.ts';
import { assertPortFree, freePort } from '../../functions/local/net.ts';
import { startLocalStack } from '../../functions/local/stack.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BANNER_END = 'Press Ctrl-C to stop.';

/** `npm start` as a person runs it: its own process, its own environment, output captured. */
interface Run {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  exited: Promise<number | null>;
}

const runs: Run[] = [];

function npmStart(settings: Record<string, string>, path = process.env.PATH ?? ''): Run {
  // The test runner's LOG_SILENT and any setting of this shell must not leak into the run.
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => name !== 'LOG_SILENT' && !name.startsWith('LOG_')),
  );
  const child = spawn(process.execPath, ['--import', 'tsx', 'bin/local.ts'], {
    cwd: ROOT,
    env: { ...inherited, PATH: path, ...settings },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout?.on('data', (chunk) => {
    out += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    err += chunk;
  });
  const run: Run = {
    child,
    stdout: () => out,
    stderr: () => err,
    exited: new Promise((resolve) => child.once('exit', (code) => resolve(code))),
  };
  runs.push(run);
  return run;
}

/** The banner, once printed; fails with what the run said if it exits first. */
async function banner(run: Run, timeoutMs = 60_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (!run.stdout().includes(BANNER_END)) {
    if (run.child.exitCode !== null) throw new Error(`npm start exited: ${run.stderr()}`);
    if (Date.now() > deadline) throw new Error(`no banner in ${timeoutMs} ms: ${run.stderr()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return run.stdout();
}

async function stop(run: Run): Promise<void> {
  if (run.child.exitCode !== null || run.child.signalCode !== null) return;
  run.child.kill('SIGTERM');
  const timer = setTimeout(() => run.child.kill('SIGKILL'), 10_000);
  await run.exited;
  clearTimeout(timer);
}

/** A `java` that only leaves a mark, to show that a refused start never got as far as Java. */
function javaTrap(dir: string): { path: string; started: () => boolean } {
  const bin = join(dir, 'bin');
  mkdirSync(bin, { recursive: true });
  writeFileSync(join(bin, 'java'), `#!/bin/sh\ntouch "${join(dir, 'java-started')}"\nexit 1\n`);
  chmodSync(join(bin, 'java'), 0o755);
  return { path: `${bin}:${process.env.PATH ?? ''}`, started: () => existsSync(join(dir, 'java-started')) };
}

afterAll(async () => {
  for (const run of runs) await stop(run);
});

describe('startLocalStack', () => {
  it('refuses a bad function setting in words before starting DynamoDB Local or anything else', async () => {
    // Arrange
    const ports = { port: await freePort(), sesPort: await freePort(), dynamoPort: await freePort() };

    // Act
    const start = startLocalStack({ ...ports, functionSettings: { BCRYPT_COST: '99' } });

    // Assert
    await expect(start).rejects.toBeInstanceOf(ConfigError);
    await expect(start).rejects.toThrow('BCRYPT_COST must be a whole number from 4 to 15 (got "99").');
    await expect(assertPortFree(ports.dynamoPort, 'DYNAMODB_PORT')).resolves.toBeUndefined();
  });

  it('names two settings given the same port before starting anything', async () => {
    // Arrange
    const shared = await freePort();

    // Act
    const start = startLocalStack({ port: shared, sesPort: await freePort(), dynamoPort: shared });

    // Assert
    await expect(start).rejects.toBeInstanceOf(LocalStackError);
    await expect(start).rejects.toThrow(`PORT and DYNAMODB_PORT are both ${shared}: give each its own port.`);
    await expect(assertPortFree(shared, 'PORT')).resolves.toBeUndefined();
  });
});

describe('npm start refusing to start', () => {
  let dir: string;
  let held: Server | undefined;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ispeks-start-'));
  });
  afterEach(async () => {
    await new Promise<void>((resolve) => (held ? held.close(() => resolve()) : resolve()));
    held = undefined;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('says every bad setting at once, in words, and exits 1 without a stack trace or a Java start', async () => {
    // Arrange
    const java = javaTrap(join(dir, 'bad'));
    const settings = {
      PORT: 'abc',
      SES_PORT: '0',
      DYNAMODB_PORT: String(await freePort()),
      ADMIN_API_KEY: 'too-short-key',
      IN_MEMORY: 'yes',
      LOG_LEVEL: 'verbose',
      BCRYPT_COST: 'abc',
      ENUMERATION_PROTECTION: 'maybe',
    };

    // Act
    const run = npmStart(settings, java.path);
    const code = await run.exited;

    // Assert
    const lines = run.stderr().trimEnd().split('\n');
    expect(code).toBe(1);
    expect(lines).toEqual([
      'npm start: 7 settings need fixing:',
      '  PORT must be a whole number from 1 to 65535 (got "abc").',
      '  SES_PORT must be a whole number from 1 to 65535 (got "0").',
      '  ADMIN_API_KEY must be at least 16 characters long.',
      '  IN_MEMORY must be 0, 1, on, off, true or false (got "yes").',
      '  LOG_LEVEL must be debug, info, warn, error or off (got "verbose").',
      '  BCRYPT_COST must be a whole number from 4 to 15 (got "abc").',
      '  ENUMERATION_PROTECTION must be 0, 1, on, off, true or false (got "maybe").',
    ]);
    expect(run.stderr()).not.toContain(settings.ADMIN_API_KEY);
    expect(run.stdout()).toBe('');
    expect(java.started()).toBe(false);
  });

  it('names two settings given one port before anything starts, not as EADDRINUSE', async () => {
    // Arrange
    const java = javaTrap(join(dir, 'same-port'));
    const shared = String(await freePort());

    // Act
    const run = npmStart(
      { PORT: shared, SES_PORT: shared, DYNAMODB_PORT: String(await freePort()) },
      java.path,
    );
    const code = await run.exited;

    // Assert
    expect(code).toBe(1);
    expect(run.stderr()).toBe(`npm start: PORT and SES_PORT are both ${shared}: give each its own port.\n`);
    expect(java.started()).toBe(false);
  });

  it('says in one sentence that a port is held by another program', async () => {
    // Arrange
    const java = javaTrap(join(dir, 'port-held'));
    const port = await freePort();
    const server = createServer();
    held = server;
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', () => resolve()));

    // Act
    const run = npmStart(
      { PORT: String(await freePort()), SES_PORT: String(port), DYNAMODB_PORT: String(await freePort()) },
      java.path,
    );
    const code = await run.exited;

    // Assert
    expect(code).toBe(1);
    expect(run.stderr()).toBe(
      `npm start: Port ${port} is already in use: stop what uses it, or set SES_PORT to another port.\n`,
    );
    expect(java.started()).toBe(false);
  });
});

describe('npm start on a DATA_DIR kept between runs', () => {
  let dir: string;
  let first: Run;
  let firstBanner: string;
  const settings = async () => ({
    PORT: String(await freePort()),
    SES_PORT: String(await freePort()),
    DYNAMODB_PORT: String(await freePort()),
    DATA_DIR: join(dir, 'data'),
  });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ispeks-kept-'));
    first = npmStart(await settings());
    firstBanner = await banner(first);
  }, 90_000);
  afterAll(async () => {
    await stop(first);
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes the request log lines to the log file the banner names, not to the terminal', async () => {
    // Arrange
    const logFile = join(dir, 'logs', 'api.log');
    const url = /Pages and API\s+(\S+)/.exec(firstBanner)?.[1];

    // Act: a refused request logs "request refused" and "request done"
    const response = await fetch(`${url}/api/activation/resend`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });

    // Assert
    expect(response.status).toBe(400);
    expect(firstBanner).toMatch(new RegExp(`API log\\s+${logFile.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    const lines = readFileSync(logFile, 'utf8').trimEnd().split('\n');
    expect(lines.map((line) => JSON.parse(line).message)).toContain('request done');
    expect(first.stdout()).not.toContain('"level"');
    expect(first.stderr()).not.toContain('"level"');
  });

  it('keeps the generated admin key in DATA_DIR, for its owner only, and gives it again on the next start', async () => {
    // Arrange
    const keyFile = join(dir, 'data', 'admin-api-key');
    const firstKey = /Admin API key\s+(\S+)/.exec(firstBanner)?.[1];
    await stop(first);

    // Act
    const second = npmStart(await settings());
    const secondBanner = await banner(second);
    await stop(second);

    // Assert
    expect(firstBanner).toContain(`new, kept in ${keyFile} for the next runs`);
    expect(firstKey).toMatch(/^[\w-]{32}$/);
    expect(/Admin API key\s+(\S+)/.exec(secondBanner)?.[1]).toBe(firstKey);
    expect(secondBanner).toContain(`kept in ${keyFile} (ROTATE_ADMIN_KEY=1 makes a new one)`);
    expect(readFileSync(keyFile, 'utf8').trim()).toBe(firstKey);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
  }, 90_000);
});
