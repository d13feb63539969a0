import { callerEndpoint } from '#http/endpoint.ts';
import { validatedQuery } from '#http/query.ts';
import * as wiring from '../wiring.ts';
import { type ProgressAnswer, progressQuery } from './admin.schema.ts';
import { actorOf } from './admin.ts';

const progress = wiring.adminProgress();

/** GET /api/admin/progress — registered, active and pending officers per PTJ or agency, from counters. */
export const handler = callerEndpoint(actorOf, async (actor, event) => {
  const { by } = validatedQuery(progressQuery, event);
  return { status: 200, body: (await progress(actor, by ?? 'ptj')) satisfies ProgressAnswer };
});
