import { jsonEndpoint } from '#http/endpoint.ts';
import { readSessionId } from '#http/session-cookie.ts';
import * as wiring from '../wiring.ts';
import { type CheckPasswordResponse, checkPasswordRequest } from './check-password.schema.ts';

const passwordCheck = wiring.passwordCheck();

/** POST /api/password-policy/check — the rules the page cannot judge alone, as the officer types. */
export const handler = jsonEndpoint(checkPasswordRequest, async (input, event) => ({
  status: 200,
  body: (await passwordCheck(input, readSessionId(event))) satisfies CheckPasswordResponse,
}));
