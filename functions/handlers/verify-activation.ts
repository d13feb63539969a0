import { jsonEndpoint } from '#http/endpoint.ts';
import * as wiring from '../wiring.ts';
import { type VerifyActivationResponse, verifyActivationRequest } from './verify-activation.schema.ts';

const verifyActivation = wiring.verifyActivation();

/** POST /api/activation/verify — what the activation page shows; consumes nothing. */
export const handler = jsonEndpoint(verifyActivationRequest, async (input) => ({
  status: 200,
  body: (await verifyActivation(input)) satisfies VerifyActivationResponse,
}));
