import { z } from 'zod';
import { secretField, tokenField } from './schemas.ts';

export const activateAccountSchema = z.strictObject({
  token: tokenField,
  // The count is the domain's rule (QUESTIONS_COUNT); here only a sane upper bound.
  securityAnswers: z
    .array(z.strictObject({ questionId: z.string().max(64), answer: z.string().max(200) }))
    .max(10),
  password: secretField,
  passwordConfirmation: secretField,
});
