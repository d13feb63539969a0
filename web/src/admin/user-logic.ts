/**
 * The user page's pure decisions: what an edit of the details changes, how a duty list is given
 * to or ended, a duty's state today, which problems belong to which field, and an audit record's
 * changes in words. No DOM: test/web/user-logic.test.ts runs them as is.
 */
import {
  type AdminScope,
  adminScope,
  type DutyAssignment,
  dutyConflicts,
  isCurrent,
  mayAdminister,
} from '../../../functions/domain/duties.ts';
import type { FieldProblem } from '../../../functions/domain/errors.ts';
import type { DutyCatalogue } from '../../../functions/handlers/admin.schema.ts';
import type { StringKey } from '../lib/i18n.ts';
import type { AdminUser } from './logic.ts';

export type { AdminScope };
export type Duty = AdminUser['duties'][number];
export type CatalogueDuty = DutyCatalogue['items'][number];

/** What the signed-in administrator may do, from the duties `GET /api/auth/session` names (today's). */
export function callerScope(
  duties: readonly { duty: string; ptjCode: string; startsOn: string }[],
  now: Date,
): AdminScope {
  return adminScope(duties as DutyAssignment[], now);
}

/** The duties a caller may give: a PTJ administrator never gives PENTADBIR_SISTEM (the API answers 403). */
export function grantableDuties(
  catalogue: readonly CatalogueDuty[],
  scope: AdminScope | undefined,
): CatalogueDuty[] {
  return catalogue.filter((duty) => !scope || scope.system || duty.code !== 'PENTADBIR_SISTEM');
}

/** A PTJ administrator ends only assignments in their own PTJs; unknown scope hides nothing (the API decides). */
export function mayChangeDuty(duty: Pick<Duty, 'ptjCode'>, scope: AdminScope | undefined): boolean {
  return !scope || mayAdminister(scope, duty.ptjCode);
}

/** Whether the caller's changes wait for a system administrator's approval (four eyes). */
export function needsApproval(scope: AdminScope | undefined): boolean {
  return scope !== undefined && !scope.system;
}

// ---------------------------------------------------------------------------------------------
// Details

export const EDIT_FIELDS = ['name', 'email', 'agencyCode', 'ptjCode'] as const;
export type EditField = (typeof EDIT_FIELDS)[number];
export type DetailsUpdate = Partial<Record<EditField, string>>;

/** A field as the API stores it, so that a change of case or spacing alone is no change. */
function normalised(field: EditField, value: string): string {
  const trimmed = value.trim();
  switch (field) {
    case 'name':
      return trimmed.replace(/\s+/gu, ' ').toUpperCase();
    case 'email':
    case 'agencyCode':
      return trimmed.toLowerCase();
    case 'ptjCode':
      return trimmed.toUpperCase();
  }
}

/**
 * `PATCH /api/admin/users/{userId}`'s body: only the fields that differ from the user's. An empty
 * agency or PTJ the user never had is no change; an emptied name or e-mail is sent, for the API to
 * refuse at its field.
 */
export function detailsUpdate(user: AdminUser, values: Record<EditField, string>): DetailsUpdate {
  const update: DetailsUpdate = {};
  for (const field of EDIT_FIELDS) {
    const after = normalised(field, values[field]);
    const before = user[field] ?? '';
    if (after !== normalised(field, before)) update[field] = after;
  }
  return update;
}

/** The user ID the officer will have after an agency change (`kth:900101145678`). */
export function userIdAfter(user: AdminUser, update: DetailsUpdate): string {
  return update.agencyCode ? `${update.agencyCode}:${user.icNumber}` : user.userId;
}

// ---------------------------------------------------------------------------------------------
// Duties

export type DutyState = 'current' | 'ended' | 'upcoming';

/** A duty today (YYYY-MM-DD, Malaysia): granting, past its end, or not yet begun. */
export function dutyState(duty: Duty, today: string): DutyState {
  if (isCurrent(duty, today)) return 'current';
  return duty.startsOn > today ? 'upcoming' : 'ended';
}

/** One assignment as `PUT …/duties` takes it (no absent keys). */
function dutyInput(duty: Duty): Duty {
  return {
    duty: duty.duty,
    ptjCode: duty.ptjCode,
    ...(duty.approvalLimit !== undefined ? { approvalLimit: duty.approvalLimit } : {}),
    startsOn: duty.startsOn,
    ...(duty.endsOn !== undefined ? { endsOn: duty.endsOn } : {}),
  };
}

/** The full list with one more assignment (the PUT replaces the list): at index `duties.length`. */
export function withDuty(duties: readonly Duty[], added: Duty): Duty[] {
  return [...duties.map(dutyInput), dutyInput(added)];
}

/**
 * The full list with the duty at `index` ending on `endsOn` (inclusive, Malaysia time): its record
 * stays, with its dates, so the list keeps the history.
 */
export function withDutyEnded(duties: readonly Duty[], index: number, endsOn: string): Duty[] {
  return duties.map((duty, i) => (i === index ? { ...dutyInput(duty), endsOn } : dutyInput(duty)));
}

/** The full list without the duty at `index`: one that has not begun is withdrawn, not ended. */
export function withoutDuty(duties: readonly Duty[], index: number): Duty[] {
  return duties.filter((_, i) => i !== index).map(dutyInput);
}

/** The pairs the segregation rule refuses in this list (the catalogue's `conflicts`): to name them. */
export function conflictingPairs(
  duties: readonly Duty[],
  conflicts: readonly (readonly string[])[],
): { duties: [string, string]; ptjCode: string }[] {
  const pairs = conflicts.flatMap(([a, b]) => (a && b ? [[a, b] as const] : []));
  return dutyConflicts(duties as DutyAssignment[], pairs).map(([a, b]) => ({
    duties: [a.duty, b.duty],
    ptjCode: a.ptjCode,
  }));
}

/**
 * An approval limit as typed: `50000`, `50,000.00`, `RM 1,500.50`. Empty → none; anything else
 * that is no amount in ringgit and sen → NaN (the form says so at the field).
 */
export function parseRinggit(text: string): number | undefined {
  const plain = text.replace(/^\s*RM\s*/i, '').replace(/[,\s]/g, '');
  if (plain === '') return undefined;
  return /^\d+(\.\d{1,2})?$/.test(plain) ? Number(plain) : Number.NaN;
}

/** `2026-03-31` → `31/03/2026`, as the pages write a day. */
export function dayText(isoDay: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDay);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : isoDay;
}

// ---------------------------------------------------------------------------------------------
// Field problems

/**
 * The problems of one form, by its field: `name` for the details, `duties.<index>.<field>` for the
 * one duty a form gives or ends. The rest (none expected) is said above the form.
 */
export function problemsByField(
  errors: readonly FieldProblem[],
  prefix = '',
): { fields: Map<string, string>; other: FieldProblem[] } {
  const fields = new Map<string, string>();
  const other: FieldProblem[] = [];
  for (const error of errors) {
    const field = error.path.startsWith(prefix) ? error.path.slice(prefix.length) : '';
    if (!field || field.includes('.')) other.push(error);
    else if (!fields.has(field)) fields.set(field, error.code);
  }
  return { fields, other };
}

/** The words for a field's problem code: the field's own where its format needs explaining. */
export function fieldProblemKey(field: string, code: string): StringKey {
  if (code === 'REQUIRED')
    return field === 'duty' ? 'admin.edit.error.dutyRequired' : 'admin.edit.error.REQUIRED';
  if (code === 'TOO_LONG') return 'admin.edit.error.TOO_LONG';
  if (code === 'DUTY_UNKNOWN') return 'error.DUTY_UNKNOWN';
  if (code === 'ENDS_BEFORE_START') return 'admin.edit.error.ENDS_BEFORE_START';
  if (code === 'APPROVAL_LIMIT_NOT_ALLOWED') return 'admin.edit.error.APPROVAL_LIMIT_NOT_ALLOWED';
  switch (field) {
    case 'name':
      return 'admin.edit.error.name';
    case 'email':
      return 'admin.edit.error.email';
    case 'agencyCode':
      return 'admin.edit.error.agencyCode';
    case 'ptjCode':
      return 'admin.edit.error.ptjCode';
    case 'approvalLimit':
      return 'admin.edit.error.approvalLimit';
    case 'startsOn':
    case 'endsOn':
      return 'admin.edit.error.date';
    default:
      return 'admin.fieldInvalid';
  }
}

// ---------------------------------------------------------------------------------------------
// The audit trail

/** The label of a field an audit record's `changes` name; an unknown field shows as it is. */
const FIELD_LABELS: Record<string, StringKey> = {
  icNumber: 'login.icNumber',
  agencyCode: 'admin.agency',
  ptjCode: 'admin.ptj',
  name: 'common.name',
  email: 'activation.email',
  duties: 'admin.dutiesHeading',
  status: 'admin.status',
  disabledReason: 'admin.reason',
  lockedUntil: 'admin.edit.field.lockedUntil',
};

export function fieldLabelKey(field: string): StringKey | undefined {
  return Object.hasOwn(FIELD_LABELS, field) ? FIELD_LABELS[field] : undefined;
}

/** A value of a change, ready for words: nothing, a status, an instant, duties, or plain text. */
export type ChangeValue =
  | { kind: 'none' }
  | { kind: 'status'; status: string }
  | { kind: 'time'; iso: string }
  | { kind: 'duties'; duties: Duty[] }
  | { kind: 'text'; text: string };

const isDutyList = (value: unknown[]): value is Duty[] =>
  value.every((item) => typeof item === 'object' && item !== null && 'duty' in item && 'startsOn' in item);

export function changeValue(field: string, value: unknown): ChangeValue {
  if (value === null || value === undefined || value === '') return { kind: 'none' };
  if (Array.isArray(value)) {
    if (value.length === 0) return { kind: 'none' };
    return isDutyList(value) ? { kind: 'duties', duties: value } : { kind: 'text', text: value.join(', ') };
  }
  if (field === 'status' && typeof value === 'string') return { kind: 'status', status: value };
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value)) return { kind: 'time', iso: value };
  return { kind: 'text', text: typeof value === 'object' ? JSON.stringify(value) : String(value) };
}

/** How a change reads: nothing to say (none before or after), a value set where there was none, or before → after. */
export function changeShape(before: ChangeValue, after: ChangeValue): 'none' | 'set' | 'change' {
  if (before.kind === 'none') return after.kind === 'none' ? 'none' : 'set';
  return 'change';
}

export interface DutiesDiff {
  added: Duty[];
  removed: Duty[];
  /** The same duty, PTJ and start with another limit or end: [before, after]. */
  changed: [Duty, Duty][];
}

const dutyKey = (duty: Duty) => `${duty.duty}|${duty.ptjCode}|${duty.startsOn}`;
const sameDuty = (a: Duty, b: Duty) =>
  dutyKey(a) === dutyKey(b) && a.approvalLimit === b.approvalLimit && a.endsOn === b.endsOn;

/** What a change of the duty list did, rather than two whole lists: given, taken off, or changed (an end date set). */
export function dutiesDiff(before: readonly Duty[], after: readonly Duty[]): DutiesDiff {
  const diff: DutiesDiff = { added: [], removed: [], changed: [] };
  for (const duty of after) {
    if (before.some((old) => sameDuty(old, duty))) continue;
    const old = before.find((candidate) => dutyKey(candidate) === dutyKey(duty));
    if (old) diff.changed.push([old, duty]);
    else diff.added.push(duty);
  }
  const afterKeys = new Set(after.map(dutyKey));
  diff.removed = before.filter((old) => !afterKeys.has(dutyKey(old)));
  return diff;
}

/** One assignment in a line: `Pelulus, PTJ 1001, RM 50,000.00, 01/01/2026 – 31/03/2026` (the parts already in words). */
export function dutyLine(
  duty: Duty,
  name: string,
  parts: { limit?: string | undefined; openEnded: string },
): string {
  const dates = `${dayText(duty.startsOn)} – ${duty.endsOn ? dayText(duty.endsOn) : parts.openEnded}`;
  return [name, `PTJ ${duty.ptjCode}`, ...(parts.limit ? [`RM ${parts.limit}`] : []), dates].join(', ');
}
