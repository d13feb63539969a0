/**
 * What a change did, as the console's pages tell it (an audit record's `changes`, a request's, the
 * user page's edit before it is sent): each field's label, its values before and after by kind
 * (nothing, a status, an instant, a day, duties, text: never JSON), and a change of the duty list
 * as what was given, changed and taken off. No DOM and no words: web/src/admin/changes-view.ts
 * writes them; test/web/changes.test.ts runs these as they are.
 */
import { formatMalaysiaDateTime } from '../../../functions/domain/malaysia-time.ts';
import type { StringKey } from '../lib/i18n.ts';
import { dayText, USER_STATUSES, type UserStatus } from './logic.ts';

/** One duty assignment as a change holds it. */
export interface Assignment {
  duty: string;
  ptjCode: string;
  approvalLimit?: number;
  startsOn: string;
  endsOn?: string;
}

/** A value of a change, ready for words. */
export type ChangeValue =
  | { kind: 'none' }
  | { kind: 'status'; status: UserStatus }
  | { kind: 'time'; iso: string }
  | { kind: 'day'; day: string }
  | { kind: 'duties'; duties: Assignment[] }
  | { kind: 'text'; text: string };

export interface ShownChange {
  field: string;
  /** The field's name in words; an unknown field shows its own name. */
  label?: StringKey;
  before: ChangeValue;
  after: ChangeValue;
}

/** The fields a change names, in the order a reader expects them (unknown fields last). */
const FIELD_LABELS: Record<string, StringKey> = {
  name: 'common.name',
  icNumber: 'login.icNumber',
  agencyCode: 'admin.agency',
  ptjCode: 'admin.ptj',
  email: 'activation.email',
  status: 'admin.status',
  disabledReason: 'admin.reason',
  lockedUntil: 'admin.change.lockedUntil',
  duties: 'admin.dutiesHeading',
};
const FIELD_ORDER = Object.keys(FIELD_LABELS);

export function fieldLabelKey(field: string): StringKey | undefined {
  return Object.hasOwn(FIELD_LABELS, field) ? FIELD_LABELS[field] : undefined;
}

const CALENDAR_DAY = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

function isAssignment(value: unknown): value is Assignment {
  if (typeof value !== 'object' || value === null) return false;
  const { duty, ptjCode, startsOn } = value as Record<string, unknown>;
  return typeof duty === 'string' && typeof ptjCode === 'string' && typeof startsOn === 'string';
}

/** Anything else, in plain words: lists joined, an object's entries named, times and days as the pages write them. */
function plain(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') {
    if (INSTANT.test(value)) return formatMalaysiaDateTime(value);
    return CALENDAR_DAY.test(value) ? dayText(value) : value;
  }
  if (Array.isArray(value)) return value.map(plain).join(', ');
  if (typeof value === 'object') {
    return Object.entries(value)
      .map(([key, inner]) => `${key}: ${plain(inner)}`)
      .join('; ');
  }
  return String(value);
}

/** A value of `field` as its kind; a duty list stays one even when empty (no duties is news too). */
export function changeValue(field: string, value: unknown): ChangeValue {
  if (field === 'duties' && Array.isArray(value) && value.every(isAssignment)) {
    return { kind: 'duties', duties: value };
  }
  if (value === null || value === undefined || value === '') return { kind: 'none' };
  if (Array.isArray(value) && value.length === 0) return { kind: 'none' };
  if (field === 'status' && USER_STATUSES.includes(value as UserStatus)) {
    return { kind: 'status', status: value as UserStatus };
  }
  if (typeof value === 'string' && INSTANT.test(value)) return { kind: 'time', iso: value };
  if (typeof value === 'string' && CALENDAR_DAY.test(value)) return { kind: 'day', day: value };
  return { kind: 'text', text: plain(value) };
}

export function shownChange(field: string, before: unknown, after: unknown): ShownChange {
  const label = fieldLabelKey(field);
  return {
    field,
    ...(label ? { label } : {}),
    before: changeValue(field, before),
    after: changeValue(field, after),
  };
}

/** A record's or a request's `changes`, field by field in reading order. */
export function shownChanges(changes: Record<string, { before?: unknown; after?: unknown }>): ShownChange[] {
  const rank = (field: string) => {
    const at = FIELD_ORDER.indexOf(field);
    return at === -1 ? FIELD_ORDER.length : at;
  };
  return Object.keys(changes)
    .sort((a, b) => rank(a) - rank(b))
    .map((field) => shownChange(field, changes[field]?.before, changes[field]?.after));
}

/** How a change reads: nothing to say (none before or after), a value set where there was none, or before → after. */
export function changeShape(before: ChangeValue, after: ChangeValue): 'none' | 'set' | 'change' {
  if (before.kind === 'none') return after.kind === 'none' ? 'none' : 'set';
  return 'change';
}

export interface DutiesDiff {
  added: Assignment[];
  removed: Assignment[];
  /** The same duty, PTJ and start with another limit or end: [before, after]. */
  changed: [Assignment, Assignment][];
}

const dutyKey = (duty: Assignment) => `${duty.duty}|${duty.ptjCode}|${duty.startsOn}`;
/** The same assignment: duty, PTJ, dates and limit. */
export const sameDuty = (a: Assignment, b: Assignment) =>
  dutyKey(a) === dutyKey(b) && a.approvalLimit === b.approvalLimit && a.endsOn === b.endsOn;

/** What a change of the duty list did, rather than two whole lists: given, taken off, or changed (an end date set). */
export function dutiesDiff(before: readonly Assignment[], after: readonly Assignment[]): DutiesDiff {
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

/** The duties of a change's value: its list, or none. */
export const dutiesOf = (value: ChangeValue): Assignment[] => (value.kind === 'duties' ? value.duties : []);
