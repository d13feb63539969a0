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
