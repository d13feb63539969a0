import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { problemsOf } from '../../functions/api/route.ts';
import { routes } from '../../functions/api/routes.ts';
import { contractSchemas } from '../../functions/handlers/schemas.ts';
import { PROBLEMS } from '../../functions/http/problems.ts';
import { renderOpenApi } from '../../scripts/openapi.ts';
import { stubFunctionEnvironment } from '../handlers/setup.ts';

beforeAll(stubFunctionEnvironment);
afterAll(() => vi.unstubAllEnvs());

describe('the route table', () => {
  it('names each route once, by method and path, and by handler name', () => {
    const keys = routes.map((r) => `${r.method} ${r.path}`);
    const names = routes.map((r) => r.name);

    expect(new Set(keys).size).toBe(keys.length);
    expect(new Set(names).size).toBe(names.length);
  });

  it.each(routes.map((r) => [r.name, r]))(
    'loads %s from functions/handlers/<name>.ts, the file the stack bundles',
    async (name, route) => {
      const loaded = await route.load();
      const byName = await import(`../../functions/handlers/${name}.ts`);

      expect(loaded).toBe(byName);
      expect(typeof loaded.handler).toBe('function');
    },
  );

  it('names every request and answer schema, so the document shows it as a component', () => {
    const unnamed = routes.flatMap((route) =>
      [route.request, ...Object.values(route.responses).map((r) => r.schema)]
        .filter((schema) => schema !== undefined && !contractSchemas.has(schema))
        .map(() => route.name),
    );

    expect(unnamed).toEqual([]);
  });

  it('answers every problem code of a route with a status from the one table', () => {
    for (const route of routes) {
      for (const code of problemsOf(route))
        expect(PROBLEMS[code]?.status, `${route.name} ${code}`).toBeGreaterThanOrEqual(400);
    }
  });
});

describe('the published OpenAPI document', () => {
  it('is what the route table generates (run `npm run docs` after changing a route)', () => {
    const committed = JSON.parse(readFileSync(new URL('../../docs/openapi.json', import.meta.url), 'utf8'));

    expect(committed).toEqual(JSON.parse(renderOpenApi()));
  });

  it('documents exactly the routes of the table, each with its problem codes as responses', () => {
    const doc = JSON.parse(renderOpenApi()) as {
      paths: Record<string, Record<string, { responses: Record<string, { description: string }> }>>;
    };

    const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(documented.sort()).toEqual(routes.map((r) => `${r.method} ${r.path}`).sort());
    for (const route of routes) {
      const responses = doc.paths[route.path]?.[route.method.toLowerCase()]?.responses ?? {};
      for (const code of problemsOf(route)) {
        expect(responses[String(PROBLEMS[code].status)]?.description, `${route.name} ${code}`).toContain(
          code,
        );
      }
    }
  });
});
