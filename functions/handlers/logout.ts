import { plainEndpoint } from '#http/endpoint.ts';
import { clearedSessionCookie, readSessionId } from '#http/session-cookie.ts';
import * as wiring from '../wiring.ts';

const { logout } = wiring.sessionsOf();

/** POST /api/auth/logout — ends the session server-side and clears the cookie. */
export const handler = plainEndpoint(async (event) => {
  await logout(readSessionId(event));
  return { status: 204, cookies: [clearedSessionCookie] };
});
