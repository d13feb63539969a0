import { describe, expect, it } from 'vitest';
import { commonPasswordCount, isCommonPassword } from '../../functions/domain/common-passwords.ts';
import {
  checkPassword,
  describePolicy,
  makePasswordPolicy,
  PASSWORD_MAX_LENGTH,
  sourcePolicy,
} from '../../functions/domain/password-policy.ts';

const aisyah = { icNumber: '900101145678', name: 'AISYAH BINTI AHMAD' };
const GOOD = 'Kopi-Tarik#2024pagi';

describe('checkPassword with the source policy', () => {
  it('accepts a long password with every character class and nothing personal', () => {
    // Act
    const unmet = checkPassword(GOOD, sourcePolicy, aisyah);

    // Assert
    expect(unmet).toEqual([]);
  });

  it('reports every unmet rule at once, in a stable order', () => {
    // Act
    const unmet = checkPassword('abc', sourcePolicy, aisyah);

    // Assert
    expect(unmet).toEqual([
      'PASSWORD_TOO_SHORT',
      'PASSWORD_NO_UPPER',
      'PASSWORD_NO_DIGIT',
      'PASSWORD_NO_SPECIAL',
    ]);
  });

  it('reports a missing lower-case letter', () => {
    // Act
    const unmet = checkPassword('KOPI-TARIK#2024', sourcePolicy, aisyah);

    // Assert
    expect(unmet).toEqual(['PASSWORD_NO_LOWER']);
  });

  it('takes 11 characters as too short and 12 as long enough', () => {
    // Act
    const eleven = checkPassword('Kopi#2024ab', sourcePolicy, aisyah);
    const twelve = checkPassword('Kopi#2024abc', sourcePolicy, aisyah);

    // Assert
    expect(eleven).toEqual(['PASSWORD_TOO_SHORT']);
    expect(twelve).toEqual([]);
  });

  it('counts characters, not UTF-16 code units', () => {
    // Arrange: each emoji is one character but two code units
    const twelveCharacters = `Aa1${'😀'.repeat(9)}`;
    const elevenCharacters = `Aa1${'😀'.repeat(8)}`;

    // Act
    const twelve = checkPassword(twelveCharacters, sourcePolicy, aisyah);
    const eleven = checkPassword(elevenCharacters, sourcePolicy, aisyah);

    // Assert
    expect(twelve).toEqual([]);
    expect(eleven).toEqual(['PASSWORD_TOO_SHORT']);
  });

  it('allows 64 characters, and 128', () => {
    // Arrange
    const sixtyFour = GOOD + 'x'.repeat(64 - GOOD.length);
    const max = GOOD + 'x'.repeat(PASSWORD_MAX_LENGTH - GOOD.length);

    // Act
    const unmet64 = checkPassword(sixtyFour, sourcePolicy, aisyah);
    const unmet128 = checkPassword(max, sourcePolicy, aisyah);

    // Assert
    expect(sixtyFour).toHaveLength(64);
    expect(unmet64).toEqual([]);
    expect(max).toHaveLength(128);
    expect(unmet128).toEqual([]);
  });

  it('refuses 129 characters as too long instead of truncating them', () => {
    // Arrange
    const tooLong = GOOD + 'x'.repeat(129 - GOOD.length);

    // Act
    const unmet = checkPassword(tooLong, sourcePolicy, aisyah);

    // Assert
    expect(unmet).toEqual(['PASSWORD_TOO_LONG']);
  });

  it('refuses a common password whatever its case', () => {
    // Arrange
    expect(isCommonPassword('password1234')).toBe(true);

    // Act
    const unmet = checkPassword('Password1234', sourcePolicy, aisyah);

    // Assert
    expect(unmet).toEqual(['PASSWORD_NO_SPECIAL', 'PASSWORD_COMMON']);
  });

  it.each([
    ['a part of the name', 'Aisyah#2024Pagi!'],
    ['another part of the name', 'Kopi#AHMAD2024x'],
    ['the ID number', 'Kopi#900101145678a'],
    ['the ID number written with dashes', 'Kopi#900101-14-5678a'],
    ['the name of the system', 'Kopi#iSPEKS2024ab'],
  ])('refuses a password containing %s', (_case, password) => {
    // Act
    const unmet = checkPassword(password, sourcePolicy, aisyah);

    // Assert
    expect(unmet).toEqual(['PASSWORD_CONTAINS_PERSONAL_DATA']);
  });

  it('does not count a name connector such as "binti" as personal data', () => {
    // Act
    const unmet = checkPassword('Binti#Kuat2024xy', sourcePolicy, aisyah);

    // Assert
    expect(unmet).toEqual([]);
  });

  it('ignores name parts shorter than three letters', () => {
    // Arrange
    const ngAhKow = { icNumber: '850505105555', name: 'NG AH KOW' };

    // Act
    const shortParts = checkPassword('Ng#Ah2024Pagi!!', sourcePolicy, ngAhKow);
    const longPart = checkPassword('Kow#2024Pagi!!x', sourcePolicy, ngAhKow);

    // Assert
    expect(shortParts).toEqual([]);
    expect(longPart).toEqual(['PASSWORD_CONTAINS_PERSONAL_DATA']);
  });

  it('counts letters beyond ASCII in their classes', () => {
    // Act
    const unmet = checkPassword('Ñandú-kopi#2024', sourcePolicy, aisyah);

    // Assert
    expect(unmet).toEqual([]);
  });
});

describe('checkPassword with the NIST length-only policy', () => {
  const nist = makePasswordPolicy(15, false);

  it('demands no character classes', () => {
    // Act
    const unmet = checkPassword('kerbau makan rumput petang', nist, aisyah);

    // Assert
    expect(unmet).toEqual([]);
  });

  it('still demands the length', () => {
    // Act
    const unmet = checkPassword('short one', nist, aisyah);

    // Assert
    expect(unmet).toEqual(['PASSWORD_TOO_SHORT']);
  });

  it('still refuses common passwords and personal data', () => {
    // Arrange
    const policy = makePasswordPolicy(12, false);

    // Act
    const common = checkPassword('QWERTY123456', policy, aisyah);
    const personal = checkPassword('aisyah makan nasi lemak', policy, aisyah);

    // Assert
    expect(common).toEqual(['PASSWORD_COMMON']);
    expect(personal).toEqual(['PASSWORD_CONTAINS_PERSONAL_DATA']);
  });
});

describe('makePasswordPolicy', () => {
  it('switches all four composition rules together and keeps the maximum length', () => {
    // Act
    const on = makePasswordPolicy(12, true);
    const off = makePasswordPolicy(15, false);

    // Assert
    expect(on).toEqual(sourcePolicy);
    expect(off).toEqual({
      minLength: 15,
      maxLength: 128,
      requireLower: false,
      requireUpper: false,
      requireDigit: false,
      requireSpecial: false,
    });
  });
});

describe('the common-password list', () => {
  it('holds at least the 10,000 most common passwords', () => {
    // Assert
    expect(commonPasswordCount).toBeGreaterThanOrEqual(10_000);
  });

  it('knows well-known passwords and not a made-up one', () => {
    // Act
    const known = ['123456', 'password', 'qwerty123456'].map(isCommonPassword);
    const madeUp = isCommonPassword(GOOD);

    // Assert
    expect(known).toEqual([true, true, true]);
    expect(madeUp).toBe(false);
  });
});

describe('describePolicy', () => {
  it('exposes the rules, and the character classes as regex sources the page can compile', () => {
    // Act
    const described = describePolicy(sourcePolicy);

    // Assert
    expect(described).toMatchObject({
      minLength: 12,
      maxLength: 128,
      requireLower: true,
      requireUpper: true,
      requireDigit: true,
      requireSpecial: true,
      rejectsCommonPasswords: true,
      rejectsPersonalData: true,
    });
    const classes = described.characterClasses as Record<string, string>;
    expect(Object.keys(classes).sort()).toEqual(['digit', 'lower', 'special', 'upper']);
    const compiled = (name: string) => new RegExp(classes[name] as string, 'u');
    expect(compiled('lower').test('é')).toBe(true);
    expect(compiled('upper').test('É')).toBe(true);
    expect(compiled('digit').test('7')).toBe(true);
    expect(compiled('special').test('#')).toBe(true);
    expect(compiled('special').test('a')).toBe(false);
  });

  it('survives JSON, as the verify response carries it', () => {
    // Act
    const roundTripped = JSON.parse(JSON.stringify(describePolicy(makePasswordPolicy(15, false))));

    // Assert
    expect(roundTripped).toEqual(describePolicy(makePasswordPolicy(15, false)));
    expect(roundTripped.requireUpper).toBe(false);
  });
});
