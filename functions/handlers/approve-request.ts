import { plainEndpoint } from '#http/endpoint.ts';
import { pathParameter } from '#http/query.ts';
import * as wiring from '../wiring.ts';
import { actorOf } from './admin.ts';

const { approve } = wiring.adminDecideRequest();

/** POST /api/admin/requests/{id}/approve — applies the change; not by its requester. */
export const handler = plainEndpoint(async (event) => ({
  status: 200,
  body: await approve(await actorOf(event), pathParameter(event, 'id')),
}));
