import { callerJsonEndpoint } from '#http/endpoint.ts';
import * as wiring from '../wiring.ts';
import { registerRequest } from './admin.schema.ts';
import { actorOf, changeAnswer } from './admin.ts';

const register = wiring.adminRegister();

/** POST /api/admin/users — registers an officer (at once, or as a request for approval). */
export const handler = callerJsonEndpoint(actorOf, registerRequest, async (actor, input) => {
  const outcome = await register(actor, input);
  const answer = changeAnswer(outcome, 201);
  return outcome.kind === 'done'
    ? { ...answer, headers: { Location: `/api/admin/users/${encodeURIComponent(outcome.user.userId)}` } }
    : answer;
});
