import { callerEndpoint } from '#http/endpoint.ts';
import * as wiring from '../wiring.ts';
import { actorOf, changeAnswer, userIdOf } from './admin.ts';

const startPasswordReset = wiring.adminStartPasswordReset();

/** POST /api/admin/users/{userId}/password-reset — Penetapan Semula Kata Laluan: the officer gets the recovery e-mail; nobody else sees or sets a password. */
export const handler = callerEndpoint(actorOf, async (actor, event) =>
  changeAnswer(await startPasswordReset(actor, userIdOf(event))),
);
