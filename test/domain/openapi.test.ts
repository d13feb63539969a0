import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { routes } from '../../lib/routes.ts';

const doc = JSON.parse(readFileSync(new URL('../../docs/openapi.json', import.meta.url), 'utf8')) as {
  paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
  components: { schemas: { Problem: { properties: { code: { enum: string[] } } } } };
};

describe('the published OpenAPI document', () => {
  it('documents exactly the routes that the stack mounts', () => {
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`),
    );

    expect(documented.sort()).toEqual(routes.map((r) => `${r.method} ${r.path}`).sort());
  });

  it('lists every problem code that a domain error can carry', async () => {
    const errors = await import('../../functions/domain/errors.ts');
    const codes = Object.values(errors)
      .filter((value) => typeof value === 'function')
      .map(
        (ErrorClass) =>
          (new (ErrorClass as new (arg: unknown) => { code?: string })([]) as { code?: string }).code,
      )
      .filter((code): code is string => typeof code === 'string');

    expect(codes.length).toBeGreaterThan(8);
    for (const code of codes) expect(doc.components.schemas.Problem.properties.code.enum).toContain(code);
  });
});
