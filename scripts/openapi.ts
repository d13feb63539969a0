/**
 * Writes docs/openapi.json from the route table (functions/api/routes.ts): the committed document
 * is generated, and a test fails when it and the code disagree.
 *
 * `npm run docs` writes it (scripts/docs.ts), with the other generated documentation.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openApiDocument } from '../functions/api/openapi.ts';
import { routes } from '../functions/api/routes.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The document as the code describes it now, serialised as it is committed. */
export function renderOpenApi(): string {
  const { version } = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as { version: string };
  return `${JSON.stringify(openApiDocument(routes, version), null, 2)}\n`;
}
