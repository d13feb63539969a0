/**
 * One user in the console (`/admin/user#<userId>`): details, duties, the actions the state allows
 * (each confirmed in words first; done at once, or sent for approval), and the audit trail.
 */
import { formatMalaysiaDateTime } from '../../functions/domain/malaysia-time.ts';
import type { AuditPage, RequestAnswer, UserAnswer } from '../../functions/handlers/admin.schema.ts';
import { dutyName, type Failure, loadDuties, showFailure, startConsole } from './admin/console.ts';
import {
  type AdminUser,
  actionOutcome,
  actionsFor,
  ringgit,
  type UserAction,
  userIdFromHash,
  userPath,
} from './admin/logic.ts';
import { api, postJson } from './lib/api.ts';
import { byId, element, focusTarget, message, setFieldError, show, showMessages } from './lib/dom.ts';
import { errorMessage } from './lib/error-messages.ts';
import { onLanguageChange, translate } from './lib/i18n.ts';

startConsole();

const loading = byId('user-loading');
const userMessage = byId('user-message');
const userView = byId('user-view');
const confirmForm = byId<HTMLFormElement>('action-confirm');
const confirmText = byId('action-confirm-text');
const reasonField = byId('reason-field');
const reasonInput = byId<HTMLTextAreaElement>('action-reason');
const yesButton = byId<HTMLButtonElement>('action-yes');
const actionMessage = byId('action-message');
const actionStatus = byId('action-status');
const auditRows = byId('audit-rows');
const auditNext = byId<HTMLButtonElement>('audit-next');
const actionButtons = [...document.querySelectorAll<HTMLButtonElement>('#action-buttons [data-action]')];

const userId = userIdFromHash(location.hash);
let user: AdminUser | undefined;
let pending: UserAction | undefined;
let auditCursor: string | undefined;

const date = (iso: string | null | undefined) => (iso ? formatMalaysiaDateTime(iso) : undefined);

function setText(id: string, text: string | undefined): void {
  const dd = byId(id);
  if (text === undefined) translate(dd, 'admin.never');
  else {
    delete dd.dataset.i18n;
    dd.textContent = text;
  }
}

function cell(text: string): HTMLTableCellElement {
  const td = element('td');
  td.textContent = text;
  return td;
}

function renderDuties(shown: AdminUser): void {
  byId('duties-rows').replaceChildren(
    ...shown.duties.map((duty) => {
      const tr = element('tr');
      const ends = duty.endsOn ? cell(duty.endsOn) : element('td', { text: message('admin.openEnded') });
      const limit = duty.approvalLimit === undefined ? '' : ringgit(duty.approvalLimit);
      tr.append(cell(dutyName(duty.duty)), cell(duty.ptjCode), cell(limit), cell(duty.startsOn), ends);
      return tr;
    }),
  );
  show(byId('duties-table'), shown.duties.length > 0);
  show(byId('duties-empty'), shown.duties.length === 0);
}

function render(shown: AdminUser): void {
  user = shown;
  document.title = `${shown.name} | iSPEKS`;
  byId('user-name').textContent = shown.name;
  for (const key of ['userId', 'icNumber', 'agencyCode', 'ptjCode', 'email'] as const) {
    byId(`user-${key}`).textContent = shown[key] ?? '';
  }
  const status = byId('user-status');
  translate(status, `admin.status.${shown.status}`);
  status.dataset.status = shown.status;
  setText('user-registeredAt', date(shown.registeredAt));
  setText('user-activatedAt', date(shown.activatedAt));
  setText('user-lastSignInAt', date(shown.lastSignInAt));
  const disabled = shown.status === 'DISABLED';
  show(byId('user-disabled'), disabled && !!shown.disabledAt);
  show(byId('user-reason'), disabled && !!shown.disabledReason);
  byId('user-disabledAt').textContent = date(shown.disabledAt) ?? '';
  byId('user-disabledReason').textContent = shown.disabledReason ?? '';
  renderDuties(shown);
  const allowed = actionsFor(shown.status);
  for (const button of actionButtons) show(button, allowed.includes(button.dataset.action as UserAction));
}

function auditRow(record: AuditPage['items'][number]): HTMLLIElement {
  const li = element('li');
  const when = element('span', { className: 'line' });
  when.textContent = formatMalaysiaDateTime(record.at);
  const what = element('span', { className: 'line audit-event' });
  what.textContent = `${record.event} · `;
  what.append(element('span', { text: message(`admin.outcome.${record.outcome}`) }));
  li.append(
    when,
    what,
    element('span', { className: 'line', text: message('admin.auditBy', { actor: record.actor }) }),
  );
  return li;
}

/** The trail, newest first: from the start, or (`more`) the next, older page after the rows shown. */
async function loadAudit(more: boolean): Promise<void> {
  if (!user) return;
  const query = more && auditCursor ? `?cursor=${encodeURIComponent(auditCursor)}` : '';
  auditNext.disabled = true;
  const answer = await api<AuditPage>('GET', userPath(user.userId, `/audit${query}`));
  auditNext.disabled = false;
  const area = byId('audit-message');
  if (!answer.ok) {
    showFailure(answer, area, false);
    return;
  }
  showMessages(area, []);
  const rows = answer.data.items.map(auditRow);
  if (more) auditRows.append(...rows);
  else auditRows.replaceChildren(...rows);
  auditCursor = answer.data.nextCursor;
  show(byId('audit-empty'), auditRows.childElementCount === 0);
  show(auditNext, auditCursor !== undefined);
}

function closeConfirm(moveFocus: boolean): void {
  const was = pending;
  pending = undefined;
  reasonInput.value = '';
  setFieldError(reasonInput, []);
  showMessages(actionMessage, []);
  show(confirmForm, false);
  const button = actionButtons.find((b) => b.dataset.action === was);
  if (moveFocus && button && !button.hidden) button.focus();
}

function openConfirm(action: UserAction): void {
  if (!user) return;
  closeConfirm(false);
  pending = action;
  showMessages(actionStatus, []);
  translate(confirmText, `admin.confirm.${action}`, { name: user.name, email: user.email });
  show(reasonField, action === 'deactivate');
  show(confirmForm);
  if (action === 'deactivate') reasonInput.focus();
  else focusTarget(confirmText);
}

async function confirmAction(): Promise<void> {
  if (!user || !pending) return;
  const action = pending;
  const reason = reasonInput.value.trim();
  if (action === 'deactivate' && reason.length < 3) {
    setFieldError(reasonInput, [message('admin.reasonRequired')]);
    reasonInput.focus();
    return;
  }
  yesButton.disabled = true;
  const answer = await postJson<UserAnswer | RequestAnswer>(
    userPath(user.userId, `/${action}`),
    action === 'deactivate' ? { reason } : undefined,
  );
  yesButton.disabled = false;
  if (!answer.ok) {
    if (answer.problem.errors?.some((e) => e.path === 'reason')) {
      setFieldError(reasonInput, [message('admin.reasonRequired')]);
      reasonInput.focus();
    } else showFailure(answer, actionMessage, false);
    return;
  }
  const outcome = actionOutcome(answer.status);
  closeConfirm(false);
  if ('user' in answer.data) render(answer.data.user);
  showMessages(actionStatus, [message(outcome === 'requested' ? 'admin.requested' : `admin.done.${action}`)]);
  focusTarget(actionStatus);
  void loadAudit(false);
}

for (const button of actionButtons) {
  button.addEventListener('click', () => openConfirm(button.dataset.action as UserAction));
}
byId('action-cancel').addEventListener('click', () => closeConfirm(true));
reasonInput.addEventListener('input', () => setFieldError(reasonInput, []));
confirmForm.addEventListener('submit', (event) => {
  event.preventDefault();
  void confirmAction();
});
auditNext.addEventListener('click', () => void loadAudit(true));
onLanguageChange(() => {
  if (user) renderDuties(user);
});

function failed(answer: Failure): void {
  show(loading, false);
  if (answer.problem.code === 'USER_NOT_FOUND') showMessages(userMessage, [message('admin.notFound')]);
  else showFailure(answer, userMessage);
}

async function start(): Promise<void> {
  if (!userId) {
    show(loading, false);
    showMessages(userMessage, [message('admin.notFound')]);
    return;
  }
  const [answer] = await Promise.all([api<UserAnswer>('GET', userPath(userId)), loadDuties()]);
  if (!answer.ok) {
    failed(answer);
    return;
  }
  show(loading, false);
  render(answer.data.user);
  show(userView);
  await loadAudit(false);
}

window.addEventListener('hashchange', () => location.reload());
void start().catch(() => showMessages(userMessage, [errorMessage('UNEXPECTED')]));
