import { plainEndpoint } from '#http/endpoint.ts';
import * as wiring from '../wiring.ts';
import { actorOf, changeAnswer, userIdOf } from './admin.ts';

const unlock = wiring.adminUnlock();

/** POST /api/admin/users/{userId}/unlock — lifts the sign-in lock at once. */
export const handler = plainEndpoint(async (event) =>
  changeAnswer(await unlock(await actorOf(event), userIdOf(event))),
);
