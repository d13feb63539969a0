import * as z from 'zod/mini';
import { answersField, named, secretField, timestamp, tokenField } from './schemas.ts';

export const activateAccountRequest = named(
  'ActivateRequest',
  "Three answers (the count is the domain's rule, QUESTIONS_COUNT; here only a sane upper bound) and the password twice.",
  z.strictObject({
    token: tokenField,
    securityAnswers: answersField,
    password: secretField,
    passwordConfirmation: secretField,
  }),
);
export const activateAccountResponse = named(
  'ActivateResponse',
  'The account is active.',
  z.strictObject({ status: z.literal('ACTIVE'), activatedAt: timestamp }),
);
export type ActivateAccountResponse = z.infer<typeof activateAccountResponse>;
