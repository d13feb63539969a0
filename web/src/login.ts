/**
 * The login page (`/`): the Log Masuk form (login/sign-in-form.ts) or, signed in, the session view
 * with Log Keluar, Tukar Kata Laluan (login/change-password.ts) and Log Keluar Semua Sesi
 * (login/revoke-sessions.ts), and for an administrator the way to the console (`/admin`), where a
 * fresh sign-in takes them at once. This file moves between the two views.
 */
import type { LoginResponse, SessionResponse } from '../../functions/api/types.ts';
import type { StringKey } from './i18n/ms.ts';
import { api, postJson } from './lib/api.ts';
import { byId, focusTarget, show, showMessages } from './lib/dom.ts';
import { errorMessage } from './lib/error-messages.ts';
import { initPage } from './lib/page.ts';
import { type PasswordPolicyView, SOURCE_POLICY } from './lib/password-rules.ts';
import { consoleReturnPath } from './lib/return-to.ts';
import { isAdministrator } from './lib/roles.ts';
import { changePasswordForm } from './login/change-password.ts';
import { revokeSessions } from './login/revoke-sessions.ts';
import { signInForm } from './login/sign-in-form.ts';

initPage();

const loginView = byId('login-view');
const sessionView = byId('session-view');
const logoutButton = byId<HTMLButtonElement>('logout');
const logoutMessage = byId('logout-message');

/**
 * An administrator goes on to the console (to the page they had asked for, when a console page
 * sent them here); every other officer stays on the session view.
 */
const signIn = signInForm({
  onSignedIn: (answer) => {
    if (isAdministrator(answer.user.roles))
      location.assign(consoleReturnPath(location.search, location.origin));
    else showSignedIn(answer.user, undefined, true);
  },
});
const changePassword = changePasswordForm({ onSessionEnded: () => showSignedOut('error.UNAUTHENTICATED') });
const revoke = revokeSessions({ onSignedOut: showSignedOut });

/**
 * The session view. The sign-in answer names no policy: the change form then judges by the
 * source's, and the server by the deployment's when the form is sent.
 */
function showSignedIn(
  user: LoginResponse['user'],
  policy: PasswordPolicyView | undefined,
  moveFocus: boolean,
): void {
  byId('session-name').textContent = user.name;
  byId('session-user-id').textContent = user.userId;
  show(byId('console-link'), isAdministrator(user.roles));
  byId<HTMLInputElement>('change-username').value = user.userId;
  changePassword.start(policy ?? SOURCE_POLICY, { icNumber: user.icNumber, name: user.name });
  showMessages(logoutMessage, []);
  revoke.reset();
  show(loginView, false);
  show(sessionView);
  if (moveFocus) focusTarget(byId('session-heading'));
}

/** Back to the login form, saying why (logged out, every session ended, the session expired). */
function showSignedOut(why: StringKey): void {
  changePassword.close(false);
  revoke.close(false);
  show(sessionView, false);
  show(loginView);
  signIn.showSignedOut(why);
}

logoutButton.addEventListener('click', async () => {
  logoutButton.disabled = true;
  const answer = await postJson<undefined>('/api/auth/logout');
  logoutButton.disabled = false;
  // 401: the session had already ended, which is what the officer asked for.
  if (answer.ok || answer.status === 401) showSignedOut('login.loggedOut');
  else showMessages(logoutMessage, [errorMessage(answer.problem.code)]);
});

async function restoreSession(): Promise<void> {
  const session = await api<SessionResponse | undefined>('GET', '/api/auth/session');
  if (session.ok && session.data) showSignedIn(session.data.user, session.data.passwordPolicy, false);
}

void restoreSession();
