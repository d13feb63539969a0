import { describe, expect, it } from 'vitest';
import {
  type Assignment,
  changeShape,
  changeValue,
  dutiesDiff,
  fieldLabelKey,
  shownChange,
  shownChanges,
} from '../../web/src/admin/changes.ts';
import { changeLines, dutyText, valueText } from '../../web/src/admin/changes-view.ts';

const preparer: Assignment = { duty: 'PENYEDIA', ptjCode: '1001', startsOn: '2026-01-01' };
const approver: Assignment = {
  duty: 'PELULUS',
  ptjCode: '1001',
  approvalLimit: 50000,
  startsOn: '2026-02-01',
  endsOn: '2026-03-31',
};
const enquiry: Assignment = { duty: 'PERTANYAAN', ptjCode: '1001', startsOn: '2026-05-01' };

describe('what a change did', () => {
  it('labels the fields a change names, and leaves an unknown one as it is', () => {
    expect(fieldLabelKey('email')).toBe('activation.email');
    expect(fieldLabelKey('lockedUntil')).toBe('admin.change.lockedUntil');
    expect(fieldLabelKey('toString')).toBeUndefined();
    expect(shownChange('somethingNew', null, 'x')).not.toHaveProperty('label');
  });

  it('tells nothing, a status, an instant, a day, duties and text apart', () => {
    expect(changeValue('disabledReason', null)).toEqual({ kind: 'none' });
    expect(changeValue('name', '')).toEqual({ kind: 'none' });
    expect(changeValue('status', 'DISABLED')).toEqual({ kind: 'status', status: 'DISABLED' });
    expect(changeValue('status', 'SOMETHING_NEW')).toEqual({ kind: 'text', text: 'SOMETHING_NEW' });
    expect(changeValue('lockedUntil', '2026-02-10T05:00:00.000Z')).toEqual({
      kind: 'time',
      iso: '2026-02-10T05:00:00.000Z',
    });
    expect(changeValue('endsOn', '2026-02-10')).toEqual({ kind: 'day', day: '2026-02-10' });
    expect(changeValue('duties', [preparer])).toEqual({ kind: 'duties', duties: [preparer] });
    expect(changeValue('duties', [])).toEqual({ kind: 'duties', duties: [] });
    expect(changeValue('name', 'NUR')).toEqual({ kind: 'text', text: 'NUR' });
  });

  it('writes anything unknown in plain words, never as JSON', () => {
    expect(changeValue('somethingNew', { a: 1, b: [true, 'x'], on: '2026-03-01' })).toEqual({
      kind: 'text',
      text: 'a: 1; b: true, x; on: 01/03/2026',
    });
  });

  it('lists the fields in reading order, unknown ones last', () => {
    const rows = shownChanges({
      somethingNew: { before: null, after: 'x' },
      status: { before: null, after: 'PENDING' },
      duties: { before: null, after: [preparer] },
      email: { before: null, after: 'ali@example.gov.my' },
      name: { before: null, after: 'ALI BIN ABU' },
    });

    expect(rows.map((row) => row.field)).toEqual(['name', 'email', 'status', 'duties', 'somethingNew']);
    expect(rows.every((row) => row.before.kind === 'none')).toBe(true);
  });

  it('says nothing of a field empty before and after, and only the new value of one set where there was none', () => {
    const none = { kind: 'none' } as const;
    const text = { kind: 'text', text: 'kth' } as const;

    expect(changeShape(none, none)).toBe('none');
    expect(changeShape(none, text)).toBe('set');
    expect(changeShape(text, none)).toBe('change');
    expect(changeShape(text, text)).toBe('change');
  });

  it('tells a change of the duty list as duties given, changed (an end date set) and taken off', () => {
    const ended = { ...preparer, endsOn: '2026-02-10' };

    expect(dutiesDiff([preparer, enquiry], [ended, approver])).toEqual({
      added: [approver],
      changed: [[preparer, ended]],
      removed: [enquiry],
    });
    expect(dutiesDiff([preparer], [preparer])).toEqual({ added: [], changed: [], removed: [] });
  });
});

// In Malay, the default; without the duty catalogue (loadDuties) a duty's code stands for its name.
describe('what a change did, in words', () => {
  it('writes a duty in one line: name, PTJ, limit, dates', () => {
    expect(dutyText(approver)).toBe('PELULUS · PTJ 1001 · had RM 50,000.00 · 01/02/2026 hingga 31/03/2026');
    expect(dutyText(preparer)).toBe('PENYEDIA · PTJ 1001 · mulai 01/01/2026');
  });

  it('writes nothing, a status, an instant, a day and no duties in words', () => {
    expect(valueText({ kind: 'none' })).toBe('Tiada');
    expect(valueText({ kind: 'status', status: 'ACTIVE' })).toBe('Aktif');
    expect(valueText({ kind: 'time', iso: '2026-03-01T02:00:00.000Z' })).toBe('01/03/2026 10:00:00 AM');
    expect(valueText({ kind: 'day', day: '2026-03-01' })).toBe('01/03/2026');
    expect(valueText({ kind: 'duties', duties: [] })).toBe('Tiada tugas.');
  });

  it('writes a change as before → after, a value set where there was none alone, and nothing for nothing', () => {
    expect(changeLines(shownChange('status', 'ACTIVE', 'DISABLED'))).toEqual([
      'Status: Aktif → Dinyahaktifkan',
    ]);
    expect(changeLines(shownChange('disabledReason', null, 'Bersara'))).toEqual(['Sebab: Bersara']);
    expect(changeLines(shownChange('disabledReason', 'Bersara', null))).toEqual(['Sebab: Bersara → Tiada']);
    expect(changeLines(shownChange('agencyCode', null, ''))).toEqual([]);
  });

  it('writes a change of duties as each duty given, changed and taken off', () => {
    const ended = { ...preparer, endsOn: '2026-02-10' };

    expect(changeLines(shownChange('duties', [preparer, enquiry], [ended, approver]))).toEqual([
      `Tugas diberi: ${dutyText(approver)}`,
      'Tugas diubah: PENYEDIA · PTJ 1001 · mulai 01/01/2026 → PENYEDIA · PTJ 1001 · 01/01/2026 hingga 10/02/2026',
      `Tugas dikeluarkan: ${dutyText(enquiry)}`,
    ]);
    expect(changeLines(shownChange('duties', null, [preparer]))).toEqual([
      `Tugas diberi: ${dutyText(preparer)}`,
    ]);
  });
});
