import { api, type Problem, postJson } from './lib/api.ts';
import { byId, focusTarget, message, setBusy, setFieldError, show, showMessages } from './lib/dom.ts';
import { errorMessage } from './lib/error-messages.ts';
import type { Message } from './lib/i18n.ts';
import { initPage } from './lib/page.ts';

interface SessionUser {
  userId: string;
  icNumber: string;
  name: string;
  email: string;
  roles: string[];
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

function showSignedIn(user: SessionUser, moveFocus: boolean): void {
  byId('session-name').textContent = user.name;
  byId('session-user-id').textContent = user.userId;
  showMessages(logoutMessage, []);
  show(loginView, false);
  show(sessionView);
  if (moveFocus) focusTarget(byId('session-heading'));
}

function showSignedOut(): void {
  show(sessionView, false);
  show(loginView);
  passwordInput.value = '';
  showMessages(loginStatus, [message('login.loggedOut')]);
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
    showSignedIn(answer.data.user, true);
  } else {
    showLoginProblem(answer.problem, answer.retryAfter);
  }
});

logoutButton.addEventListener('click', async () => {
  logoutButton.disabled = true;
  const answer = await postJson<undefined>('/api/auth/logout');
  logoutButton.disabled = false;
  // 401: the session had already ended, which is what the officer asked for.
  if (answer.ok || answer.status === 401) showSignedOut();
  else showMessages(logoutMessage, [errorMessage(answer.problem.code)]);
});

async function restoreSession(): Promise<void> {
  const session = await api<{ user?: SessionUser }>('GET', '/api/auth/session');
  if (session.ok && session.data?.user) showSignedIn(session.data.user, false);
}

void restoreSession();
