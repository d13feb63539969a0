import { jsonEndpoint } from '#http/endpoint.ts';
import { readSessionId } from '#http/session-cookie.ts';
import * as wiring from '../wiring.ts';
import { type ChangePasswordResponse, changePasswordRequest } from './change-password.schema.ts';

const changePassword = wiring.changePassword();

/** POST /api/account/password — signed in: current password, new one twice; other sessions end. */
export const handler = jsonEndpoint(changePasswordRequest, async (input, event) => ({
  status: 200,
  body: (await changePassword(readSessionId(event), input)) satisfies ChangePasswordResponse,
}));
