import { callerEndpoint } from '#http/endpoint.ts';
import { validatedQuery } from '#http/query.ts';
import * as wiring from '../wiring.ts';
import { type AuditPage, pageQuery } from './admin.schema.ts';
import { actorOf, userIdOf } from './admin.ts';

const { forUser } = wiring.adminAudit();

/** GET /api/admin/users/{userId}/audit — the officer's audit trail, newest first. */
export const handler = callerEndpoint(actorOf, async (actor, event) => {
  const { limit, cursor } = validatedQuery(pageQuery, event);
  return {
    status: 200,
    body: (await forUser(actor, userIdOf(event), { limit: limit ?? 25, cursor })) satisfies AuditPage,
  };
});
