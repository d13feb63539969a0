/**
 * One user in the console (`/admin/user#<userId>`): details (and their edit), duties (give, end),
 * the actions the state allows (each confirmed in words first; done at once, or sent for
 * approval), and the audit trail in words. The parts live in web/src/admin/user-*.ts.
 */
import type { SessionResponse } from '../../functions/api/types.ts';
import { formatMalaysiaDateTime } from '../../functions/domain/malaysia-time.ts';
import type { UserAnswer } from '../../functions/handlers/admin.schema.ts';
import { type Failure, loadDuties, showFailure, startConsole } from './admin/console.ts';
import { type AdminUser, userIdFromHash, userPath } from './admin/logic.ts';
import { setUpActions } from './admin/user-actions.ts';
import { loadAudit, setUpAudit } from './admin/user-audit.ts';
import { setCatalogue, setUpDuties } from './admin/user-duties.ts';
import { setUpEdit } from './admin/user-edit.ts';
import { callerScope } from './admin/user-logic.ts';
import { onUser, setCallerScope, showUser } from './admin/user-page.ts';
import { api } from './lib/api.ts';
import { byId, message, show, showMessages } from './lib/dom.ts';
import { errorMessage } from './lib/error-messages.ts';
import { translate } from './lib/i18n.ts';

startConsole();

const loading = byId('user-loading');
const userMessage = byId('user-message');
const userView = byId('user-view');

const date = (iso: string | null | undefined) => (iso ? formatMalaysiaDateTime(iso) : undefined);

function setText(id: string, text: string | undefined): void {
  const dd = byId(id);
  if (text === undefined) translate(dd, 'admin.never');
  else {
    delete dd.dataset.i18n;
    dd.textContent = text;
  }
}

function renderDetails(shown: AdminUser): void {
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
}

onUser(renderDetails);
setUpEdit();
setUpDuties();
setUpActions();
setUpAudit();

function failed(answer: Failure): void {
  show(loading, false);
  if (answer.problem.code === 'USER_NOT_FOUND') showMessages(userMessage, [message('admin.notFound')]);
  else showFailure(answer, userMessage);
}

async function start(): Promise<void> {
  const userId = userIdFromHash(location.hash);
  if (!userId) {
    show(loading, false);
    showMessages(userMessage, [message('admin.notFound')]);
    return;
  }
  const [answer, catalogue, session] = await Promise.all([
    api<UserAnswer>('GET', userPath(userId)),
    loadDuties(),
    api<SessionResponse>('GET', '/api/auth/session'),
  ]);
  if (!answer.ok) {
    failed(answer);
    return;
  }
  // Without the session's duties nothing is hidden: the API still refuses what the caller may not do.
  setCallerScope(session.ok ? callerScope(session.data.user.duties, new Date()) : undefined);
  setCatalogue(catalogue);
  show(loading, false);
  showUser(answer.data.user);
  show(userView);
  await loadAudit(false);
}

window.addEventListener('hashchange', () => location.reload());
void start().catch(() => showMessages(userMessage, [errorMessage('UNEXPECTED')]));
