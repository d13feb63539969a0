import { jsonEndpoint } from '#http/endpoint.ts';
import * as wiring from '../wiring.ts';
import { type ActivateAccountResponse, activateAccountRequest } from './activate-account.schema.ts';

const activateAccount = wiring.activateAccount();

/** POST /api/activation/activate — set answers and password; exactly once per token. */
export const handler = jsonEndpoint(activateAccountRequest, async (input) => ({
  status: 200,
  body: (await activateAccount(input)) satisfies ActivateAccountResponse,
}));
