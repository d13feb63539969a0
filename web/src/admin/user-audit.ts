/**
 * The user's audit trail, newest first, in words: what happened, how it ended, who did it, and
 * what changed (before → after).
 */
import { formatMalaysiaDateTime } from '../../../functions/domain/malaysia-time.ts';
import type { AuditPage } from '../../../functions/handlers/admin.schema.ts';
import { api } from '../lib/api.ts';
import { byId, element, message, show, showMessages } from '../lib/dom.ts';
import { onLanguageChange, t } from '../lib/i18n.ts';
import { actorText, changeList, eventText } from './changes-view.ts';
import { showFailure } from './console.ts';
import { userPath } from './logic.ts';
import { onChanged, shownUser } from './user-page.ts';

type AuditRecord = AuditPage['items'][number];

const auditRows = byId('audit-rows');
const auditNext = byId<HTMLButtonElement>('audit-next');
const auditMessage = byId('audit-message');

let records: AuditRecord[] = [];
let cursor: string | undefined;

function auditRow(record: AuditRecord): HTMLLIElement {
  const li = element('li');
  const when = element('span', { className: 'line' });
  when.textContent = formatMalaysiaDateTime(record.at);
  const what = element('span', { className: 'line audit-event' });
  what.textContent = `${eventText(record.event)} · ${t(`admin.outcome.${record.outcome}`)}`;
  li.append(
    when,
    what,
    element('span', {
      className: 'line',
      text: message('admin.auditBy', { actor: actorText(record.actor) }),
    }),
  );
  const changes = changeList(record.changes);
  if (changes) li.append(changes);
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
