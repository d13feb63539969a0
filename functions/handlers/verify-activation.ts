import { jsonEndpoint } from '#http/endpoint.ts';
import * as wiring from '../wiring.ts';
import { verifyActivationSchema } from './verify-activation.schema.ts';

const verifyActivation = wiring.verifyActivation();

/** POST /api/activation/verify — what the activation page shows; consumes nothing. */
export const handler = jsonEndpoint(verifyActivationSchema, async (input) => ({
  status: 200,
  body: await verifyActivation(input),
}));
