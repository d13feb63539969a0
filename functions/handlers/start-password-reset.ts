import { plainEndpoint } from '#http/endpoint.ts';
import * as wiring from '../wiring.ts';
import { actorOf, changeAnswer, userIdOf } from './admin.ts';

const startPasswordReset = wiring.adminStartPasswordReset();

/** POST /api/admin/users/{userId}/password-reset — Penetapan Semula Kata Laluan: the officer gets the recovery e-mail; nobody else sees or sets a password. */
export const handler = plainEndpoint(async (event) =>
  changeAnswer(await startPasswordReset(await actorOf(event), userIdOf(event))),
);
