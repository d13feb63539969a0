/**
 * The pages' own facts, read by both places that serve them: CloudFront (`lib/web/`) and the local
 * server (`functions/local/static-files.ts`), so the local stack answers as production does.
 * Plain data: no CDK, no Node.
 */

/** The CSP every page is sent with; the build (`web/build.ts`) refuses templates that break it. */
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

/** The security headers of every page (CloudFront adds HSTS on top). */
export const PAGE_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
};

/** Page paths without an extension, each to the file it is built to. */
export const PAGE_PATHS: Record<string, string> = {
  '/': '/index.html',
  '/account/activation': '/account/activation.html',
  '/account/request': '/account/request.html',
  '/account/recovery': '/account/recovery.html',
  '/admin': '/admin.html',
  '/admin/user': '/admin/user.html',
  '/admin/register': '/admin/register.html',
  '/admin/requests': '/admin/requests.html',
  '/admin/progress': '/admin/progress.html',
  '/admin/audit': '/admin/audit.html',
  '/docs/api': '/docs/api.html',
};

/** The API reference, rendered at build time from docs/openapi.json (web/api-reference.ts). */
export const API_REFERENCE_PAGE = 'docs/api.html';

/** The site's own "page not found" (web/pages/404.html), served with status 404 for any other path. */
export const NOT_FOUND_PAGE = '/404.html';
