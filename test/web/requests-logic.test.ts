import { describe, expect, it } from 'vitest';
import {
  type ChangeRequest,
  calendarDay,
  decisionPath,
  isOwnRequest,
  mayDecide,
  requestsPath,
  shownChanges,
  statusFilterFrom,
  viewerFrom,
} from '../../web/src/admin/requests-logic.ts';

const request = (over: Partial<ChangeRequest> = {}): ChangeRequest => ({
  id: 'req-1',
  kind: 'DEACTIVATE',
  status: 'PENDING',
  requestedBy: 'kth:820202085522',
  requestedAt: '2026-03-01T02:00:00.000Z',
  target: { icNumber: '880202123456', userId: 'kth:880202123456', name: 'ALI BIN ABU', ptjCode: '1001' },
  changes: {},
  ...over,
});

const system = viewerFrom({ userId: 'pn:750505105511', roles: ['PENTADBIR_SISTEM'] });
const ptjAdmin = viewerFrom({ userId: 'kth:820202085522', roles: ['PENTADBIR_PTJ', 'PENYEDIA'] });

describe('requests queue query', () => {
  it('shows the pending requests unless the page address names another state or all of them', () => {
    expect(statusFilterFrom('')).toBe('PENDING');
    expect(statusFilterFrom('?status=rejected')).toBe('REJECTED');
    expect(statusFilterFrom('?status=ALL')).toBe('ALL');
    expect(statusFilterFrom('?status=DONE')).toBe('PENDING');
  });

  it('asks the API for one state (or every state) a page at a time, with the cursor as it was given', () => {
    expect(requestsPath('PENDING')).toBe('/api/admin/requests?status=PENDING&limit=25');
    expect(requestsPath('ALL', 'a+/=')).toBe('/api/admin/requests?limit=25&cursor=a%2B%2F%3D');
  });

  it('escapes the request ID in the decision address', () => {
    expect(decisionPath('a/b', 'reject')).toBe('/api/admin/requests/a%2Fb/reject');
  });
});

describe('who decides', () => {
  it('lets a system administrator decide a pending request someone else asked for', () => {
    expect(mayDecide(request(), system)).toBe(true);
  });

  it('never offers a decision on a decided request, on one of their own, or to a PTJ administrator', () => {
    expect(mayDecide(request({ status: 'APPROVED' }), system)).toBe(false);
    expect(mayDecide(request({ requestedBy: system.userId }), system)).toBe(false);
    expect(mayDecide(request(), ptjAdmin)).toBe(false);
  });

  it('knows the requests the viewer asked for themselves', () => {
    expect(isOwnRequest(request(), ptjAdmin)).toBe(true);
    expect(isOwnRequest(request(), system)).toBe(false);
  });
});

describe('changes in words', () => {
  it('shows a deactivation as the status in words and the reason, nothing before as none', () => {
    const rows = shownChanges({
      disabledReason: { before: null, after: 'Bersara' },
      status: { before: 'ACTIVE', after: 'DISABLED' },
    });

    expect(rows).toEqual([
      {
        field: 'status',
        label: 'admin.status',
        before: { kind: 'message', key: 'admin.status.ACTIVE' },
        after: { kind: 'message', key: 'admin.status.DISABLED' },
      },
      {
        field: 'disabledReason',
        label: 'admin.reason',
        before: { kind: 'none' },
        after: { kind: 'text', text: 'Bersara' },
      },
    ]);
  });

  it('lists duties with their dates and limit, marking what a change gives and takes away', () => {
    const kept = { duty: 'PENYEDIA', ptjCode: '1001', startsOn: '2026-01-01' };
    const [row] = shownChanges({
      duties: {
        before: [kept, { duty: 'PENYEMAK', ptjCode: '1001', startsOn: '2026-01-01' }],
        after: [
          kept,
          {
            duty: 'PELULUS',
            ptjCode: '1001',
            approvalLimit: 50000,
            startsOn: '2026-03-01',
            endsOn: '2026-12-31',
          },
        ],
      },
    });

    expect(row?.label).toBe('admin.dutiesHeading');
    expect(row?.before).toEqual({
      kind: 'duties',
      duties: [
        { duty: 'PENYEDIA', ptjCode: '1001', startsOn: '01/01/2026' },
        { duty: 'PENYEMAK', ptjCode: '1001', startsOn: '01/01/2026', mark: 'removed' },
      ],
    });
    expect(row?.after).toEqual({
      kind: 'duties',
      duties: [
        { duty: 'PENYEDIA', ptjCode: '1001', startsOn: '01/01/2026' },
        {
          duty: 'PELULUS',
          ptjCode: '1001',
          approvalLimit: '50,000.00',
          startsOn: '01/03/2026',
          endsOn: '31/12/2026',
          mark: 'added',
        },
      ],
    });
  });

  it('shows a registration field by field, in reading order, without marking every duty as new', () => {
    const rows = shownChanges({
      status: { before: null, after: 'PENDING' },
      duties: { before: null, after: [{ duty: 'PENYEDIA', ptjCode: '1001', startsOn: '2026-03-01' }] },
      email: { before: null, after: 'ali@example.gov.my' },
      name: { before: null, after: 'ALI BIN ABU' },
    });

    expect(rows.map((row) => row.field)).toEqual(['name', 'email', 'status', 'duties']);
    expect(rows.every((row) => row.before.kind === 'none')).toBe(true);
    expect(rows[3]?.after).toEqual({
      kind: 'duties',
      duties: [{ duty: 'PENYEDIA', ptjCode: '1001', startsOn: '01/03/2026' }],
    });
  });

  it('writes instants in Malaysia time and anything unknown in plain words, never as JSON', () => {
    const rows = shownChanges({
      somethingNew: { before: { a: 1, b: [true, 'x'] }, after: '2026-03-01T02:00:00.000Z' },
    });

    expect(rows).toEqual([
      {
        field: 'somethingNew',
        before: { kind: 'text', text: 'a: 1; b: true, x' },
        after: { kind: 'text', text: '01/03/2026 10:00:00 AM' },
      },
    ]);
  });

  it('writes a calendar day in figures, day first', () => {
    expect(calendarDay('2026-12-31')).toBe('31/12/2026');
    expect(calendarDay('not a day')).toBe('not a day');
  });
});
