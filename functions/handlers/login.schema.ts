import * as z from 'zod/mini';
import { named, secretField, sessionUser, userIdField } from './schemas.ts';

export const loginRequest = named(
  'LoginRequest',
  'The ID and the password.',
  z.strictObject({ userId: userIdField, password: secretField }),
);
export const loginResponse = named(
  'LoginResponse',
  'The signed-in officer.',
  z.strictObject({ user: sessionUser }),
);
export type LoginResponse = z.infer<typeof loginResponse>;
