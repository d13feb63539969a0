/**
 * The token of an e-mailed link rides in the fragment (`#token=…`). It is moved at once into this
 * history entry's state, out of the address bar, so it is not left visible or copied along; a
 * reload still works.
 */
export function takeToken(): string | undefined {
  const fromFragment = new URLSearchParams(location.hash.slice(1)).get('token') || undefined;
  const fromState = (history.state as { token?: unknown } | null)?.token;
  const found = fromFragment ?? (typeof fromState === 'string' ? fromState : undefined);
  history.replaceState(found ? { token: found } : null, '', location.pathname + location.search);
  return found;
}

/** Forgets the token (the link is spent): a reload then starts afresh. */
export function forgetToken(): void {
  history.replaceState(null, '', location.pathname + location.search);
}

/** A second link opened in the same tab changes only the fragment: no page load, so tell the page. */
export function onNewToken(handler: (token: string | undefined) => void): void {
  window.addEventListener('hashchange', () => {
    if (!new URLSearchParams(location.hash.slice(1)).has('token')) return; // e.g. the skip link
    handler(takeToken());
  });
}
