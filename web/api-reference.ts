/**
 * The API reference page (`/docs/api`), rendered at build time from docs/openapi.json into plain
 * HTML: no script, no third-party asset, the site's own stylesheet, so the strict CSP holds and
 * it works offline. English, as the document is: it is for integrators.
 */
interface Schema {
  $ref?: string;
  type?: string | string[];
  description?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: Schema[];
  format?: string;
  maxLength?: number;
  minLength?: number;
  additionalProperties?: boolean | Schema;
}

interface Operation {
  operationId: string;
  summary: string;
  description?: string;
  tags?: string[];
  security?: Record<string, string[]>[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses: Record<
    string,
    {
      description: string;
      content?: Record<string, { schema: Schema }>;
      headers?: Record<string, { description?: string }>;
    }
  >;
}

export interface OpenApiDocument {
  info: { title: string; version: string; description?: string };
  tags?: { name: string; description?: string }[];
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

const esc = (text: unknown) => String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** `code` spans for backticked words in the document's prose. */
const prose = (text = '') => esc(text).replace(/`([^`]+)`/g, '<code>$1</code>');

const refName = (ref: string) => ref.split('/').pop() ?? ref;

function typeOf(schema: Schema): string {
  if (schema.$ref) return `<a href="#schema-${esc(refName(schema.$ref))}">${esc(refName(schema.$ref))}</a>`;
  if (schema.const !== undefined) return `<code>${esc(JSON.stringify(schema.const))}</code>`;
  if (schema.enum) return schema.enum.map((v) => `<code>${esc(JSON.stringify(v))}</code>`).join(' | ');
  if (schema.anyOf) return schema.anyOf.map(typeOf).join(' or ');
  if (schema.type === 'array' && schema.items) return `array of ${typeOf(schema.items)}`;
  const base = Array.isArray(schema.type) ? schema.type.join(' or ') : (schema.type ?? 'any');
  const limits = [
    schema.format,
    schema.minLength !== undefined ? `≥ ${schema.minLength} chars` : undefined,
    schema.maxLength !== undefined ? `≤ ${schema.maxLength} chars` : undefined,
  ].filter(Boolean);
  return `${esc(base)}${limits.length ? ` <span class="api-limits">(${esc(limits.join(', '))})</span>` : ''}`;
}

function schemaTable(schema: Schema): string {
  if (!schema.properties) return `<p>${typeOf(schema)}</p>`;
  const required = new Set(schema.required ?? []);
  const rows = Object.entries(schema.properties)
    .map(
      ([name, property]) =>
        `<tr><td><code>${esc(name)}</code>${required.has(name) ? '' : ' <span class="api-limits">optional</span>'}</td><td>${typeOf(property)}</td><td>${prose(property.description)}</td></tr>`,
    )
    .join('');
  return `<table class="api-table"><thead><tr><th scope="col">Field</th><th scope="col">Type</th><th scope="col">Meaning</th></tr></thead><tbody>${rows}</tbody></table>`;
}

const bodySchema = (content?: Record<string, { schema: Schema }>) => Object.values(content ?? {})[0]?.schema;

function operationSection(method: string, path: string, op: Operation): string {
  const who = op.security?.some((s) => 'sessionCookie' in s)
    ? 'Signed-in officer (session cookie)'
    : op.security?.some((s) => 'sigv4' in s)
      ? 'Automation: IAM (SigV4) in AWS; bearer admin key locally'
      : 'Public (through the site address)';
  const request = bodySchema(op.requestBody?.content);
  const responses = Object.entries(op.responses)
    .map(([status, response]) => {
      const schema = bodySchema(response.content);
      const headers = Object.keys(response.headers ?? {});
      return `<tr><td><code>${esc(status)}</code></td><td>${prose(response.description)}${headers.length ? ` <span class="api-limits">Headers: ${esc(headers.join(', '))}</span>` : ''}</td><td>${schema ? typeOf(schema) : '—'}</td></tr>`;
    })
    .join('');
  return `<section class="api-operation" id="op-${esc(op.operationId)}" aria-labelledby="op-${esc(op.operationId)}-title">
<h3 id="op-${esc(op.operationId)}-title"><code class="api-method">${esc(method.toUpperCase())}</code> <code>${esc(path)}</code></h3>
<p><strong>${prose(op.summary)}</strong></p>
<p>${prose(op.description)}</p>
<p class="api-limits">Who: ${esc(who)}</p>
${request ? `<h4>Request body</h4>${typeOf(request)}` : ''}
<h4>Answers</h4>
<table class="api-table"><thead><tr><th scope="col">Status</th><th scope="col">Meaning</th><th scope="col">Body</th></tr></thead><tbody>${responses}</tbody></table>
</section>`;
}

/** The whole page: the site's head and header, every operation by tag, then every schema. */
export function renderApiReference(doc: OpenApiDocument, head: string): string {
  const byTag = new Map<string, [string, string, Operation][]>();
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const tag = op.tags?.[0] ?? 'other';
      byTag.set(tag, [...(byTag.get(tag) ?? []), [method, path, op]]);
    }
  }
  const tags: { name: string; description?: string }[] =
    doc.tags ?? [...byTag.keys()].map((name) => ({ name }));
  const contents = tags
    .map(
      (tag) =>
        `<li><a href="#tag-${esc(tag.name)}">${esc(tag.name)}</a><ul>${(byTag.get(tag.name) ?? [])
          .map(
            ([method, path, op]) =>
              `<li><a href="#op-${esc(op.operationId)}"><code>${esc(method.toUpperCase())} ${esc(path)}</code></a></li>`,
          )
          .join('')}</ul></li>`,
    )
    .join('');
  const operations = tags
    .map(
      (tag) =>
        `<section aria-labelledby="tag-${esc(tag.name)}"><h2 id="tag-${esc(tag.name)}">${esc(tag.name)}</h2><p>${prose(tag.description)}</p>${(
          byTag.get(tag.name) ?? []
        )
          .map(([method, path, op]) => operationSection(method, path, op))
          .join('')}</section>`,
    )
    .join('');
  const schemas = Object.entries(doc.components.schemas)
    .map(
      ([name, schema]) =>
        `<section class="api-operation" aria-labelledby="schema-${esc(name)}"><h3 id="schema-${esc(name)}">${esc(name)}</h3><p>${prose(schema.description)}</p>${schemaTable(schema)}</section>`,
    )
    .join('');
  return `<!doctype html>
<html lang="en">
<head>
${head}
<title>API reference | iSPEKS</title>
</head>
<body>
<a class="skip-link" href="#main">Skip to main content</a>
<header class="site-header"><div class="site-header-inner"><a class="brand" href="/">iSPEKS</a></div></header>
<main id="main" tabindex="-1">
<div class="card card-wide api-reference">
<h1>${esc(doc.info.title)} <span class="api-limits">version ${esc(doc.info.version)}</span></h1>
<p>${prose(doc.info.description)}</p>
<p>The machine-readable document: <a href="/api/openapi.json"><code>/api/openapi.json</code></a> (OpenAPI 3.1).</p>
<nav aria-label="Operations"><ul>${contents}<li><a href="#schemas">schemas</a></li></ul></nav>
${operations}
<section aria-labelledby="schemas"><h2 id="schemas">Schemas</h2>${schemas}</section>
</div>
</main>
</body>
</html>
`;
}
