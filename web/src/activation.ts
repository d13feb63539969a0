import type { StringKey } from './i18n/ms.ts';
import { type FieldProblem, postJson } from './lib/api.ts';
import { byId, element, focusTarget, message, setFieldError, show, showMessages } from './lib/dom.ts';
import { type ErrorCode, type ErrorContext, errorMessage } from './lib/error-messages.ts';
import { formatMalaysiaDateTime } from './lib/format.ts';
import { language, onLanguageChange, translate, translateAttribute } from './lib/i18n.ts';
import { initPage } from './lib/page.ts';
import { type PasswordPolicyView, passwordChecker } from './lib/password-rules.ts';
import { checkQuestionRows, type RowProblems } from './lib/question-rows.ts';
import { initResendForm, resetResendForm } from './lib/resend-form.ts';

interface VerifyAnswer {
  user: { userId: string; icNumber: string; name: string; email: string; registeredAt: string };
  expiresAt: string;
  questions: { id: string; text: { ms: string; en: string } }[];
  passwordPolicy: PasswordPolicyView;
}

interface Row {
  key: number;
  tr: HTMLTableRowElement;
  number: HTMLTableCellElement;
  questionLabel: HTMLLabelElement;
  answerLabel: HTMLLabelElement;
  select: HTMLSelectElement;
  input: HTMLInputElement;
  remove: HTMLButtonElement;
  /** Problems are shown once the officer has finished with a field (or the server named it). */
  touched: { question: boolean; answer: boolean };
  server: RowProblems;
}

type ProblemKind = 'expired' | 'invalid' | 'active' | 'missing' | 'unavailable';

const REQUIRED_ROWS = 3;
const ANSWER_MIN_LENGTH = 3;

const PROBLEM_TEXTS: Record<ProblemKind, [StringKey, StringKey]> = {
  expired: ['activation.expiredHeading', 'activation.expiredBody'],
  invalid: ['activation.invalidHeading', 'activation.invalidBody'],
  active: ['activation.activeHeading', 'activation.activeBody'],
  missing: ['activation.missingHeading', 'activation.missingBody'],
  unavailable: ['activation.unavailableHeading', 'error.SERVICE_UNAVAILABLE'],
};

initPage();
initResendForm();

/**
 * The token rides in the fragment (`#token=…`). It is moved at once into this history entry's
 * state, out of the address bar, so it is not left visible or copied along; a reload still works.
 */
function takeToken(): string | undefined {
  const fromFragment = new URLSearchParams(location.hash.slice(1)).get('token') || undefined;
  const fromState = (history.state as { token?: unknown } | null)?.token;
  const found = fromFragment ?? (typeof fromState === 'string' ? fromState : undefined);
  history.replaceState(found ? { token: found } : null, '', location.pathname + location.search);
  return found;
}

let token = takeToken();
let verified: VerifyAnswer;
let errorContext: ErrorContext = {};
let knownQuestions = new Set<string>();
let checkPassword: (password: string) => ErrorCode[] = () => [];
let rows: Row[] = [];
let rowSerial = 0;
let confirmationTouched = false;
let submitting = false;

const rowsBody = byId<HTMLTableSectionElement>('question-rows');
const addRowButton = byId<HTMLButtonElement>('add-row');
const nextButton = byId<HTMLButtonElement>('next');
const countError = byId('questions-count-error');
const passwordInput = byId<HTMLInputElement>('password');
const confirmationInput = byId<HTMLInputElement>('password-confirmation');
const finishButton = byId<HTMLButtonElement>('finish');
const passwordMessage = byId('password-message');

function showProblem(kind: ProblemKind): void {
  const [heading, body] = PROBLEM_TEXTS[kind];
  resetResendForm();
  translate(byId('problem-heading'), heading);
  translate(byId('problem-body'), body);
  show(byId('problem-resend'), kind === 'expired' || kind === 'invalid' || kind === 'missing');
  show(byId('problem-active'), kind === 'active');
  show(byId('problem-retry'), kind === 'unavailable');
  show(byId('loading'), false);
  show(byId('activation-view'), false);
  show(byId('problem-view'));
  focusTarget(byId('problem-heading'));
}

function problemKind(code: string): ProblemKind {
  if (code === 'TOKEN_EXPIRED') return 'expired';
  if (code === 'ALREADY_ACTIVE') return 'active';
  // A malformed token is as useless as an unknown one.
  if (code === 'TOKEN_INVALID' || code === 'VALIDATION_FAILED') return 'invalid';
  return 'unavailable';
}

// --- progress --------------------------------------------------------------------------------

type Stage = 'questions' | 'password' | 'done';

function setStage(stage: Stage, moveFocus = true): void {
  const doneUpTo = { questions: 0, password: 1, done: 2 }[stage];
  ['progress-questions', 'progress-password'].forEach((id, i) => {
    const item = byId(id);
    const done = i < doneUpTo;
    item.classList.toggle('done', done);
    if (i === doneUpTo) item.setAttribute('aria-current', 'step');
    else item.removeAttribute('aria-current');
    const marker = item.querySelector<HTMLElement>('.step-marker');
    if (marker) marker.textContent = done ? '✓' : String(i + 1);
    const doneText = item.querySelector<HTMLElement>('.step-done');
    if (doneText) show(doneText, done);
  });
  show(byId('step-questions'), stage === 'questions');
  show(byId('step-password'), stage === 'password');
  show(byId('step-done'), stage === 'done');
  if (!moveFocus) return;
  const target = { questions: 'questions-heading', password: 'password-heading', done: 'success-text' }[
    stage
  ];
  focusTarget(byId(target));
}

// --- step 1: security questions --------------------------------------------------------------

function questionOptions(select: HTMLSelectElement): void {
  const lang = language();
  const chosen = select.value;
  const placeholder = element('option', { text: message('activation.choose') });
  placeholder.value = '';
  const options = verified.questions.map((q) => {
    const option = element('option');
    option.value = q.id;
    option.textContent = q.text[lang];
    return option;
  });
  select.replaceChildren(placeholder, ...options);
  select.value = chosen;
}

function renumberRows(): void {
  rows.forEach((row, i) => {
    const n = i + 1;
    row.number.textContent = String(n);
    translate(row.questionLabel, 'activation.questionLabel', { n });
    translate(row.answerLabel, 'activation.answerLabel', { n });
    translateAttribute(row.remove, 'aria-label', 'activation.deleteRow', { n });
  });
}

function labelledCell(label: HTMLLabelElement, control: HTMLElement, errorId: string): HTMLTableCellElement {
  const cell = element('td');
  const error = element('p', { className: 'field-error', id: errorId });
  error.setAttribute('aria-live', 'polite');
  label.htmlFor = control.id;
  control.setAttribute('aria-describedby', errorId);
  cell.append(label, control, error);
  return cell;
}

function createRow(): Row {
  rowSerial += 1;
  const key = rowSerial;
  const select = element('select', { id: `question-${key}` });
  const input = element('input', { id: `answer-${key}` });
  Object.assign(input, { type: 'text', autocomplete: 'off', maxLength: 200, spellcheck: false });
  const remove = element('button', {
    className: 'button button-danger button-small',
    text: message('activation.delete'),
  });
  remove.type = 'button';
  const row: Row = {
    key,
    tr: element('tr'),
    number: element('td', { className: 'col-number' }),
    questionLabel: element('label', { className: 'cell-label' }),
    answerLabel: element('label', { className: 'cell-label' }),
    select,
    input,
    remove,
    touched: { question: false, answer: false },
    server: {},
  };
  questionOptions(select);
  const removeCell = element('td', { className: 'col-action' });
  removeCell.append(remove);
  row.tr.append(
    row.number,
    labelledCell(row.questionLabel, select, `question-${key}-error`),
    labelledCell(row.answerLabel, input, `answer-${key}-error`),
    removeCell,
  );

  select.addEventListener('change', () => {
    row.touched.question = true;
    delete row.server.question;
    refreshQuestions();
  });
  input.addEventListener('input', () => {
    delete row.server.answer;
    refreshQuestions();
  });
  input.addEventListener('change', () => {
    row.touched.answer = true;
    refreshQuestions();
  });
  remove.addEventListener('click', () => removeRow(row));
  return row;
}

function addRow(moveFocus: boolean): void {
  const row = createRow();
  rows.push(row);
  rowsBody.append(row.tr);
  renumberRows();
  refreshQuestions();
  if (moveFocus) row.select.focus();
}

function removeRow(row: Row): void {
  rows = rows.filter((r) => r !== row);
  row.tr.remove();
  renumberRows();
  refreshQuestions();
  // The row and its button are gone: continue from the control that adds one back.
  addRowButton.focus();
}

function rowValues() {
  return rows.map((r) => ({ questionId: r.select.value, answer: r.input.value }));
}

function messageFor(code: ErrorCode | undefined): ReturnType<typeof errorMessage>[] {
  return code ? [errorMessage(code, errorContext, 'VALIDATION_FAILED')] : [];
}

/** Re-judges the rows: field errors where due, and Seterusnya only for three valid rows. */
function refreshQuestions(): boolean {
  const { userId, icNumber } = verified.user;
  const check = checkQuestionRows(
    rowValues(),
    knownQuestions,
    [userId, icNumber],
    REQUIRED_ROWS,
    ANSWER_MIN_LENGTH,
  );
  rows.forEach((row, i) => {
    const found = check.rows[i] ?? {};
    setFieldError(
      row.select,
      messageFor(row.server.question ?? (row.touched.question ? found.question : undefined)),
    );
    setFieldError(
      row.input,
      messageFor(row.server.answer ?? (row.touched.answer ? found.answer : undefined)),
    );
  });
  showMessages(countError, check.count ? messageFor(check.count) : []);
  addRowButton.disabled = rows.length >= REQUIRED_ROWS;
  nextButton.disabled = !check.ok;
  return check.ok;
}

function focusFirstInvalidRow(): void {
  const first = rowsBody.querySelector<HTMLElement>('[aria-invalid="true"]');
  (first ?? byId('questions-heading')).focus();
}

// --- step 2: password ------------------------------------------------------------------------

function refreshPassword(): void {
  const password = passwordInput.value;
  const unmet = checkPassword(password);
  const list = byId('password-rule-list');
  list.replaceChildren(...unmet.map((code) => element('li', { text: errorMessage(code, errorContext) })));
  show(byId('password-rules'), unmet.length > 0);
  const mismatch = confirmationInput.value !== password;
  if (confirmationTouched && !confirmationInput.hasAttribute('data-server-error')) {
    setFieldError(
      confirmationInput,
      mismatch && confirmationInput.value ? messageFor('PASSWORD_MISMATCH') : [],
    );
  }
  finishButton.disabled = submitting || unmet.length > 0 || mismatch || password.length === 0;
}

function clearServerError(input: HTMLInputElement): void {
  if (input.hasAttribute('data-server-error')) {
    input.removeAttribute('data-server-error');
    setFieldError(input, []);
  }
}

function showServerError(input: HTMLInputElement, problems: FieldProblem[]): void {
  input.setAttribute('data-server-error', '');
  setFieldError(
    input,
    problems.map((p) => errorMessage(p.code, errorContext, 'VALIDATION_FAILED')),
  );
}

/** Each field problem goes next to its field; answer problems send the officer back to step 1. */
function showActivationProblems(problems: FieldProblem[]): void {
  const byPath = (path: string) => problems.filter((p) => p.path === path);
  const onPassword = byPath('password');
  const onConfirmation = byPath('passwordConfirmation');
  if (onPassword.length) showServerError(passwordInput, onPassword);
  if (onConfirmation.length) showServerError(confirmationInput, onConfirmation);

  let onQuestions = false;
  for (const problem of problems) {
    const match = /^securityAnswers(?:\.(\d+)\.(questionId|answer))?$/.exec(problem.path);
    if (!match) continue;
    onQuestions = true;
    const row = match[1] === undefined ? undefined : rows[Number(match[1])];
    const code = problem.code as ErrorCode;
    if (row && match[2] === 'questionId') row.server.question = code;
    else if (row) row.server.answer = code;
  }
  if (onQuestions) {
    for (const row of rows) row.touched = { question: true, answer: true };
    refreshQuestions();
    const general = problems.find((p) => p.path === 'securityAnswers');
    if (general) showMessages(countError, messageFor(general.code as ErrorCode));
    setStage('questions', false);
    focusFirstInvalidRow();
    return;
  }
  if (onPassword.length || onConfirmation.length) {
    (onPassword.length ? passwordInput : confirmationInput).focus();
    return;
  }
  showMessages(passwordMessage, [errorMessage('VALIDATION_FAILED')]);
}

async function finish(): Promise<void> {
  showMessages(passwordMessage, []);
  submitting = true;
  refreshPassword();
  const answer = await postJson<{ status: string; activatedAt: string }>('/api/activation/activate', {
    token,
    securityAnswers: rowValues(),
    password: passwordInput.value,
    passwordConfirmation: confirmationInput.value,
  });
  submitting = false;
  refreshPassword();
  if (answer.ok) {
    passwordInput.value = '';
    confirmationInput.value = '';
    for (const row of rows) row.input.value = '';
    history.replaceState(null, '', location.pathname);
    setStage('done');
    return;
  }
  const { problem } = answer;
  if (problem.status === 410 || problem.code === 'ALREADY_ACTIVE') {
    showProblem(problemKind(problem.code));
  } else if (problem.code === 'VALIDATION_FAILED' && problem.errors?.length) {
    showActivationProblems(problem.errors);
  } else {
    showMessages(passwordMessage, [errorMessage(problem.code)]);
  }
}

// --- wiring ----------------------------------------------------------------------------------

function start(data: VerifyAnswer): void {
  verified = data;
  const policy = data.passwordPolicy;
  errorContext = {
    minLength: policy.minLength,
    maxLength: policy.maxLength,
    answerMinLength: ANSWER_MIN_LENGTH,
  };
  knownQuestions = new Set(data.questions.map((q) => q.id));
  checkPassword = passwordChecker(policy);

  byId('user-ic-number').textContent = data.user.icNumber;
  byId('user-name').textContent = data.user.name;
  byId('user-email').textContent = data.user.email;
  byId('user-registered-at').textContent = formatMalaysiaDateTime(data.user.registeredAt);
  byId<HTMLInputElement>('password-username').value = data.user.userId;
  for (const input of [passwordInput, confirmationInput]) {
    input.value = '';
    clearServerError(input);
  }
  confirmationTouched = false;
  showMessages(passwordMessage, []);

  rows = [];
  rowsBody.replaceChildren();
  for (let i = 0; i < REQUIRED_ROWS; i += 1) addRow(false);
  refreshPassword();

  show(byId('loading'), false);
  show(byId('problem-view'), false);
  show(byId('activation-view'));
  setStage('questions', false);
}

async function verify(): Promise<void> {
  if (!token) {
    showProblem('missing');
    return;
  }
  show(byId('problem-view'), false);
  show(byId('activation-view'), false);
  show(byId('loading'));
  const answer = await postJson<VerifyAnswer>('/api/activation/verify', { token });
  if (answer.ok) start(answer.data);
  else showProblem(problemKind(answer.problem.code));
}

addRowButton.addEventListener('click', () => addRow(true));
byId<HTMLFormElement>('questions-form').addEventListener('submit', (event) => {
  event.preventDefault();
  if (refreshQuestions()) {
    setStage('password');
    return;
  }
  for (const row of rows) row.touched = { question: true, answer: true };
  refreshQuestions();
  focusFirstInvalidRow();
});

passwordInput.addEventListener('input', () => {
  clearServerError(passwordInput);
  refreshPassword();
});
confirmationInput.addEventListener('input', () => {
  clearServerError(confirmationInput);
  refreshPassword();
});
confirmationInput.addEventListener('change', () => {
  confirmationTouched = true;
  refreshPassword();
});
byId<HTMLInputElement>('show-password').addEventListener('change', (event) => {
  const type = (event.currentTarget as HTMLInputElement).checked ? 'text' : 'password';
  passwordInput.type = type;
  confirmationInput.type = type;
});
byId('back').addEventListener('click', () => setStage('questions'));
byId<HTMLFormElement>('password-form').addEventListener('submit', (event) => {
  event.preventDefault();
  if (!finishButton.disabled) void finish();
});
byId('retry-verify').addEventListener('click', () => void verify());
// A second link opened in the same tab changes only the fragment: no page load, so verify it here.
window.addEventListener('hashchange', () => {
  if (!new URLSearchParams(location.hash.slice(1)).has('token')) return; // e.g. the skip link
  token = takeToken();
  void verify();
});
onLanguageChange(() => {
  for (const row of rows) questionOptions(row.select);
});

void verify();
