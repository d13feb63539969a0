import { plainEndpoint } from '#http/endpoint.ts';
import * as wiring from '../wiring.ts';
import { actorOf, changeAnswer, userIdOf } from './admin.ts';

const sendActivation = wiring.adminSendActivation();

/** POST /api/admin/users/{userId}/send-activation — sends (again) the activation e-mail to a pending officer. */
export const handler = plainEndpoint(async (event) =>
  changeAnswer(await sendActivation(await actorOf(event), userIdOf(event))),
);
