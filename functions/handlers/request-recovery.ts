import { jsonEndpoint } from '#http/endpoint.ts';
import * as wiring from '../wiring.ts';
import { type RequestRecoveryResponse, requestRecoveryRequest } from './request-recovery.schema.ts';

const requestRecovery = wiring.requestRecovery();

/** POST /api/recovery/request — Lupa Kata Laluan: always 202, alike for every ID. */
export const handler = jsonEndpoint(requestRecoveryRequest, async (input) => ({
  status: 202,
  body: (await requestRecovery(input)) satisfies RequestRecoveryResponse,
}));
