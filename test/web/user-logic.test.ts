import { describe, expect, it } from 'vitest';
import { DUTY_CATALOGUE } from '../../functions/domain/duties.ts';
import type { AdminUser } from '../../web/src/admin/logic.ts';
import {
  callerScope,
  conflictingPairs,
  type Duty,
  detailsUpdate,
  dutyState,
  grantableDuties,
  mayChangeDuty,
  needsApproval,
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
});
