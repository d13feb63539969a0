import { readFileSync } from 'node:fs';
import { App } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '#config';
import { functionEnvironment, readSettings, type Settings, SettingsError } from '#lib/settings.ts';
import { type Setting, settings as table } from '../../functions/settings.ts';

/** The deployer's defaults, exactly as `cdk synth` reads them. */
const cdkContext = JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8'))
  .context as Record<string, unknown>;

type Deployable = Setting & { context: keyof Settings; variable: string };

/** The rows a deployer sets and the functions read. */
const deployableFunctionRows = table.filter(
  (row): row is Deployable =>
    row.context !== undefined && row.variable !== undefined && row.scope === 'functions',
);

/** What the constructs add to every function's environment (the table names), stood in. */
const stackGiven = Object.fromEntries(
  table.filter((row) => row.setBy === 'both stacks' && row.required).map((row) => [row.variable, 'x']),
);

/** A valid value other than the default, so a round trip shows it was carried, not defaulted. */
function otherValue(row: Setting): string | number | boolean {
  switch (row.kind) {
    case 'int':
      return row.max;
    case 'flag':
      return !row.default;
    case 'url':
      return 'https://aktivasi.example.gov.my';
    case 'email':
      return 'aktivasi@example.gov.my';
    case 'text':
      // A patterned setting (DUTY_CONFLICTS) takes its own kind of value: `none` is one, not its default.
      return row.pattern && !row.pattern.regex.test('Sistem Ujian iSPEKS') ? 'none' : 'Sistem Ujian iSPEKS';
    default:
      return 'Sistem Ujian iSPEKS';
  }
}

const settingsFrom = (context: Record<string, unknown>) => readSettings(new App({ context }).node);

function problemsOf(context: Record<string, unknown>): readonly string[] {
  try {
    settingsFrom(context);
  } catch (error) {
    if (error instanceof SettingsError) return error.problems;
    throw error;
  }
  return [];
}

describe('readSettings and functionEnvironment', () => {
  it('carry every deployable function setting from context to the functions, as they read it', () => {
    for (const row of deployableFunctionRows) {
      // Arrange
      const value = otherValue(row);

      // Act
      const settings = settingsFrom({ ...cdkContext, [row.context]: value });
      const config = loadConfig({ ...stackGiven, ...functionEnvironment(settings) }) as Record<
        string,
        unknown
      >;

      // Assert
      expect([row.context, settings[row.context], config[row.variable]]).toEqual([row.context, value, value]);
    }
  });

  it('carry the same values given as strings on the command line', () => {
    for (const row of deployableFunctionRows) {
      // Arrange
      const value = otherValue(row);

      // Act
      const settings = settingsFrom({ ...cdkContext, [row.context]: String(value) });
      const config = loadConfig({ ...stackGiven, ...functionEnvironment(settings) }) as Record<
        string,
        unknown
      >;

      // Assert
      expect([row.context, config[row.variable]]).toEqual([row.context, value]);
    }
  });

  it('read flags in every word the functions take', () => {
    // Act
    const read = ['on', 'off', 'true', 'false', '1', '0', true, false].map(
      (word) => settingsFrom({ ...cdkContext, enumerationProtection: word }).enumerationProtection,
    );

    // Assert
    expect(read).toEqual([true, false, true, false, true, false, true, false]);
  });

  it('give the functions every deployable setting, the sign-in and session ones included', () => {
    // Act
    const environment = functionEnvironment(settingsFrom(cdkContext));

    // Assert
    expect(Object.keys(environment).sort()).toEqual(deployableFunctionRows.map((row) => row.variable).sort());
    expect(environment).toMatchObject({
      LOGIN_MAX_FAILURES: '5',
      LOGIN_LOCK_SECONDS: '900',
      SESSION_IDLE_SECONDS: '1800',
      SESSION_MAX_SECONDS: '43200',
      RECOVERY_TOKEN_TTL_SECONDS: '1800',
      ENUMERATION_MIN_RESPONSE_MS: '1500',
      ENUMERATION_PROTECTION: 'off',
    });
  });

  it('give a key left out or left empty its default from the table', () => {
    // Arrange
    const { loginLockSeconds: _left, ...context } = cdkContext;

    // Act
    const settings = settingsFrom({ ...context, senderName: ' ', webAclArn: '' });

    // Assert
    expect(settings).toMatchObject({
      loginLockSeconds: 900,
      senderName: 'Sistem iSPEKS',
      webAclArn: undefined,
    });
  });
});

describe('readSettings refusing context', () => {
  it('keeps the bounds production keeps: https only, bcrypt cost at least 12', () => {
    // Act
    const problems = problemsOf({ ...cdkContext, siteUrl: 'http://ispeks.example.gov.my', bcryptCost: 4 });

    // Assert
    expect(problems).toEqual([
      'siteUrl: must be an https:// URL (got "http://ispeks.example.gov.my"); it sets SITE_URL.',
      'bcryptCost: must be at least 12 when deployed (got 4); it sets BCRYPT_COST.',
    ]);
  });

  it('names every bad key at once, with the variable it sets, in one SettingsError', () => {
    // Arrange
    const context = {
      ...cdkContext,
      siteUrl: undefined,
      senderEmail: 'noreply',
      senderName: 'Sistem <iSPEKS>',
      resendMaxPerHour: '101',
      loginMaxFailures: 'five',
      passwordComposition: 'yes',
      originSecretGeneration: 1.5,
    };

    // Act
    const act = () => settingsFrom(context);

    // Assert
    expect(act).toThrow(SettingsError);
    expect(problemsOf(context)).toEqual([
      'siteUrl: must be set; it sets SITE_URL.',
      'senderEmail: must be an e-mail address (got "noreply"); it sets SENDER_EMAIL.',
      'senderName: must be plain text without line breaks, quotes or angle brackets (got "Sistem <iSPEKS>"); it sets SENDER_NAME.',
      'resendMaxPerHour: must be at most 100 (got "101"); it sets RESEND_MAX_PER_HOUR.',
      'passwordComposition: must be 0, 1, on, off, true or false (got "yes"); it sets PASSWORD_COMPOSITION.',
      'loginMaxFailures: must be a whole number from 3 to 20 (got "five"); it sets LOGIN_MAX_FAILURES.',
      'originSecretGeneration: must be a whole number from 1 to 10000 (got 1.5).',
    ]);
    expect(act).toThrow(/^Invalid CDK context: siteUrl: must be set; it sets SITE_URL\. senderEmail: /);
  });

  it('wants domainName and certificateArn together', () => {
    // Act
    const problems = problemsOf({ ...cdkContext, domainName: 'ispeks.example.gov.my' });

    // Assert
    expect(problems).toEqual(['domainName and certificateArn must be given together.']);
  });
});

describe('cdk.json', () => {
  it('sets only keys of the settings table', () => {
    // Arrange
    const keys = new Set<string>(table.flatMap((row) => row.context ?? []));

    // Assert: cli-telemetry is the CDK CLI's own
    expect(Object.keys(cdkContext).filter((key) => key !== 'cli-telemetry' && !keys.has(key))).toEqual([]);
  });
});
