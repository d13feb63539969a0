import { jsonEndpoint } from '#http/endpoint.ts';
import * as wiring from '../wiring.ts';
import { type ResetPasswordResponse, resetPasswordRequest } from './reset-password.schema.ts';

const resetPassword = wiring.resetPassword();

/** POST /api/recovery/reset — two answers and a new password; exactly once per link. */
export const handler = jsonEndpoint(resetPasswordRequest, async (input) => ({
  status: 200,
  body: (await resetPassword(input)) satisfies ResetPasswordResponse,
}));
