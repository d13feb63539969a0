import * as z from 'zod/mini';
import { named, passwordPolicy, question, timestamp, tokenRequest } from './schemas.ts';

export const verifyRecoveryRequest = tokenRequest;
export const verifyRecoveryResponse = named(
  'VerifyRecoveryResponse',
  'What the recovery page shows: the officer, and two of their three questions, chosen per link and fixed for it.',
  z.strictObject({
    user: z.strictObject({ userId: z.string(), name: z.string() }),
    expiresAt: timestamp,
    questions: z.array(question),
    answerMinLength: z.int(),
    passwordPolicy,
  }),
);
export type VerifyRecoveryResponse = z.infer<typeof verifyRecoveryResponse>;
