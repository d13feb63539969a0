import { plainEndpoint } from '#http/endpoint.ts';
import document from '../../docs/openapi.json' with { type: 'json' };

/** GET /api/openapi.json — the API's OpenAPI 3.1 document, generated from the route table. */
export const handler = plainEndpoint(async () => ({ status: 200, body: document }));
