import type { APIGatewayProxyEventV2 } from 'aws-lambda';

/**
 * `__Host-` binds the cookie to this exact origin (Secure, Path=/, no Domain). Browsers accept
 * Secure cookies from http://localhost, so the local stack uses the same cookie.
 */
export const SESSION_COOKIE = '__Host-ispeks-session';

export function sessionCookie(sessionId: string, maxAgeSeconds: number): string {
  return `${SESSION_COOKIE}=${sessionId}; Path=/; Secure; HttpOnly; SameSite=Strict; Max-Age=${maxAgeSeconds}`;
}

export const clearedSessionCookie = `${SESSION_COOKIE}=; Path=/; Secure; HttpOnly; SameSite=Strict; Max-Age=0`;

/** The session identifier from the request's cookies (API Gateway v2 puts them in `cookies`). */
export function readSessionId(event: APIGatewayProxyEventV2): string | undefined {
  const all = event.cookies ?? event.headers?.cookie?.split(/;\s*/) ?? [];
  for (const cookie of all) {
    const eq = cookie.indexOf('=');
    if (eq > 0 && cookie.slice(0, eq).trim() === SESSION_COOKIE) {
      const value = cookie.slice(eq + 1).trim();
      return /^[A-Za-z0-9_-]{20,100}$/.test(value) ? value : undefined;
    }
  }
  return undefined;
}
