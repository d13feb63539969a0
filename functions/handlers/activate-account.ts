import { jsonEndpoint } from '#http/endpoint.ts';
import { activateAccountUseCase } from '../wiring.ts';
import { activateAccountSchema } from './activate-account.schema.ts';

const activateAccount = activateAccountUseCase();

/** POST /api/activation/activate — set answers and password; exactly once per token. */
export const handler = jsonEndpoint(activateAccountSchema, async (input) => ({
  status: 200,
  body: await activateAccount(input),
}));
