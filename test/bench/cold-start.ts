/**
 * `npm run bench -- cold`: every function of the route table bundled exactly as the stack bundles
 * it (lib/bundling.ts), then its size and the time a fresh Node process takes to import it (the
 * median of several runs, less an empty module's), as in a Lambda cold start before the first
 * request. Prints a table and writes docs/performance.md.
 *
 *   BENCH_COLD_RUNS=9 npm run bench -- cold
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import { routes } from '../../functions/api/routes.ts';
import { tableDefinitions } from '../../functions/tables.ts';
import { BUNDLE_DATA, LAMBDA_BUNDLE } from '../../lib/bundling.ts';
import { markdownTable } from '../../scripts/markdown.ts';
import { BUNDLE_BUDGETS, budgetOf } from './budgets.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const runs = Math.min(Math.max(Number(process.env.BENCH_COLD_RUNS ?? 9), 3), 50);

/** What a function's configuration needs to load, as the stack sets it (no value reaches AWS). */
const environment = {
  ...process.env,
  ...Object.fromEntries(tableDefinitions.map((table) => [table.envVar, table.localName])),
  SITE_URL: 'https://ispeks.example.gov.my',
  SENDER_EMAIL: 'noreply@example.gov.my',
  AWS_REGION: 'ap-southeast-1',
  AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
  AWS_SECRET_ACCESS_KEY: 'bench',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  LOG_SILENT: '1',
};

/** Bundles one handler as the stack does, into its own folder with the data it names beside it. */
export function bundle(name: string, outDir: string): string {
  const outfile = join(outDir, 'index.mjs');
  buildSync({
    entryPoints: [join(ROOT, 'functions/handlers', `${name}.ts`)],
    bundle: true,
    outfile,
    format: LAMBDA_BUNDLE.format,
    platform: LAMBDA_BUNDLE.platform,
    target: LAMBDA_BUNDLE.target,
    mainFields: [...LAMBDA_BUNDLE.mainFields],
    minify: LAMBDA_BUNDLE.minify,
    legalComments: LAMBDA_BUNDLE.legalComments,
    banner: { js: LAMBDA_BUNDLE.banner },
    alias: { ...LAMBDA_BUNDLE.alias },
    logLevel: 'error',
  });
  const code = readFileSync(outfile, 'utf8');
  for (const { folder, marker } of BUNDLE_DATA) {
    if (code.includes(marker))
      cpSync(join(ROOT, folder), join(outDir, folder.split('/').pop() ?? folder), { recursive: true });
  }
  return outfile;
}

/** Milliseconds a fresh Node process spends importing `file` (measured inside the process). */
function importMs(file: string): number {
  const script = `const t = performance.now(); await import(${JSON.stringify(file)}); process.stdout.write(String(performance.now() - t));`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { env: environment });
  return Number(out.toString());
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

export function main(): void {
  const work = mkdtempSync(join(tmpdir(), 'ispeks-cold-'));
  try {
    const empty = join(work, 'empty.mjs');
    writeFileSync(empty, 'export {};\n');
    const baseline = median(Array.from({ length: runs }, () => importMs(empty)));
    const rows = routes.map((route) => {
      const file = bundle(route.name, join(work, route.name));
      const bytes = statSync(file).size;
      const ms = Math.max(0, median(Array.from({ length: runs }, () => importMs(file))) - baseline);
      return { route, bytes, ms, budget: budgetOf(route.name) };
    });
    const table = markdownTable(
      [
        'function',
        'route',
        'bundle (minified)',
        'budget',
        `import (median of ${runs}, less an empty module)`,
      ],
      rows.map((r) => [
        r.route.name,
        `\`${r.route.method} ${r.route.path}\``,
        `${(r.bytes / 1024).toFixed(0)} KB`,
        `${(r.budget / 1024).toFixed(0)} KB`,
        `${r.ms.toFixed(1)} ms`,
      ]),
      ['left', 'left', 'right', 'right', 'right'],
    );
    const over = rows.filter((r) => r.bytes > r.budget);
    const report = `# Performance: function bundles and cold imports

Written by \`npm run bench -- cold\` (test/bench/cold-start.ts) on ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${
      process.arch
    }. Each function is bundled exactly as the stack bundles it (lib/bundling.ts: esbuild, ESM, minified, the AWS SDK inside);
the import time is what a fresh Node process spends importing the bundle, which is the bundle's share of a Lambda cold start
(building clients, parsing settings, and nothing that waits for AWS). The byte budgets live in test/bench/budgets.ts;
test/infra checks every synthesized bundle against them. Times are measured here, not asserted in tests.

${table}

Budgets: ${BUNDLE_BUDGETS.default / 1024} KB for a function that talks to DynamoDB only; ${
      BUNDLE_BUDGETS.sendsEmail / 1024
    } KB for one that also sends e-mail (the SES v2 client adds its own ~85 KB on top of the SDK core they share).
Functions that check passwords read the word lists (common-passwords.txt, dictionary-words.txt: ${(
      (statSync(join(ROOT, 'functions/adapters/word-lists/common-passwords.txt')).size +
        statSync(join(ROOT, 'functions/adapters/word-lists/dictionary-words.txt')).size) /
        1024
    ).toFixed(0)} KB of text) from beside the bundle on the first check, not at import.
${over.length ? `\nOver budget: ${over.map((r) => r.route.name).join(', ')}\n` : ''}`;
    writeFileSync(join(ROOT, 'docs/performance.md'), report);
    process.stdout.write(`${table}\n\nWrote docs/performance.md\n`);
    if (over.length) process.exitCode = 1;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
