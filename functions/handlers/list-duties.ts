import { callerEndpoint } from '#http/endpoint.ts';
import * as wiring from '../wiring.ts';
import type { DutyCatalogue } from './admin.schema.ts';
import { actorOf } from './admin.ts';

const catalogue = wiring.adminDutyCatalogue();

/** GET /api/admin/duties — the duty catalogue of Pengurusan Tugas, Malay and English (administrators only). */
export const handler = callerEndpoint(actorOf, async () => ({
  status: 200,
  body: catalogue satisfies DutyCatalogue,
}));
