import { createServer } from 'node:net';
import { LocalStackError } from './errors.ts';

/** Resolves when nothing listens on `port` (checked on all interfaces, as Java binds them). */
export function assertPortFree(port: number, setting: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        new LocalStackError(
          error.code === 'EADDRINUSE'
            ? `Port ${port} is already in use: stop what uses it, or set ${setting} to another port.`
            : `Port ${port} cannot be used (${error.code ?? error.message}): set ${setting} to another port.`,
        ),
      );
    });
    probe.listen({ port, exclusive: true }, () => probe.close(() => resolve()));
  });
}

/**
 * One sentence for each port that two settings share ("PORT and SES_PORT are both 3000: give each
 * its own port."), so the clash is named before anything starts rather than met as EADDRINUSE.
 */
export function portClashes(ports: Record<string, number>): string[] {
  const byPort = new Map<number, string[]>();
  for (const [setting, port] of Object.entries(ports))
    byPort.set(port, [...(byPort.get(port) ?? []), setting]);
  return [...byPort]
    .filter(([, settings]) => settings.length > 1)
    .map(([port, settings]) => {
      const names = `${settings.slice(0, -1).join(', ')} and ${settings.at(-1)}`;
      return `${names} are ${settings.length === 2 ? 'both' : 'all'} ${port}: give each its own port.`;
    });
}

/** Every port given, distinct and free; otherwise one LocalStackError saying every problem found. */
export async function assertPortsUsable(ports: Record<string, number>): Promise<void> {
  const clashes = portClashes(ports);
  if (clashes.length > 0) throw new LocalStackError(clashes.join(' '));
  const checks = await Promise.allSettled(
    Object.entries(ports).map(([setting, port]) => assertPortFree(port, setting)),
  );
  const taken = checks.flatMap((check) =>
    check.status === 'rejected'
      ? [check.reason instanceof Error ? check.reason.message : String(check.reason)]
      : [],
  );
  if (taken.length > 0) throw new LocalStackError(taken.join(' '));
}

/** A port the OS says is free right now (for tests, which must not collide with `npm start`). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen({ port: 0, host: '127.0.0.1' }, () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}
