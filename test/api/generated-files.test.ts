import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { steps } from '../../scripts/docs.ts';
import { stubFunctionEnvironment } from '../handlers/setup.ts';

beforeAll(stubFunctionEnvironment);
afterAll(() => vi.unstubAllEnvs());

describe('the generated files', () => {
  it.each(steps.map((step) => [step.file, step]))(
    '%s is as `npm run docs` writes it from the code',
    (file, step) => {
      const committed = readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');

      expect(step.update(committed) === committed, `${file} is out of step: run npm run docs`).toBe(true);
    },
  );
});
