/**
 * Security headers for the pages, shared by the CloudFront response-headers policy and the local
 * server, so the local stack enforces the CSP that production does.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "object-src 'none'",
].join('; ');

export const PAGE_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
};

/** Page paths without an extension map to their file, as the CloudFront function does. */
export const PAGE_PATHS: Record<string, string> = {
  '/': '/index.html',
  '/account/activation': '/account/activation.html',
  '/account/request': '/account/request.html',
  '/account/recovery': '/account/recovery.html',
};
