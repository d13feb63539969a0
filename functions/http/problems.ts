import type { ErrorCode } from '#domain/errors.ts';

/** Codes only the HTTP layer answers: no route, and an error nobody expected. */
export type HttpOnlyCode = 'NOT_FOUND' | 'INTERNAL_ERROR';
export type ProblemCode = ErrorCode | HttpOnlyCode;

/**
 * How each problem code is answered over HTTP: the one table of statuses and titles. The error
 * middleware, the local server and the OpenAPI document all read it; a new domain code that is
 * missing here fails the type check.
 */
export const PROBLEMS: Readonly<Record<ProblemCode, { status: number; title: string }>> = {
  VALIDATION_FAILED: { status: 400, title: 'The request is not valid' },
  ANSWERS_WRONG: { status: 400, title: 'Security answers do not match' },
  INVALID_CREDENTIALS: { status: 401, title: 'Sign-in failed' },
  UNAUTHENTICATED: { status: 401, title: 'Not signed in' },
  FORBIDDEN: { status: 403, title: 'Forbidden' },
  USER_NOT_FOUND: { status: 404, title: 'No such user' },
  NOT_FOUND: { status: 404, title: 'No such route' },
  USER_EXISTS: { status: 409, title: 'User already registered' },
  ALREADY_ACTIVE: { status: 409, title: 'Account already active' },
  TOKEN_EXPIRED: { status: 410, title: 'Link expired' },
  TOKEN_INVALID: { status: 410, title: 'Link not valid' },
  ACCOUNT_LOCKED: { status: 423, title: 'Account locked' },
  RESEND_COOLDOWN: { status: 429, title: 'Too many e-mails requested' },
  INTERNAL_ERROR: { status: 500, title: 'Internal error' },
  EMAIL_REJECTED: { status: 502, title: 'E-mail refused' },
  SERVICE_UNAVAILABLE: { status: 503, title: 'Service temporarily unavailable' },
  ACCOUNT_DISABLED: { status: 403, title: 'Account deactivated' },
  ALREADY_DISABLED: { status: 409, title: 'Account already deactivated' },
  NOT_DISABLED: { status: 409, title: 'Account not deactivated' },
  DUTY_UNKNOWN: { status: 400, title: 'Unknown duty' },
  DUTY_CONFLICT: { status: 409, title: 'Conflicting duties' },
  OWN_REQUEST: { status: 403, title: 'Own request' },
  REQUEST_NOT_FOUND: { status: 404, title: 'No such request' },
  REQUEST_DECIDED: { status: 409, title: 'Request already decided' },
  CHANGED_MEANWHILE: { status: 409, title: 'Changed meanwhile' },
};

export const PROBLEM_TYPE_BASE = 'https://ispeks.example.gov.my/problems/';

/** The `type` URI of a code: `TOKEN_EXPIRED` → `…/problems/token-expired`. */
export function problemType(code: ProblemCode): string {
  return `${PROBLEM_TYPE_BASE}${code.toLowerCase().replace(/_/g, '-')}`;
}
