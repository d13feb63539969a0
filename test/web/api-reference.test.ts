import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { routes } from '../../functions/api/routes.ts';
import { type OpenApiDocument, renderApiReference } from '../../web/api-reference.ts';
import { renderPage } from '../../web/build.ts';

const doc = JSON.parse(
  readFileSync(new URL('../../docs/openapi.json', import.meta.url), 'utf8'),
) as OpenApiDocument;

describe('the API reference page', () => {
  it('lists every route with its method and path, and every schema', () => {
    const html = renderApiReference(doc, '');

    for (const route of routes) expect(html).toContain(`<code>${route.method} ${route.path}</code>`);
    for (const name of Object.keys(doc.components.schemas)) expect(html).toContain(`id="schema-${name}"`);
  });

  it('carries no script and no inline style, so the strict CSP holds', () => {
    const html = renderApiReference(doc, '');

    expect(html).not.toMatch(/<script|\sstyle=|<style|\son[a-z]+=/i);
    // The build's own checks accept it as a page.
    expect(() => renderPage(html, 'docs/api.html', '0.0.0')).not.toThrow();
  });

  it('escapes what the document says, so prose cannot inject markup', () => {
    const html = renderApiReference(
      { ...doc, info: { ...doc.info, description: '<img src=x onerror=alert(1)> `code`' } },
      '',
    );

    expect(html).toContain('&#60;img src=x onerror=alert(1)&#62; <code>code</code>');
  });
});
