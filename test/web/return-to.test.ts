import { describe, expect, it } from 'vitest';
import { consoleReturnPath, loginHrefFor } from '../../web/src/lib/return-to.ts';

const ORIGIN = 'https://ispeks.example.gov.my';

describe('coming back to a console page after sign-in', () => {
  it('brings the administrator back to the user they had opened, hash and all', () => {
    const href = loginHrefFor({ pathname: '/admin/user', search: '', hash: '#kth:900101145678' });
    expect(href).toBe('/?next=%2Fadmin%2Fuser%23kth%3A900101145678');
    expect(consoleReturnPath(new URL(href, ORIGIN).search, ORIGIN)).toBe('/admin/user#kth:900101145678');
  });

  it('keeps the filters of a list', () => {
    const href = loginHrefFor({ pathname: '/admin', search: '?status=PENDING&ptjCode=1001', hash: '' });
    expect(consoleReturnPath(new URL(href, ORIGIN).search, ORIGIN)).toBe(
      '/admin?status=PENDING&ptjCode=1001',
    );
  });

  it.each([
    ['no next at all', ''],
    ['another site', '?next=https%3A%2F%2Fevil.example%2Fadmin'],
    ['a protocol-relative address', '?next=%2F%2Fevil.example%2Fadmin'],
    ['a backslash trick', '?next=%2F%5Cevil.example%2Fadmin'],
    ['a page outside the console', '?next=%2Faccount%2Frecovery'],
    ['a path that only starts like the console', '?next=%2Fadministrator'],
    ['a script address', '?next=javascript%3Aalert(1)'],
    ['a path climbing out of the console', '?next=%2Fadmin%2F..%2Faccount%2Frequest'],
  ])('goes to the console’s first page for %s', (_, search) => {
    expect(consoleReturnPath(search, ORIGIN)).toBe('/admin');
  });
});
