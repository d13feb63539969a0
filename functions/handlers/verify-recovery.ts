import { jsonEndpoint } from '#http/endpoint.ts';
import * as wiring from '../wiring.ts';
import { type VerifyRecoveryResponse, verifyRecoveryRequest } from './verify-recovery.schema.ts';

const verifyRecovery = wiring.verifyRecovery();

/** POST /api/recovery/verify — the officer's name and the link's two questions; consumes nothing. */
export const handler = jsonEndpoint(verifyRecoveryRequest, async (input) => ({
  status: 200,
  body: (await verifyRecovery(input)) satisfies VerifyRecoveryResponse,
}));
