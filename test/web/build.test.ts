import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildWeb, renderPage, WEB_BUDGET_GZIP_BYTES } from '../../web/build.ts';
import { API_REFERENCE_PAGE, PAGE_PATHS } from '../../web/site.ts';
import { en } from '../../web/src/i18n/en.ts';
import { ms } from '../../web/src/i18n/ms.ts';

const outDir = mkdtempSync(join(tmpdir(), 'ispeks-web-'));
const result = buildWeb(outDir);
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('buildWeb', () => {
  it('writes every page that the site maps a path to', () => {
    for (const file of Object.values(PAGE_PATHS)) expect(result.files).toContain(file.slice(1));
  });

  it('stays within 30 KiB of gzipped JS and CSS', () => {
    expect(result.gzipBytes).toBeGreaterThan(0);
    expect(result.gzipBytes).toBeLessThanOrEqual(WEB_BUDGET_GZIP_BYTES);
  });

  it('renders pages in Malay (the API reference in English, for integrators) that only load same-origin assets which exist', () => {
    for (const file of Object.values(PAGE_PATHS)) {
      const html = readFileSync(join(outDir, file), 'utf8');
      if (file === `/${API_REFERENCE_PAGE}`) {
        expect(html).toContain('<html lang="en">');
        expect(html).toContain('version 0.1.0');
      } else {
        expect(html).toContain('<html lang="ms">');
        expect(html).toContain('Versi 0.1.0');
      }
      const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1] ?? '');
      for (const asset of assets) {
        expect(asset, `${file} loads ${asset}`).toMatch(/^[/#]/);
        if (asset.startsWith('/assets/'))
          expect(result.files, `${file} loads ${asset}`).toContain(asset.slice(1));
      }
    }
  });

  it('refuses a template whose text has drifted from the Malay string table, or that breaks the CSP', () => {
    expect(renderPage('<button data-i18n="common.send"></button>', 'fill.html', '1.0.0')).toBe(
      '<button data-i18n="common.send">Hantar</button>',
    );
    expect(() => renderPage('<button data-i18n="common.send">Kirim</button>', 'drift.html', '1.0.0')).toThrow(
      /web\/src\/i18n\/ms\.ts says "Hantar"/,
    );
    expect(() => renderPage('<script>alert(1)</script>', 'inline.html', '1.0.0')).toThrow(/inline <script>/);
    expect(() => renderPage('<p style="color:red">x</p>', 'style.html', '1.0.0')).toThrow(/inline style/);
  });
});

describe('the 404 page', () => {
  const html = readFileSync(join(outDir, '404.html'), 'utf8');
  const text = (s: string) => s.replace(/&#39;/g, "'");

  it('is built to /404.html and loads no script (it is static: no API call)', () => {
    expect(result.files).toContain('404.html');
    expect(html).not.toMatch(/<script/i);
  });

  it('shows Malay and English together, each from its string table, and links back to the login page', () => {
    for (const key of ['notFound.heading', 'notFound.body', 'common.backToLogin'] as const) {
      expect(text(html)).toContain(ms[key]);
      expect(text(html)).toContain(en[key]);
    }
    expect(html).toContain(`<title>${ms['notFound.heading']} · ${en['notFound.heading']} | iSPEKS</title>`);
    expect(html).toMatch(/<section lang="en"/);
    expect(html).toContain('href="/"');
  });
});
