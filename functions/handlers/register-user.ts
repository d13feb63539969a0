import { jsonEndpoint } from '#http/endpoint.ts';
import * as wiring from '../wiring.ts';
import { registerRequest } from './admin.schema.ts';
import { actorOf, changeAnswer } from './admin.ts';

const register = wiring.adminRegister();

/** POST /api/admin/users — registers an officer (at once, or as a request for approval). */
export const handler = jsonEndpoint(registerRequest, async (input, event) => {
  const outcome = await register(await actorOf(event), input);
  const answer = changeAnswer(outcome, 201);
  return outcome.kind === 'done'
    ? { ...answer, headers: { Location: `/api/admin/users/${encodeURIComponent(outcome.user.userId)}` } }
    : answer;
});
