import { plainEndpoint } from '#http/endpoint.ts';

/** GET /api/health — the function runs; dependencies are not probed (that costs on every check). */
export const handler = plainEndpoint(async () => ({ status: 200, body: { status: 'ok' } }));
