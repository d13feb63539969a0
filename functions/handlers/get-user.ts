import { callerEndpoint } from '#http/endpoint.ts';
import * as wiring from '../wiring.ts';
import type { UserAnswer } from './admin.schema.ts';
import { actorOf, userIdOf } from './admin.ts';

const getUser = wiring.adminGetUser();

/** GET /api/admin/users/{userId} — one user, as administrators see it. */
export const handler = callerEndpoint(actorOf, async (actor, event) => ({
  status: 200,
  body: { user: await getUser(actor, userIdOf(event)) } satisfies UserAnswer,
}));
