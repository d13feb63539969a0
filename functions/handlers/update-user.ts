import { callerJsonEndpoint } from '#http/endpoint.ts';
import * as wiring from '../wiring.ts';
import { updateRequest } from './admin.schema.ts';
import { actorOf, changeAnswer, userIdOf } from './admin.ts';

const updateUser = wiring.adminUpdateUser();

/** PATCH /api/admin/users/{userId} — name, e-mail, agency or PTJ (a changed e-mail cancels every link and tells the old address). */
export const handler = callerJsonEndpoint(actorOf, updateRequest, async (actor, input, event) =>
  changeAnswer(await updateUser(actor, userIdOf(event), input)),
);
