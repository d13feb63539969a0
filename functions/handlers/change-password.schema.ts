import * as z from 'zod/mini';
import { named, secretField, timestamp } from './schemas.ts';

export const changePasswordRequest = named(
  'ChangePasswordRequest',
  'The current password, and the new one twice.',
  z.strictObject({ currentPassword: secretField, password: secretField, passwordConfirmation: secretField }),
);
export const changePasswordResponse = named(
  'ChangePasswordResponse',
  'The password is changed; every other session has ended.',
  z.strictObject({ changedAt: timestamp }),
);
export type ChangePasswordResponse = z.infer<typeof changePasswordResponse>;
