import type { StringKey } from './i18n/ms.ts';
import { type FieldProblem, postJson } from './lib/api.ts';
import { byId, element, focusTarget, type message, setFieldError, show, showMessages } from './lib/dom.ts';
import { errorMessage } from './lib/error-messages.ts';
import { language, onLanguageChange, translate, type Vars, waitMessage } from './lib/i18n.ts';
import { forgetToken, onNewToken, takeToken } from './lib/link.ts';
import { newPasswordFields } from './lib/new-password.ts';
import { initPage } from './lib/page.ts';
import type { PasswordPolicyView } from './lib/password-rules.ts';
import { normaliseAnswer } from './lib/question-rows.ts';
import { initResendForm, prefillResendForm, resetResendForm } from './lib/resend-form.ts';
import { setProgress } from './lib/steps.ts';

interface VerifyAnswer {
  /** `userId` is not promised by the API; when given, a new link needs no typing. */
  user: { name: string; userId?: string };
  expiresAt: string;
  questions: { id: string; text: { ms: string; en: string } }[];
  answerMinLength?: number;
  passwordPolicy: PasswordPolicyView;
}

interface Answer {
  questionId: string;
  text: { ms: string; en: string };
  input: HTMLInputElement;
  label: HTMLLabelElement;
  touched: boolean;
}

type Stage = 'questions' | 'password' | 'done';
type View = 'loading' | 'problem' | 'request' | 'reset';

/** The wait a lock answer names when it carries no Retry-After (the sign-in lock window). */
const DEFAULT_LOCK_SECONDS = 15 * 60;

initPage();

/** The ID this tab last asked a link for, or that verify named: a new link then needs no typing. */
let knownUserId: string | undefined;
let token = takeToken();
let answers: Answer[] = [];
let minLength = 3;
let submitting = false;

initResendForm({
  endpoint: '/api/recovery/request',
  neutralText: 'recovery.sent',
  onSent: (userId) => {
    knownUserId = userId;
  },
});

const answerFields = byId('answer-fields');
const answersMessage = byId('answers-message');
const nextButton = byId<HTMLButtonElement>('next');
const finishButton = byId<HTMLButtonElement>('finish');
const passwordMessage = byId('password-message');
const fields = newPasswordFields({ id: 'password', token: () => token, onChange: refreshFinish });

function showView(view: View): void {
  show(byId('loading'), view === 'loading');
  show(byId('problem-view'), view === 'problem');
  show(byId('request-view'), view === 'request');
  show(byId('reset-view'), view === 'reset');
}

/** Answers and password leave the page whenever the link can no longer use them. */
function forgetSecrets(): void {
  fields.reset();
  for (const answer of answers) answer.input.value = '';
}

/**
 * The request form: on its own (no link), or under the news that a link has expired or is not
 * valid, with the ID filled in when this tab knows it, so a new link is one click away.
 */
function showRequest(problem?: 'expired' | 'invalid'): void {
  forgetSecrets();
  resetResendForm();
  if (knownUserId) prefillResendForm(knownUserId);
  showView('request');
  show(byId('problem-view'), problem !== undefined);
  show(byId('request-intro'), problem === undefined);
  if (!problem) return;
  showProblemTexts(
    problem === 'expired' ? 'common.expiredHeading' : 'common.invalidHeading',
    problem === 'expired' ? 'recovery.expiredBody' : 'recovery.invalidBody',
  );
  show(byId('problem-login'), false);
  show(byId('problem-retry'), false);
  focusTarget(byId('problem-heading'));
}

function showProblemTexts(heading: StringKey, body: StringKey, vars?: Vars): void {
  translate(byId('problem-heading'), heading);
  translate(byId('problem-body'), body, vars);
}

function showLocked(retryAfter: number | undefined): void {
  forgetSecrets();
  showView('problem');
  showProblemTexts('recovery.lockedHeading', 'recovery.lockedBody', {
    wait: waitMessage(retryAfter ?? DEFAULT_LOCK_SECONDS, true),
  });
  show(byId('problem-login'));
  show(byId('problem-retry'), false);
  focusTarget(byId('problem-heading'));
}

function showUnavailable(): void {
  showView('problem');
  showProblemTexts('common.unavailableHeading', 'error.SERVICE_UNAVAILABLE');
  show(byId('problem-login'), false);
  show(byId('problem-retry'));
  focusTarget(byId('problem-heading'));
}

/** What a refused link or a lock means on this page; false for anything else. */
function showLinkProblem(code: string, retryAfter: number | undefined): boolean {
  if (code === 'TOKEN_EXPIRED') showRequest('expired');
  else if (code === 'TOKEN_INVALID' || code === 'VALIDATION_FAILED') showRequest('invalid');
  else if (code === 'ACCOUNT_LOCKED') showLocked(retryAfter);
  else return false;
  return true;
}

// --- steps -----------------------------------------------------------------------------------

function setStage(stage: Stage, moveFocus = true): void {
  setProgress(
    [byId('progress-questions'), byId('progress-password')],
    { questions: 0, password: 1, done: 2 }[stage],
  );
  show(byId('step-questions'), stage === 'questions');
  show(byId('step-password'), stage === 'password');
  show(byId('step-done'), stage === 'done');
  if (!moveFocus) return;
  const target = { questions: 'questions-heading', password: 'password-heading', done: 'success-text' }[
    stage
  ];
  focusTarget(byId(target));
}

// --- step 1: the link's two questions -------------------------------------------------------

function labelAnswers(): void {
  const lang = language();
  for (const answer of answers) answer.label.textContent = answer.text[lang];
}

function answerField(question: VerifyAnswer['questions'][number], index: number): Answer {
  const id = `answer-${index + 1}`;
  const field = element('div', { className: 'field' });
  const label = element('label');
  label.htmlFor = id;
  const input = element('input', { id });
  Object.assign(input, {
    type: 'text',
    autocomplete: 'off',
    maxLength: 200,
    spellcheck: false,
    required: true,
  });
  input.setAttribute('aria-describedby', `${id}-error answers-hint`);
  const error = element('p', { className: 'field-error', id: `${id}-error` });
  error.setAttribute('aria-live', 'polite');
  field.append(label, input, error);
  answerFields.append(field);

  const answer: Answer = { questionId: question.id, text: question.text, input, label, touched: false };
  input.addEventListener('input', () => {
    showMessages(answersMessage, []);
    refreshAnswers();
  });
  input.addEventListener('change', () => {
    answer.touched = true;
    refreshAnswers();
  });
  return answer;
}

/** Each answer long enough (as the server counts); errors once the officer has left a field. */
function refreshAnswers(): boolean {
  let ok = true;
  for (const answer of answers) {
    const short = [...normaliseAnswer(answer.input.value)].length < minLength;
    ok &&= !short;
    const shown = short && answer.touched;
    setFieldError(
      answer.input,
      shown ? [errorMessage('ANSWER_TOO_SHORT', { answerMinLength: minLength })] : [],
    );
  }
  nextButton.disabled = !ok;
  return ok;
}

function backToQuestions(text: ReturnType<typeof message>[]): void {
  showMessages(answersMessage, text);
  setStage('questions', false);
  answers[0]?.input.focus();
}

// --- step 2: the new password ---------------------------------------------------------------

function refreshFinish(): void {
  finishButton.disabled = submitting || !fields.ready();
}

function showResetProblems(problems: FieldProblem[]): void {
  const onAnswers = problems.filter((p) => p.path.startsWith('securityAnswers'));
  if (onAnswers.length > 0) {
    for (const problem of onAnswers) {
      const index = /^securityAnswers\.(\d+)\./.exec(problem.path)?.[1];
      const answer = index === undefined ? undefined : answers[Number(index)];
      if (answer) setFieldError(answer.input, [errorMessage(problem.code, { answerMinLength: minLength })]);
    }
    backToQuestions([errorMessage('VALIDATION_FAILED')]);
    return;
  }
  if (fields.showProblems(problems)) {
    (problems.some((p) => p.path === 'password') ? fields.password : fields.confirmation).focus();
    return;
  }
  showMessages(passwordMessage, [errorMessage('VALIDATION_FAILED')]);
}

async function finish(): Promise<void> {
  showMessages(passwordMessage, []);
  submitting = true;
  refreshFinish();
  const answer = await postJson<{ status: string; resetAt: string }>('/api/recovery/reset', {
    token,
    securityAnswers: answers.map((a) => ({ questionId: a.questionId, answer: a.input.value })),
    password: fields.password.value,
    passwordConfirmation: fields.confirmation.value,
  });
  submitting = false;
  refreshFinish();
  if (answer.ok) {
    forgetSecrets();
    forgetToken();
    token = undefined;
    setStage('done');
    return;
  }
  const { problem, retryAfter } = answer;
  if (problem.code === 'ANSWERS_WRONG') {
    // The password typed stays: only the answers need another look.
    backToQuestions([errorMessage('ANSWERS_WRONG')]);
  } else if (problem.code === 'VALIDATION_FAILED' && problem.errors?.length) {
    showResetProblems(problem.errors);
  } else if (!showLinkProblem(problem.code, retryAfter)) {
    showMessages(passwordMessage, [errorMessage(problem.code, { retryAfter })]);
  }
}

// --- wiring ----------------------------------------------------------------------------------

function start(data: VerifyAnswer): void {
  if (data.user.userId) knownUserId = data.user.userId;
  minLength = data.answerMinLength ?? 3;
  byId('user-name').textContent = data.user.name;
  byId<HTMLInputElement>('password-username').value = knownUserId ?? '';
  translate(byId('answers-hint'), 'recovery.answersHint', { min: minLength });
  answerFields.replaceChildren();
  answers = data.questions.map(answerField);
  labelAnswers();
  showMessages(answersMessage, []);
  showMessages(passwordMessage, []);
  fields.setPolicy(data.passwordPolicy, { name: data.user.name });
  fields.reset();
  refreshAnswers();
  refreshFinish();
  showView('reset');
  setStage('questions', false);
}

async function verify(): Promise<void> {
  if (!token) {
    showRequest();
    return;
  }
  showView('loading');
  const answer = await postJson<VerifyAnswer>('/api/recovery/verify', { token });
  if (answer.ok) start(answer.data);
  else if (!showLinkProblem(answer.problem.code, answer.retryAfter)) showUnavailable();
}

byId<HTMLFormElement>('questions-form').addEventListener('submit', (event) => {
  event.preventDefault();
  if (refreshAnswers()) {
    showMessages(answersMessage, []);
    setStage('password');
    return;
  }
  for (const answer of answers) answer.touched = true;
  refreshAnswers();
  answers.find((a) => a.input.getAttribute('aria-invalid') === 'true')?.input.focus();
});
byId('back').addEventListener('click', () => setStage('questions'));
byId<HTMLFormElement>('password-form').addEventListener('submit', (event) => {
  event.preventDefault();
  if (!finishButton.disabled) void finish();
});
byId('retry-verify').addEventListener('click', () => void verify());
onNewToken((next) => {
  token = next;
  void verify();
});
onLanguageChange(labelAnswers);

void verify();
