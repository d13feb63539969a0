import { describe, expect, it } from 'vitest';
import { fieldProblemKey, parseRinggit } from '../../web/src/admin/form-fields.ts';

describe("a form's fields", () => {
  it("explains a format by the field's own words, a rule by the rule's", () => {
    expect(fieldProblemKey('email', 'INVALID_FORMAT')).toBe('admin.field.emailInvalid');
    expect(fieldProblemKey('ptjCode', 'REQUIRED')).toBe('admin.field.ptjInvalid');
    expect(fieldProblemKey('agencyCode', 'REQUIRED')).toBe('admin.field.agencyRequired');
    expect(fieldProblemKey('name', 'TOO_SHORT')).toBe('admin.field.nameShort');
    expect(fieldProblemKey('name', 'TOO_LONG')).toBe('admin.field.nameLong');
    expect(fieldProblemKey('startsOn', 'DATE_INVALID')).toBe('admin.field.dateInvalid');
    expect(fieldProblemKey('endsOn', 'ENDS_BEFORE_START')).toBe('admin.field.endsBeforeStart');
    expect(fieldProblemKey('approvalLimit', 'APPROVAL_LIMIT_NOT_ALLOWED')).toBe(
      'admin.field.limitNotAllowed',
    );
    expect(fieldProblemKey('duty', 'DUTY_UNKNOWN')).toBe('error.DUTY_UNKNOWN');
    expect(fieldProblemKey('duty', 'REQUIRED')).toBe('admin.field.dutyRequired');
    expect(fieldProblemKey('somethingElse', 'ODD')).toBe('admin.fieldInvalid');
  });

  it('reads an approval limit as officers type it: none when empty, NaN for what is no amount', () => {
    expect(parseRinggit('50000')).toBe(50000);
    expect(parseRinggit('RM 1,500.50')).toBe(1500.5);
    expect(parseRinggit('0')).toBe(0);
    expect(parseRinggit('  ')).toBeUndefined();
    expect(parseRinggit('lima ribu')).toBeNaN();
    expect(parseRinggit('10.555')).toBeNaN();
    expect(parseRinggit('-5')).toBeNaN();
    expect(parseRinggit('12345678901234')).toBeNaN();
  });
});
