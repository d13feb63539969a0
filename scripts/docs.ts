/**
 * `npm run docs`: rewrites the documentation that is generated from the code, one step per file.
 * Each step turns the file's current text into its new text; the file is written only if it
 * changed. Tests call the same functions to check that the committed files are in step.
 *
 *   README.md          the settings tables, from functions/settings.ts
 *   docs/openapi.json  the OpenAPI document, from the route table (functions/api/routes.ts)
 *   functions/adapters/word-lists/*.txt
 *                      the common passwords and English words, from @zxcvbn-ts/language-common
 */

import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dictionary } from '@zxcvbn-ts/language-common';
import { rowsOf, type Setting, settings } from '../functions/settings.ts';
import { markdownTable } from './markdown.ts';
import { renderOpenApi } from './openapi.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

const code = (text: string) => `\`${text}\``;

/** The default as its reader writes it: flags as `on`/`off` in the environment, `true`/`false` in context. */
function defaultOf(row: Setting, flagWords: readonly [string, string]): string {
  if (row.default === undefined) return row.unsetMeans ?? (row.required ? 'required' : 'unset');
  if (typeof row.default === 'boolean') return row.default ? flagWords[0] : flagWords[1];
  return typeof row.default === 'number' ? String(row.default) : code(row.default);
}

/** The meaning, and the key it must come with, if any. */
function meaningOf(row: Setting): string {
  return row.givenWith === undefined ? row.meaning : `${row.meaning}; only with ${code(row.givenWith)}`;
}

/** What a value may be; `deployed` gives the bounds production keeps. */
function accepted(row: Setting, deployed: boolean): string {
  switch (row.kind) {
    case 'int': {
      const range = (min: number) => `${min}–${row.max}`;
      if (deployed) return range(row.deployed?.min ?? row.min);
      return row.deployed ? `${range(row.min)} (deployed: ${range(row.deployed.min)})` : range(row.min);
    }
    case 'flag':
      return deployed ? '`true`/`false`' : '`on`/`off`';
    case 'url':
      return deployed && row.deployed?.httpsOnly ? 'https URL' : 'http(s) URL';
    case 'email':
      return 'e-mail address';
    case 'text':
      if ((row.minLength ?? 1) > 1) return `at least ${row.minLength} characters`;
      return row.pattern ? 'plain text, one line' : 'text';
    case 'enum':
      return row.options.map(code).join(', ');
  }
}

/** Everything a person may set for `npm start`: the local stack's own settings, then the functions' that the local stack leaves to them. */
export function localSettingsTable(): string {
  const rows = [...rowsOf('local'), ...rowsOf('functions').filter((row) => row.setBy === undefined)];
  return markdownTable(
    ['variable', 'default', 'values', 'meaning'],
    rows.map((row) => [
      code(row.variable),
      defaultOf(row, ['on', 'off']),
      accepted(row, false),
      meaningOf(row),
    ]),
  );
}

/** Every CDK context key, with the variable it sets in the functions (if any). */
export function deployedSettingsTable(): string {
  const rows = settings.filter((row): row is Setting & { context: string } => row.context !== undefined);
  return markdownTable(
    ['key', 'variable', 'default', 'values when deployed', 'meaning'],
    rows.map((row) => [
      code(row.context),
      row.variable === undefined ? '' : code(row.variable),
      defaultOf(row, ['true', 'false']),
      accepted(row, true),
      meaningOf(row),
    ]),
  );
}

/** Puts `content` between `<!-- name -->` and `<!-- /name -->`, which must both be there. */
function betweenMarkers(text: string, name: string, content: string): string {
  const open = `<!-- ${name} -->`;
  const close = `<!-- /${name} -->`;
  const start = text.indexOf(open);
  const end = text.indexOf(close);
  if (start < 0 || end < start) throw new Error(`No ${open} … ${close} markers to write between.`);
  return `${text.slice(0, start + open.length)}\n${content}\n${text.slice(end)}`;
}

/** The README with both settings tables as functions/settings.ts says. */
export function readmeWithSettings(readme: string): string {
  const local = betweenMarkers(readme, 'settings:local', localSettingsTable());
  return betweenMarkers(local, 'settings:deployed', deployedSettingsTable());
}

/** A word list of @zxcvbn-ts/language-common, as shipped with the package (most common first). */
function zxcvbnList(name: 'passwords-common' | 'diceware-common'): readonly string[] {
  const list = (dictionary as Record<string, string[] | undefined>)[name];
  if (!list) throw new Error(`@zxcvbn-ts/language-common has no list ${name}`);
  return list;
}

const lines = (words: readonly string[]) => `${words.join('\n')}\n`;

/** The steps of `npm run docs`, in order: one file each, rewritten from its current text. */
export const steps: ReadonlyArray<{ file: string; update: (text: string) => string }> = [
  { file: 'README.md', update: readmeWithSettings },
  { file: 'docs/openapi.json', update: () => renderOpenApi() },
  {
    file: 'functions/adapters/word-lists/common-passwords.txt',
    update: () => lines(zxcvbnList('passwords-common')),
  },
  {
    file: 'functions/adapters/word-lists/dictionary-words.txt',
    update: () => lines(zxcvbnList('diceware-common')),
  },
];

function run(): void {
  for (const step of steps) {
    const path = join(ROOT, step.file);
    const before = readFileSync(path, 'utf8');
    const after = step.update(before);
    if (after !== before) writeFileSync(path, after);
    process.stdout.write(`${step.file}: ${after === before ? 'already in step' : 'rewritten'}\n`);
  }
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) run();
