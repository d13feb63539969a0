import type { Server } from 'node:http';
import * as sesLocal from 'aws-ses-v2-local';

export interface SesLocal {
  endpoint: string;
  stop(): Promise<void>;
}

type StartSes = (config: { host: string; port: number }) => Promise<Server>;

/** The SES v2 emulator on loopback; its web inbox is at the endpoint's `/`. */
export async function startSesLocal(port: number): Promise<SesLocal> {
  const module = sesLocal as unknown as { default: StartSes | { default: StartSes } };
  const start = typeof module.default === 'function' ? module.default : module.default.default;
  const server = await start({ host: '127.0.0.1', port });
  return {
    endpoint: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}
