/**
 * Edit a user's details (name, e-mail, agency, PTJ): the form prefilled, the changed fields only
 * sent, after a confirmation that says what will happen (a new e-mail cancels the links and tells
 * the old address; a PTJ administrator's change waits for approval).
 */
import type { RequestAnswer, UserAnswer } from '../../../functions/handlers/admin.schema.ts';
import { api, type FieldProblem } from '../lib/api.ts';
import { byId, focusTarget, message, setFieldError, show, showMessages } from '../lib/dom.ts';
import { onLanguageChange, translate } from '../lib/i18n.ts';
import { shownChange } from './changes.ts';
import { changeItems } from './changes-view.ts';
import { showFailure } from './console.ts';
import { fieldProblemKey } from './form-fields.ts';
import { userPageHref, userPath } from './logic.ts';
import {
  type DetailsUpdate,
  detailsUpdate,
  EDIT_FIELDS,
  type EditField,
  needsApproval,
  problemsByField,
  userIdAfter,
} from './user-logic.ts';
import {
  callerScopeOf,
  clearOutcome,
  closeOtherPanels,
  registerPanel,
  shownUser,
  tellOutcome,
} from './user-page.ts';

const openButton = byId<HTMLButtonElement>('edit-open');
const form = byId<HTMLFormElement>('edit-form');
const formMessage = byId('edit-message');
const confirmBox = byId('edit-confirm');
const confirmText = byId('edit-confirm-text');
const changesList = byId('edit-changes');
const emailNote = byId('edit-email-note');
const agencyNote = byId('edit-agency-note');
const approvalNote = byId('edit-approval-note');
const yesButton = byId<HTMLButtonElement>('edit-yes');
const status = byId('edit-status');
const inputs = Object.fromEntries(
  EDIT_FIELDS.map((field) => [field, byId<HTMLInputElement>(`edit-${field}`)]),
) as Record<EditField, HTMLInputElement>;

/** The update the confirmation shows, sent as it stands when confirmed. */
let reviewed: DetailsUpdate | undefined;

const values = () =>
  Object.fromEntries(EDIT_FIELDS.map((field) => [field, inputs[field].value])) as Record<EditField, string>;

function clearErrors(): void {
  for (const input of Object.values(inputs)) setFieldError(input, []);
  showMessages(formMessage, []);
}

function hideConfirm(): void {
  reviewed = undefined;
  show(confirmBox, false);
}

function close(moveFocus: boolean): void {
  hideConfirm();
  clearErrors();
  show(form, false);
  openButton.setAttribute('aria-expanded', 'false');
  if (moveFocus) openButton.focus();
}

function open(): void {
  const user = shownUser();
  if (!user) return;
  closeOtherPanels('edit');
  clearOutcome(status);
  clearErrors();
  hideConfirm();
  for (const field of EDIT_FIELDS) inputs[field].value = user[field] ?? '';
  show(form);
  openButton.setAttribute('aria-expanded', 'true');
  inputs.name.focus();
}

/** The fields the reviewed update changes, each `Nama: LAMA → BAHARU`, in the current language. */
function listChanges(): void {
  const user = shownUser();
  const update = reviewed;
  if (!user || !update) return;
  const changed = EDIT_FIELDS.filter((field) => update[field] !== undefined);
  changesList.replaceChildren(
    ...changeItems(changed.map((field) => shownChange(field, user[field], update[field]))),
  );
}

/** The first step: what will change, in words, before anything is sent. */
function review(): void {
  const user = shownUser();
  if (!user) return;
  clearErrors();
  const update = detailsUpdate(user, values());
  const fields = EDIT_FIELDS.filter((field) => update[field] !== undefined);
  if (fields.length === 0) {
    hideConfirm();
    showMessages(formMessage, [message('admin.edit.noChange')]);
    focusTarget(formMessage);
    return;
  }
  translate(confirmText, 'admin.edit.confirm', { name: user.name });
  reviewed = update;
  listChanges();
  translate(emailNote, 'admin.edit.emailNote', { email: user.email });
  show(emailNote, update.email !== undefined);
  translate(agencyNote, 'admin.edit.agencyNote', { userId: userIdAfter(user, update) });
  show(agencyNote, update.agencyCode !== undefined);
  show(approvalNote, needsApproval(callerScopeOf()));
  show(confirmBox);
  focusTarget(confirmText);
}

/** The API's field problems at the fields (the first focused); false when none is a field's. */
function showProblems(errors: readonly FieldProblem[]): boolean {
  const { fields } = problemsByField(errors);
  const bad = EDIT_FIELDS.filter((field) => fields.has(field));
  for (const field of bad)
    setFieldError(inputs[field], [message(fieldProblemKey(field, fields.get(field) ?? ''))]);
  const first = bad[0];
  if (first) inputs[first].focus();
  return first !== undefined;
}

async function save(): Promise<void> {
  const user = shownUser();
  if (!user || !reviewed) return;
  yesButton.disabled = true;
  const answer = await api<UserAnswer | RequestAnswer>('PATCH', userPath(user.userId), reviewed);
  yesButton.disabled = false;
  if (!answer.ok) {
    hideConfirm();
    if (!showProblems(answer.problem.errors ?? [])) {
      showFailure(answer, formMessage, false);
      focusTarget(formMessage);
    }
    return;
  }
  close(false);
  if ('user' in answer.data && answer.data.user.userId !== user.userId) {
    // A new agency is a new user ID: the address follows it (without reloading the page).
    history.replaceState(null, '', userPageHref(answer.data.user.userId));
  }
  tellOutcome(status, answer, message('admin.edit.done'));
}

export function setUpEdit(): void {
  registerPanel('edit', () => close(false));
  openButton.addEventListener('click', () => (form.hidden ? open() : close(true)));
  byId('edit-cancel').addEventListener('click', () => close(true));
  byId('edit-back').addEventListener('click', () => {
    hideConfirm();
    inputs.name.focus();
  });
  yesButton.addEventListener('click', () => void save());
  onLanguageChange(listChanges);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    review();
  });
  // A field changed after the review: the confirmation no longer says what would be sent.
  form.addEventListener('input', (event) => {
    if (event.target instanceof HTMLInputElement) {
      setFieldError(event.target, []);
      hideConfirm();
    }
  });
}
