import { jsonEndpoint } from '#http/endpoint.ts';
import * as wiring from '../wiring.ts';
import { type RegisterUserResponse, registerUserRequest } from './register-user.schema.ts';

const registerUser = wiring.registerUser();

/** POST /api/admin/users — an administrator registers an officer (IAM-authorized route). */
export const handler = jsonEndpoint(registerUserRequest, async (input) => {
  const user = await registerUser(input);
  return {
    status: 201,
    headers: { Location: `/api/admin/users/${encodeURIComponent(user.userId)}` },
    body: user satisfies RegisterUserResponse,
  };
});
