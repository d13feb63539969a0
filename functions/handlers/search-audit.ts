import { callerEndpoint } from '#http/endpoint.ts';
import { validatedQuery } from '#http/query.ts';
import * as wiring from '../wiring.ts';
import { type AuditPage, auditQuery } from './admin.schema.ts';
import { actorOf } from './admin.ts';

const { search } = wiring.adminAudit();

/** GET /api/admin/audit — audit records by PTJ, actor, event and time, newest first. */
export const handler = callerEndpoint(actorOf, async (actor, event) => {
  const { limit, ...filter } = validatedQuery(auditQuery, event);
  return { status: 200, body: (await search(actor, { ...filter, limit: limit ?? 25 })) satisfies AuditPage };
});
