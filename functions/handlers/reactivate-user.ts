import { callerEndpoint } from '#http/endpoint.ts';
import * as wiring from '../wiring.ts';
import { actorOf, changeAnswer, userIdOf } from './admin.ts';

const reactivate = wiring.adminReactivate();

/** POST /api/admin/users/{userId}/reactivate — the account is as it was before deactivation. */
export const handler = callerEndpoint(actorOf, async (actor, event) =>
  changeAnswer(await reactivate(actor, userIdOf(event))),
);
