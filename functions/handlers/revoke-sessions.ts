import { plainEndpoint } from '#http/endpoint.ts';
import { clearedSessionCookie, readSessionId } from '#http/session-cookie.ts';
import * as wiring from '../wiring.ts';

const { endAllSessions } = wiring.sessionsOf();

/** POST /api/account/sessions/revoke — signs the officer out everywhere, this session included. */
export const handler = plainEndpoint(async (event) => {
  await endAllSessions(readSessionId(event));
  return { status: 204, cookies: [clearedSessionCookie] };
});
