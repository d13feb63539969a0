import { describe, expect, it } from 'vitest';
import { charactersOutsideWalks, isKeyboardWalk } from '../../functions/domain/keyboard-walks.ts';

describe('isKeyboardWalk', () => {
  it.each([
    'qwerty',
    'asdfgh',
    'zxcvbn',
    'poiuy',
    '123456',
    '1qaz2wsx',
    'qazwsx',
    'zaq12wsx',
    '!qaz2wsx',
    '147258369',
    '789456123',
    'abcdef',
    'abc',
    'cba',
    '321',
  ])('finds %s', (text) => {
    // Act
    const walk = isKeyboardWalk(text);

    // Assert
    expect(walk).toBe(true);
  });

  it.each(['fred', 'kopi', 'sitiaminah', 'protonsaga', 'password', 'ali', 'qw', ''])(
    'does not find one in %j',
    (text) => {
      // Act
      const walk = isKeyboardWalk(text);

      // Assert
      expect(walk).toBe(false);
    },
  );
});

describe('charactersOutsideWalks', () => {
  it('counts what is left once the walks are taken out', () => {
    // Act
    const counts = ['123456', '@123456', '#2024!', '8271'].map(charactersOutsideWalks);

    // Assert
    expect(counts).toEqual([0, 1, 6, 4]);
  });
});
