import { callerEndpoint } from '#http/endpoint.ts';
import { validatedQuery } from '#http/query.ts';
import * as wiring from '../wiring.ts';
import { listRequestsQuery, type RequestPage } from './admin.schema.ts';
import { actorOf } from './admin.ts';

const listRequests = wiring.adminListRequests();

/** GET /api/admin/requests — the four-eyes queue, newest first. */
export const handler = callerEndpoint(actorOf, async (actor, event) => {
  const { limit, ...query } = validatedQuery(listRequestsQuery, event);
  return {
    status: 200,
    body: (await listRequests(actor, { ...query, limit: limit ?? 25 })) satisfies RequestPage,
  };
});
