import { describe, expect, it } from 'vitest';
import {
  hasInvalidCharacters,
  hasOnlyVisibleText,
  stripInvisible,
  visibleLength,
  visibleText,
} from '../../functions/domain/visible-text.ts';

describe('visibleLength', () => {
  it('counts code points, not UTF-16 units, and counts spaces', () => {
    // Act
    const length = visibleLength('a b 😀');

    // Assert
    expect(length).toBe(5);
  });

  it.each([
    ['a zero-width space', '\u200B'],
    ['a zero-width joiner', '\u200D'],
    ['a byte-order mark', '\uFEFF'],
    ['a left-to-right mark', '\u200E'],
    ['a soft hyphen', '\u00AD'],
    ['a variation selector', '\uFE0F'],
    ['a Hangul filler', '\u3164'],
    ['a private-use character', '\uE000'],
    ['an unassigned code point', '\u{E0080}'],
    ['a lone surrogate', '\uD800'],
    ['a control character', '\u0000'],
    ['a tab', '\t'],
    ['a line separator', '\u2028'],
    ['a stray combining mark', '\u0301'],
  ])('does not count %s', (_case, invisible) => {
    // Act
    const length = visibleLength(`ab${invisible}c`);

    // Assert
    expect(length).toBe(3);
  });

  it('counts a letter and its combining accent as one character, composed or not', () => {
    // Act
    const decomposed = visibleLength('caf\u0065\u0301');
    const composed = visibleLength('caf\u00e9');

    // Assert
    expect(decomposed).toBe(4);
    expect(composed).toBe(4);
  });
});

describe('visibleText', () => {
  it('keeps what a reader sees, composed', () => {
    // Act
    const text = visibleText('\u200Bcaf\u0065\u0301\uFEFF');

    // Assert
    expect(text).toBe('caf\u00e9');
  });
});

describe('stripInvisible', () => {
  it('removes format, control and private-use characters but keeps marks and whitespace', () => {
    // Act
    const stripped = stripInvisible('Me\u200Brah\u0000\tJamb\u0075\u0301\uE000');

    // Assert
    expect(stripped).toBe('Merah\tJamb\u0075\u0301');
  });

  it('leaves ordinary text, in any script, as it is', () => {
    // Arrange
    const texts = ['Siti Aminah', 'Ñandú', '陈美玲', 'கண்ணன்', 'مريم'];

    // Act
    const stripped = texts.map(stripInvisible);

    // Assert
    expect(stripped).toEqual(texts);
  });
});

describe('hasInvalidCharacters', () => {
  it('finds control characters, tabs and line breaks included, and lone surrogates', () => {
    // Act
    const found = ['a\u0000', 'a\u001B', 'a\u007F', 'a\t', 'a\n', 'a\uD800'].map(hasInvalidCharacters);

    // Assert
    expect(found).toEqual([true, true, true, true, true, true]);
  });

  it('accepts ordinary text, emoji and invisible format characters (those are stripped instead)', () => {
    // Act
    const found = ['Siti Aminah', 'Proton 😀', 'a\u200B'].map(hasInvalidCharacters);

    // Assert
    expect(found).toEqual([false, false, false]);
  });
});

describe('hasOnlyVisibleText', () => {
  it('is true for ordinary text and false when anything is invisible or a control', () => {
    // Act
    const plain = hasOnlyVisibleText('Kopi Tarik');
    const zeroWidth = hasOnlyVisibleText('Kopi\u200BTarik');
    const control = hasOnlyVisibleText('Kopi\u0007Tarik');

    // Assert
    expect([plain, zeroWidth, control]).toEqual([true, false, false]);
  });
});
