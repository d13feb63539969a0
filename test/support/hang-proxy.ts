import { createServer, type IncomingMessage, request, type Server, type ServerResponse } from 'node:http';
import { freePort } from '../../functions/local/net.ts';

export interface HangProxy {
  endpoint: string;
  /** Requests for which this returns true are held: never forwarded, never answered. */
  hang(predicate: (target: string) => boolean): void;
  /** Forward everything again (requests held so far stay dropped: their clients gave up). */
  recover(): void;
  /** Targets (`X-Amz-Target`, or the path) of requests that were held, in order. */
  held: string[];
  close(): Promise<void>;
}

/**
 * An HTTP proxy in front of an AWS emulator that can make chosen calls hang, as a stuck
 * dependency does: the request is read, then nothing comes back. A held request is forwarded
 * never, not even after `recover()`, unless its client is still waiting then: the tests show that
 * a client which gave up leaves nothing half-done behind.
 */
export async function startHangProxy(upstream?: string): Promise<HangProxy> {
  let predicate: (target: string) => boolean = () => false;
  const held: string[] = [];
  const waiting = new Set<() => void>();

  const forward = (req: IncomingMessage, res: ServerResponse, body: Buffer) => {
    if (!upstream) {
      res.writeHead(502).end();
      return;
    }
    const target = new URL(req.url ?? '/', upstream);
    const out = request(target, { method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    out.on('error', () => res.destroy());
    out.end(body);
  };

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const target = String(req.headers['x-amz-target'] ?? req.url ?? '');
      if (!predicate(target)) {
        forward(req, res, body);
        return;
      }
      held.push(target);
      const release = () => {
        waiting.delete(release);
        if (!res.destroyed && !req.socket.destroyed) forward(req, res, body);
      };
      waiting.add(release);
      res.on('close', () => waiting.delete(release));
    });
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', () => resolve()));

  return {
    endpoint: `http://127.0.0.1:${port}`,
    hang(next) {
      predicate = next;
    },
    recover() {
      predicate = () => false;
      for (const release of [...waiting]) release();
    },
    held,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
