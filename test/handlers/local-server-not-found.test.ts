import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from '../../functions/local/net.ts';
import { createLocalServer } from '../../functions/local/server.ts';
import { PAGE_HEADERS } from '../../web/site.ts';

const NOT_FOUND_PAGE = '<!doctype html><title>Halaman Tidak Dijumpai · Page Not Found</title>';

let server: Server | undefined;
let webRoot: string | undefined;

/** The local server over a web root holding `files`, listening on a free loopback port. */
async function serve(files: Record<string, string>): Promise<string> {
  webRoot = mkdtempSync(join(tmpdir(), 'ispeks-web-404-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(webRoot, name), content);
  const port = await freePort();
  server = createLocalServer({ routes: [], webRoot, adminApiKey: 'k'.repeat(32) });
  await new Promise<void>((resolve) => server?.listen(port, '127.0.0.1', () => resolve()));
  return `http://127.0.0.1:${port}`;
}

afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  if (webRoot) rmSync(webRoot, { recursive: true, force: true });
  server = undefined;
  webRoot = undefined;
});

describe('the local server, for a path that is no page', () => {
  it("answers with the site's own 404 page, status 404, as HTML with the pages' security headers", async () => {
    // Arrange
    const url = await serve({ 'index.html': '<!doctype html>', '404.html': NOT_FOUND_PAGE });

    // Act
    const response = await fetch(`${url}/account/no-such-page`);

    // Assert
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    for (const [name, value] of Object.entries(PAGE_HEADERS)) expect(response.headers.get(name)).toBe(value);
    expect(await response.text()).toBe(NOT_FOUND_PAGE);
  });

  it('answers HEAD with the same status and headers and no body', async () => {
    // Arrange
    const url = await serve({ '404.html': NOT_FOUND_PAGE });

    // Act
    const response = await fetch(`${url}/no-such-page`, { method: 'HEAD' });

    // Assert
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(PAGE_HEADERS['Content-Security-Policy']);
    expect(await response.text()).toBe('');
  });

  it('falls back to a short plain-text 404 when the pages were built without a 404 page', async () => {
    // Arrange
    const url = await serve({ 'index.html': '<!doctype html>' });

    // Act
    const response = await fetch(`${url}/no-such-page`);

    // Assert
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(await response.text()).toBe('Not found');
  });

  it('keeps the problem+json 404 for an unknown API path', async () => {
    // Arrange
    const url = await serve({ '404.html': NOT_FOUND_PAGE });

    // Act
    const response = await fetch(`${url}/api/no-such-route`);

    // Assert
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await response.json()).toMatchObject({ status: 404, code: 'NOT_FOUND' });
  });
});
