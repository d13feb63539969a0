/**
 * Builds the static pages into `web/dist`: every `web/src/*.ts` page entry bundled and minified
 * into `assets/` (shared code split into chunks), the CSS minified, the icons copied, and each
 * `web/pages/**\/*.html` rendered: partials included, and every `data-i18n` element's Malay
 * text checked against (or, if empty, filled from) web/src/i18n/ms.ts, the one source of texts.
 *
 *   node --import tsx web/build.ts     prints the gzip size of what each page loads, and of the site
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, extname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { buildSync } from 'esbuild';
import { type OpenApiDocument, renderApiReference } from './api-reference.ts';
import { API_REFERENCE_PAGE } from './site.ts';
import { consoleMs } from './src/i18n/console-ms.ts';
import { ms as officerMs } from './src/i18n/ms.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const WEB = join(ROOT, 'web');
/**
 * The budget of what one page loads (its scripts, their chunks, its stylesheets), gzipped: an
 * officer's page, often opened on a phone from the e-mail, and a console page (office PCs mostly).
 */
export const PAGE_BUDGET_GZIP_BYTES = 30 * 1024;
export const CONSOLE_PAGE_BUDGET_GZIP_BYTES = 40 * 1024;
/** The budget of every JS and CSS file of the site together (officer pages and console), gzipped. */
export const SITE_BUDGET_GZIP_BYTES = 80 * 1024;

/** A page's own budget: the console's pages have their own. */
export function pageBudget(page: string): number {
  return isConsolePage(page) ? CONSOLE_PAGE_BUDGET_GZIP_BYTES : PAGE_BUDGET_GZIP_BYTES;
}
/** Attributes that `data-i18n-<attribute>` may fill (web/src/lib/i18n.ts knows the same list). */
const TRANSLATED_ATTRIBUTES = ['aria-label', 'placeholder', 'title'];
/** Every Malay text a page may carry: the officer pages' and the console's. */
const ms: Record<string, string> = { ...officerMs, ...consoleMs };

export interface WebBuildResult {
  outDir: string;
  /** Paths relative to outDir. */
  files: string[];
  /** gzip size of every JS and CSS file, added up. */
  gzipBytes: number;
  /** Per page (path relative to outDir): the gzip size of the JS and CSS it loads, added up. */
  pageBytes: Record<string, number>;
  /** Per page: the JS and CSS files it loads (relative to outDir). */
  pageAssets: Record<string, string[]>;
}

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function unescapeHtml(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#0*39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** The console's pages: `admin.html` and everything under `admin/`. */
function isConsolePage(page: string): boolean {
  return /^admin(\.html$|[/\\])/.test(page);
}

function malay(key: string, varsJson: string | undefined, page: string): string {
  if (!Object.hasOwn(ms, key))
    throw new Error(`${page}: no string "${key}" in web/src/i18n/ms.ts or console-ms.ts`);
  // The console's texts are loaded by its own pages alone: an officer page would show the key.
  if (Object.hasOwn(consoleMs, key) && !isConsolePage(page))
    throw new Error(`${page}: "${key}" is a console text, and only the console's pages load them`);
  const vars = varsJson ? (JSON.parse(unescapeHtml(varsJson)) as Record<string, string | number>) : {};
  return (ms[key] ?? key).replace(/\{(\w+)\}/g, (whole, name: string) => String(vars[name] ?? whole));
}

/** Partials, the version, then the Malay text of every `data-i18n` element and attribute. */
export function renderPage(template: string, page: string, version: string): string {
  const partials = (html: string): string =>
    html.replace(/\{\{>\s*([\w-]+)\s*\}\}/g, (_, name: string) =>
      partials(readFileSync(join(WEB, 'partials', `${name}.html`), 'utf8').trimEnd()),
    );
  let html = partials(template).replace(/\{\{version\}\}/g, version);

  // Each marked element: empty, it gets the Malay text; with a text, that must be the table's.
  html = html.replace(
    /<([a-z][a-z0-9]*)(\s[^>]*)>([^<]*)<\/\1>/g,
    (whole, tag: string, attributes: string, text: string) => {
      const key = /\sdata-i18n="([^"]+)"/.exec(attributes)?.[1];
      if (!key) return whole;
      const vars = /\sdata-i18n-vars='([^']*)'/.exec(attributes)?.[1];
      const expected = malay(key, vars, page);
      if (text && unescapeHtml(text) !== expected) {
        throw new Error(
          `${page}: the text of "${key}" is "${text}", but web/src/i18n/ms.ts says "${expected}"`,
        );
      }
      return `<${tag}${attributes}>${escapeHtml(expected)}</${tag}>`;
    },
  );
  for (const attribute of TRANSLATED_ATTRIBUTES) {
    html = html.replace(
      new RegExp(`\\sdata-i18n-${attribute}="([^"]+)"`, 'g'),
      (whole, key: string) => `${whole} ${attribute}="${escapeHtml(malay(key, undefined, page))}"`,
    );
  }

  const leftover = /\{\{[^}]*\}\}/.exec(html);
  if (leftover) throw new Error(`${page}: unresolved ${leftover[0]}`);
  // The CSP (web/site.ts) would block these at run time; refuse them at build time.
  if (/<script(?![^>]*\ssrc=)[^>]*>/i.test(html)) throw new Error(`${page}: inline <script>`);
  if (/\sstyle=|<style/i.test(html)) throw new Error(`${page}: inline style`);
  if (/\son[a-z]+=/i.test(html)) throw new Error(`${page}: inline event handler`);
  return html;
}

/**
 * The API reference page (`/docs/api`) from docs/openapi.json, which the route table generates:
 * the same head as every page, the stylesheets linked, no script.
 */
function writeApiReference(out: string): void {
  const doc = JSON.parse(readFileSync(join(ROOT, 'docs', 'openapi.json'), 'utf8')) as OpenApiDocument;
  const head = `${readFileSync(join(WEB, 'partials', 'head.html'), 'utf8').trimEnd()}\n<link rel="stylesheet" href="/assets/api.css">`;
  const html = renderApiReference(doc, head);
  const target = join(out, API_REFERENCE_PAGE);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, html);
}

/** Builds the pages into `outDir` (relative paths are taken from the project root). Synchronous. */
export function buildWeb(outDir = 'web/dist'): WebBuildResult {
  const out = resolve(ROOT, outDir);
  const assets = join(out, 'assets');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(assets, { recursive: true });

  const entries = readdirSync(join(WEB, 'src'))
    .filter((name) => name.endsWith('.ts'))
    .map((name) => join(WEB, 'src', name));
  const scripts = buildSync({
    absWorkingDir: ROOT,
    metafile: true,
    entryPoints: entries,
    outdir: assets,
    bundle: true,
    minify: true,
    format: 'esm',
    splitting: true,
    target: 'es2020',
    entryNames: '[name]',
    chunkNames: 'chunks/[name]-[hash]',
    legalComments: 'none',
    logLevel: 'warning',
  });
  buildSync({
    // Top-level stylesheets only: those under a folder are @import-ed (bundled) by one of them.
    entryPoints: readdirSync(join(WEB, 'styles'))
      .filter((name) => name.endsWith('.css'))
      .map((name) => join(WEB, 'styles', name)),
    outdir: assets,
    bundle: true,
    minify: true,
    target: ['chrome90', 'firefox90', 'safari14'],
    logLevel: 'warning',
  });
  for (const icon of listFiles(join(WEB, 'icons')))
    copyFileSync(icon, join(assets, relative(join(WEB, 'icons'), icon)));

  const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  for (const template of listFiles(join(WEB, 'pages')).filter((path) => path.endsWith('.html'))) {
    const page = relative(join(WEB, 'pages'), template);
    mkdirSync(dirname(join(out, page)), { recursive: true });
    writeFileSync(join(out, page), renderPage(readFileSync(template, 'utf8'), page, version));
  }

  writeApiReference(out);

  const files = listFiles(out).map((path) => relative(out, path).split('\\').join('/'));
  const gzip = (file: string) => gzipSync(readFileSync(join(out, file)), { level: 9 }).length;
  const gzipBytes = files
    .filter((file) => ['.js', '.css'].includes(extname(file)))
    .reduce((sum, file) => sum + gzip(file), 0);

  // What each page loads: its stylesheets, its scripts and every chunk they import, transitively.
  const siteFile = (path: string) => relative(out, resolve(ROOT, path)).split('\\').join('/');
  const chunkImports = new Map(
    Object.entries(scripts.metafile.outputs).map(([path, output]) => [
      siteFile(path),
      output.imports.filter((i) => !i.external).map((i) => siteFile(i.path)),
    ]),
  );
  const pageBytes: Record<string, number> = {};
  const pageAssets: Record<string, string[]> = {};
  for (const page of files.filter((file) => file.endsWith('.html'))) {
    const html = readFileSync(join(out, page), 'utf8');
    const loaded = new Set<string>();
    const visit = (file: string) => {
      if (loaded.has(file)) return;
      loaded.add(file);
      for (const imported of chunkImports.get(file) ?? []) visit(imported);
    };
    for (const [, asset] of html.matchAll(
      /<(?:script|link)\s[^>]*(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g,
    ))
      visit(asset ?? '');
    pageAssets[page] = [...loaded].sort();
    pageBytes[page] = [...loaded].reduce((sum, file) => sum + gzip(file), 0);
  }
  return { outDir: out, files: files.sort(), gzipBytes, pageBytes, pageAssets };
}

function main(): void {
  const result = buildWeb();
  const out = relative(process.cwd(), result.outDir) || '.';
  process.stdout.write(`Built ${result.files.length} files into ${out}:\n`);
  for (const file of result.files) {
    const bytes = readFileSync(join(result.outDir, file));
    const gz = ['.js', '.css'].includes(extname(file))
      ? `  (${gzipSync(bytes, { level: 9 }).length} B gzip)`
      : '';
    process.stdout.write(`  ${file}  ${bytes.length} B${gz}\n`);
  }
  const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
  process.stdout.write('JS + CSS each page loads, gzip:\n');
  for (const [page, bytes] of Object.entries(result.pageBytes)) {
    process.stdout.write(`  ${page}  ${bytes} B (${kib(bytes)})\n`);
    if (bytes > pageBudget(page)) {
      process.stderr.write(`${page} is over its ${kib(pageBudget(page))} page budget.\n`);
      process.exitCode = 1;
    }
  }
  process.stdout.write(
    `Whole site JS + CSS: ${result.gzipBytes} B gzip (${kib(result.gzipBytes)}; budget ${kib(SITE_BUDGET_GZIP_BYTES)})\n`,
  );
  if (result.gzipBytes > SITE_BUDGET_GZIP_BYTES) {
    process.stderr.write('The site is over its budget.\n');
    process.exitCode = 1;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
