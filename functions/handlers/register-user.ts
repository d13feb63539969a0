import { jsonEndpoint } from '#http/endpoint.ts';
import * as wiring from '../wiring.ts';
import { registerUserSchema } from './register-user.schema.ts';

const registerUser = wiring.registerUser();

/** POST /api/admin/users — an administrator registers an officer (IAM-authorized route). */
export const handler = jsonEndpoint(registerUserSchema, async (input) => {
  const user = await registerUser(input);
  return {
    status: 201,
    headers: { Location: `/api/admin/users/${encodeURIComponent(user.userId)}` },
    body: user,
  };
});
