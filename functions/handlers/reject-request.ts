import { callerJsonEndpoint } from '#http/endpoint.ts';
import { pathParameter } from '#http/query.ts';
import * as wiring from '../wiring.ts';
import { type DecisionAnswer, reasonRequest } from './admin.schema.ts';
import { actorOf } from './admin.ts';

const reject = wiring.adminRejectRequest();

/** POST /api/admin/requests/{id}/reject — refuses the change, with a reason; not by its requester. */
export const handler = callerJsonEndpoint(actorOf, reasonRequest, async (actor, input, event) => ({
  status: 200,
  body: (await reject(actor, pathParameter(event, 'id'), input.reason)) satisfies DecisionAnswer,
}));
