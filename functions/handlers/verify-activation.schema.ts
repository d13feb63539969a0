import * as z from 'zod/mini';
import { named, passwordPolicy, question, timestamp, tokenRequest } from './schemas.ts';

export const verifyActivationRequest = tokenRequest;
export const verifyActivationResponse = named(
  'VerifyActivationResponse',
  "What the activation page shows for a link: the officer, the link's expiry, the question catalogue and the rules.",
  z.strictObject({
    user: z.strictObject({
      userId: z.string(),
      icNumber: z.string(),
      name: z.string(),
      email: z.string(),
      registeredAt: timestamp,
    }),
    expiresAt: timestamp,
    questions: z.array(question),
    answerCount: z.int(),
    answerMinLength: z.int(),
    passwordPolicy,
  }),
);
export type VerifyActivationResponse = z.infer<typeof verifyActivationResponse>;
