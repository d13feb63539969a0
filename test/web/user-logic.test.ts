import { describe, expect, it } from 'vitest';
import { DUTY_CATALOGUE } from '../../functions/domain/duties.ts';
import type { AdminUser } from '../../web/src/admin/logic.ts';
import {
  callerScope,
  changeShape,
  changeValue,
  conflictingPairs,
  type Duty,
  dayText,
  detailsUpdate,
  dutiesDiff,
  dutyLine,
  dutyState,
  fieldLabelKey,
  fieldProblemKey,
  grantableDuties,
  mayChangeDuty,
  needsApproval,
  parseRinggit,
  problemsByField,
  userIdAfter,
  withDuty,
  withDutyEnded,
  withoutDuty,
} from '../../web/src/admin/user-logic.ts';

const user: AdminUser = {
  userId: 'kth:880202123456',
  icNumber: '880202123456',
  agencyCode: 'kth',
  ptjCode: '1001',
  name: 'NUR AISYAH BINTI AHMAD',
  email: 'aisyah.ahmad@example.gov.my',
  status: 'ACTIVE',
  registeredAt: '2026-01-05T02:00:00.000Z',
  activatedAt: null,
  lastSignInAt: null,
  duties: [],
};

const same = { name: user.name, email: user.email, agencyCode: 'kth', ptjCode: '1001' };

const preparer: Duty = { duty: 'PENYEDIA', ptjCode: '1001', startsOn: '2026-01-01' };
const approver: Duty = {
  duty: 'PELULUS',
  ptjCode: '1001',
  approvalLimit: 50000,
  startsOn: '2026-02-01',
  endsOn: '2026-03-31',
};

describe('editing the details', () => {
  it('sends only the fields that really change, as the API stores them', () => {
    const update = detailsUpdate(user, {
      ...same,
      name: '  nur aisyah   binti ahmad ',
      email: ' Aisyah.Baru@Example.gov.my ',
      ptjCode: ' 1002 ',
    });

    expect(update).toEqual({ email: 'aisyah.baru@example.gov.my', ptjCode: '1002' });
  });

  it('finds no change when nothing but case or spacing differs', () => {
    expect(detailsUpdate(user, { ...same, email: 'AISYAH.AHMAD@example.gov.my ' })).toEqual({});
  });

  it('sends an emptied name for the API to refuse at its field, but no empty PTJ the user never had', () => {
    expect(detailsUpdate(user, { ...same, name: ' ' })).toEqual({ name: '' });
    expect(detailsUpdate({ ...user, ptjCode: null }, { ...same, ptjCode: '' })).toEqual({});
  });

  it('names the user ID a new agency gives', () => {
    expect(userIdAfter(user, { agencyCode: 'pn' })).toBe('pn:880202123456');
    expect(userIdAfter(user, { name: 'X' })).toBe(user.userId);
  });
});

describe("the caller's scope", () => {
  const now = new Date('2026-02-10T04:00:00Z');
  const ptjAdmin = callerScope([{ duty: 'PENTADBIR_PTJ', ptjCode: '1001', startsOn: '2026-01-01' }], now);
  const systemAdmin = callerScope(
    [{ duty: 'PENTADBIR_SISTEM', ptjCode: 'PN01', startsOn: '2026-01-01' }],
    now,
  );

  it('never offers PENTADBIR_SISTEM to a PTJ administrator; everything to a system administrator', () => {
    const codes = (scope: typeof ptjAdmin | undefined) =>
      grantableDuties(DUTY_CATALOGUE as never, scope).map((duty) => duty.code);

    expect(codes(ptjAdmin)).not.toContain('PENTADBIR_SISTEM');
    expect(codes(ptjAdmin)).toContain('PENTADBIR_PTJ');
    expect(codes(systemAdmin)).toContain('PENTADBIR_SISTEM');
    expect(codes(undefined)).toHaveLength(DUTY_CATALOGUE.length);
  });

  it('lets a PTJ administrator end duties of their own PTJs only, and says their changes wait for approval', () => {
    expect(mayChangeDuty({ ptjCode: '1001' }, ptjAdmin)).toBe(true);
    expect(mayChangeDuty({ ptjCode: '2002' }, ptjAdmin)).toBe(false);
    expect(mayChangeDuty({ ptjCode: '2002' }, systemAdmin)).toBe(true);
    expect(mayChangeDuty({ ptjCode: '2002' }, undefined)).toBe(true);
    expect([needsApproval(ptjAdmin), needsApproval(systemAdmin), needsApproval(undefined)]).toEqual([
      true,
      false,
      false,
    ]);
  });

  it('grants nothing by a duty that has ended', () => {
    const ended = callerScope(
      [{ duty: 'PENTADBIR_SISTEM', ptjCode: 'PN01', startsOn: '2025-01-01', endsOn: '2026-02-09' } as never],
      now,
    );

    expect(ended.system).toBe(false);
  });
});

describe('duties', () => {
  it("tells a duty's state today: in force on its first and last days, ended after, not begun before", () => {
    expect(dutyState(approver, '2026-02-01')).toBe('current');
    expect(dutyState(approver, '2026-03-31')).toBe('current');
    expect(dutyState(approver, '2026-04-01')).toBe('ended');
    expect(dutyState(approver, '2026-01-31')).toBe('upcoming');
    expect(dutyState(preparer, '2099-12-31')).toBe('current');
  });

  it('gives a duty by sending the whole list with it at the end', () => {
    const list = withDuty([preparer], approver);

    expect(list).toEqual([preparer, approver]);
  });

  it('ends a duty by its end date, keeping its record, and leaves the others as they are', () => {
    const list = withDutyEnded([preparer, approver], 0, '2026-02-10');

    expect(list).toEqual([{ ...preparer, endsOn: '2026-02-10' }, approver]);
  });

  it('withdraws a duty that has not begun by taking it off the list', () => {
    expect(withoutDuty([preparer, approver], 1)).toEqual([preparer]);
  });

  it('sends no absent keys (the API takes no undefined fields)', () => {
    const [sent] = withDuty([], { ...preparer, approvalLimit: undefined, endsOn: undefined } as never);

    expect(Object.keys(sent ?? {})).toEqual(['duty', 'ptjCode', 'startsOn']);
  });

  it("names the pairs the deployment's segregation rule refuses, in one PTJ at overlapping dates", () => {
    const conflicts = [['PENYEDIA', 'PELULUS']];

    expect(conflictingPairs([preparer, approver], conflicts)).toEqual([
      { duties: ['PENYEDIA', 'PELULUS'], ptjCode: '1001' },
    ]);
    expect(conflictingPairs([preparer, { ...approver, ptjCode: '2002' }], conflicts)).toEqual([]);
    expect(conflictingPairs([{ ...preparer, endsOn: '2026-01-31' }, approver], conflicts)).toEqual([]);
  });

  it('reads an approval limit as officers type it, and refuses what is no amount', () => {
    expect(parseRinggit('50000')).toBe(50000);
    expect(parseRinggit('RM 1,500.50')).toBe(1500.5);
    expect(parseRinggit('  ')).toBeUndefined();
    expect(parseRinggit('lima ribu')).toBeNaN();
    expect(parseRinggit('10.555')).toBeNaN();
    expect(parseRinggit('-5')).toBeNaN();
  });

  it('writes a day as the pages do', () => {
    expect(dayText('2026-03-31')).toBe('31/03/2026');
    expect(dayText('not a day')).toBe('not a day');
  });
});

describe('field problems', () => {
  it("picks the problems of one duty's fields; the rest is said above the form", () => {
    const { fields, other } = problemsByField(
      [
        { path: 'duties.2.endsOn', code: 'ENDS_BEFORE_START' },
        { path: 'duties.0.startsOn', code: 'DATE_INVALID' },
        { path: 'duties.2.endsOn', code: 'INVALID_FORMAT' },
      ],
      'duties.2.',
    );

    expect([...fields]).toEqual([['endsOn', 'ENDS_BEFORE_START']]);
    expect(other).toEqual([{ path: 'duties.0.startsOn', code: 'DATE_INVALID' }]);
  });

  it('puts each detail field problem at its field', () => {
    const { fields } = problemsByField([
      { path: 'email', code: 'INVALID_FORMAT' },
      { path: '', code: 'INVALID_JSON' },
    ]);

    expect([...fields]).toEqual([['email', 'INVALID_FORMAT']]);
  });

  it("explains a format by the field's own words, a rule by the rule's", () => {
    expect(fieldProblemKey('email', 'INVALID_FORMAT')).toBe('admin.edit.error.email');
    expect(fieldProblemKey('ptjCode', 'INVALID_FORMAT')).toBe('admin.edit.error.ptjCode');
    expect(fieldProblemKey('name', 'TOO_SHORT')).toBe('admin.edit.error.name');
    expect(fieldProblemKey('endsOn', 'ENDS_BEFORE_START')).toBe('admin.edit.error.ENDS_BEFORE_START');
    expect(fieldProblemKey('duty', 'DUTY_UNKNOWN')).toBe('error.DUTY_UNKNOWN');
    expect(fieldProblemKey('duty', 'REQUIRED')).toBe('admin.edit.error.dutyRequired');
    expect(fieldProblemKey('somethingElse', 'ODD')).toBe('admin.fieldInvalid');
  });
});

describe('audit changes in words', () => {
  it('labels the fields a record changes, and leaves an unknown one as it is', () => {
    expect(fieldLabelKey('email')).toBe('activation.email');
    expect(fieldLabelKey('lockedUntil')).toBe('admin.edit.field.lockedUntil');
    expect(fieldLabelKey('toString')).toBeUndefined();
  });

  it('tells nothing, a status, an instant, duties and text apart', () => {
    expect(changeValue('disabledReason', null)).toEqual({ kind: 'none' });
    expect(changeValue('duties', [])).toEqual({ kind: 'none' });
    expect(changeValue('status', 'DISABLED')).toEqual({ kind: 'status', status: 'DISABLED' });
    expect(changeValue('lockedUntil', '2026-02-10T05:00:00.000Z')).toEqual({
      kind: 'time',
      iso: '2026-02-10T05:00:00.000Z',
    });
    expect(changeValue('duties', [preparer])).toEqual({ kind: 'duties', duties: [preparer] });
    expect(changeValue('name', 'NUR')).toEqual({ kind: 'text', text: 'NUR' });
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
    const enquiry: Duty = { duty: 'PERTANYAAN', ptjCode: '1001', startsOn: '2026-05-01' };

    expect(dutiesDiff([preparer, enquiry], [ended, approver])).toEqual({
      added: [approver],
      changed: [[preparer, ended]],
      removed: [enquiry],
    });
    expect(dutiesDiff([preparer], [preparer])).toEqual({ added: [], changed: [], removed: [] });
  });

  it('writes a duty in one line: name, PTJ, limit, dates', () => {
    expect(dutyLine(approver, 'Pelulus', { limit: '50,000.00', openEnded: 'Sehingga diubah' })).toBe(
      'Pelulus, PTJ 1001, RM 50,000.00, 01/02/2026 – 31/03/2026',
    );
    expect(dutyLine(preparer, 'Penyedia', { openEnded: 'Sehingga diubah' })).toBe(
      'Penyedia, PTJ 1001, 01/01/2026 – Sehingga diubah',
    );
  });
});
