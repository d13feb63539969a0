/**
 * What changed, in words of the current language (web/src/admin/changes.ts decides what to say): a
 * field's name, a value, a duty in one line (the requests page sets them in a before / after
 * table), a change in lines (`Status: Aktif → Dinyahaktifkan`, `Tugas diberi: …`: the audit page,
 * the user page's trail and its edit), and an audit record's event and actor. Pages that show
 * these write them again when the language changes.
 */
import { formatMalaysiaDateTime } from '../../../functions/domain/malaysia-time.ts';
import { element } from '../lib/dom.ts';
import { isStringKey, t } from '../lib/i18n.ts';
import {
  type Assignment,
  type ChangeValue,
  changeShape,
  dutiesDiff,
  dutiesOf,
  type ShownChange,
  shownChanges,
} from './changes.ts';
import { dutyName } from './console.ts';
import { dayText, ringgit } from './logic.ts';

/** One assignment in a line: `Pelulus · PTJ 1001 · had RM 50,000.00 · 01/03/2026 hingga 31/12/2026`. */
export function dutyText(duty: Assignment): string {
  const from = dayText(duty.startsOn);
  return [
    dutyName(duty.duty),
    t('admin.change.dutyPtj', { ptj: duty.ptjCode }),
    ...(duty.approvalLimit === undefined
      ? []
      : [t('admin.change.dutyLimit', { amount: ringgit(duty.approvalLimit) })]),
    duty.endsOn
      ? t('admin.change.dutyDates', { from, to: dayText(duty.endsOn) })
      : t('admin.change.dutyFrom', { from }),
  ].join(' · ');
}

/** A value in words; a list of duties, one line each. */
export function valueText(value: ChangeValue): string {
  switch (value.kind) {
    case 'none':
      return t('admin.change.none');
    case 'status':
      return t(`admin.status.${value.status}`);
    case 'time':
      return formatMalaysiaDateTime(value.iso);
    case 'day':
      return dayText(value.day);
    case 'duties':
      return value.duties.length === 0 ? t('admin.noDuties') : value.duties.map(dutyText).join('; ');
    case 'text':
      return value.text;
  }
}

export const fieldText = (change: ShownChange) => (change.label ? t(change.label) : change.field);

/**
 * A change in lines: `Status: Aktif → Dinyahaktifkan`; a value set where there was none, `Sebab:
 * Bersara`; nothing for a field empty on both sides; a change of duties as each duty given,
 * changed and taken off.
 */
export function changeLines(change: ShownChange): string[] {
  const { before, after } = change;
  if (before.kind === 'duties' || after.kind === 'duties') {
    const diff = dutiesDiff(dutiesOf(before), dutiesOf(after));
    return [
      ...diff.added.map((duty) => t('admin.change.dutyAdded', { duty: dutyText(duty) })),
      ...diff.changed.map(([old, now]) =>
        t('admin.change.dutyChanged', { before: dutyText(old), after: dutyText(now) }),
      ),
      ...diff.removed.map((duty) => t('admin.change.dutyRemoved', { duty: dutyText(duty) })),
    ];
  }
  const shape = changeShape(before, after);
  if (shape === 'none') return [];
  const vars = { field: fieldText(change), before: valueText(before), after: valueText(after) };
  return [t(shape === 'set' ? 'admin.change.set' : 'admin.change.line', vars)];
}

/** Changes as list items, a line each (none for a change with nothing to say). */
export function changeItems(changes: readonly ShownChange[]): HTMLLIElement[] {
  return changes.flatMap(changeLines).map((line) => {
    const li = element('li');
    li.textContent = line;
    return li;
  });
}

/** An audit record's `changes` as a list, or none when nothing is to be said. */
export function changeList(
  changes: Parameters<typeof shownChanges>[0] | undefined,
): HTMLUListElement | undefined {
  const items = changeItems(shownChanges(changes ?? {}));
  if (items.length === 0) return undefined;
  const list = element('ul', { className: 'audit-changes' });
  list.append(...items);
  return list;
}

/** An audit event in words; one this page does not know yet shows as it is. */
export function eventText(event: string): string {
  const key = `admin.event.${event}`;
  return isStringKey(key) ? t(key) : event;
}

/** Who did it: a user ID, an automation, or someone not signed in, in words. */
export const actorText = (actor: string) => (actor === 'anonymous' ? t('admin.audit.anonymous') : actor);
