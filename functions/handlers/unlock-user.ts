import { callerEndpoint } from '#http/endpoint.ts';
import * as wiring from '../wiring.ts';
import { actorOf, changeAnswer, userIdOf } from './admin.ts';

const unlock = wiring.adminUnlock();

/** POST /api/admin/users/{userId}/unlock — lifts the sign-in lock at once. */
export const handler = callerEndpoint(actorOf, async (actor, event) =>
  changeAnswer(await unlock(actor, userIdOf(event))),
);
