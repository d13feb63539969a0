import { jsonEndpoint } from '#http/endpoint.ts';
import { wired } from '../wiring.ts';
import { resendActivationSchema } from './resend-activation.schema.ts';

const resendActivation = wired().resendActivation();

/** POST /api/activation/resend — send (or send again) the activation e-mail. */
export const handler = jsonEndpoint(resendActivationSchema, async (input) => ({
  status: 202,
  body: await resendActivation(input),
}));
