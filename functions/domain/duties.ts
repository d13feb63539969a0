import { malaysiaDate } from './malaysia-time.ts';

/**
 * *Pengurusan Tugas*: the duties an officer holds, by PTJ (Pusat Tanggungjawab), with an approval
 * limit for approvers and dates for acting and temporary posts. A duty outside its dates grants
 * nothing; the checks below take "today" in Malaysia time, as the officers' own calendar is.
 */
export const DUTY_CODES = [
  'PENYEDIA',
  'PENYEMAK',
  'PELULUS',
  'PERTANYAAN',
  'PENTADBIR_PTJ',
  'PENTADBIR_SISTEM',
] as const;

export type DutyCode = (typeof DUTY_CODES)[number];

export interface DutyDefinition {
  code: DutyCode;
  name: { ms: string; en: string };
  description: { ms: string; en: string };
  /** Only an approver carries a limit (RM). */
  takesApprovalLimit: boolean;
  /** An administrator's duty: it grants rights over other officers, not over transactions. */
  administers: boolean;
}

/** The catalogue of duties, Malay and English, as `GET /api/admin/duties` answers it. */
export const DUTY_CATALOGUE: readonly DutyDefinition[] = [
  {
    code: 'PENYEDIA',
    name: { ms: 'Penyedia', en: 'Preparer' },
    description: { ms: 'Menyediakan transaksi.', en: 'Prepares transactions.' },
    takesApprovalLimit: false,
    administers: false,
  },
  {
    code: 'PENYEMAK',
    name: { ms: 'Penyemak', en: 'Checker' },
    description: { ms: 'Menyemak transaksi yang disediakan.', en: 'Checks prepared transactions.' },
    takesApprovalLimit: false,
    administers: false,
  },
  {
    code: 'PELULUS',
    name: { ms: 'Pelulus', en: 'Approver' },
    description: {
      ms: 'Meluluskan transaksi sehingga had kelulusan (RM).',
      en: 'Approves transactions up to an approval limit (RM).',
    },
    takesApprovalLimit: true,
    administers: false,
  },
  {
    code: 'PERTANYAAN',
    name: { ms: 'Pertanyaan', en: 'Enquiry' },
    description: { ms: 'Membuat pertanyaan sahaja.', en: 'Enquiries only.' },
    takesApprovalLimit: false,
    administers: false,
  },
  {
    code: 'PENTADBIR_PTJ',
    name: { ms: 'Pentadbir PTJ', en: 'PTJ administrator' },
    description: {
      ms: 'Memohon pendaftaran dan perubahan bagi pengguna PTJ sendiri.',
      en: 'Requests registrations and changes for the users of their own PTJ.',
    },
    takesApprovalLimit: false,
    administers: true,
  },
  {
    code: 'PENTADBIR_SISTEM',
    name: { ms: 'Pentadbir Sistem', en: 'System administrator' },
    description: {
      ms: 'Pentadbir Perbendaharaan Negeri: mentadbir semua pengguna dan meluluskan permohonan.',
      en: 'State treasury administrator: administers every user and approves requests.',
    },
    takesApprovalLimit: false,
    administers: true,
  },
];

const byCode = new Map(DUTY_CATALOGUE.map((duty) => [duty.code, duty]));

export function findDuty(code: string): DutyDefinition | undefined {
  return byCode.get(code as DutyCode);
}

/**
 * Segregation of duties: pairs one officer may not hold in the same PTJ at the same time (whoever
 * prepares a payment must not approve it). A deployment may name its own pairs.
 */
export const DEFAULT_CONFLICTS: readonly (readonly [DutyCode, DutyCode])[] = [
  ['PENYEDIA', 'PELULUS'],
  ['PENYEDIA', 'PENYEMAK'],
];

export interface DutyAssignment {
  duty: DutyCode;
  ptjCode: string;
  /** RM, for PELULUS only. */
  approvalLimit?: number;
  /** YYYY-MM-DD, Malaysia time; the duty grants from the start of this day. */
  startsOn: string;
  /** YYYY-MM-DD; the duty grants until the end of this day. */
  endsOn?: string;
}

/** Whether the assignment grants anything on `today` (YYYY-MM-DD, Malaysia time). */
export function isCurrent(assignment: DutyAssignment, today: string): boolean {
  return assignment.startsOn <= today && (assignment.endsOn === undefined || today <= assignment.endsOn);
}

/** The assignments that grant something now. */
export function currentDuties(assignments: readonly DutyAssignment[], now: Date): DutyAssignment[] {
  const today = malaysiaDate(now);
  return assignments.filter((assignment) => isCurrent(assignment, today));
}

/** Two date ranges share a day (an open end runs for ever). */
function overlap(a: DutyAssignment, b: DutyAssignment): boolean {
  const aEnd = a.endsOn ?? '9999-12-31';
  const bEnd = b.endsOn ?? '9999-12-31';
  return a.startsOn <= bEnd && b.startsOn <= aEnd;
}

/** Every pair of assignments that the segregation rule forbids (same PTJ, overlapping dates). */
export function dutyConflicts(
  assignments: readonly DutyAssignment[],
  conflicts: readonly (readonly [string, string])[] = DEFAULT_CONFLICTS,
): [DutyAssignment, DutyAssignment][] {
  const found: [DutyAssignment, DutyAssignment][] = [];
  assignments.forEach((a, i) => {
    for (const b of assignments.slice(i + 1)) {
      const clash = conflicts.some(
        ([x, y]) => (a.duty === x && b.duty === y) || (a.duty === y && b.duty === x),
      );
      if (clash && a.ptjCode === b.ptjCode && overlap(a, b)) found.push([a, b]);
    }
  });
  return found;
}

/** What an administrator may do, from their current duties. */
export interface AdminScope {
  /** PENTADBIR_SISTEM (or automation): every user, and the approval of requests. */
  system: boolean;
  /** PENTADBIR_PTJ: the users of these PTJs. */
  ptjCodes: ReadonlySet<string>;
}

export function adminScope(assignments: readonly DutyAssignment[], now: Date): AdminScope {
  const current = currentDuties(assignments, now);
  return {
    system: current.some((a) => a.duty === 'PENTADBIR_SISTEM'),
    ptjCodes: new Set(current.filter((a) => a.duty === 'PENTADBIR_PTJ').map((a) => a.ptjCode)),
  };
}

export function mayAdminister(scope: AdminScope, ptjCode: string | undefined): boolean {
  return scope.system || (ptjCode !== undefined && scope.ptjCodes.has(ptjCode));
}

export function isAdministrator(scope: AdminScope): boolean {
  return scope.system || scope.ptjCodes.size > 0;
}
