import { jsonEndpoint } from '#http/endpoint.ts';
import * as wiring from '../wiring.ts';
import { reasonRequest } from './admin.schema.ts';
import { actorOf, changeAnswer, userIdOf } from './admin.ts';

const deactivate = wiring.adminDeactivate();

/** POST /api/admin/users/{userId}/deactivate — Nyah Aktif: sessions end at once; sign-in, recovery and activation are refused. */
export const handler = jsonEndpoint(reasonRequest, async (input, event) =>
  changeAnswer(await deactivate(await actorOf(event), userIdOf(event), input.reason)),
);
