/**
 * What the console's forms share (the register page, the user page's edits): a field's problem in
 * words, by the field and the API's (or the page's own) code, and an approval limit as typed. No
 * DOM: test/web/form-fields.test.ts runs them as they are.
 */
import type { StringKey } from '../lib/i18n.ts';

/** The words for a problem at a field: the field's own where its format needs explaining, else the rule's. */
export function fieldProblemKey(field: string, code: string): StringKey {
  if (code === 'USER_EXISTS' || code === 'DUTY_UNKNOWN') return `error.${code}`;
  if (code === 'ENDS_BEFORE_START') return 'admin.field.endsBeforeStart';
  if (code === 'APPROVAL_LIMIT_NOT_ALLOWED') return 'admin.field.limitNotAllowed';
  switch (field) {
    case 'agencyCode':
      return code === 'REQUIRED' ? 'admin.field.agencyRequired' : 'admin.field.agencyInvalid';
    case 'ptjCode':
      return 'admin.field.ptjInvalid';
    case 'name':
      if (code === 'TOO_LONG') return 'admin.field.nameLong';
      return code === 'INVALID_CHARACTERS' ? 'admin.field.textInvalid' : 'admin.field.nameShort';
    case 'email':
      return 'admin.field.emailInvalid';
    case 'duty':
      return 'admin.field.dutyRequired';
    case 'approvalLimit':
      return 'admin.field.limitInvalid';
    case 'startsOn':
    case 'endsOn':
      return 'admin.field.dateInvalid';
    default:
      return 'admin.fieldInvalid';
  }
}

/**
 * An approval limit as typed: `50000`, `50,000.00`, `RM 1,500.50`. Empty → none; anything else
 * that is no amount in ringgit and sen (at most the API's 13 digits) → NaN, for the form to say so
 * at the field.
 */
export function parseRinggit(text: string): number | undefined {
  const plain = text.replace(/^\s*RM/i, '').replace(/[,\s]/g, '');
  if (plain === '') return undefined;
  return /^\d{1,13}(\.\d{1,2})?$/.test(plain) ? Number(plain) : Number.NaN;
}
