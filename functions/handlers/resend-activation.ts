import { jsonEndpoint } from '#http/endpoint.ts';
import * as wiring from '../wiring.ts';
import { type ResendActivationResponse, resendActivationRequest } from './resend-activation.schema.ts';

const resendActivation = wiring.resendActivation();

/** POST /api/activation/resend — send (or send again) the activation e-mail. */
export const handler = jsonEndpoint(resendActivationRequest, async (input) => ({
  status: 202,
  body: (await resendActivation(input)) satisfies ResendActivationResponse,
}));
