import * as z from 'zod/mini';
import { answersField, named, secretField, timestamp, tokenField } from './schemas.ts';

export const resetPasswordRequest = named(
  'ResetPasswordRequest',
  "Answers to exactly the link's two questions, and the new password twice.",
  z.strictObject({
    token: tokenField,
    securityAnswers: answersField,
    password: secretField,
    passwordConfirmation: secretField,
  }),
);
export const resetPasswordResponse = named(
  'ResetPasswordResponse',
  'The password is set; every session has ended.',
  z.strictObject({ status: z.literal('PASSWORD_RESET'), resetAt: timestamp }),
);
export type ResetPasswordResponse = z.infer<typeof resetPasswordResponse>;
