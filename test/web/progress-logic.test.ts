import { describe, expect, it } from 'vitest';
import {
  barWidths,
  countsFor,
  pendingUsersPath,
  percentActivated,
  progressPath,
  progressRows,
  registeredDay,
  sortRows,
  totals,
  viewFrom,
  viewQuery,
} from '../../web/src/admin/progress-logic.ts';

const item = (ptjCode: string, active: number, pending: number, disabled = 0) => ({
  ptjCode,
  registered: active + pending + disabled,
  active,
  pending,
  disabled,
});

describe('progress view in the page address', () => {
  it('reads the view, the order and the chosen PTJ, and writes back only what differs from the default', () => {
    expect(viewFrom('')).toEqual({ by: 'ptj', sort: 'lagging' });
    expect(viewFrom('?by=agency&sort=code&ptj=1001')).toEqual({ by: 'agency', sort: 'code' });
    expect(viewFrom('?by=nonsense&ptj=%201001a%20')).toEqual({ by: 'ptj', sort: 'lagging', ptj: '1001A' });

    expect(viewQuery({ by: 'ptj', sort: 'lagging' })).toBe('');
    expect(viewQuery({ by: 'ptj', sort: 'code', ptj: '1001' })).toBe('sort=code&ptj=1001');
    expect(viewQuery({ by: 'agency', sort: 'lagging', ptj: '1001' })).toBe('by=agency');
  });

  it('asks the API for the counters and for one PTJ pending users a page at a time', () => {
    expect(progressPath('agency')).toBe('/api/admin/progress?by=agency');
    expect(pendingUsersPath('1001')).toBe('/api/admin/users?ptjCode=1001&status=PENDING&limit=25');
    expect(pendingUsersPath('1001', 'c+1')).toBe(
      '/api/admin/users?ptjCode=1001&status=PENDING&limit=25&cursor=c%2B1',
    );
  });
});

describe('share activated', () => {
  it('counts those who must activate, leaves deactivated accounts out, and never rounds up to 100%', () => {
    expect(percentActivated({ active: 1, pending: 1 })).toBe(50);
    expect(percentActivated({ active: 2, pending: 1 })).toBe(66);
    expect(percentActivated({ active: 999, pending: 1 })).toBe(99);
    expect(percentActivated({ active: 3, pending: 0 })).toBe(100);
    expect(percentActivated({ active: 0, pending: 0 })).toBeNull();
  });

  it('takes the code of either view and drops counters with no one registered', () => {
    const rows = progressRows([
      item('1001', 5, 3, 2),
      { agencyCode: 'kth', registered: 4, active: 1, pending: 3, disabled: 0 },
      item('2002', 0, 0),
    ]);

    expect(rows).toEqual([
      { code: '1001', registered: 10, active: 5, pending: 3, disabled: 2, percent: 62 },
      { code: 'kth', registered: 4, active: 1, pending: 3, disabled: 0, percent: 25 },
    ]);
  });
});

describe('progress order', () => {
  const rows = progressRows([
    item('3003', 9, 1),
    item('1001', 1, 1),
    item('2002', 5, 5),
    item('0009', 0, 0, 4),
    item('4004', 2, 0),
  ]);

  it('puts the lowest share activated first, the most pending first among equals, and no one due last', () => {
    expect(sortRows(rows, 'lagging').map((row) => row.code)).toEqual([
      '2002',
      '1001',
      '3003',
      '4004',
      '0009',
    ]);
  });

  it('sorts by code on request, leaving the given rows as they were', () => {
    expect(sortRows(rows, 'code').map((row) => row.code)).toEqual(['0009', '1001', '2002', '3003', '4004']);
    expect(rows[0]?.code).toBe('3003');
  });
});

describe('progress totals', () => {
  it('adds up every counter and takes the share activated of the whole', () => {
    expect(totals(progressRows([item('1001', 3, 1, 1), item('2002', 1, 3)]))).toEqual({
      registered: 9,
      active: 4,
      pending: 4,
      disabled: 1,
      percent: 50,
    });
    expect(totals([])).toEqual({ registered: 0, active: 0, pending: 0, disabled: 0, percent: null });
  });

  it("counts for the users list the filter's PTJ alone, or every row the caller sees", () => {
    const items = [item('1001', 3, 1, 1), item('2002', 1, 3)];

    expect(countsFor(items, ' 1001 ')).toMatchObject({ active: 3, pending: 1, disabled: 1 });
    expect(countsFor(items, undefined)).toMatchObject({ active: 4, pending: 4, disabled: 1 });
    expect(countsFor(items, '9999')).toMatchObject({ active: 0, pending: 0, disabled: 0 });
  });
});

describe('progress bars', () => {
  it('splits the bar between active and pending, adding up to exactly 100%', () => {
    expect(barWidths({ active: 1, pending: 3 })).toEqual({ active: '25%', pending: '75%' });
    expect(barWidths({ active: 2, pending: 1 })).toEqual({ active: '66.7%', pending: '33.3%' });
    expect(barWidths({ active: 4, pending: 0 })).toEqual({ active: '100%', pending: '0%' });
    expect(barWidths({ active: 0, pending: 0 })).toBeNull();
  });

  it('keeps one person still pending (or already active) visible in a large PTJ', () => {
    expect(barWidths({ active: 5000, pending: 1 })).toEqual({ active: '99%', pending: '1%' });
    expect(barWidths({ active: 1, pending: 5000 })).toEqual({ active: '1%', pending: '99%' });
  });
});

describe('pending users', () => {
  it('shows the day of the registration in Malaysia', () => {
    expect(registeredDay('2020-09-14T03:50:04.000Z')).toBe('14/09/2020');
    expect(registeredDay('2020-09-14T17:00:00.000Z')).toBe('15/09/2020');
  });
});
