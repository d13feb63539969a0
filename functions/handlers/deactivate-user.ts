import { callerJsonEndpoint } from '#http/endpoint.ts';
import * as wiring from '../wiring.ts';
import { reasonRequest } from './admin.schema.ts';
import { actorOf, changeAnswer, userIdOf } from './admin.ts';

const deactivate = wiring.adminDeactivate();

/** POST /api/admin/users/{userId}/deactivate — Nyah Aktif: sessions end at once; sign-in, recovery and activation are refused. */
export const handler = callerJsonEndpoint(actorOf, reasonRequest, async (actor, input, event) =>
  changeAnswer(await deactivate(actor, userIdOf(event), input.reason)),
);
