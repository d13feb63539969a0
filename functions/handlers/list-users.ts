import { callerEndpoint } from '#http/endpoint.ts';
import { validatedQuery } from '#http/query.ts';
import * as wiring from '../wiring.ts';
import { listUsersQuery, type UserPage } from './admin.schema.ts';
import { actorOf } from './admin.ts';

const listUsers = wiring.adminListUsers();

/** GET /api/admin/users — users by PTJ, state, duty, dormancy or IC/name prefix; one page. */
export const handler = callerEndpoint(actorOf, async (actor, event) => {
  const { limit, ...query } = validatedQuery(listUsersQuery, event);
  return { status: 200, body: (await listUsers(actor, { ...query, limit: limit ?? 25 })) satisfies UserPage };
});
