/**
 * The API's routes, described once. The CDK stack (`lib/api.ts`) and the local server
 * (`functions/local/server.ts`) both mount exactly these, so the two cannot drift apart.
 */
export interface RouteDefinition {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  readonly path: string;
  /** File name under functions/handlers/, without `.ts`. */
  readonly handler: string;
  /** `iam`: SigV4 in AWS, a bearer key on the local stack. */
  readonly auth: 'none' | 'iam';
}

export const routes: readonly RouteDefinition[] = [
  { method: 'POST', path: '/api/activation/resend', handler: 'resend-activation', auth: 'none' },
  { method: 'POST', path: '/api/activation/verify', handler: 'verify-activation', auth: 'none' },
  { method: 'POST', path: '/api/activation/activate', handler: 'activate-account', auth: 'none' },
  { method: 'POST', path: '/api/auth/login', handler: 'login', auth: 'none' },
  { method: 'GET', path: '/api/auth/session', handler: 'get-session', auth: 'none' },
  { method: 'POST', path: '/api/auth/logout', handler: 'logout', auth: 'none' },
  { method: 'POST', path: '/api/recovery/request', handler: 'request-recovery', auth: 'none' },
  { method: 'POST', path: '/api/recovery/verify', handler: 'verify-recovery', auth: 'none' },
  { method: 'POST', path: '/api/recovery/reset', handler: 'reset-password', auth: 'none' },
  { method: 'POST', path: '/api/account/password', handler: 'change-password', auth: 'none' },
  { method: 'POST', path: '/api/account/sessions/revoke', handler: 'revoke-sessions', auth: 'none' },
  { method: 'POST', path: '/api/password-policy/check', handler: 'check-password', auth: 'none' },
  { method: 'POST', path: '/api/admin/users', handler: 'register-user', auth: 'iam' },
  { method: 'GET', path: '/api/health', handler: 'health', auth: 'none' },
];
