import { callerJsonEndpoint } from '#http/endpoint.ts';
import * as wiring from '../wiring.ts';
import { dutiesRequest } from './admin.schema.ts';
import { actorOf, changeAnswer, userIdOf } from './admin.ts';

const setDuties = wiring.adminSetDuties();

/** PUT /api/admin/users/{userId}/duties — every duty the officer holds (Pengurusan Tugas). */
export const handler = callerJsonEndpoint(actorOf, dutiesRequest, async (actor, input, event) =>
  changeAnswer(await setDuties(actor, userIdOf(event), input.duties)),
);
