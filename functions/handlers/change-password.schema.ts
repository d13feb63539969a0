import { z } from 'zod';
import { secretField } from './schemas.ts';

export const changePasswordSchema = z.strictObject({
  currentPassword: secretField,
  password: secretField,
  passwordConfirmation: secretField,
});
