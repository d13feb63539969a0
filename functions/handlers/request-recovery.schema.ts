import * as z from 'zod/mini';
import { named, userIdRequest } from './schemas.ts';

export const requestRecoveryRequest = userIdRequest;
export const requestRecoveryResponse = named(
  'RecoveryRequestResponse',
  'The same body for every ID: the lifetime a link would have.',
  z.strictObject({ expiresInSeconds: z.int() }),
);
export type RequestRecoveryResponse = z.infer<typeof requestRecoveryResponse>;
