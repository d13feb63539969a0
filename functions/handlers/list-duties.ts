import { plainEndpoint } from '#http/endpoint.ts';
import * as wiring from '../wiring.ts';
import { actorOf } from './admin.ts';

const catalogue = wiring.adminDutyCatalogue();

/** GET /api/admin/duties — the duty catalogue of Pengurusan Tugas, Malay and English. */
export const handler = plainEndpoint(async (event) => {
  await actorOf(event);
  return { status: 200, body: catalogue };
});
