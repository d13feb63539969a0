/**
 * The register page's pure decisions: the request body from what the form holds, the checks the
 * page makes before sending (the MyKad number; the server checks everything again and decides),
 * where each problem of an answer belongs (`icNumber`, `duties.0.endsOn`, …) and the words for it.
 * No DOM: test/web/register-logic.test.ts runs them as is.
 */
import type { FieldProblem } from '../../../functions/domain/errors.ts';
import { isPlausibleBirthDate } from '../../../functions/domain/user-id.ts';
import type { DutyCatalogue, RequestAnswer, UserAnswer } from '../../../functions/handlers/admin.schema.ts';
import type { StringKey } from '../lib/i18n.ts';
import { isSystemAdministrator } from '../lib/roles.ts';
import { fieldProblemKey, parseRinggit } from './form-fields.ts';

export const PERSON_FIELDS = ['icNumber', 'agencyCode', 'ptjCode', 'name', 'email'] as const;
export type PersonField = (typeof PERSON_FIELDS)[number];
export const DUTY_FIELDS = ['duty', 'ptjCode', 'approvalLimit', 'startsOn', 'endsOn'] as const;
export type DutyField = (typeof DUTY_FIELDS)[number];

/** One duty row as its inputs hold it (every value a string; dates `YYYY-MM-DD` or empty). */
export type DutyRowInput = Record<DutyField, string>;
/** The form as its inputs hold it. */
export type RegisterInput = Record<PersonField, string> & { duties: DutyRowInput[] };

export type Catalogue = DutyCatalogue['items'];

/** `POST /api/admin/users` as the page sends it. */
export interface RegisterBody {
  icNumber: string;
  agencyCode?: string;
  ptjCode: string;
  name: string;
  email: string;
  duties?: {
    duty: string;
    ptjCode: string;
    approvalLimit?: number;
    startsOn?: string;
    endsOn?: string;
  }[];
}

/** Where a problem shows: at a field of the officer, at a field of duty row `row`, or (none) above the form. */
export type Place = { field: PersonField; row?: undefined } | { field: DutyField; row: number };
export type PlacedProblem = Place & { code: string };

/** A MyKad number as typed (`900101-14-5678`, spaces) as the API takes it: the digits alone. */
export const icDigits = (raw: string) => raw.replace(/[\s-]/g, '');

/**
 * The page's own check of the MyKad number before it is sent: present, 12 digits, and the first
 * six a real birth date (YYMMDD), by the same rule as the server's.
 */
export function icNumberProblem(raw: string): string | undefined {
  const digits = icDigits(raw);
  if (digits === '') return 'REQUIRED';
  if (!/^\d{12}$/.test(digits)) return 'INVALID_FORMAT';
  if (!isPlausibleBirthDate(digits.slice(0, 6))) return 'BIRTH_DATE_INVALID';
  return undefined;
}

/** Whether the catalogue gives this duty an approval limit (PELULUS). */
export const takesLimit = (catalogue: Catalogue, duty: string) =>
  catalogue.find((d) => d.code === duty)?.takesApprovalLimit ?? false;

/**
 * What the page refuses to send, as the API would name it (`path`, `code`): the MyKad number, a
 * duty row without a duty, and an approval limit that is not an amount. Everything else is the
 * server's to judge.
 */
export function clientProblems(input: RegisterInput, catalogue: Catalogue): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const ic = icNumberProblem(input.icNumber);
  if (ic) problems.push({ path: 'icNumber', code: ic });
  input.duties.forEach((row, i) => {
    if (!row.duty) problems.push({ path: `duties.${i}.duty`, code: 'REQUIRED' });
    if (takesLimit(catalogue, row.duty) && Number.isNaN(parseRinggit(row.approvalLimit))) {
      problems.push({ path: `duties.${i}.approvalLimit`, code: 'INVALID_FORMAT' });
    }
  });
  return problems;
}

/**
 * The request body: the MyKad digits, codes in the case the API takes (agency lower, PTJ upper),
 * text trimmed, empty optional values left out, an approval limit only for a duty that takes one.
 */
export function registerBody(input: RegisterInput, catalogue: Catalogue): RegisterBody {
  const agencyCode = input.agencyCode.trim().toLowerCase();
  const duties = input.duties.map((row) => {
    const limit = takesLimit(catalogue, row.duty) ? parseRinggit(row.approvalLimit) : undefined;
    return {
      duty: row.duty,
      ptjCode: row.ptjCode.trim().toUpperCase(),
      ...(limit !== undefined && !Number.isNaN(limit) ? { approvalLimit: limit } : {}),
      ...(row.startsOn ? { startsOn: row.startsOn } : {}),
      ...(row.endsOn ? { endsOn: row.endsOn } : {}),
    };
  });
  return {
    icNumber: icDigits(input.icNumber),
    ...(agencyCode ? { agencyCode } : {}),
    ptjCode: input.ptjCode.trim().toUpperCase(),
    name: input.name.trim(),
    email: input.email.trim(),
    ...(duties.length > 0 ? { duties } : {}),
  };
}

/** The field an API problem's path names (`email`, `duties.2.endsOn`), or none (the body, the list). */
export function placeOf(path: string): Place | undefined {
  if ((PERSON_FIELDS as readonly string[]).includes(path)) return { field: path as PersonField };
  const [root, index, field, ...rest] = path.split('.');
  if (root !== 'duties' || !index || !/^\d+$/.test(index) || rest.length > 0) return undefined;
  if (!(DUTY_FIELDS as readonly string[]).includes(field ?? '')) return undefined;
  return { field: field as DutyField, row: Number(index) };
}

/**
 * An answer's problems: those at a field (a taken MyKad number belongs at its field), and whether
 * anything is left to say above the form in the answer's own words.
 */
export function placeProblems(
  code: string,
  errors: readonly FieldProblem[] = [],
): { placed: PlacedProblem[]; summary: boolean } {
  if (code === 'USER_EXISTS') return { placed: [{ field: 'icNumber', code }], summary: false };
  const placed: PlacedProblem[] = [];
  let unplaced = errors.length === 0;
  for (const problem of errors) {
    const place = placeOf(problem.path);
    if (place) placed.push({ ...place, code: problem.code });
    else unplaced = true;
  }
  return { placed, summary: unplaced };
}

/** The MyKad number's problems in its own words; any other code: not valid. */
const IC_PROBLEMS: Record<string, StringKey> = {
  REQUIRED: 'admin.register.icRequired',
  BIRTH_DATE_INVALID: 'admin.register.icDate',
  INVALID_FORMAT: 'admin.register.icFormat',
};

/** The words for a problem at a field: the MyKad number's and an empty duty row's own, the rest as every form says them. */
export function problemText({ field, code }: PlacedProblem): StringKey {
  if (field === 'icNumber' && code !== 'USER_EXISTS') return IC_PROBLEMS[code] ?? 'admin.register.icInvalid';
  if (field === 'duty' && code === 'REQUIRED') return 'admin.register.dutyRequired';
  return fieldProblemKey(field, code);
}

/** Who is registering, from the session: a system administrator (takes effect at once) or a PTJ administrator (their first PTJ). */
export function registrar(user: {
  roles: readonly string[];
  duties: readonly { duty: string; ptjCode: string }[];
}): { system: boolean; ptjCode: string | undefined } {
  const system = isSystemAdministrator(user.roles);
  const ptjCode = system ? undefined : user.duties.find((d) => d.duty === 'PENTADBIR_PTJ')?.ptjCode;
  return { system, ptjCode };
}

export type RegisterOutcome =
  | { kind: 'registered'; userId: string; name: string; email: string }
  | { kind: 'requested'; userId: string; name: string };

/** A successful answer: registered at once (201, the user), or sent for approval (202, the request). */
export function registerOutcome(data: UserAnswer | RequestAnswer): RegisterOutcome {
  if ('user' in data) {
    const { userId, name, email } = data.user;
    return { kind: 'registered', userId, name, email };
  }
  return { kind: 'requested', userId: data.request.target.userId, name: data.request.target.name };
}
