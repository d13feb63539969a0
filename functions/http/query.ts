import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type * as z from 'zod/mini';
import { ValidationError } from '#domain/errors.ts';
import { fieldProblems } from './json-body.ts';

/** The query string checked against the route's query schema; a bad field is a 400 naming it. */
export function validatedQuery<S extends z.ZodMiniType>(
  schema: S,
  event: APIGatewayProxyEventV2,
): z.infer<S> {
  const query = event.queryStringParameters ?? {};
  const parsed = schema.safeParse(query);
  if (!parsed.success) throw new ValidationError(fieldProblems(parsed.error, query));
  return parsed.data;
}

/**
 * A `{name}` of the route's path. HTTP APIs hand it over decoded; should a `%` still be in it (a
 * caller that encoded twice, or another front), it is decoded once more: no ID or request id
 * holds a `%` of its own, so this never changes a valid value.
 */
export function pathParameter(event: APIGatewayProxyEventV2, name: string): string {
  const value = event.pathParameters?.[name];
  if (value === undefined || value === '') throw new ValidationError([{ path: name, code: 'REQUIRED' }]);
  if (!value.includes('%')) return value;
  try {
    return decodeURIComponent(value);
  } catch {
    throw new ValidationError([{ path: name, code: 'INVALID_FORMAT' }]);
  }
}
