import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '#config';
import { portClashes } from '../../functions/local/net.ts';

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
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe("the functions' settings", () => {
  it('are all reported in one ConfigError, one sentence in words per bad variable', () => {
    // Arrange
    const env = {
      ...REQUIRED,
      USERS_TABLE: undefined,
      SITE_URL: 'ftp://ispeks.example.gov.my',
      SENDER_EMAIL: 'nobody',
      BCRYPT_COST: 'abc',
      RESEND_MAX_PER_HOUR: '0',
      ENUMERATION_PROTECTION: 'yes',
    };

    // Act
    const problems = problemsOf(env);

    // Assert
    expect(problems).toEqual([
      'USERS_TABLE must be set.',
      'SITE_URL must be an http(s) URL (got "ftp://ispeks.example.gov.my").',
      'SENDER_EMAIL must be an e-mail address (got "nobody").',
      'RESEND_MAX_PER_HOUR must be a whole number from 1 to 100 (got "0").',
      'BCRYPT_COST must be a whole number from 4 to 15 (got "abc").',
      'ENUMERATION_PROTECTION must be 0, 1, on, off, true or false (got "yes").',
    ]);
    expect(() => loadConfig(env)).toThrow(problems.join(' '));
  });

  it('say one sentence for a URL that is neither a URL nor http(s)', () => {
    // Act
    const problems = problemsOf({ ...REQUIRED, SITE_URL: 'abc' });

    // Assert
    expect(problems).toEqual(['SITE_URL must be an http(s) URL (got "abc").']);
  });

  it('never repeat the value of a secret', () => {
    // Act
    const problems = problemsOf({ ...REQUIRED, ORIGIN_VERIFY_SECRET: 'short-secret' });

    // Assert
    expect(problems).toEqual(['ORIGIN_VERIFY_SECRET must be at least 32 characters long.']);
  });
});

describe('the local ports', () => {
  it('name each pair of settings given the same port', () => {
    // Act
    const clashes = portClashes({ PORT: 3000, SES_PORT: 3000, DYNAMODB_PORT: 8000 });

    // Assert
    expect(clashes).toEqual(['PORT and SES_PORT are both 3000: give each its own port.']);
  });

  it('are all named when three settings share one port', () => {
    // Act
    const clashes = portClashes({ PORT: 4000, SES_PORT: 4000, DYNAMODB_PORT: 4000 });

    // Assert
    expect(clashes).toEqual(['PORT, SES_PORT and DYNAMODB_PORT are all 4000: give each its own port.']);
  });
});
