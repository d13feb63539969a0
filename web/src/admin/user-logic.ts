/**
 * The user page's pure decisions: what an edit of the details changes, how a duty list is given
 * to or ended, a duty's state today, and which problems belong to which field (the audit trail's
 * changes: web/src/admin/changes.ts). No DOM: test/web/user-logic.test.ts runs them as is.
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
