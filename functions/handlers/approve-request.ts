import { callerEndpoint } from '#http/endpoint.ts';
import { pathParameter } from '#http/query.ts';
import * as wiring from '../wiring.ts';
import type { DecisionAnswer } from './admin.schema.ts';
import { actorOf } from './admin.ts';

const approve = wiring.adminApproveRequest();

/** POST /api/admin/requests/{id}/approve — applies the change; not by its requester. */
export const handler = callerEndpoint(actorOf, async (actor, event) => ({
  status: 200,
  body: (await approve(actor, pathParameter(event, 'id'))) satisfies DecisionAnswer,
}));
