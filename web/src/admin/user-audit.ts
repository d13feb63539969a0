/**
 * The user's audit trail, newest first, in words: what happened, how it ended, who did it, and
 * what changed (before → after).
 */
import { formatMalaysiaDateTime } from '../../../functions/domain/malaysia-time.ts';
import type { AuditPage } from '../../../functions/handlers/admin.schema.ts';
import { api } from '../lib/api.ts';
import { byId, element, message, show, showMessages } from '../lib/dom.ts';
import { isStringKey, type Message, onLanguageChange, t } from '../lib/i18n.ts';
import { dutyName, showFailure } from './console.ts';
import { ringgit, userPath } from './logic.ts';
import {
  type ChangeValue,
  changeShape,
  changeValue,
  type Duty,
  dutiesDiff,
  dutyLine,
  fieldLabelKey,
} from './user-logic.ts';
import { onChanged, shownUser } from './user-page.ts';

type AuditRecord = AuditPage['items'][number];

const auditRows = byId('audit-rows');
const auditNext = byId<HTMLButtonElement>('audit-next');
const auditMessage = byId('audit-message');

let records: AuditRecord[] = [];
let cursor: string | undefined;

/** A value of a change in the current language. */
function valueText(value: ChangeValue): string {
  switch (value.kind) {
    case 'none':
      return t('admin.edit.none');
    case 'status': {
      const key = `admin.status.${value.status}`;
      return isStringKey(key) ? t(key) : value.status;
    }
    case 'time':
      return formatMalaysiaDateTime(value.iso);
    case 'duties':
      return value.duties.map(dutyText).join('; ');
    case 'text':
      return value.text;
  }
}

/** One duty in words, in the current language. */
const dutyText = (duty: Duty) =>
  dutyLine(duty, dutyName(duty.duty), {
    limit: duty.approvalLimit === undefined ? undefined : ringgit(duty.approvalLimit),
    openEnded: t('admin.openEnded'),
  });

/** A change of the duty list as what was given, changed and taken off. */
function dutyChanges(before: ChangeValue, after: ChangeValue): Message[] {
  const list = (value: ChangeValue) => (value.kind === 'duties' ? value.duties : []);
  const diff = dutiesDiff(list(before), list(after));
  return [
    ...diff.added.map((duty) => message('admin.edit.dutyAdded', { duty: dutyText(duty) })),
    ...diff.changed.map(([old, now]) =>
      message('admin.edit.dutyChanged', { before: dutyText(old), after: dutyText(now) }),
    ),
    ...diff.removed.map((duty) => message('admin.edit.dutyRemoved', { duty: dutyText(duty) })),
  ];
}

function changeList(changes: NonNullable<AuditRecord['changes']>): HTMLUListElement {
  const list = element('ul', { className: 'audit-changes' });
  for (const [field, change] of Object.entries(changes)) {
    const before = changeValue(field, change.before);
    const after = changeValue(field, change.after);
    const labelKey = fieldLabelKey(field);
    const vars = {
      field: labelKey ? t(labelKey) : field,
      before: valueText(before),
      after: valueText(after),
    };
    const shape = changeShape(before, after);
    const lines =
      field === 'duties'
        ? dutyChanges(before, after)
        : shape === 'none'
          ? []
          : [message(shape === 'set' ? 'admin.edit.changeSet' : 'admin.edit.changeLine', vars)];
    list.append(...lines.map((line) => element('li', { text: line })));
  }
  return list;
}

function auditRow(record: AuditRecord): HTMLLIElement {
  const li = element('li');
  const when = element('span', { className: 'line' });
  when.textContent = formatMalaysiaDateTime(record.at);
  const eventKey = `admin.event.${record.event}`;
  const what = element('span', { className: 'line audit-event' });
  what.textContent = `${isStringKey(eventKey) ? t(eventKey) : record.event} · ${t(`admin.outcome.${record.outcome}`)}`;
  li.append(
    when,
    what,
    element('span', { className: 'line', text: message('admin.auditBy', { actor: record.actor }) }),
  );
  if (record.changes && Object.keys(record.changes).length > 0) li.append(changeList(record.changes));
  return li;
}

function renderRecords(): void {
  auditRows.replaceChildren(...records.map(auditRow));
  show(byId('audit-empty'), records.length === 0);
  show(auditNext, cursor !== undefined);
}

/** The trail from the start, or (`more`) the next, older page after the records shown. */
export async function loadAudit(more: boolean): Promise<void> {
  const user = shownUser();
  if (!user) return;
  const query = more && cursor ? `?cursor=${encodeURIComponent(cursor)}` : '';
  auditNext.disabled = true;
  const answer = await api<AuditPage>('GET', userPath(user.userId, `/audit${query}`));
  auditNext.disabled = false;
  if (!answer.ok) {
    showFailure(answer, auditMessage, false);
    return;
  }
  showMessages(auditMessage, []);
  records = more ? [...records, ...answer.data.items] : answer.data.items;
  cursor = answer.data.nextCursor;
  renderRecords();
}

export function setUpAudit(): void {
  auditNext.addEventListener('click', () => void loadAudit(true));
  onChanged(() => void loadAudit(false));
  // The records hold codes and duty names: written again in the new language.
  onLanguageChange(renderRecords);
}
