import * as z from 'zod/mini';
import { named } from './schemas.ts';

export const openApiResponse = named(
  'OpenApiDocument',
  'An OpenAPI 3.1 document.',
  z.looseObject({ openapi: z.string(), info: z.looseObject({ title: z.string(), version: z.string() }) }),
);
