import type { Node } from 'constructs';
import {
  type ContextSettings,
  checkValue,
  environmentValue,
  type Setting,
  shownValue,
  settings as table,
} from '../functions/settings.ts';

/**
 * The deployer's settings: every row of `functions/settings.ts` with a context key, read from CDK
 * context (`cdk.json` or `-c key=value`) and checked before anything is built, with the bounds
 * production keeps (https only, a password's bcrypt cost at least 12). A key left out takes the
 * row's default; an empty one counts as left out.
 */
export type Settings = ContextSettings;

type Deployable = Setting & { readonly context: keyof Settings };

const deployable = table.filter((row): row is Deployable => row.context !== undefined);

/** Every bad key, one sentence each, with the variable it sets ("bcryptCost: must be at least 12 when deployed (got 10); it sets BCRYPT_COST."). */
export class SettingsError extends Error {
  override name = 'SettingsError';
  readonly problems: readonly string[];
  constructor(problems: readonly string[]) {
    super(`Invalid CDK context: ${problems.join(' ')}`);
    this.problems = problems;
  }
}

/** Reads every setting from the construct tree's context; throws one `SettingsError` naming each bad key. */
export function readSettings(node: Pick<Node, 'tryGetContext'>): Settings {
  const values: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const row of deployable) {
    const given: unknown = node.tryGetContext(row.context);
    const raw = typeof given === 'string' ? given.trim() : given;
    const sets = row.variable === undefined ? '' : `; it sets ${row.variable}`;
    if (raw === undefined || raw === null || raw === '') {
      if (row.required) problems.push(`${row.context}: must be set${sets}.`);
      values[row.context] = row.default;
      continue;
    }
    const checked = checkValue(row, raw, true);
    if (checked.ok) {
      values[row.context] = checked.value;
      continue;
    }
    // A number out of bounds is told the bound it crossed, and whether only production keeps it.
    const words = checked.crossed
      ? `${checked.crossed.words}${checked.crossed.deployed ? ' when deployed' : ''}`
      : checked.requirement;
    problems.push(`${row.context}: ${words}${shownValue(row, raw)}${sets}.`);
  }
  for (const row of deployable) {
    if (row.givenWith === undefined || problems.some((p) => p.startsWith(`${row.context}:`))) continue;
    if ((values[row.context] === undefined) !== (values[row.givenWith] === undefined))
      problems.push(`${row.context} and ${row.givenWith} must be given together.`);
  }
  if (problems.length > 0) throw new SettingsError(problems);
  return values as Settings;
}

/**
 * The environment every function receives for its `functions/config.ts`: every deployable
 * setting the functions read. Table names and the origin secret are absent on purpose: the
 * constructs set them (`lib/data.ts`, next to the grants; `lib/origin-secret.ts`).
 */
export function functionEnvironment(settings: Settings): Record<string, string> {
  const environment: Record<string, string> = {};
  for (const row of deployable) {
    const value = settings[row.context];
    if (row.variable !== undefined && row.scope === 'functions' && value !== undefined)
      environment[row.variable] = environmentValue(value);
  }
  return environment;
}
