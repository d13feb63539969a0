import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { maskEmail } from '../../functions/domain/email-mask.ts';
import { hashToken, isExpired, issueToken, TOKEN_BYTES } from '../../functions/domain/token.ts';
import { CountingRandom } from '../support/fakes.ts';

const NOW = new Date('2024-03-01T01:00:00.000Z');

describe('issueToken', () => {
  it('encodes 32 random bytes as 43 base64url characters', () => {
    // Arrange
    const requested: number[] = [];
    const random = {
      bytes(length: number) {
        requested.push(length);
        return new Uint8Array(length).fill(0xfb);
      },
    };

    // Act
    const { token } = issueToken(random, NOW, 1800);

    // Assert
    expect(requested).toEqual([TOKEN_BYTES]);
    expect(TOKEN_BYTES).toBe(32);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, 'base64url')).toEqual(Buffer.alloc(32, 0xfb));
  });

  it('keeps the SHA-256 hex digest of the token, which is not the token', () => {
    // Act
    const { token, tokenHash } = issueToken(new CountingRandom(), NOW, 1800);

    // Assert
    expect(tokenHash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(tokenHash).not.toContain(token);
    expect(hashToken(token)).toBe(tokenHash);
  });

  it('gives a different token each time the random source does', () => {
    // Arrange
    const random = new CountingRandom();

    // Act
    const first = issueToken(random, NOW, 1800);
    const second = issueToken(random, NOW, 1800);

    // Assert
    expect(second.token).not.toBe(first.token);
    expect(second.tokenHash).not.toBe(first.tokenHash);
  });

  it('dates the token at the injected time and expires it after the TTL', () => {
    // Act
    const issued = issueToken(new CountingRandom(), NOW, 1800);

    // Assert
    expect(issued.issuedAt.toISOString()).toBe('2024-03-01T01:00:00.000Z');
    expect(issued.expiresAt.toISOString()).toBe('2024-03-01T01:30:00.000Z');
  });
});

describe('isExpired', () => {
  const expiresAt = '2024-03-01T01:30:00.000Z';

  it('is false a millisecond before the expiry time', () => {
    // Act
    const expired = isExpired(expiresAt, new Date('2024-03-01T01:29:59.999Z'));

    // Assert
    expect(expired).toBe(false);
  });

  it('is true exactly at the expiry time', () => {
    // Act
    const expired = isExpired(expiresAt, new Date(expiresAt));

    // Assert
    expect(expired).toBe(true);
  });

  it('is true after the expiry time', () => {
    // Act
    const expired = isExpired(expiresAt, new Date('2024-03-03T00:00:00.000Z'));

    // Assert
    expect(expired).toBe(true);
  });
});

describe('maskEmail', () => {
  it.each([
    ['aisyah.ahmad@example.gov.my', 'a**********d@example.gov.my'],
    ['abc@example.gov.my', 'a*c@example.gov.my'],
    ['ab@example.gov.my', 'a*@example.gov.my'],
    ['a@example.gov.my', 'a*@example.gov.my'],
  ])('masks %s as %s, keeping the domain', (email, masked) => {
    // Act
    const result = maskEmail(email);

    // Assert
    expect(result).toBe(masked);
  });

  it.each(['not-an-address', '@example.gov.my', ''])(
    'shows nothing of %j, which has no local part',
    (email) => {
      // Act
      const result = maskEmail(email);

      // Assert
      expect(result).toBe('***');
    },
  );
});
