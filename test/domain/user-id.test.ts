import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../functions/domain/errors.ts';
import { formatUserId, parseUserId } from '../../functions/domain/user-id.ts';

function rejectionOf(raw: string, path?: string): ValidationError {
  try {
    parseUserId(raw, path);
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return error as ValidationError;
  }
  throw new Error(`"${raw}" was accepted`);
}

describe('parseUserId', () => {
  it('reads the plain, the dashed and the agency-prefixed form as the same MyKad number', () => {
    // Arrange
    const forms = ['900101145678', '900101-14-5678', 'kth:900101145678'];

    // Act
    const parsed = forms.map((form) => parseUserId(form));

    // Assert
    expect(parsed.map((p) => p.icNumber)).toEqual(['900101145678', '900101145678', '900101145678']);
  });

  it('keeps the agency code and leaves it out when none was given', () => {
    // Act
    const prefixed = parseUserId('kth:900101-14-5678');
    const plain = parseUserId('900101145678');

    // Assert
    expect(prefixed).toEqual({ icNumber: '900101145678', agencyCode: 'kth' });
    expect(plain).toEqual({ icNumber: '900101145678' });
  });

  it('accepts agency codes of 2 and of 10 lowercase letters', () => {
    // Act
    const shortest = parseUserId('jn:900101145678');
    const longest = parseUserId('abcdefghij:900101145678');

    // Assert
    expect(shortest.agencyCode).toBe('jn');
    expect(longest.agencyCode).toBe('abcdefghij');
  });

  it('trims surrounding whitespace', () => {
    // Act
    const parsed = parseUserId('  kth:900101145678 \n');

    // Assert
    expect(parsed).toEqual({ icNumber: '900101145678', agencyCode: 'kth' });
  });

  it('accepts 29 February of a year that is leap in the 2000s (000229)', () => {
    // Act
    const parsed = parseUserId('000229101234');

    // Assert
    expect(parsed.icNumber).toBe('000229101234');
  });

  it.each([
    ['11 digits', '90010114567'],
    ['13 digits', '9001011456789'],
    ['a letter among the digits', '90010114567a'],
    ['month 13', '901301145678'],
    ['month 00', '900001145678'],
    ['day 32', '900132145678'],
    ['day 00', '900100145678'],
    ['30 February', '900230145678'],
    ['29 February of 1901/2001, leap in neither century', '010229145678'],
    ['an uppercase agency code', 'KTH:900101145678'],
    ['an agency code of 11 letters', 'abcdefghijk:900101145678'],
    ['an agency code of 1 letter', 'k:900101145678'],
    ['an agency code with a digit', 'kt1:900101145678'],
    ['a dash after the place digits only', '90010114-5678'],
    ['a dash after the birth date only', '900101-145678'],
    ['dashes inside the birth date', '90-01-01145678'],
    ['a doubled dash', '900101--14-5678'],
    ['inner spaces', '900101 14 5678'],
    ['an empty string', ''],
  ])('rejects %s with USER_ID_INVALID', (_case, raw) => {
    // Act
    const error = rejectionOf(raw);

    // Assert
    expect(error.errors).toEqual([{ path: 'userId', code: 'USER_ID_INVALID' }]);
  });

  it('reports the problem on the path it is given', () => {
    // Act
    const error = rejectionOf('12345', 'icNumber');

    // Assert
    expect(error.errors).toEqual([{ path: 'icNumber', code: 'USER_ID_INVALID' }]);
  });
});

describe('formatUserId', () => {
  it('prefixes the agency code when there is one', () => {
    // Act
    const withAgency = formatUserId('900101145678', 'kth');
    const without = formatUserId('900101145678');

    // Assert
    expect(withAgency).toBe('kth:900101145678');
    expect(without).toBe('900101145678');
  });
});
