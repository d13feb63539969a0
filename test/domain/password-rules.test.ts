import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  checkPasswordRules,
  containsPersonalData,
  passwordBases,
  personalFragments,
  sourcePolicy,
} from '../../functions/domain/password-rules.ts';
import { OFFICER } from '../support/fixtures.ts';

/** The modules a file imports, followed through relative imports. */
function importsOf(file: URL, seen = new Set<string>()): Set<string> {
  const source = readFileSync(file, 'utf8');
  for (const [, specifier] of source.matchAll(/^import[^'"]*['"]([^'"]+)['"]/gm)) {
    if (!specifier || seen.has(specifier)) continue;
    seen.add(specifier);
    if (specifier.startsWith('.')) importsOf(new URL(specifier, file), seen);
  }
  return seen;
}

describe('the list-free password rules module', () => {
  it('imports neither a word list nor a Node API, so the page can import it', () => {
    // Act
    const imports = [...importsOf(new URL('../../functions/domain/password-rules.ts', import.meta.url))];

    // Assert
    expect(imports.every((specifier) => specifier.startsWith('./'))).toBe(true);
    expect(imports.sort()).toEqual(['./keyboard-walks.ts', './visible-text.ts']);
  });
});

describe('checkPasswordRules without a word list', () => {
  it('still refuses walks, short bases and personal data', () => {
    // Act
    const walk = checkPasswordRules('Qwerty@123456', sourcePolicy, OFFICER);
    const shortBase = checkPasswordRules('Aaaaaaaaaaa1!', sourcePolicy, OFFICER);
    const personal = checkPasswordRules('Kopi#900101xyZ', sourcePolicy, OFFICER);

    // Assert
    expect(walk).toEqual(['PASSWORD_COMMON']);
    expect(shortBase).toEqual(['PASSWORD_COMMON']);
    expect(personal).toEqual(['PASSWORD_CONTAINS_PERSONAL_DATA']);
  });

  it('leaves word-list matches to the server', () => {
    // Act
    const unmet = checkPasswordRules('Welcome@2024!', sourcePolicy, OFFICER);

    // Assert
    expect(unmet).toEqual([]);
  });

  it('asks the lookup it is given about the password and each base', () => {
    // Arrange
    const asked: string[] = [];
    const lookup = (candidate: string) => {
      asked.push(candidate);
      return candidate === 'welcome';
    };

    // Act
    const unmet = checkPasswordRules('Welcome@2024!', sourcePolicy, OFFICER, lookup);

    // Assert
    expect(unmet).toEqual(['PASSWORD_COMMON']);
    expect(asked[0]).toBe('welcome@2024!');
  });
});

describe('passwordBases', () => {
  it('strips the digits and symbols at the ends and lower-cases', () => {
    // Act
    const bases = passwordBases('Password123!');

    // Assert
    expect(bases).toContain('password');
  });

  it('reads leet-speak, trying both readings of an ambiguous 1', () => {
    // Act
    const leet = passwordBases('P@ssw0rd1234');
    const ambiguous = passwordBases('Wi11iam#2024');

    // Assert
    expect(leet).toContain('password');
    expect(ambiguous).toContain('william');
    expect(ambiguous).toContain('wiiiiam');
  });

  it('takes back stand-ins at the start, separators inside and repeated letters', () => {
    // Act
    const admin = passwordBases('@dmin2024');
    const dashed = passwordBases('Pass-word-2024!');
    const held = passwordBases('Passsssword1!');
    const single = passwordBases('Aaaaaaaaaaa1!');

    // Assert
    expect(admin).toContain('admin');
    expect(dashed).toContain('password');
    expect(held).toContain('password');
    expect(single).toContain('a');
  });

  it('keeps the words of a sentence together: the base of a passphrase is no single word', () => {
    // Act
    const bases = passwordBases('Gajah Biru Makan Roti 9!');

    // Assert
    expect([...bases].sort()).toEqual(['gajah biru makan roti', 'gajahbirumakanroti']);
  });
});

describe('personalFragments', () => {
  it('lists the ID, its reverse, the birth date in several orders, name parts, e-mail and system name', () => {
    // Act
    const fragments = personalFragments(OFFICER);

    // Assert
    expect(fragments).toEqual([
      '900101145678',
      '876541101009',
      '900101',
      '010190',
      '01011990',
      '01012090',
      'nur',
      'aisyah',
      'ahmad',
      'aisyahahmad',
      'ispeks',
    ]);
  });

  it('works without an e-mail address', () => {
    // Act
    const fragments = personalFragments({ icNumber: '900101145678', name: 'Ng Ah Kow' });

    // Assert
    expect(fragments).toContain('kow');
    expect(fragments).not.toContain('ng');
  });
});

describe('containsPersonalData', () => {
  it('finds a name part in leet-speak and the ID with spaces', () => {
    // Act
    const leet = containsPersonalData('4hm@d-kopi', OFFICER);
    const spaced = containsPersonalData('kopi 900101 14 5678', OFFICER);

    // Assert
    expect([leet, spaced]).toEqual([true, true]);
  });

  it('is safe with names holding characters that mean something in a pattern', () => {
    // Act
    const found = containsPersonalData('kopi-o[b]^ah', { icNumber: '900101145678', name: "O'[B]^AH (KL)" });

    // Assert
    expect(found).toBe(true);
  });
});
