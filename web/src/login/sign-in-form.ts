import type { LoginResponse } from '../../../functions/api/types.ts';
import type { StringKey } from '../i18n/ms.ts';
import { type Problem, postJson } from '../lib/api.ts';
import { byId, message, setBusy, setFieldError, showMessages } from '../lib/dom.ts';
import { errorMessage } from '../lib/error-messages.ts';
import type { Message } from '../lib/i18n.ts';

export interface SignInForm {
  /** The form again, saying why (logged out, every session ended, the session expired). */
  showSignedOut(why: StringKey): void;
}

/** The Log Masuk form (`#login-form`): the ID card number and password, and why a sign-in failed. */
export function signInForm({ onSignedIn }: { onSignedIn: (answer: LoginResponse) => void }): SignInForm {
  const form = byId<HTMLFormElement>('login-form');
  const userIdInput = byId<HTMLInputElement>('login-user-id');
  const passwordInput = byId<HTMLInputElement>('login-password');
  const loginMessage = byId('login-message');
  const loginStatus = byId('login-status');

  /** Field problems go next to their field; anything else into the form's alert. */
  function showProblem(problem: Problem, retryAfter: number | undefined): void {
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
    const answer = await postJson<LoginResponse>('/api/auth/login', {
      userId: userIdInput.value.trim(),
      password: passwordInput.value,
    });
    setBusy(form, false);
    if (answer.ok) {
      passwordInput.value = '';
      onSignedIn(answer.data);
    } else {
      showProblem(answer.problem, answer.retryAfter);
    }
  });

  return {
    showSignedOut(why) {
      passwordInput.value = '';
      showMessages(loginStatus, [message(why)]);
      userIdInput.focus();
    },
  };
}
