import { plainEndpoint } from '#http/endpoint.ts';
import * as wiring from '../wiring.ts';
import { actorOf, userIdOf } from './admin.ts';

const getUser = wiring.adminGetUser();

/** GET /api/admin/users/{userId} — one user, as administrators see it. */
export const handler = plainEndpoint(async (event) => ({
  status: 200,
  body: { user: await getUser(await actorOf(event), userIdOf(event)) },
}));
