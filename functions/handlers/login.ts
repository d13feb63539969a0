import { jsonEndpoint } from '#http/endpoint.ts';
import { sessionCookie } from '#http/session-cookie.ts';
import * as wiring from '../wiring.ts';
import { type LoginResponse, loginRequest } from './login.schema.ts';

const { login } = wiring.signIn();

/** POST /api/auth/login — one generic failure; a new server-side session on success. */
export const handler = jsonEndpoint(loginRequest, async (input) => {
  const { sessionId, user, passwordPolicy, maxAgeSeconds } = await login(input);
  return {
    status: 200,
    body: { user, passwordPolicy } satisfies LoginResponse,
    cookies: [sessionCookie(sessionId, maxAgeSeconds)],
  };
});
