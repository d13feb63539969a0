import {
  DEFAULT_CONFLICTS,
  DUTY_CATALOGUE,
  type DutyAssignment,
  type DutyCode,
  dutyConflicts,
  findDuty,
} from '../../duties.ts';
import { DutyConflictError, DutyUnknownError, type FieldProblem, ValidationError } from '../../errors.ts';

/** A duty assignment as an administrator gives it: `startsOn` defaults to today. */
export interface DutyAssignmentInput {
  duty: string;
  ptjCode: string;
  approvalLimit?: number | undefined;
  startsOn?: string | undefined;
  endsOn?: string | undefined;
}

/** The administration settings every change reads. */
export interface AdminSettings {
  /** A PTJ administrator's change waits for a system administrator's approval (`FOUR_EYES`). */
  fourEyes: boolean;
  /** Segregation of duties: pairs one officer may not hold in one PTJ at once (`parseDutyConflicts`). */
  dutyConflicts: readonly (readonly [string, string])[];
}

/** `DUTY_CONFLICTS`: `none`, or pairs like `PENYEDIA+PELULUS,PENYEDIA+PENYEMAK`. */
export function parseDutyConflicts(setting: string): [string, string][] {
  const trimmed = setting.trim();
  if (trimmed === '' || trimmed.toLowerCase() === 'none') return [];
  return trimmed.split(',').map((pair) => {
    const [a, b, ...rest] = pair.split('+').map((code) => code.trim());
    if (!a || !b || rest.length > 0) throw new Error(`DUTY_CONFLICTS: "${pair}" is not a pair like A+B`);
    return [a, b];
  });
}

/** `GET /api/admin/duties`: the catalogue, and the pairs this deployment keeps apart. */
export function dutyCatalogue(conflicts: readonly (readonly [string, string])[] = DEFAULT_CONFLICTS) {
  return { items: [...DUTY_CATALOGUE], conflicts: conflicts.map(([a, b]) => [a, b]) };
}

const isDate = (value: string) => {
  const time = Date.parse(`${value}T00:00:00Z`);
  return (
    /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(time) && new Date(time).toISOString().startsWith(value)
  );
};

/**
 * The assignments as stored, or why not: a code outside the catalogue (`DUTY_UNKNOWN`, first, as
 * nothing else can be said of it), then field problems (an approval limit on anything but PELULUS,
 * a date that is none, an end before the start), then segregation of duties (`DUTY_CONFLICT`).
 * `startsOn` defaults to `today` (YYYY-MM-DD, Malaysia).
 */
export function checkDuties(
  input: readonly DutyAssignmentInput[],
  today: string,
  conflicts: readonly (readonly [string, string])[],
  path = 'duties',
): DutyAssignment[] {
  const unknown = input.flatMap((assignment, i) =>
    findDuty(assignment.duty) ? [] : [{ path: `${path}.${i}.duty`, code: 'DUTY_UNKNOWN' }],
  );
  if (unknown.length > 0) throw new DutyUnknownError(unknown);
  const problems: FieldProblem[] = [];
  const assignments = input.map((assignment, i): DutyAssignment => {
    const at = (field: string, code: string) => problems.push({ path: `${path}.${i}.${field}`, code });
    const startsOn = assignment.startsOn ?? today;
    if (assignment.approvalLimit !== undefined && !findDuty(assignment.duty)?.takesApprovalLimit) {
      at('approvalLimit', 'APPROVAL_LIMIT_NOT_ALLOWED');
    }
    if (!isDate(startsOn)) at('startsOn', 'DATE_INVALID');
    if (assignment.endsOn !== undefined && !isDate(assignment.endsOn)) at('endsOn', 'DATE_INVALID');
    else if (assignment.endsOn !== undefined && assignment.endsOn < startsOn)
      at('endsOn', 'ENDS_BEFORE_START');
    return {
      duty: assignment.duty as DutyCode,
      ptjCode: assignment.ptjCode,
      ...(assignment.approvalLimit !== undefined ? { approvalLimit: assignment.approvalLimit } : {}),
      startsOn,
      ...(assignment.endsOn !== undefined ? { endsOn: assignment.endsOn } : {}),
    };
  });
  if (problems.length > 0) throw new ValidationError(problems);
  const clashes = dutyConflicts(assignments, conflicts);
  if (clashes.length > 0) {
    throw new DutyConflictError(clashes.map(([a, b]) => ({ duties: [a.duty, b.duty], ptjCode: a.ptjCode })));
  }
  return assignments;
}

const sameAssignment = (a: DutyAssignment, b: DutyAssignment) =>
  a.duty === b.duty &&
  a.ptjCode === b.ptjCode &&
  a.approvalLimit === b.approvalLimit &&
  a.startsOn === b.startsOn &&
  a.endsOn === b.endsOn;

/**
 * Why a PTJ administrator may not give `after` to an officer holding `before`, or undefined: every
 * assignment they add must be in their PTJs and never PENTADBIR_SISTEM, and the assignments of
 * other PTJs (theirs to keep or end) stay exactly as they are.
 */
export function grantRefusal(
  ptjCodes: ReadonlySet<string>,
  before: readonly DutyAssignment[],
  after: readonly DutyAssignment[],
): string | undefined {
  const added = after.filter((a) => !before.some((b) => sameAssignment(a, b)));
  const removed = before.filter((b) => !after.some((a) => sameAssignment(a, b)));
  if (added.some((a) => a.duty === 'PENTADBIR_SISTEM')) return 'grant-system-duty';
  if ([...added, ...removed].some((a) => !ptjCodes.has(a.ptjCode))) return 'duty-out-of-scope';
  return undefined;
}
