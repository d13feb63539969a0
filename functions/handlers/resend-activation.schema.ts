import * as z from 'zod/mini';
import { named, userIdRequest } from './schemas.ts';

export const resendActivationRequest = userIdRequest;
export const resendActivationResponse = named(
  'ResendResponse',
  'Where the e-mail went (masked), or null in enumeration-protection mode, and how long its link lives.',
  z.strictObject({ sentTo: z.nullable(z.string()), expiresInSeconds: z.int() }),
);
export type ResendActivationResponse = z.infer<typeof resendActivationResponse>;
