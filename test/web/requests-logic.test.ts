import { describe, expect, it } from 'vitest';
import { shownChange } from '../../web/src/admin/changes.ts';
import {
  type ChangeRequest,
  decisionPath,
  isOwnRequest,
  markedDuties,
  mayDecide,
  requestsPath,
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

describe('duties before and after', () => {
  it('marks in whole lists what a change takes away and gives, and nothing in a registration', () => {
    const kept = { duty: 'PENYEDIA', ptjCode: '1001', startsOn: '2026-01-01' };
    const gone = { duty: 'PENYEMAK', ptjCode: '1001', startsOn: '2026-01-01' };
    const given = { duty: 'PELULUS', ptjCode: '1001', approvalLimit: 50000, startsOn: '2026-03-01' };
    const change = shownChange('duties', [kept, gone], [kept, given]);

    expect(markedDuties(change, 'before')).toEqual([{ duty: kept }, { duty: gone, mark: 'removed' }]);
    expect(markedDuties(change, 'after')).toEqual([{ duty: kept }, { duty: given, mark: 'added' }]);
    expect(markedDuties(shownChange('duties', null, [kept]), 'after')).toEqual([{ duty: kept }]);
  });
});
