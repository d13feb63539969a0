import { describe, expect, it } from 'vitest';
import {
  actionOutcome,
  actionsFor,
  dayText,
  filtersFrom,
  filtersQuery,
  ringgit,
  userIdFromHash,
  userPageHref,
  userPath,
  usersPath,
} from '../../web/src/admin/logic.ts';
import { isAdministrator } from '../../web/src/lib/roles.ts';

describe('console landing', () => {
  it('opens the console to a system or PTJ administrator only', () => {
    expect(isAdministrator(['PENTADBIR_SISTEM'])).toBe(true);
    expect(isAdministrator(['PENYEDIA', 'PENTADBIR_PTJ'])).toBe(true);
    expect(isAdministrator(['PENYEDIA', 'PELULUS'])).toBe(false);
    expect(isAdministrator([])).toBe(false);
  });
});

describe('users list query', () => {
  it('keeps the filters that have a value, in the page address and in the API call', () => {
    const filters = filtersFrom('?q=%20880202%20&status=PENDING&ptjCode=&other=1');

    expect(filters).toEqual({ q: '880202', status: 'PENDING' });
    expect(filtersQuery({ ...filters, ptjCode: 'pn01' })).toBe('q=880202&ptjCode=PN01&status=PENDING');
    expect(usersPath(filters)).toBe('/api/admin/users?q=880202&status=PENDING&limit=25');
  });

  it('asks for the next page with the cursor as it was given', () => {
    expect(usersPath({}, 'abc+/=')).toBe('/api/admin/users?limit=25&cursor=abc%2B%2F%3D');
  });
});

describe('one user', () => {
  it('reads the user ID from the address and escapes it in API paths', () => {
    const href = userPageHref('kth:880202123456');

    expect(userIdFromHash(new URL(href, 'http://x').hash)).toBe('kth:880202123456');
    expect(userIdFromHash('#kth:880202123456')).toBe('kth:880202123456');
    expect(userIdFromHash('')).toBeUndefined();
    expect(userIdFromHash('#%E0%A4%A')).toBeUndefined();
    expect(userPath('kth:880202123456', '/deactivate')).toBe(
      '/api/admin/users/kth%3A880202123456/deactivate',
    );
  });

  it('offers only the actions the state allows', () => {
    expect(actionsFor('PENDING')).toEqual(['send-activation', 'deactivate']);
    expect(actionsFor('ACTIVE')).toEqual(['password-reset', 'deactivate']);
    expect(actionsFor('LOCKED')).toEqual(['unlock', 'password-reset', 'deactivate']);
    expect(actionsFor('DISABLED')).toEqual(['reactivate']);
  });

  it("tells a change done (200) from one sent for approval (202, a PTJ administrator's)", () => {
    expect(actionOutcome(200)).toBe('done');
    expect(actionOutcome(202)).toBe('requested');
  });

  it('writes an approval limit in ringgit with sen', () => {
    expect(ringgit(50000)).toBe('50,000.00');
  });
});

describe('days as the pages write them', () => {
  it('writes a calendar day in figures, day first, and leaves anything else as it is', () => {
    expect(dayText('2026-12-31')).toBe('31/12/2026');
    expect(dayText('not a day')).toBe('not a day');
  });
});
