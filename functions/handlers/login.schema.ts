import * as z from 'zod/mini';
import { named, passwordPolicy, secretField, sessionUser, userIdField } from './schemas.ts';

export const loginRequest = named(
  'LoginRequest',
  'The ID and the password.',
  z.strictObject({ userId: userIdField, password: secretField }),
);
export const loginResponse = named(
  'LoginResponse',
  'The signed-in officer, and the password rules for the change-password form.',
  z.strictObject({ user: sessionUser, passwordPolicy }),
);
export type LoginResponse = z.infer<typeof loginResponse>;
