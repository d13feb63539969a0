import type { ChangePasswordResponse } from '../../../functions/api/types.ts';
import { type Problem, postJson } from '../lib/api.ts';
import { byId, focusTarget, message, setFieldError, show, showMessages } from '../lib/dom.ts';
import { errorMessage } from '../lib/error-messages.ts';
import { newPasswordFields } from '../lib/new-password.ts';
import type { KnownPersonalData, PasswordPolicyView } from '../lib/password-rules.ts';

export interface ChangePasswordForm {
  /** The closed form for a signed-in officer, judged by this policy. */
  start(policy: PasswordPolicyView, personal: KnownPersonalData): void;
  /** Closes the form and forgets what was typed in it. */
  close(moveFocus: boolean): void;
}

/**
 * Tukar Kata Laluan (`#change-form`): the current password and the shared new-password fields;
 * the other sessions end, this one stays. `onSessionEnded` when the session had ended meanwhile.
 */
export function changePasswordForm({ onSessionEnded }: { onSessionEnded: () => void }): ChangePasswordForm {
  const changeOpen = byId<HTMLButtonElement>('change-open');
  const changeForm = byId<HTMLFormElement>('change-form');
  const changeSave = byId<HTMLButtonElement>('change-save');
  const changeMessage = byId('change-message');
  const changeStatus = byId('change-status');
  const currentInput = byId<HTMLInputElement>('current-password');

  let changing = false;
  const refreshSave = () => {
    changeSave.disabled = changing || !fields.ready();
  };
  const fields = newPasswordFields({ id: 'new-password', alsoShow: [currentInput], onChange: refreshSave });

  function open(): void {
    showMessages(changeStatus, []);
    show(changeOpen, false);
    show(changeForm);
    currentInput.focus();
  }

  function close(moveFocus: boolean): void {
    currentInput.value = '';
    setFieldError(currentInput, []);
    fields.reset();
    refreshSave();
    showMessages(changeMessage, []);
    show(changeForm, false);
    show(changeOpen);
    if (moveFocus) changeOpen.focus();
  }

  function showProblem(problem: Problem, retryAfter: number | undefined): void {
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
    else if (onNew) onNew.focus();
    else showMessages(changeMessage, [errorMessage(problem.code, { retryAfter })]);
  }

  changeOpen.addEventListener('click', open);
  byId('change-cancel').addEventListener('click', () => close(true));
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
    const answer = await postJson<ChangePasswordResponse>('/api/account/password', {
      currentPassword: currentInput.value,
      password: fields.password.value,
      passwordConfirmation: fields.confirmation.value,
    });
    changing = false;
    refreshSave();
    if (answer.ok) {
      close(false);
      showMessages(changeStatus, [message('login.passwordChanged')]);
      focusTarget(changeStatus);
    } else if (answer.status === 401) {
      onSessionEnded();
    } else {
      showProblem(answer.problem, answer.retryAfter);
    }
  });

  return {
    start(policy, personal) {
      fields.setPolicy(policy, personal);
      showMessages(changeStatus, []);
      close(false);
    },
    close,
  };
}
