/**
 * A console page opened without a session sends the administrator to the login page with the page
 * they asked for (`/?next=/admin/user%23kth%3A…`); after sign-in they land there, not on the
 * console's first page. Only a console path of this site is ever followed: never another origin.
 */

const LOGIN_PAGE = '/';

/** The login page's address that brings the visitor back to `here` after sign-in. */
export function loginHrefFor(here: { pathname: string; search: string; hash: string }): string {
  const next = `${here.pathname}${here.search}${here.hash}`;
  return `${LOGIN_PAGE}?next=${encodeURIComponent(next)}`;
}

/**
 * The console page to go to after sign-in: the login page's `next` when it names a page of the
 * console (`/admin`, `/admin/…`) on this origin, else `/admin`.
 */
export function consoleReturnPath(search: string, origin: string): string {
  const next = new URLSearchParams(search).get('next');
  if (!next?.startsWith('/') || next.startsWith('//') || next.includes('\\')) return '/admin';
  let url: URL;
  try {
    url = new URL(next, origin);
  } catch {
    return '/admin';
  }
  if (url.origin !== origin || !/^\/admin(\/[a-z-]+)?$/.test(url.pathname)) return '/admin';
  return `${url.pathname}${url.search}${url.hash}`;
}
