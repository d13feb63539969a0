import { plainEndpoint } from '#http/endpoint.ts';
import { readSessionId } from '#http/session-cookie.ts';
import * as wiring from '../wiring.ts';
import type { SessionResponse } from './get-session.schema.ts';

const { currentSession } = wiring.sessionsOf();

/** GET /api/auth/session — who is signed in; extends the idle timer. */
export const handler = plainEndpoint(async (event) => ({
  status: 200,
  body: (await currentSession(readSessionId(event))) satisfies SessionResponse,
}));
