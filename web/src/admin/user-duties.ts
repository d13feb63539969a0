/**
 * The user's duties (Pengurusan Tugas): the list with each duty's state today, "give a duty" (a
 * form, then a confirmation) and "end" one (its end date set, so the record stays; one not yet
 * begun is withdrawn). Every change sends the whole list, as `PUT …/duties` replaces it.
 */
import { malaysiaDate } from '../../../functions/domain/malaysia-time.ts';
import type { RequestAnswer, UserAnswer } from '../../../functions/handlers/admin.schema.ts';
import { type ApiAnswer, api } from '../lib/api.ts';
import { byId, element, focusTarget, message, setFieldError, show, showMessages } from '../lib/dom.ts';
import { errorMessage } from '../lib/error-messages.ts';
import {
  language,
  type Message,
  onLanguageChange,
  type StringKey,
  t,
  translate,
  translateAttribute,
} from '../lib/i18n.ts';
import { dutyConflicts, dutyName, type Failure, showFailure } from './console.ts';
import { fieldProblemKey, parseRinggit } from './form-fields.ts';
import { type AdminUser, dayText, ringgit, userPath } from './logic.ts';
import {
  type CatalogueDuty,
  conflictingPairs,
  type Duty,
  dutyState,
  grantableDuties,
  mayChangeDuty,
  needsApproval,
  problemsByField,
  withDuty,
  withDutyEnded,
  withoutDuty,
} from './user-logic.ts';
import {
  callerScopeOf,
  clearOutcome,
  closeOtherPanels,
  onUser,
  registerPanel,
  shownUser,
  tellOutcome,
} from './user-page.ts';

const status = byId('duties-status');
const rows = byId('duties-rows');

const endForm = byId<HTMLFormElement>('end-form');
const endText = byId('end-text');
const endDateField = byId('end-date-field');
const endDate = byId<HTMLInputElement>('end-date');
const endMessage = byId('end-message');
const endYes = byId<HTMLButtonElement>('end-yes');

const giveOpen = byId<HTMLButtonElement>('give-open');
const giveForm = byId<HTMLFormElement>('give-form');
const giveMessage = byId('give-message');
const giveConfirm = byId('give-confirm');
const giveConfirmText = byId('give-confirm-text');
const giveLimitNote = byId('give-limit-note');
const giveYes = byId<HTMLButtonElement>('give-yes');
const dutySelect = byId<HTMLSelectElement>('give-duty');
const dutyHint = byId('give-duty-hint');
const limitField = byId('give-limit-field');
const giveInputs = {
  duty: dutySelect,
  ptjCode: byId<HTMLInputElement>('give-ptjCode'),
  approvalLimit: byId<HTMLInputElement>('give-approvalLimit'),
  startsOn: byId<HTMLInputElement>('give-startsOn'),
  endsOn: byId<HTMLInputElement>('give-endsOn'),
};
type GiveField = keyof typeof giveInputs;
const GIVE_FIELDS = Object.keys(giveInputs) as GiveField[];

let catalogue: CatalogueDuty[] = [];
/** The duty the end form is about (its index in the user's list), and the duty the give form reviewed. */
let ending: number | undefined;
let reviewed: Duty | undefined;

const today = () => malaysiaDate(new Date());

/** The catalogue (`loadDuties()`), for the give form's choices and whether a duty takes a limit. */
export function setCatalogue(items: readonly CatalogueDuty[]): void {
  catalogue = [...items];
}

// ---------------------------------------------------------------------------------------------
// The list

const COLUMNS: StringKey[] = [
  'admin.dutiesHeading',
  'admin.ptj',
  'admin.limit',
  'admin.startsOn',
  'admin.endsOn',
  'admin.edit.state',
  'admin.actionsHeading',
];

function cell(column: number, content: string | Message | HTMLElement): HTMLTableCellElement {
  const td = element('td');
  // The column's name, shown beside the value where the table stacks (narrow screens).
  td.dataset.label = t(COLUMNS[column] ?? 'admin.dutiesHeading');
  if (typeof content === 'string') td.textContent = content;
  else if (content instanceof HTMLElement) td.append(content);
  else translate(td, content.key, content.vars);
  return td;
}

function endButton(duty: Duty, index: number, upcoming: boolean): HTMLButtonElement {
  const button = element('button', {
    className: 'button button-secondary button-small',
    text: message(upcoming ? 'admin.edit.cancelDuty' : 'admin.edit.end'),
  });
  button.type = 'button';
  button.dataset.index = String(index);
  translateAttribute(button, 'aria-label', upcoming ? 'admin.edit.cancelDutyLabel' : 'admin.edit.endLabel', {
    duty: dutyName(duty.duty),
    ptj: duty.ptjCode,
  });
  button.addEventListener('click', () => openEnd(index));
  return button;
}

function renderDuties(user: AdminUser): void {
  const day = today();
  const scope = callerScopeOf();
  rows.replaceChildren(
    ...user.duties.map((duty, index) => {
      const state = dutyState(duty, day);
      const stateCell = cell(5, message(`admin.edit.state.${state}`));
      stateCell.dataset.state = state;
      const action =
        state !== 'ended' && mayChangeDuty(duty, scope) ? endButton(duty, index, state === 'upcoming') : '';
      const tr = element('tr');
      tr.append(
        cell(0, dutyName(duty.duty)),
        cell(1, duty.ptjCode),
        cell(2, duty.approvalLimit === undefined ? '' : ringgit(duty.approvalLimit)),
        cell(3, dayText(duty.startsOn)),
        cell(4, duty.endsOn ? dayText(duty.endsOn) : message('admin.openEnded')),
        stateCell,
        cell(6, action),
      );
      return tr;
    }),
  );
  show(byId('duties-table'), user.duties.length > 0);
  show(byId('duties-empty'), user.duties.length === 0);
}

// ---------------------------------------------------------------------------------------------
// What a refused change says

/** DUTY_CONFLICT in words: the rule, and which duties clash in which PTJ (the loaded catalogue's pairs). */
function explainConflict(list: Duty[], area: HTMLElement): void {
  const lines = [errorMessage('DUTY_CONFLICT')];
  for (const pair of conflictingPairs(list, dutyConflicts())) {
    lines.push(
      message('admin.edit.conflictPair', {
        a: dutyName(pair.duties[0]),
        b: dutyName(pair.duties[1]),
        ptj: pair.ptjCode,
      }),
    );
  }
  showMessages(area, lines);
  focusTarget(area);
}

/**
 * A refused `PUT …/duties`: the problems of the duty at `index` at its fields (the first focused),
 * a conflict named, anything else in words in `area`.
 */
function refused(
  answer: Failure,
  list: Duty[],
  index: number,
  fields: Partial<Record<GiveField, HTMLElement>>,
  area: HTMLElement,
): void {
  const problems = problemsByField(answer.problem.errors ?? [], `duties.${index}.`).fields;
  const bad = GIVE_FIELDS.filter((field) => problems.has(field) && fields[field]);
  for (const field of bad) {
    const input = fields[field];
    if (input) setFieldError(input, [message(fieldProblemKey(field, problems.get(field) ?? ''))]);
  }
  const first = bad[0] && fields[bad[0]];
  if (first) first.focus();
  else if (answer.problem.code === 'DUTY_CONFLICT') explainConflict(list, area);
  else {
    showFailure(answer, area, false);
    focusTarget(area);
  }
}

const putDuties = (user: AdminUser, duties: Duty[]): Promise<ApiAnswer<UserAnswer | RequestAnswer>> =>
  api<UserAnswer | RequestAnswer>('PUT', userPath(user.userId, '/duties'), { duties });

// ---------------------------------------------------------------------------------------------
// End a duty

function closeEnd(moveFocus: boolean): void {
  const was = ending;
  ending = undefined;
  setFieldError(endDate, []);
  showMessages(endMessage, []);
  show(endForm, false);
  const button = rows.querySelector<HTMLButtonElement>(`button[data-index="${was}"]`);
  if (moveFocus && button) button.focus();
}

function describeEnd(): void {
  const user = shownUser();
  const duty = ending === undefined ? undefined : user?.duties[ending];
  if (!user || !duty) return;
  const vars = { duty: dutyName(duty.duty), ptj: duty.ptjCode, name: user.name };
  if (dutyState(duty, today()) === 'upcoming') {
    translate(endText, 'admin.edit.cancelConfirm', { ...vars, date: dayText(duty.startsOn) });
  } else {
    translate(endText, 'admin.edit.endConfirm', {
      ...vars,
      date: endDate.value ? dayText(endDate.value) : '…',
    });
  }
}

function openEnd(index: number): void {
  const duty = shownUser()?.duties[index];
  if (!duty) return;
  closeOtherPanels('end');
  closeEnd(false);
  clearOutcome(status);
  ending = index;
  const upcoming = dutyState(duty, today()) === 'upcoming';
  show(endDateField, !upcoming);
  endDate.value = today();
  endDate.min = duty.startsOn;
  translate(endYes, upcoming ? 'admin.edit.cancelYes' : 'admin.edit.endYes');
  describeEnd();
  show(endForm);
  focusTarget(endText);
}

async function confirmEnd(): Promise<void> {
  const user = shownUser();
  const index = ending;
  const duty = index === undefined ? undefined : user?.duties[index];
  if (!user || !duty || index === undefined) return;
  const upcoming = dutyState(duty, today()) === 'upcoming';
  if (!upcoming && !endDate.value) {
    setFieldError(endDate, [message(fieldProblemKey('endsOn', 'REQUIRED'))]);
    endDate.focus();
    return;
  }
  const list = upcoming ? withoutDuty(user.duties, index) : withDutyEnded(user.duties, index, endDate.value);
  endYes.disabled = true;
  const answer = await putDuties(user, list);
  endYes.disabled = false;
  if (!answer.ok) {
    refused(answer, list, index, { endsOn: endDate }, endMessage);
    return;
  }
  closeEnd(false);
  tellOutcome(status, answer, message(upcoming ? 'admin.edit.removed' : 'admin.edit.ended'));
}

// ---------------------------------------------------------------------------------------------
// Give a duty

const chosenDuty = () => catalogue.find((duty) => duty.code === dutySelect.value);

function clearGiveErrors(): void {
  for (const input of Object.values(giveInputs)) setFieldError(input, []);
  showMessages(giveMessage, []);
}

function hideGiveConfirm(): void {
  reviewed = undefined;
  show(giveConfirm, false);
}

function closeGive(moveFocus: boolean): void {
  hideGiveConfirm();
  clearGiveErrors();
  show(giveForm, false);
  giveOpen.setAttribute('aria-expanded', 'false');
  if (moveFocus) giveOpen.focus();
}

/** The duty's description, and its limit field when it takes one. */
function describeChoice(): void {
  const duty = chosenDuty();
  dutyHint.textContent = duty ? duty.description[language()] : '';
  show(limitField, duty?.takesApprovalLimit === true);
}

function fillDutyChoices(): void {
  const chosen = dutySelect.value;
  const first = element('option', { text: message('admin.field.chooseDuty') });
  first.value = '';
  dutySelect.replaceChildren(
    first,
    ...grantableDuties(catalogue, callerScopeOf()).map((duty) => {
      const option = element('option');
      option.value = duty.code;
      option.textContent = duty.name[language()];
      return option;
    }),
  );
  dutySelect.value = chosen;
  describeChoice();
}

function openGive(): void {
  const user = shownUser();
  if (!user) return;
  closeOtherPanels('give');
  clearOutcome(status);
  clearGiveErrors();
  hideGiveConfirm();
  dutySelect.value = '';
  fillDutyChoices();
  const scope = callerScopeOf();
  const ptjCodes = scope && !scope.system ? [...scope.ptjCodes].sort() : [];
  giveInputs.ptjCode.value = user.ptjCode ?? ptjCodes[0] ?? '';
  const scopeHint = byId('give-ptj-scope');
  translate(scopeHint, 'admin.edit.ptjScope', { codes: ptjCodes.join(', ') });
  show(scopeHint, ptjCodes.length > 0);
  giveInputs.approvalLimit.value = '';
  giveInputs.startsOn.value = today();
  giveInputs.endsOn.value = '';
  show(giveForm);
  giveOpen.setAttribute('aria-expanded', 'true');
  dutySelect.focus();
}

/** The form's duty, or its fields' problems said at the fields (the first focused). */
function dutyFromForm(): Duty | undefined {
  const duty = chosenDuty();
  const ptjCode = giveInputs.ptjCode.value.trim().toUpperCase();
  const limit = duty?.takesApprovalLimit ? parseRinggit(giveInputs.approvalLimit.value) : undefined;
  const problems: GiveField[] = [];
  if (!duty) problems.push('duty');
  if (!ptjCode) problems.push('ptjCode');
  if (limit !== undefined && Number.isNaN(limit)) problems.push('approvalLimit');
  if (!giveInputs.startsOn.value) problems.push('startsOn');
  for (const field of problems) {
    setFieldError(giveInputs[field], [message(fieldProblemKey(field, 'REQUIRED'))]);
  }
  const first = problems[0];
  if (first || !duty) {
    if (first) giveInputs[first].focus();
    return undefined;
  }
  return {
    duty: duty.code,
    ptjCode,
    ...(limit !== undefined ? { approvalLimit: limit } : {}),
    startsOn: giveInputs.startsOn.value,
    ...(giveInputs.endsOn.value ? { endsOn: giveInputs.endsOn.value } : {}),
  };
}

/** The first step: the duty in words (who, where, from when to when), before anything is sent. */
function reviewGive(): void {
  const user = shownUser();
  if (!user) return;
  clearGiveErrors();
  hideGiveConfirm();
  const duty = dutyFromForm();
  if (!duty) return;
  const start = dayText(duty.startsOn);
  translate(giveConfirmText, 'admin.edit.giveConfirm', {
    duty: dutyName(duty.duty),
    ptj: duty.ptjCode,
    name: user.name,
    dates: duty.endsOn
      ? message('admin.edit.datesBetween', { start, end: dayText(duty.endsOn) })
      : message('admin.edit.datesFrom', { start }),
  });
  if (duty.approvalLimit !== undefined) {
    translate(giveLimitNote, 'admin.edit.withLimit', { limit: ringgit(duty.approvalLimit) });
  }
  show(giveLimitNote, duty.approvalLimit !== undefined);
  show(byId('give-approval-note'), needsApproval(callerScopeOf()));
  reviewed = duty;
  show(giveConfirm);
  focusTarget(giveConfirmText);
}

async function give(): Promise<void> {
  const user = shownUser();
  if (!user || !reviewed) return;
  const list = withDuty(user.duties, reviewed);
  giveYes.disabled = true;
  const answer = await putDuties(user, list);
  giveYes.disabled = false;
  if (!answer.ok) {
    hideGiveConfirm();
    refused(answer, list, user.duties.length, giveInputs, giveMessage);
    return;
  }
  closeGive(false);
  tellOutcome(status, answer, message('admin.edit.given'));
}

export function setUpDuties(): void {
  registerPanel('end', () => closeEnd(false));
  registerPanel('give', () => closeGive(false));
  onUser((user) => {
    renderDuties(user);
    if (ending !== undefined) closeEnd(false);
  });
  onLanguageChange(() => {
    const user = shownUser();
    if (user) renderDuties(user);
    fillDutyChoices();
    describeEnd();
  });

  endDate.addEventListener('input', () => {
    setFieldError(endDate, []);
    describeEnd();
  });
  byId('end-cancel').addEventListener('click', () => closeEnd(true));
  endForm.addEventListener('submit', (event) => {
    event.preventDefault();
    void confirmEnd();
  });

  giveOpen.addEventListener('click', () => (giveForm.hidden ? openGive() : closeGive(true)));
  byId('give-cancel').addEventListener('click', () => closeGive(true));
  byId('give-back').addEventListener('click', () => {
    hideGiveConfirm();
    dutySelect.focus();
  });
  giveYes.addEventListener('click', () => void give());
  dutySelect.addEventListener('change', describeChoice);
  giveForm.addEventListener('submit', (event) => {
    event.preventDefault();
    reviewGive();
  });
  giveForm.addEventListener('input', (event) => {
    if (event.target instanceof HTMLInputElement || event.target instanceof HTMLSelectElement) {
      setFieldError(event.target, []);
      hideGiveConfirm();
    }
  });
}
