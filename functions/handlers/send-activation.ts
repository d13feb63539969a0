import { callerEndpoint } from '#http/endpoint.ts';
import * as wiring from '../wiring.ts';
import { actorOf, changeAnswer, userIdOf } from './admin.ts';

const sendActivation = wiring.adminSendActivation();

/** POST /api/admin/users/{userId}/send-activation — sends (again) the activation e-mail to a pending officer. */
export const handler = callerEndpoint(actorOf, async (actor, event) =>
  changeAnswer(await sendActivation(actor, userIdOf(event))),
);
