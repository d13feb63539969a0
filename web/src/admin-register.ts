/**
 * The console's register page (`/admin/register`): an officer's details and any duties, the MyKad
 * number checked here first, the API's field problems shown at their fields, and the result:
 * registered (a system administrator) or sent for approval (a PTJ administrator).
 */
import type { RequestAnswer, UserAnswer } from '../../functions/handlers/admin.schema.ts';
import type { SessionResponse } from '../../functions/handlers/get-session.schema.ts';
import {
  dutyName,
  type Failure,
  loadDuties,
  showFailure,
  showNoAccess,
  startConsole,
} from './admin/console.ts';
import { userPageHref } from './admin/logic.ts';
import {
  type Catalogue,
  clientProblems,
  DUTY_FIELDS,
  type DutyField,
  type DutyRowInput,
  PERSON_FIELDS,
  type PersonField,
  type PlacedProblem,
  placeProblems,
  problemText,
  type RegisterInput,
  registerBody,
  registerOutcome,
  registrar,
  takesLimit,
} from './admin/register-logic.ts';
import { api, postJson } from './lib/api.ts';
import { byId, focusTarget, message, setBusy, setFieldError, show, showMessages } from './lib/dom.ts';
import { errorMessage } from './lib/error-messages.ts';
import { applyLanguage, onLanguageChange, translate } from './lib/i18n.ts';
import { isAdministrator } from './lib/roles.ts';

startConsole();

type Control = HTMLInputElement | HTMLSelectElement;

const form = byId<HTMLFormElement>('register-form');
const loading = byId('register-loading');
const pageMessage = byId('register-message');
const rowsArea = byId('duty-rows');
const addButton = byId<HTMLButtonElement>('duty-add');
const result = byId('register-result');
const template = byId<HTMLTemplateElement>('duty-row-template');
const personField = (name: PersonField) => byId<HTMLInputElement>(`register-${name}`);

let catalogue: Catalogue = [];
let ownPtjCode: string | undefined;
/** Each row's inputs get ids of their own (`duty3-endsOn`), never reused after a removal. */
let rowSerial = 0;

const rows = () => [...rowsArea.querySelectorAll<HTMLFieldSetElement>('.duty-row')];
const rowControl = (row: HTMLElement, name: DutyField) =>
  row.querySelector(`[data-field="${name}"]`) as Control;
const part = (row: HTMLElement, name: string) => row.querySelector(`[data-part="${name}"]`) as HTMLElement;

function fillDutyOptions(select: HTMLSelectElement): void {
  for (const duty of catalogue) {
    const option = document.createElement('option');
    option.value = duty.code;
    option.textContent = dutyName(duty.code);
    select.append(option);
  }
}

/** The approval limit shows only for a duty that takes one (PELULUS). */
function syncLimit(row: HTMLElement): void {
  const shown = takesLimit(catalogue, rowControl(row, 'duty').value);
  show(part(row, 'limit'), shown);
  if (!shown) setFieldError(rowControl(row, 'approvalLimit'), []);
}

/** Legends and remove buttons say which row they are ("Tugas 2"), after every add and removal. */
function numberRows(): void {
  rows().forEach((row, i) => {
    translate(part(row, 'legend'), 'admin.register.dutyRow', { n: i + 1 });
    translate(part(row, 'remove'), 'admin.register.removeDuty', { n: i + 1 });
  });
  show(byId('duty-empty'), rows().length === 0);
}

/** The template's ids (`duty-row-endsOn`, its label's `for`, its `aria-describedby`) made this row's own. */
function ownIds(row: HTMLElement): void {
  const prefix = `duty${rowSerial}-`;
  const renamed = (value: string) => value.replace(/duty-row-/g, prefix);
  for (const el of row.querySelectorAll<HTMLElement>('[id]')) el.id = renamed(el.id);
  for (const label of row.querySelectorAll('label')) label.htmlFor = renamed(label.htmlFor);
  for (const el of row.querySelectorAll('[aria-describedby]')) {
    el.setAttribute('aria-describedby', renamed(el.getAttribute('aria-describedby') ?? ''));
  }
}

function addRow(): HTMLFieldSetElement {
  rowSerial += 1;
  const row = template.content.firstElementChild?.cloneNode(true) as HTMLFieldSetElement;
  ownIds(row);
  applyLanguage(row); // the template holds the Malay texts; the page may be in English by now
  for (const name of DUTY_FIELDS) {
    const control = rowControl(row, name);
    control.addEventListener('input', () => setFieldError(control, []));
  }
  const select = rowControl(row, 'duty') as HTMLSelectElement;
  fillDutyOptions(select);
  select.addEventListener('change', () => syncLimit(row));
  rowControl(row, 'ptjCode').value = personField('ptjCode').value.trim().toUpperCase();
  part(row, 'remove').addEventListener('click', () => removeRow(row));
  rowsArea.append(row);
  numberRows();
  return row;
}

function removeRow(row: HTMLElement): void {
  const after = rows().indexOf(row as HTMLFieldSetElement);
  row.remove();
  numberRows();
  const next = rows()[after] ?? rows()[after - 1];
  (next ? rowControl(next, 'duty') : addButton).focus();
}

function readForm(): RegisterInput {
  const duties = rows().map(
    (row) =>
      Object.fromEntries(DUTY_FIELDS.map((name) => [name, rowControl(row, name).value])) as DutyRowInput,
  );
  const person = Object.fromEntries(PERSON_FIELDS.map((name) => [name, personField(name).value]));
  return { ...(person as Record<PersonField, string>), duties };
}

function controlAt(place: PlacedProblem): Control | undefined {
  if (place.row === undefined) return personField(place.field);
  const row = rows()[place.row];
  return row ? rowControl(row, place.field) : undefined;
}

function clearProblems(): void {
  showMessages(pageMessage, []);
  for (const name of PERSON_FIELDS) setFieldError(personField(name), []);
  for (const row of rows()) for (const name of DUTY_FIELDS) setFieldError(rowControl(row, name), []);
}

/** Each problem at its field (the first field's problem only), focus on the first bad field in the form's order. */
function showPlaced(problems: readonly PlacedProblem[]): boolean {
  const marked = new Set<Control>();
  for (const problem of problems) {
    const control = controlAt(problem);
    if (!control || marked.has(control)) continue;
    marked.add(control);
    setFieldError(control, [message(problemText(problem))]);
  }
  const order = [...form.querySelectorAll<Control>('input, select')];
  order.find((control) => marked.has(control))?.focus();
  return marked.size > 0;
}

/** What no field holds, above the form: the answer in words (a refusal of scope said plainly). */
function showSummary(answer: Failure): void {
  if (answer.status === 403 && answer.problem.code === 'FORBIDDEN') {
    showMessages(pageMessage, [message('admin.register.forbidden')]);
  } else {
    showFailure(answer, pageMessage, false);
  }
}

function failed(answer: Failure): void {
  const { placed, summary } = placeProblems(answer.problem.code, answer.problem.errors);
  const shownAtFields = showPlaced(placed);
  if (summary || !shownAtFields) showSummary(answer);
  // Focus is on the first bad field when there is one; else the message is what to read.
  if (!shownAtFields) focusTarget(pageMessage);
}

function showResult(data: UserAnswer | RequestAnswer): void {
  const outcome = registerOutcome(data);
  const heading = byId('register-result-heading');
  const text = byId('register-result-text');
  const link = byId<HTMLAnchorElement>('register-result-link');
  if (outcome.kind === 'registered') {
    translate(heading, 'admin.register.doneHeading');
    translate(text, 'admin.register.done', { email: outcome.email });
    translate(link, 'admin.register.viewUser', { name: outcome.name });
    link.href = userPageHref(outcome.userId);
  } else {
    translate(heading, 'admin.register.requestedHeading');
    translate(text, 'admin.register.requested', { name: outcome.name });
    translate(link, 'admin.register.viewRequests');
    link.href = '/admin/requests';
  }
  show(form, false);
  show(result);
  focusTarget(heading);
}

async function submit(): Promise<void> {
  clearProblems();
  const input = readForm();
  const own = placeProblems('VALIDATION_FAILED', clientProblems(input, catalogue));
  if (showPlaced(own.placed)) return;
  setBusy(form, true);
  const answer = await postJson<UserAnswer | RequestAnswer>(
    '/api/admin/users',
    registerBody(input, catalogue),
  );
  setBusy(form, false);
  if (answer.ok) showResult(answer.data);
  else failed(answer);
}

function startOver(): void {
  form.reset();
  for (const row of rows()) row.remove();
  numberRows();
  clearProblems();
  if (ownPtjCode) personField('ptjCode').value = ownPtjCode;
  show(result, false);
  show(form);
  personField('icNumber').focus();
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  void submit();
});
for (const name of PERSON_FIELDS) {
  const input = personField(name);
  input.addEventListener('input', () => setFieldError(input, []));
}
addButton.addEventListener('click', () => rowControl(addRow(), 'duty').focus());
byId('register-another').addEventListener('click', startOver);
onLanguageChange(() => {
  for (const row of rows()) {
    for (const option of (rowControl(row, 'duty') as HTMLSelectElement).options) {
      if (option.value) option.textContent = dutyName(option.value);
    }
  }
});

async function start(): Promise<void> {
  const [session, duties] = await Promise.all([
    api<SessionResponse>('GET', '/api/auth/session'),
    loadDuties(),
  ]);
  show(loading, false);
  if (!session.ok) {
    showFailure(session, pageMessage);
    return;
  }
  if (!isAdministrator(session.data.user.roles)) {
    showNoAccess();
    return;
  }
  catalogue = duties;
  // Without the catalogue (its call failed) no duty can be chosen: duties are given later instead.
  show(addButton, catalogue.length > 0);
  const who = registrar(session.data.user);
  ownPtjCode = who.ptjCode;
  if (ownPtjCode) personField('ptjCode').value = ownPtjCode;
  translate(
    byId('register-what'),
    who.system ? 'admin.register.whatHappensSystem' : 'admin.register.whatHappensPtj',
  );
  translate(byId('register-submit'), who.system ? 'admin.register.submitSystem' : 'admin.register.submitPtj');
  numberRows();
  show(form);
}

void start().catch(() => {
  show(loading, false);
  showMessages(pageMessage, [errorMessage('UNEXPECTED')]);
});
