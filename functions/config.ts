import { checkSettings, type SettingsOf } from './settings.ts';

export { checkSettings };

/**
 * Every setting the functions read, checked once at cold start against its row of
 * `functions/settings.ts`. The CDK stack sets these from context; the local stack sets them from
 * its own environment. A bad value stops start-up with a message naming the variable, never a
 * half-configured function.
 */
export type Config = SettingsOf<'functions'>;

/** Every bad setting, one sentence each ("BCRYPT_COST must be a whole number from 4 to 15 (got "abc")."). */
export class ConfigError extends Error {
  override name = 'ConfigError';
  readonly problems: readonly string[];
  constructor(problems: readonly string[]) {
    super(problems.join(' '));
    this.problems = problems;
  }
}

/** `checkSettings` for those who cannot go on without them: throws one ConfigError naming each bad variable. */
export function parseSettings<S extends 'functions' | 'local'>(
  scope: S,
  env: Readonly<Record<string, string | undefined>>,
): SettingsOf<S> {
  const checked = checkSettings(scope, env);
  if (!checked.ok) throw new ConfigError(checked.problems);
  return checked.data;
}

export function loadConfig(env: Readonly<Record<string, string | undefined>> = process.env): Config {
  return parseSettings('functions', env);
}
