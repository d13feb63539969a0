/**
 * The user page's actions (deactivate, reactivate, unlock, send the activation e-mail again, start
 * a password reset): those the user's state allows, each confirmed in words first.
 */
import type { RequestAnswer, UserAnswer } from '../../../functions/handlers/admin.schema.ts';
import { postJson } from '../lib/api.ts';
import { byId, focusTarget, message, setFieldError, show, showMessages } from '../lib/dom.ts';
import { translate } from '../lib/i18n.ts';
import { reasonFrom, reasonProblem, showFailure } from './console.ts';
import { actionsFor, type UserAction, userPath } from './logic.ts';
import {
  clearOutcome,
  closeOtherPanels,
  onUser,
  registerPanel,
  shownUser,
  tellOutcome,
} from './user-page.ts';

const confirmForm = byId<HTMLFormElement>('action-confirm');
const confirmText = byId('action-confirm-text');
const reasonField = byId('reason-field');
const reasonInput = byId<HTMLTextAreaElement>('action-reason');
const yesButton = byId<HTMLButtonElement>('action-yes');
const actionMessage = byId('action-message');
const actionStatus = byId('action-status');
const actionButtons = [...document.querySelectorAll<HTMLButtonElement>('#action-buttons [data-action]')];

let pending: UserAction | undefined;

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
  const user = shownUser();
  if (!user) return;
  closeOtherPanels('action');
  closeConfirm(false);
  pending = action;
  clearOutcome(actionStatus);
  translate(confirmText, `admin.confirm.${action}`, { name: user.name, email: user.email });
  show(reasonField, action === 'deactivate');
  show(confirmForm);
  if (action === 'deactivate') reasonInput.focus();
  else focusTarget(confirmText);
}

async function confirmAction(): Promise<void> {
  const user = shownUser();
  if (!user || !pending) return;
  const action = pending;
  const reason = action === 'deactivate' ? reasonFrom(reasonInput) : undefined;
  if (action === 'deactivate' && reason === undefined) return;
  yesButton.disabled = true;
  const answer = await postJson<UserAnswer | RequestAnswer>(
    userPath(user.userId, `/${action}`),
    action === 'deactivate' ? { reason } : undefined,
  );
  yesButton.disabled = false;
  if (!answer.ok) {
    if (answer.problem.errors?.some((e) => e.path === 'reason')) reasonProblem(reasonInput);
    else showFailure(answer, actionMessage, false);
    return;
  }
  closeConfirm(false);
  tellOutcome(actionStatus, answer, message(`admin.done.${action}`));
}

/** The action buttons follow the user's state; the confirmation form answers them. */
export function setUpActions(): void {
  registerPanel('action', () => closeConfirm(false));
  onUser((user) => {
    const allowed = actionsFor(user.status);
    for (const button of actionButtons) show(button, allowed.includes(button.dataset.action as UserAction));
  });
  for (const button of actionButtons) {
    button.addEventListener('click', () => openConfirm(button.dataset.action as UserAction));
  }
  byId('action-cancel').addEventListener('click', () => closeConfirm(true));
  reasonInput.addEventListener('input', () => setFieldError(reasonInput, []));
  confirmForm.addEventListener('submit', (event) => {
    event.preventDefault();
    void confirmAction();
  });
}
