import type { StringKey } from './i18n/ms.ts';
import { type FieldProblem, postJson } from './lib/api.ts';
import { byId, element, focusTarget, message, setFieldError, show, showMessages } from './lib/dom.ts';
import { type ErrorCode, type ErrorContext, errorMessage } from './lib/error-messages.ts';
import { formatMalaysiaDateTime } from './lib/format.ts';
import { language, onLanguageChange, translate, translateAttribute } from './lib/i18n.ts';
import { forgetToken, onNewToken, takeToken } from './lib/link.ts';
import { newPasswordFields } from './lib/new-password.ts';
import { initPage } from './lib/page.ts';
import type { PasswordPolicyView } from './lib/password-rules.ts';
import { checkQuestionRows, type QuestionRow, type RowProblems } from './lib/question-rows.ts';
import { initResendForm, resetResendForm } from './lib/resend-form.ts';
import { setProgress } from './lib/steps.ts';

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

/**
 * What one tab tells another about the same officer's activation (BroadcastChannel, same origin,
 * memory only): a tab that opened a new link says `hello`; a tab whose link expired while the
 * officer typed answers with its `draft` (questions and answers, never the password); the new tab
 * says `taken` once it has them, and the old one lets go.
 */
type DraftMessage =
  | { kind: 'hello'; userId: string }
  | { kind: 'draft'; userId: string; rows: QuestionRow[] }
  | { kind: 'taken'; userId: string };

type ProblemKind = 'expired' | 'invalid' | 'active' | 'missing' | 'unavailable';

const REQUIRED_ROWS = 3;
const ANSWER_MIN_LENGTH = 3;

const PROBLEM_TEXTS: Record<ProblemKind, [StringKey, StringKey]> = {
  expired: ['common.expiredHeading', 'activation.expiredBody'],
  invalid: ['common.invalidHeading', 'activation.invalidBody'],
  active: ['activation.activeHeading', 'activation.activeBody'],
  missing: ['activation.missingHeading', 'activation.missingBody'],
  unavailable: ['common.unavailableHeading', 'error.SERVICE_UNAVAILABLE'],
};

initPage();
initResendForm();

let token = takeToken();
let verified: VerifyAnswer;
let errorContext: ErrorContext = {};
let knownQuestions = new Set<string>();
let rows: Row[] = [];
let rowSerial = 0;
let submitting = false;
/** The link expired at submit: the form stays, and its draft may move to a newer link's tab. */
let expiredInPlace = false;
let stage: Stage = 'questions';

const rowsBody = byId<HTMLTableSectionElement>('question-rows');
const addRowButton = byId<HTMLButtonElement>('add-row');
const nextButton = byId<HTMLButtonElement>('next');
const countError = byId('questions-count-error');
const finishButton = byId<HTMLButtonElement>('finish');
const passwordMessage = byId('password-message');
const newLinkButton = byId<HTMLButtonElement>('send-new-link');
const newLinkStatus = byId('new-link-status');
const channel = 'BroadcastChannel' in window ? new BroadcastChannel('ispeks-activation-draft') : undefined;

const fields = newPasswordFields({ id: 'password', token: () => token, onChange: refreshFinish });

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

function setStage(next: Stage, moveFocus = true): void {
  stage = next;
  setProgress(
    [byId('progress-questions'), byId('progress-password')],
    { questions: 0, password: 1, done: 2 }[next],
  );
  show(byId('step-questions'), next === 'questions');
  show(byId('step-password'), next === 'password');
  show(byId('step-done'), next === 'done');
  if (!moveFocus) return;
  const target = { questions: 'questions-heading', password: 'password-heading', done: 'success-text' }[next];
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

function labelledCell(
  label: HTMLLabelElement,
  control: HTMLElement,
  errorId: string,
  className: string,
): HTMLTableCellElement {
  const cell = element('td', { className });
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
  // Removing a row is undone by Tambah Soalan: a secondary action, not a danger.
  const remove = element('button', {
    className: 'button button-secondary button-small',
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
    labelledCell(row.questionLabel, select, `question-${key}-error`, 'col-question'),
    labelledCell(row.answerLabel, input, `answer-${key}-error`, 'col-answer'),
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

function addRow(moveFocus: boolean, values?: QuestionRow): void {
  if (rows.length >= REQUIRED_ROWS) return;
  const row = createRow();
  rows.push(row);
  rowsBody.append(row.tr);
  if (values) {
    row.select.value = values.questionId;
    row.input.value = values.answer;
    row.touched = { question: values.questionId !== '', answer: values.answer !== '' };
  }
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

function setRows(values: QuestionRow[]): void {
  rows = [];
  rowsBody.replaceChildren();
  for (const value of values) addRow(false, value);
}

function rowValues(): QuestionRow[] {
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
  // Fewer rows than three: say so, and how to add one back.
  showMessages(
    countError,
    rows.length < REQUIRED_ROWS
      ? [message('activation.rowsMissing', { n: rows.length })]
      : messageFor(check.count),
  );
  show(addRowButton, rows.length < REQUIRED_ROWS);
  nextButton.disabled = !check.ok;
  return check.ok;
}

function focusFirstInvalidRow(): void {
  const first = rowsBody.querySelector<HTMLElement>('[aria-invalid="true"]');
  (first ?? byId('questions-heading')).focus();
}

// --- step 2: password ------------------------------------------------------------------------

function refreshFinish(): void {
  finishButton.disabled = submitting || !fields.ready();
}

/** Each field problem goes next to its field; answer problems send the officer back to step 1. */
function showActivationProblems(problems: FieldProblem[]): void {
  const onPasswordFields = fields.showProblems(problems);

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
  if (onPasswordFields) {
    const onPassword = problems.some((p) => p.path === 'password');
    (onPassword ? fields.password : fields.confirmation).focus();
    return;
  }
  showMessages(passwordMessage, [errorMessage('VALIDATION_FAILED')]);
}

async function finish(): Promise<void> {
  showMessages(passwordMessage, []);
  submitting = true;
  refreshFinish();
  const answer = await postJson<{ status: string; activatedAt: string }>('/api/activation/activate', {
    token,
    securityAnswers: rowValues(),
    password: fields.password.value,
    passwordConfirmation: fields.confirmation.value,
  });
  submitting = false;
  refreshFinish();
  if (answer.ok) {
    fields.reset();
    for (const row of rows) row.input.value = '';
    forgetToken();
    setStage('done');
    return;
  }
  const { problem } = answer;
  if (problem.code === 'TOKEN_EXPIRED') {
    showExpiredInPlace();
  } else if (problem.status === 410 || problem.code === 'ALREADY_ACTIVE') {
    showProblem(problemKind(problem.code));
  } else if (problem.code === 'VALIDATION_FAILED' && problem.errors?.length) {
    showActivationProblems(problem.errors);
  } else {
    showMessages(passwordMessage, [errorMessage(problem.code)]);
  }
}

// --- a link that expires while the officer types ----------------------------------------------

function showExpiredInPlace(): void {
  expiredInPlace = true;
  showMessages(newLinkStatus, []);
  newLinkButton.disabled = false;
  show(byId('expired-notice'));
  focusTarget(byId('expired-text'));
}

async function sendNewLink(): Promise<void> {
  newLinkButton.disabled = true;
  showMessages(newLinkStatus, []);
  const answer = await postJson<{ sentTo: string | null }>('/api/activation/resend', {
    userId: verified.user.userId,
  });
  newLinkButton.disabled = false;
  if (answer.ok) {
    // This tab showed the full address already (verify); the masked one says no more.
    showMessages(newLinkStatus, [message('activation.newLinkSent', { email: verified.user.email })]);
    return;
  }
  if (answer.problem.code === 'ALREADY_ACTIVE') {
    showProblem('active');
    return;
  }
  showMessages(newLinkStatus, [errorMessage(answer.problem.code, { retryAfter: answer.retryAfter })]);
}

/** Hands the draft over, or takes one, by the protocol of `DraftMessage`. */
function onDraftMessage(data: DraftMessage): void {
  if (!verified || data.userId !== verified.user.userId) return;
  if (data.kind === 'hello' && expiredInPlace) {
    channel?.postMessage({ kind: 'draft', userId: data.userId, rows: rowValues() } satisfies DraftMessage);
  } else if (data.kind === 'draft' && !expiredInPlace && stage === 'questions' && untouched()) {
    setRows(data.rows.slice(0, REQUIRED_ROWS));
    show(byId('draft-message'));
    channel?.postMessage({ kind: 'taken', userId: data.userId } satisfies DraftMessage);
  } else if (data.kind === 'taken' && expiredInPlace) {
    // The work continues there: nothing of it stays here.
    expiredInPlace = false;
    fields.reset();
    setRows([]);
    for (const id of ['expired-notice', 'step-questions', 'step-password', 'step-done'])
      show(byId(id), false);
    show(byId('handed-over'));
    focusTarget(byId('handed-over'));
  }
}

function untouched(): boolean {
  return rows.every((row) => row.select.value === '' && row.input.value === '');
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
  expiredInPlace = false;

  byId('user-ic-number').textContent = data.user.icNumber;
  byId('user-name').textContent = data.user.name;
  byId('user-email').textContent = data.user.email;
  byId('user-registered-at').textContent = formatMalaysiaDateTime(data.user.registeredAt);
  byId<HTMLInputElement>('password-username').value = data.user.userId;
  fields.setPolicy(policy, { icNumber: data.user.icNumber, name: data.user.name });
  fields.reset();
  showMessages(passwordMessage, []);
  for (const id of ['expired-notice', 'handed-over', 'draft-message']) show(byId(id), false);

  setRows(Array.from({ length: REQUIRED_ROWS }, () => ({ questionId: '', answer: '' })));
  refreshFinish();

  show(byId('loading'), false);
  show(byId('problem-view'), false);
  show(byId('activation-view'));
  setStage('questions', false);
  // A tab whose link expired while the officer typed may hold their answers for this new link.
  channel?.postMessage({ kind: 'hello', userId: data.user.userId } satisfies DraftMessage);
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

byId('back').addEventListener('click', () => setStage('questions'));
byId<HTMLFormElement>('password-form').addEventListener('submit', (event) => {
  event.preventDefault();
  if (!finishButton.disabled) void finish();
});
newLinkButton.addEventListener('click', () => void sendNewLink());
byId('retry-verify').addEventListener('click', () => void verify());
channel?.addEventListener('message', (event: MessageEvent<DraftMessage>) => onDraftMessage(event.data));
onNewToken((next) => {
  token = next;
  void verify();
});
onLanguageChange(() => {
  for (const row of rows) questionOptions(row.select);
});

void verify();
