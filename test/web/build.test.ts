import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import {
  buildWeb,
  CONSOLE_PAGE_BUDGET_GZIP_BYTES,
  PAGE_BUDGET_GZIP_BYTES,
  pageBudget,
  renderPage,
  SITE_BUDGET_GZIP_BYTES,
} from '../../web/build.ts';
import { API_REFERENCE_PAGE, PAGE_PATHS } from '../../web/site.ts';
import { consoleMs } from '../../web/src/i18n/console-ms.ts';
import { en } from '../../web/src/i18n/en.ts';
import { ms } from '../../web/src/i18n/ms.ts';

const outDir = mkdtempSync(join(tmpdir(), 'ispeks-web-'));
const result = buildWeb(outDir);
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('buildWeb', () => {
  it('writes every page that the site maps a path to', () => {
    for (const file of Object.values(PAGE_PATHS)) expect(result.files).toContain(file.slice(1));
  });

  it("keeps what each page loads within its budget of gzipped JS and CSS (officer's 30 KiB, console's 40 KiB), and the whole site within 80 KiB", () => {
    expect(pageBudget('account/activation.html')).toBe(PAGE_BUDGET_GZIP_BYTES);
    expect(pageBudget('index.html')).toBe(PAGE_BUDGET_GZIP_BYTES);
    expect(pageBudget('admin.html')).toBe(CONSOLE_PAGE_BUDGET_GZIP_BYTES);
    expect(pageBudget('admin/requests.html')).toBe(CONSOLE_PAGE_BUDGET_GZIP_BYTES);
    for (const file of Object.values(PAGE_PATHS)) {
      const bytes = result.pageBytes[file.slice(1)];
      expect(bytes, file).toBeGreaterThan(2000); // at least the stylesheet: the walk found it
      expect(bytes, file).toBeLessThanOrEqual(pageBudget(file.slice(1)));
    }
    expect(result.gzipBytes).toBeLessThanOrEqual(SITE_BUDGET_GZIP_BYTES);
  });

  it("counts a page's scripts with every chunk they import: more than its entry file alone", () => {
    const entry = result.files.find((file) => file === 'assets/activation.js') ?? '';
    const entryBytes = gzipSync(readFileSync(join(outDir, entry)), { level: 9 }).length;
    expect(result.pageBytes['account/activation.html']).toBeGreaterThan(entryBytes + 10_000);
  });

  it("keeps the console's texts off the officer pages: their scripts do not carry them", () => {
    const loaded = (page: string) =>
      (result.pageAssets[page] ?? []).map((file) => readFileSync(join(outDir, file), 'utf8')).join('\n');
    for (const page of ['index.html', 'account/activation.html', 'account/recovery.html']) {
      expect(loaded(page), page).toContain(ms['login.consoleLink']);
      expect(loaded(page), page).not.toContain(consoleMs['admin.noAccessBody']);
    }
    expect(loaded('admin.html')).toContain(consoleMs['admin.noAccessBody']);
  });

  it('refuses a console text on an officer page, which would not load it', () => {
    expect(() => renderPage('<p data-i18n="admin.navUsers"></p>', 'account/request.html', '1')).toThrow(
      /console text/,
    );
    expect(renderPage('<p data-i18n="admin.navUsers"></p>', 'admin/user.html', '1')).toContain(
      consoleMs['admin.navUsers'],
    );
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
