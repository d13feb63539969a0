import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { settings } from '../../functions/settings.ts';
import { readmeWithSettings } from '../../scripts/docs.ts';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

describe("the README's settings tables", () => {
  it('say what functions/settings.ts says (otherwise: npm run docs)', () => {
    // Act
    const generated = readmeWithSettings(readme);

    // Assert
    expect(readme).toBe(generated);
  });

  it('name every variable a person sets and every CDK context key', () => {
    // Arrange
    const named = settings.filter((row) => row.context !== undefined || row.setBy === undefined);

    // Assert
    for (const row of named) {
      const name = row.context ?? row.variable;
      expect(readme).toContain(`| \`${name}\``);
    }
    expect(readme.match(/^#+ Deployed \(CDK context\)$/gm)).toHaveLength(1);
  });
});
