/** Calls to the API on the same origin. Errors come back as data, never as thrown exceptions. */
import type { FieldProblem } from '../../../functions/domain/errors.ts';

export type { FieldProblem };

/**
 * RFC 9457 problem details, as every API error answers, and as the page reads a failure that
 * never reached the API (status 0, code SERVICE_UNAVAILABLE) or an answer without a code.
 */
export interface Problem {
  status: number;
  code: string;
  title?: string;
  detail?: string;
  errors?: FieldProblem[];
}

export type ApiAnswer<T> =
  | { ok: true; status: number; data: T }
  | { ok: false; status: number; problem: Problem; retryAfter: number | undefined };

function retryAfterSeconds(response: Response): number | undefined {
  const value = Number(response.headers.get('retry-after') ?? Number.NaN);
  return Number.isFinite(value) && value >= 0 ? value : undefined;
}

function asProblem(status: number, body: unknown): Problem {
  const given = typeof body === 'object' && body !== null ? (body as Partial<Problem>) : {};
  // A network failure (status 0) or any 5xx without a code reads as "try again shortly".
  const fallback = status === 0 || status >= 500 ? 'SERVICE_UNAVAILABLE' : 'UNEXPECTED';
  return {
    ...given,
    status,
    code: typeof given.code === 'string' ? given.code : fallback,
    errors: Array.isArray(given.errors) ? given.errors : [],
  };
}

export async function api<T>(
  method: 'GET' | 'POST' | 'PATCH' | 'PUT',
  path: string,
  body?: unknown,
): Promise<ApiAnswer<T>> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      cache: 'no-store',
      headers: body === undefined ? { accept: 'application/json' } : { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch {
    return { ok: false, status: 0, problem: asProblem(0, undefined), retryAfter: undefined };
  }
  const text = await response.text().catch(() => '');
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  if (response.ok) return { ok: true, status: response.status, data: json as T };
  return {
    ok: false,
    status: response.status,
    problem: asProblem(response.status, json),
    retryAfter: retryAfterSeconds(response),
  };
}

export const postJson = <T>(path: string, body?: unknown) => api<T>('POST', path, body);
