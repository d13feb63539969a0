import { describe, expect, expectTypeOf, it } from 'vitest';
import { type Config, ConfigError, checkSettings, loadConfig, parseSettings } from '#config';
import { functionEnvironment } from '../../functions/local/stack.ts';
import { checkValue, rowsOf, settings } from '../../functions/settings.ts';

/** What the functions need before any optional setting is looked at. */
const REQUIRED = {
  USERS_TABLE: 'users',
  TOKENS_TABLE: 'tokens',
  SESSIONS_TABLE: 'sessions',
  ATTEMPTS_TABLE: 'attempts',
  REQUESTS_TABLE: 'requests',
  AUDIT_TABLE: 'audit',
  PROGRESS_TABLE: 'progress',
  SITE_URL: 'https://ispeks.example.gov.my',
  SENDER_EMAIL: 'noreply@example.gov.my',
};

function problemsOf(env: Record<string, string | undefined>): readonly string[] {
  const checked = checkSettings('functions', env);
  return checked.ok ? [] : checked.problems;
}

describe('the settings table', () => {
  it('names each variable and each context key once, context keys in camelCase', () => {
    // Arrange
    const variables = settings.flatMap((row) => row.variable ?? []);
    const keys = settings.flatMap((row) => row.context ?? []);

    // Assert
    expect(new Set(variables).size).toBe(variables.length);
    expect(new Set(keys).size).toBe(keys.length);
    for (const key of keys) expect(key).toMatch(/^[a-z]+(?:[A-Z][a-z]+)*$/);
    for (const row of settings) expect(row.variable ?? row.context).toBeDefined();
  });

  it('gives every default within its own bounds, the deployed ones too', () => {
    for (const row of settings) {
      if (row.default === undefined) continue;
      // Act
      const checked = checkValue(row, row.default, true);

      // Assert
      expect([row.variable ?? row.context, checked.ok]).toEqual([row.variable ?? row.context, true]);
    }
  });

  it('says which variables the local stack gives the functions, and it gives exactly those', () => {
    // Arrange
    const givenByTheTable = rowsOf('functions')
      .filter((row) => row.setBy === 'local stack' || row.setBy === 'both stacks')
      .map((row) => row.variable);

    // Act
    const given = Object.keys(functionEnvironment({ port: 3000, sesPort: 8005, dynamoPort: 8000 }));

    // Assert: credentials are the SDK's, not settings
    expect(given.filter((name) => !name.startsWith('AWS_') || name === 'AWS_REGION').sort()).toEqual(
      givenByTheTable.sort(),
    );
  });
});

describe('loadConfig', () => {
  it('fills every unset setting with its default from the table', () => {
    // Act
    const config = loadConfig(REQUIRED) as Record<string, unknown>;

    // Assert
    for (const row of rowsOf('functions').filter((row) => !row.required))
      expect([row.variable, config[row.variable]]).toEqual([row.variable, row.default]);
  });

  it('reads whole numbers, within their bounds inclusive', () => {
    // Act
    const config = loadConfig({ ...REQUIRED, BCRYPT_COST: '4', RESEND_COOLDOWN_SECONDS: '3600' });

    // Assert
    expect(config.BCRYPT_COST).toBe(4);
    expect(config.RESEND_COOLDOWN_SECONDS).toBe(3600);
  });

  it('refuses numbers outside their bounds or with a fraction, naming the bounds', () => {
    // Act
    const problems = problemsOf({
      ...REQUIRED,
      ACTIVATION_TOKEN_TTL_SECONDS: '59',
      BCRYPT_COST: '16',
      LOGIN_MAX_FAILURES: '4.5',
      SESSION_MAX_SECONDS: '',
    });

    // Assert
    expect(problems).toEqual([
      'ACTIVATION_TOKEN_TTL_SECONDS must be a whole number from 60 to 86400 (got "59").',
      'BCRYPT_COST must be a whole number from 4 to 15 (got "16").',
      'LOGIN_MAX_FAILURES must be a whole number from 3 to 20 (got "4.5").',
      'SESSION_MAX_SECONDS must be a whole number from 300 to 604800 (got "").',
    ]);
  });

  it('reads every word a flag takes, and refuses any other', () => {
    // Arrange
    const words = { on: true, off: false, true: true, false: false, '1': true, '0': false };

    // Act
    const read = Object.entries(words).map(
      ([word]) => loadConfig({ ...REQUIRED, ENUMERATION_PROTECTION: word }).ENUMERATION_PROTECTION,
    );
    const problems = problemsOf({ ...REQUIRED, PASSWORD_COMPOSITION: 'ON' });

    // Assert
    expect(read).toEqual(Object.values(words));
    expect(problems).toEqual(['PASSWORD_COMPOSITION must be 0, 1, on, off, true or false (got "ON").']);
  });

  it('reads http and https URLs without their trailing slashes, and refuses any other', () => {
    // Act
    const config = loadConfig({
      ...REQUIRED,
      SITE_URL: 'http://localhost:3000//',
      SES_ENDPOINT: 'http://127.0.0.1:8005',
    });
    const problems = problemsOf({
      ...REQUIRED,
      SITE_URL: 'localhost:3000',
      DYNAMODB_ENDPOINT: 'file:///tmp',
    });

    // Assert
    expect(config.SITE_URL).toBe('http://localhost:3000');
    expect(config.SES_ENDPOINT).toBe('http://127.0.0.1:8005');
    expect(problems).toEqual([
      'SITE_URL must be an http(s) URL (got "localhost:3000").',
      'DYNAMODB_ENDPOINT must be an http(s) URL (got "file:///tmp").',
    ]);
  });

  it('refuses an e-mail address without a domain', () => {
    // Act
    const problems = problemsOf({ ...REQUIRED, SENDER_EMAIL: 'noreply@localhost' });

    // Assert
    expect(problems).toEqual(['SENDER_EMAIL must be an e-mail address (got "noreply@localhost").']);
  });

  it('refuses a sender name that could break the e-mail header, and an empty one', () => {
    // Act
    const broken = problemsOf({ ...REQUIRED, SENDER_NAME: 'iSPEKS\r\nBcc: x@example.com' });
    const empty = problemsOf({ ...REQUIRED, SENDER_NAME: '' });

    // Assert
    expect(broken).toEqual([
      'SENDER_NAME must be plain text without line breaks, quotes or angle brackets (got "iSPEKS\\r\\nBcc: x@example.com").',
    ]);
    expect(empty).toEqual(['SENDER_NAME must not be empty (got "").']);
  });

  it('says a required setting must be set, and leaves an optional one undefined', () => {
    // Act
    const problems = problemsOf({ ...REQUIRED, SENDER_EMAIL: undefined, ATTEMPTS_TABLE: undefined });
    const config = loadConfig(REQUIRED);

    // Assert
    expect(problems).toEqual(['ATTEMPTS_TABLE must be set.', 'SENDER_EMAIL must be set.']);
    expect(config.ORIGIN_VERIFY_SECRET).toBeUndefined();
    expect(config.DYNAMODB_ENDPOINT).toBeUndefined();
  });

  it('never repeats a secret, and shortens a long value', () => {
    // Arrange
    const long = `https://${'a'.repeat(100)}`;

    // Act
    const problems = problemsOf({
      ...REQUIRED,
      SITE_URL: `ftp${long.slice(5)}`,
      ORIGIN_VERIFY_SECRET_PREVIOUS: 'previous-but-short',
    });

    // Assert
    expect(problems).toEqual([
      `SITE_URL must be an http(s) URL (got "ftp://${'a'.repeat(54)}…").`,
      'ORIGIN_VERIFY_SECRET_PREVIOUS must be at least 32 characters long.',
    ]);
  });

  it('says every problem at once, in the order of the table, in one ConfigError', () => {
    // Arrange
    const env = { ...REQUIRED, SESSION_IDLE_SECONDS: 'x', SITE_URL: 'x', TOKENS_TABLE: '' };

    // Act
    const act = () => loadConfig(env);

    // Assert
    expect(act).toThrow(ConfigError);
    expect(act).toThrow(
      'TOKENS_TABLE must not be empty (got ""). SITE_URL must be an http(s) URL (got "x"). ' +
        'SESSION_IDLE_SECONDS must be a whole number from 60 to 86400 (got "x").',
    );
  });

  it('types each setting by its kind: numbers, flags, text, and undefined when optional', () => {
    expectTypeOf<Config['BCRYPT_COST']>().toEqualTypeOf<number>();
    expectTypeOf<Config['PASSWORD_COMPOSITION']>().toEqualTypeOf<boolean>();
    expectTypeOf<Config['SITE_URL']>().toEqualTypeOf<string>();
    expectTypeOf<Config['DYNAMODB_ENDPOINT']>().toEqualTypeOf<string | undefined>();
  });
});

describe("the local stack's own settings", () => {
  it('take their defaults when unset', () => {
    // Act
    const local = parseSettings('local', {});

    // Assert
    expect(local).toEqual({
      PORT: 3000,
      SES_PORT: 8005,
      DYNAMODB_PORT: 8000,
      ADMIN_API_KEY: undefined,
      ROTATE_ADMIN_KEY: false,
      DATA_DIR: '.local/data',
      IN_MEMORY: false,
      LOG_LEVEL: 'info',
      LOG_FILE: undefined,
      LOG_TO_STDOUT: false,
    });
    expectTypeOf(local.LOG_LEVEL).toEqualTypeOf<'debug' | 'info' | 'warn' | 'error' | 'off'>();
  });

  it('refuse a word outside a list, naming the list, and never repeat the admin key', () => {
    // Act
    const checked = checkSettings('local', { LOG_LEVEL: 'trace', ADMIN_API_KEY: 'short-key', PORT: '65536' });

    // Assert
    expect(checked).toEqual({
      ok: false,
      problems: [
        'PORT must be a whole number from 1 to 65535 (got "65536").',
        'ADMIN_API_KEY must be at least 16 characters long.',
        'LOG_LEVEL must be debug, info, warn, error or off (got "trace").',
      ],
    });
  });
});
