import { jsonEndpoint } from '#http/endpoint.ts';
import * as wiring from '../wiring.ts';
import { activateAccountSchema } from './activate-account.schema.ts';

const activateAccount = wiring.activateAccount();

/** POST /api/activation/activate — set answers and password; exactly once per token. */
export const handler = jsonEndpoint(activateAccountSchema, async (input) => ({
  status: 200,
  body: await activateAccount(input),
}));
