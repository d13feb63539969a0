import { describe, expect, it } from 'vitest';
import { formatMalaysiaDateTime, formatMalaysiaTime } from '../../functions/domain/malaysia-time.ts';

describe('formatMalaysiaTime (the e-mails)', () => {
  it.each([
    ['a morning time', '2020-09-14T03:50:04Z', 'ms', '14 September 2020 11:50:04 AM'],
    ['an afternoon time', '2020-09-14T06:05:09Z', 'ms', '14 September 2020 02:05:09 PM'],
    ['noon', '2020-09-14T04:00:00Z', 'ms', '14 September 2020 12:00:00 PM'],
    [
      'a time just after midnight, on the next Malaysian day',
      '2020-09-14T16:07:00Z',
      'ms',
      '15 September 2020 12:07:00 AM',
    ],
    ['a Malay month name', '2021-08-01T00:00:00Z', 'ms', '1 Ogos 2021 08:00:00 AM'],
    ['an English month name', '2021-08-01T00:00:00Z', 'en', '1 August 2021 08:00:00 AM'],
    ['the turn of the year in Malaysia', '2020-12-31T16:30:00Z', 'en', '1 January 2021 12:30:00 AM'],
  ] as const)('formats %s', (_case, iso, lang, expected) => {
    // Act
    const formatted = formatMalaysiaTime(iso, lang);

    // Assert
    expect(formatted).toBe(expected);
  });
});

describe('formatMalaysiaDateTime (the pages)', () => {
  it.each([
    ['a morning time', '2020-09-14T03:50:04.000Z', '14/09/2020 11:50:04 AM'],
    [
      'a time just after midnight, on the next Malaysian day',
      '2020-09-14T16:05:00Z',
      '15/09/2020 12:05:00 AM',
    ],
    ['a time just after noon', '2020-09-14T04:30:00Z', '14/09/2020 12:30:00 PM'],
    ['the turn of the year in Malaysia', '2020-12-31T16:30:00Z', '01/01/2021 12:30:00 AM'],
  ])('formats %s', (_case, iso, expected) => {
    // Act
    const formatted = formatMalaysiaDateTime(iso);

    // Assert
    expect(formatted).toBe(expected);
  });
});

describe('Malaysia time', () => {
  it('reads one instant alike in both styles', () => {
    // Arrange
    const iso = '2021-08-01T15:59:59Z';

    // Act
    const [inWords, inFigures] = [formatMalaysiaTime(iso, 'en'), formatMalaysiaDateTime(iso)];

    // Assert
    expect(inWords).toBe('1 August 2021 11:59:59 PM');
    expect(inFigures).toBe('01/08/2021 11:59:59 PM');
  });

  it('gives back a text that is no date as it is, in both styles', () => {
    expect(formatMalaysiaTime('not a date', 'ms')).toBe('not a date');
    expect(formatMalaysiaDateTime('')).toBe('');
  });
});
