import type { StringKey } from './i18n/ms.ts';
import { api, type Problem, postJson } from './lib/api.ts';
import { byId, focusTarget, message, setBusy, setFieldError, show, showMessages } from './lib/dom.ts';
import { errorMessage } from './lib/error-messages.ts';
import type { Message } from './lib/i18n.ts';
import { newPasswordFields } from './lib/new-password.ts';
import { initPage } from './lib/page.ts';
import { type PasswordPolicyView, SOURCE_POLICY } from './lib/password-rules.ts';

interface SessionUser {
  userId: string;
  icNumber: string;
  name: string;
  email: string;
  roles: string[];
}

/** A session answer may one day carry the deployment's policy; until then the source's. */
interface SessionAnswer {
  user?: SessionUser;
  passwordPolicy?: PasswordPolicyView;
}

initPage();

const loginView = byId('login-view');
const sessionView = byId('session-view');
const form = byId<HTMLFormElement>('login-form');
const userIdInput = byId<HTMLInputElement>('login-user-id');
const passwordInput = byId<HTMLInputElement>('login-password');
const loginMessage = byId('login-message');
const loginStatus = byId('login-status');
const logoutButton = byId<HTMLButtonElement>('logout');
const logoutMessage = byId('logout-message');

const changeOpen = byId<HTMLButtonElement>('change-open');
const changeForm = byId<HTMLFormElement>('change-form');
const changeSave = byId<HTMLButtonElement>('change-save');
const changeMessage = byId('change-message');
const changeStatus = byId('change-status');
const currentInput = byId<HTMLInputElement>('current-password');
const revokeOpen = byId<HTMLButtonElement>('revoke-open');
const revokeConfirm = byId('revoke-confirm');
const revokeYes = byId<HTMLButtonElement>('revoke-yes');
const revokeMessage = byId('revoke-message');

let changing = false;
const fields = newPasswordFields({ id: 'new-password', alsoShow: [currentInput], onChange: refreshSave });

function showSignedIn(answer: SessionAnswer & { user: SessionUser }, moveFocus: boolean): void {
  const { user } = answer;
  byId('session-name').textContent = user.name;
  byId('session-user-id').textContent = user.userId;
  byId<HTMLInputElement>('change-username').value = user.userId;
  fields.setPolicy(answer.passwordPolicy ?? SOURCE_POLICY, { icNumber: user.icNumber, name: user.name });
  for (const area of [logoutMessage, changeStatus, revokeMessage]) showMessages(area, []);
  closeChangeForm(false);
  closeRevokeConfirm(false);
  show(loginView, false);
  show(sessionView);
  if (moveFocus) focusTarget(byId('session-heading'));
}

/** Back to the login form, saying why (logged out, every session ended, the session expired). */
function showSignedOut(why: StringKey): void {
  closeChangeForm(false);
  closeRevokeConfirm(false);
  show(sessionView, false);
  show(loginView);
  passwordInput.value = '';
  showMessages(loginStatus, [message(why)]);
  userIdInput.focus();
}

/** Field problems go next to their field; anything else into the form's alert. */
function showLoginProblem(problem: Problem, retryAfter: number | undefined): void {
  if (problem.code === 'VALIDATION_FAILED' && problem.errors?.length) {
    const onUserId = problem.errors.filter((e) => e.path === 'userId');
    if (onUserId.length > 0) {
      setFieldError(userIdInput, [errorMessage(onUserId[0]?.code ?? '', {}, 'USER_ID_INVALID')]);
      userIdInput.focus();
      return;
    }
  }
  const text = errorMessage(problem.code, { retryAfter }, 'VALIDATION_FAILED');
  showMessages(loginMessage, [problem.code === 'NOT_FOUND' ? errorMessage('UNEXPECTED') : text]);
  if (problem.code === 'INVALID_CREDENTIALS') {
    passwordInput.value = '';
    passwordInput.focus();
  }
}

function requiredFieldsMissing(): boolean {
  const missing: [HTMLInputElement, Message][] = [];
  if (!userIdInput.value.trim()) missing.push([userIdInput, message('login.requiredIcNumber')]);
  if (!passwordInput.value) missing.push([passwordInput, message('login.requiredPassword')]);
  for (const [input, text] of missing) setFieldError(input, [text]);
  missing[0]?.[0].focus();
  return missing.length > 0;
}

for (const input of [userIdInput, passwordInput]) {
  input.addEventListener('input', () => setFieldError(input, []));
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  showMessages(loginMessage, []);
  showMessages(loginStatus, []);
  if (requiredFieldsMissing()) return;
  setBusy(form, true);
  const answer = await postJson<{ user: SessionUser }>('/api/auth/login', {
    userId: userIdInput.value.trim(),
    password: passwordInput.value,
  });
  setBusy(form, false);
  if (answer.ok) {
    passwordInput.value = '';
    showSignedIn(answer.data, true);
  } else {
    showLoginProblem(answer.problem, answer.retryAfter);
  }
});

logoutButton.addEventListener('click', async () => {
  logoutButton.disabled = true;
  const answer = await postJson<undefined>('/api/auth/logout');
  logoutButton.disabled = false;
  // 401: the session had already ended, which is what the officer asked for.
  if (answer.ok || answer.status === 401) showSignedOut('login.loggedOut');
  else showMessages(logoutMessage, [errorMessage(answer.problem.code)]);
});

// --- Tukar Kata Laluan -----------------------------------------------------------------------

function refreshSave(): void {
  changeSave.disabled = changing || !fields.ready();
}

function openChangeForm(): void {
  showMessages(changeStatus, []);
  show(changeOpen, false);
  show(changeForm);
  currentInput.focus();
}

/** Closes the form and forgets what was typed in it. */
function closeChangeForm(moveFocus: boolean): void {
  currentInput.value = '';
  setFieldError(currentInput, []);
  fields.reset();
  refreshSave();
  showMessages(changeMessage, []);
  show(changeForm, false);
  show(changeOpen);
  if (moveFocus) changeOpen.focus();
}

function showChangeProblem(problem: Problem, retryAfter: number | undefined): void {
  const errors = problem.errors ?? [];
  const onCurrent = errors.filter((e) => e.path === 'currentPassword');
  if (onCurrent.length > 0) {
    currentInput.value = '';
    setFieldError(
      currentInput,
      onCurrent.map((e) => errorMessage(e.code, {}, 'VALIDATION_FAILED')),
    );
  }
  const onNew = fields.showProblems(errors);
  if (onCurrent.length > 0) currentInput.focus();
  else if (onNew) (errors.some((e) => e.path === 'password') ? fields.password : fields.confirmation).focus();
  else showMessages(changeMessage, [errorMessage(problem.code, { retryAfter })]);
}

changeOpen.addEventListener('click', openChangeForm);
byId('change-cancel').addEventListener('click', () => closeChangeForm(true));
currentInput.addEventListener('input', () => setFieldError(currentInput, []));
changeForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  showMessages(changeMessage, []);
  if (!currentInput.value) {
    setFieldError(currentInput, [message('login.requiredCurrent')]);
    currentInput.focus();
    return;
  }
  if (changeSave.disabled) return;
  changing = true;
  refreshSave();
  const answer = await postJson<{ changedAt: string }>('/api/account/password', {
    currentPassword: currentInput.value,
    password: fields.password.value,
    passwordConfirmation: fields.confirmation.value,
  });
  changing = false;
  refreshSave();
  if (answer.ok) {
    closeChangeForm(false);
    showMessages(changeStatus, [message('login.passwordChanged')]);
    focusTarget(changeStatus);
  } else if (answer.status === 401) {
    showSignedOut('error.UNAUTHENTICATED');
  } else {
    showChangeProblem(answer.problem, answer.retryAfter);
  }
});

// --- Log Keluar Semua Sesi -------------------------------------------------------------------

function closeRevokeConfirm(moveFocus: boolean): void {
  show(revokeConfirm, false);
  show(revokeOpen);
  if (moveFocus) revokeOpen.focus();
}

revokeOpen.addEventListener('click', () => {
  showMessages(revokeMessage, []);
  show(revokeOpen, false);
  show(revokeConfirm);
  focusTarget(byId('revoke-confirm-text'));
});
byId('revoke-cancel').addEventListener('click', () => closeRevokeConfirm(true));
revokeYes.addEventListener('click', async () => {
  revokeYes.disabled = true;
  const answer = await postJson<undefined>('/api/account/sessions/revoke');
  revokeYes.disabled = false;
  // 401: this session had ended already; the others are the server's to end, so say only that.
  if (answer.ok) showSignedOut('login.revoked');
  else if (answer.status === 401) showSignedOut('error.UNAUTHENTICATED');
  else showMessages(revokeMessage, [errorMessage(answer.problem.code)]);
});

async function restoreSession(): Promise<void> {
  const session = await api<SessionAnswer>('GET', '/api/auth/session');
  const user = session.ok ? session.data?.user : undefined;
  if (session.ok && user) showSignedIn({ ...session.data, user }, false);
}

void restoreSession();
