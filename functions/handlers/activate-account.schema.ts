import { z } from 'zod';
import { answerField, secretField, tokenField } from './schemas.ts';

export const activateAccountSchema = z.strictObject({
  token: tokenField,
  // The count is the domain's rule (QUESTIONS_COUNT); here only a sane upper bound.
  securityAnswers: z.array(z.strictObject({ questionId: z.string().max(64), answer: answerField })).max(10),
  password: secretField,
  passwordConfirmation: secretField,
});
