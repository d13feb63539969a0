import * as z from 'zod/mini';
import { named, passwordPolicy, sessionUser } from './schemas.ts';

export const getSessionResponse = named(
  'SessionResponse',
  'The signed-in officer, and the password rules for the change-password form.',
  z.strictObject({ user: sessionUser, passwordPolicy }),
);
export type SessionResponse = z.infer<typeof getSessionResponse>;
