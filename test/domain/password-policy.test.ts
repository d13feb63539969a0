import { describe, expect, it } from 'vitest';
import { readWordLists } from '../../functions/adapters/word-lists.ts';
import {
  checkPassword as checkWithLists,
  describePolicy,
  makePasswordPolicy,
  normalisePassword,
  PASSWORD_MAX_LENGTH,
  sourcePolicy,
} from '../../functions/domain/password-policy.ts';
import { MALAYSIAN_WORDS, wordListLookup } from '../../functions/domain/word-lists.ts';
import { OFFICER, PASSWORD } from '../support/fixtures.ts';

/** The lists as the functions read them (the files beside the word-list adapter). */
const lists = readWordLists();
const isListed = wordListLookup(lists);
const checkPassword = (
  ...args: Parameters<typeof checkWithLists> extends [...infer Head, unknown] ? Head : never
) => checkWithLists(...args, isListed);
const commonPasswordCount = new Set(lists.commonPasswords).size;
const isCommonPassword = (password: string) => lists.commonPasswords.includes(password.toLowerCase());
const dictionary = new Set([...lists.dictionaryWords, ...MALAYSIAN_WORDS]);
const isDictionaryWord = (word: string) => dictionary.has(word.toLowerCase());

describe('checkPassword with the source policy', () => {
  it('accepts a long password with every character class and nothing personal', () => {
    // Act
    const unmet = checkPassword(PASSWORD, sourcePolicy, OFFICER);

    // Assert
    expect(unmet).toEqual([]);
  });

  it('reports every unmet rule at once, in a stable order', () => {
    // Act
    const unmet = checkPassword('abc', sourcePolicy, OFFICER);

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
    const unmet = checkPassword('KOPI-TARIK#2024', sourcePolicy, OFFICER);

    // Assert
    expect(unmet).toEqual(['PASSWORD_NO_LOWER']);
  });

  it('takes 11 characters as too short and 12 as long enough', () => {
    // Act
    const eleven = checkPassword('Kopi#2024ab', sourcePolicy, OFFICER);
    const twelve = checkPassword('Kopi#2024abc', sourcePolicy, OFFICER);

    // Assert
    expect(eleven).toEqual(['PASSWORD_TOO_SHORT']);
    expect(twelve).toEqual([]);
  });

  it('counts characters, not UTF-16 code units', () => {
    // Arrange: each emoji is one character but two code units
    const twelveCharacters = 'Kopi#1😀🍵🌧🌴🐘🚗';
    const elevenCharacters = 'Kopi#1😀🍵🌧🌴🐘';

    // Act
    const twelve = checkPassword(twelveCharacters, sourcePolicy, OFFICER);
    const eleven = checkPassword(elevenCharacters, sourcePolicy, OFFICER);

    // Assert
    expect(twelve).toEqual([]);
    expect(eleven).toEqual(['PASSWORD_TOO_SHORT']);
  });

  it('allows 64 characters, and 128', () => {
    // Arrange
    const sixtyFour = PASSWORD + 'x'.repeat(64 - PASSWORD.length);
    const max = PASSWORD + 'x'.repeat(PASSWORD_MAX_LENGTH - PASSWORD.length);

    // Act
    const unmet64 = checkPassword(sixtyFour, sourcePolicy, OFFICER);
    const unmet128 = checkPassword(max, sourcePolicy, OFFICER);

    // Assert
    expect(sixtyFour).toHaveLength(64);
    expect(unmet64).toEqual([]);
    expect(max).toHaveLength(128);
    expect(unmet128).toEqual([]);
  });

  it('refuses 129 characters as too long instead of truncating them', () => {
    // Arrange
    const tooLong = PASSWORD + 'x'.repeat(129 - PASSWORD.length);

    // Act
    const unmet = checkPassword(tooLong, sourcePolicy, OFFICER);

    // Assert
    expect(unmet).toEqual(['PASSWORD_TOO_LONG']);
  });

  it('refuses a common password whatever its case', () => {
    // Arrange
    expect(isCommonPassword('password1234')).toBe(true);

    // Act
    const unmet = checkPassword('Password1234', sourcePolicy, OFFICER);

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
    const unmet = checkPassword(password, sourcePolicy, OFFICER);

    // Assert
    expect(unmet).toEqual(['PASSWORD_CONTAINS_PERSONAL_DATA']);
  });

  it('does not count a name connector such as "binti" as personal data', () => {
    // Act
    const unmet = checkPassword('Binti#Kuat2024xy', sourcePolicy, OFFICER);

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
    const unmet = checkPassword('Ñandú-kopi#2024', sourcePolicy, OFFICER);

    // Assert
    expect(unmet).toEqual([]);
  });
});

describe('normalisePassword', () => {
  it('gives the NFC spelling, so a decomposed é is the same password as a composed one', () => {
    // Arrange
    const decomposed = 'Caf\u0065\u0301-Pagi#2024';
    const composed = 'Caf\u00e9-Pagi#2024';

    // Act
    const normal = normalisePassword(decomposed);

    // Assert
    expect(normal).toBe(composed);
    expect(normalisePassword(composed)).toBe(composed);
  });
});

describe('checkPassword on Unicode spellings', () => {
  it('judges the NFD and the NFC spelling of a password alike', () => {
    // Act
    const decomposed = checkPassword('Kopi#202Caf\u0065\u0301', sourcePolicy, OFFICER);
    const composed = checkPassword('Kopi#202Caf\u00e9', sourcePolicy, OFFICER);

    // Assert
    expect(decomposed).toEqual([]);
    expect(composed).toEqual([]);
  });

  it('counts a letter with a combining accent as one character', () => {
    // Arrange: 11 visible characters, 12 code points when the é is decomposed
    const eleven = 'Kopi#20Caf\u0065\u0301';

    // Act
    const unmet = checkPassword(eleven, sourcePolicy, OFFICER);

    // Assert
    expect(unmet).toEqual(['PASSWORD_TOO_SHORT']);
  });

  it.each([
    ['zero-width spaces', '\u200B'],
    ['zero-width joiners', '\u200D'],
    ['byte-order marks', '\uFEFF'],
    ['right-to-left overrides', '\u202E'],
    ['variation selectors', '\uFE0F'],
    ['combining accents', '\u0301'],
    ['private-use characters', '\uE000'],
    ['Hangul fillers', '\u3164'],
    ['control characters', '\u0007'],
  ])('does not count %s towards the length', (_case, invisible) => {
    // Arrange
    const padded = `Aa1!${invisible.repeat(8)}`;

    // Act
    const unmet = checkPassword(padded, sourcePolicy, OFFICER);

    // Assert
    expect(unmet).toEqual(['PASSWORD_TOO_SHORT']);
  });

  it('sees a common password through invisible characters', () => {
    // Act
    const unmet = checkPassword('Pass\u200Bword1234!', sourcePolicy, OFFICER);

    // Assert
    expect(unmet).toEqual(['PASSWORD_COMMON']);
  });
});

describe('checkPassword on decorated weak passwords', () => {
  it.each([
    ['a common password with digits and a symbol after it', 'Password123!'],
    ['a common password in leet-speak', 'P@ssw0rd1234'],
    ['a keyboard walk with a symbol and digits', 'Qwerty@123456'],
    ['a common word with a year', 'Welcome@2024!'],
    ['the name of the country', 'Malaysia@1234'],
    ['one repeated letter', 'Aaaaaaaaaaa1!'],
    ['a dictionary word', 'Elephant2024!'],
    ['a Malay word', 'Sayang@2024!'],
    ['a Malay word in leet-speak', 'K3r@j@@n#2024'],
    ['a word in leet-speak where 1 stands for l', 'Wi11iam#2024!'],
    ['a word cut by dashes', 'Pass-word-2024!'],
    ['a word with a letter held down', 'Passsssword1!'],
    ['a word typed twice', 'PasswordPassword1!'],
    ['a walk down the keyboard columns', '1qaz2wsx!QAZ'],
    ['a walk broken by a symbol', 'Zaq12wsx!Xsw2'],
    ['a walk along a row', 'Asdfgh@12345'],
    ['a walk backwards along a row', 'Poiuy#12345!'],
    ['a run of the alphabet', 'Abcdef#2024!'],
    ['two letters padded with a walk', 'Ab-1234567890!'],
  ])('refuses %s (%s) as PASSWORD_COMMON', (_case, password) => {
    // Act
    const unmet = checkPassword(password, sourcePolicy, OFFICER);

    // Assert
    expect(unmet).toEqual(['PASSWORD_COMMON']);
  });

  it.each([
    ['words and symbols with a leet letter', 'Tr0pika!Hujan#Lebat'],
    ['words and a year between dashes', 'Kopi-Pagi-2024-Sabah!'],
    ['a sentence', 'Gajah Biru Makan Roti 9!'],
    ['random characters', 'X9#kq2!7Lm0@zT'],
    ['a keyboard walk that is only a part of it', 'Poiuy!2024Kopi'],
  ])('accepts %s (%s): the base is not one word', (_case, password) => {
    // Act
    const unmet = checkPassword(password, sourcePolicy, OFFICER);

    // Assert
    expect(unmet).toEqual([]);
  });

  it('accepts a short base when the digits around it are random, not a walk or a year', () => {
    // Act
    const unmet = checkPassword('8271993411025xx', makePasswordPolicy(15, false), OFFICER);

    // Assert
    expect(unmet).toEqual([]);
  });

  it('refuses a password of one repeated digit or a keypad walk under the length-only policy', () => {
    // Arrange
    const nist = makePasswordPolicy(15, false);

    // Act
    const repeated = checkPassword('111111111111111', nist, OFFICER);
    const keypad = checkPassword('147258369147258', nist, OFFICER);

    // Assert
    expect(repeated).toEqual(['PASSWORD_COMMON']);
    expect(keypad).toEqual(['PASSWORD_COMMON']);
  });

  it('judges the base only once the length is right', () => {
    // Act: `Pass!1` is too short; its base `pass` is listed, but one code says enough
    const unmet = checkPassword('Pass!1', sourcePolicy, OFFICER);

    // Assert
    expect(unmet).toEqual(['PASSWORD_TOO_SHORT']);
  });
});

describe('checkPassword on personal data', () => {
  const withEmail = { ...OFFICER, email: 'bunga.raya@example.gov.my' };

  it.each([
    ['the birth date of the ID number (YYMMDD)', 'Kopi#900101xyZ'],
    ['the birth date day first (DDMMYY)', 'Kopi#010190xyZ'],
    ['the birth date day first with the full year', 'Kopi#01011990x'],
    ['the birth date written with dots', 'Kopi#90.01.01x'],
    ['the ID number reversed', 'Kopi#876541101009x'],
    ['a part of the name in leet-speak', 'A1sy@h#2024Pagi'],
    ['the local part of the e-mail address', 'Kopi#Bunga.Raya1'],
  ])('refuses a password containing %s', (_case, password) => {
    // Act
    const unmet = checkPassword(password, sourcePolicy, withEmail);

    // Assert
    expect(unmet).toEqual(['PASSWORD_CONTAINS_PERSONAL_DATA']);
  });

  it('ignores an e-mail local part shorter than four characters', () => {
    // Arrange
    const shortLocal = { ...OFFICER, email: 'a.b@example.gov.my' };

    // Act
    const unmet = checkPassword('Kopi#ab2024xyz', sourcePolicy, shortLocal);

    // Assert
    expect(unmet).toEqual([]);
  });

  it('accepts other six-digit numbers', () => {
    // Act
    const unmet = checkPassword('Kopi#123987xyZ', sourcePolicy, withEmail);

    // Assert
    expect(unmet).toEqual([]);
  });
});

describe('checkPassword speed', () => {
  it('takes well under 2 ms a call, even on long passwords built to be slow', () => {
    // Arrange
    const passwords = [
      PASSWORD,
      'P@ssw0rd1234',
      'Gajah Biru Makan Roti 9!',
      `Aa1!${'1234567890'.repeat(12)}xx`,
      'qwertyuiop'.repeat(12),
      `Aa${'1|!@$0'.repeat(21)}`,
    ];
    for (const password of passwords) checkPassword(password, sourcePolicy, OFFICER);

    // Act
    const rounds = 50;
    const started = performance.now();
    for (let i = 0; i < rounds; i++) {
      for (const password of passwords) checkPassword(password, sourcePolicy, OFFICER);
    }
    const perCall = (performance.now() - started) / (rounds * passwords.length);

    // Assert
    expect(perCall).toBeLessThan(2);
  });
});

describe('checkPassword with the NIST length-only policy', () => {
  const nist = makePasswordPolicy(15, false);

  it('demands no character classes', () => {
    // Act
    const unmet = checkPassword('kerbau makan rumput petang', nist, OFFICER);

    // Assert
    expect(unmet).toEqual([]);
  });

  it('still demands the length', () => {
    // Act
    const unmet = checkPassword('short one', nist, OFFICER);

    // Assert
    expect(unmet).toEqual(['PASSWORD_TOO_SHORT']);
  });

  it('still refuses common passwords and personal data', () => {
    // Arrange
    const policy = makePasswordPolicy(12, false);

    // Act
    const common = checkPassword('QWERTY123456', policy, OFFICER);
    const personal = checkPassword('aisyah makan nasi lemak', policy, OFFICER);

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
    const madeUp = isCommonPassword(PASSWORD);

    // Assert
    expect(known).toEqual([true, true, true]);
    expect(madeUp).toBe(false);
  });
});

describe('the dictionary', () => {
  it('holds English diceware words and Malaysian words, not made-up ones', () => {
    // Act
    const known = ['elephant', 'kerajaan', 'Perbendaharaan', 'kualalumpur'].map(isDictionaryWord);
    const madeUp = isDictionaryWord('kopitarikpagi');

    // Assert
    expect(known).toEqual([true, true, true, true]);
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
      minVisibleLength: 12,
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
