import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type * as z from 'zod/mini';
import { type FieldProblem, ValidationError } from '#domain/errors.ts';

export const MAX_BODY_BYTES = 16 * 1024;
const JSON_TYPE = /^application\/json\s*(;\s*charset=utf-8\s*)?$/i;

export type ValidatedEvent<T> = APIGatewayProxyEventV2 & { input: T };

function bodyProblem(code: string, message: string): ValidationError {
  return new ValidationError([{ path: '', code }], message);
}

function parseBody(event: APIGatewayProxyEventV2): unknown {
  const contentType = event.headers?.['content-type'] ?? event.headers?.['Content-Type'] ?? '';
  if (!JSON_TYPE.test(contentType)) {
    throw bodyProblem('UNSUPPORTED_MEDIA_TYPE', 'Send the body as application/json (UTF-8).');
  }
  if (event.body === undefined || event.body === null || event.body === '') {
    throw bodyProblem('BODY_REQUIRED', 'A JSON body is required.');
  }
  const raw = event.isBase64Encoded ? Buffer.from(event.body, 'base64') : Buffer.from(event.body, 'utf8');
  if (raw.byteLength > MAX_BODY_BYTES) {
    throw bodyProblem('BODY_TOO_LARGE', `The body may be at most ${MAX_BODY_BYTES} bytes.`);
  }
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(raw));
  } catch {
    throw bodyProblem('MALFORMED_JSON', 'The body is not well-formed JSON.');
  }
}

function valueAt(root: unknown, path: PropertyKey[]): unknown {
  let node = root;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

/** zod's issues as the contract's field problems: stable codes, dotted paths. */
export function fieldProblems(error: z.core.$ZodError, input: unknown): FieldProblem[] {
  return error.issues.flatMap((issue): FieldProblem[] => {
    const path = issue.path.map(String).join('.');
    switch (issue.code) {
      case 'unrecognized_keys':
        return issue.keys.map((key) => ({ path: path ? `${path}.${key}` : key, code: 'UNKNOWN_FIELD' }));
      case 'invalid_type':
        return [{ path, code: valueAt(input, issue.path) === undefined ? 'REQUIRED' : 'INVALID_TYPE' }];
      case 'too_big':
        return [{ path, code: 'TOO_LONG' }];
      case 'too_small':
        return [{ path, code: 'TOO_SHORT' }];
      case 'invalid_format':
        return [{ path, code: 'INVALID_FORMAT' }];
      case 'custom':
        // Our refinements name their code in `params` (e.g. INVALID_CHARACTERS).
        return [{ path, code: typeof issue.params?.code === 'string' ? issue.params.code : 'INVALID' }];
      default:
        return [{ path, code: 'INVALID' }];
    }
  });
}

/**
 * Reads the JSON body (content type, size, syntax) and validates it with `schema`; every failure
 * is a `ValidationError`, so it travels the one error path and answers 400 problem+json.
 */
export function validatedJsonBody<S extends z.ZodMiniType>(
  schema: S,
): MiddlewareObj<ValidatedEvent<z.infer<S>>, APIGatewayProxyStructuredResultV2> {
  return {
    before: async (request) => {
      const body = parseBody(request.event);
      const parsed = schema.safeParse(body);
      if (!parsed.success) throw new ValidationError(fieldProblems(parsed.error, body));
      request.event.input = parsed.data;
    },
  };
}
