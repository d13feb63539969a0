/**
 * The activation page (`/account/activation#token=…`): verify the e-mailed link, then choose the
 * security questions (activation/question-step.ts) and set the password (lib/password-step.ts).
 * This file holds the page's state and moves between its views; each part does one job.
 */
import type { ActivateAccountResponse, VerifyActivationResponse } from '../../functions/api/types.ts';
import { formatMalaysiaDateTime } from '../../functions/domain/malaysia-time.ts';
import { draftHandover } from './activation/draft-handover.ts';
import { linkProblem, showLinkProblem } from './activation/link-problems.ts';
import { questionStep } from './activation/question-step.ts';
import type { ActivationState } from './activation/state.ts';
import { type FieldProblem, postJson } from './lib/api.ts';
import { byId, show } from './lib/dom.ts';
import { errorMessage } from './lib/error-messages.ts';
import { forgetToken, onNewToken, takeToken } from './lib/link.ts';
import { initPage } from './lib/page.ts';
import { passwordStep } from './lib/password-step.ts';
import { initResendForm } from './lib/resend-form.ts';
import { type Stage, showStage } from './lib/steps.ts';

initPage();
initResendForm();

const state: ActivationState = {
  token: takeToken(),
  link: undefined,
  stage: 'questions',
  expiredInPlace: false,
};

const questions = questionStep({ onNext: () => goTo('password') });
const password = passwordStep({
  token: () => state.token,
  onFinish: () => void finish(),
  onBack: () => goTo('questions'),
});
const handover = draftHandover({
  state,
  questions,
  password,
  onAlreadyActive: () => showLinkProblem('active'),
});

function goTo(stage: Stage, moveFocus = true): void {
  state.stage = stage;
  showStage(stage, moveFocus);
}

function start(link: VerifyActivationResponse): void {
  state.link = link;
  const { user } = link;
  byId('user-ic-number').textContent = user.icNumber;
  byId('user-name').textContent = user.name;
  byId('user-email').textContent = user.email;
  byId('user-registered-at').textContent = formatMalaysiaDateTime(user.registeredAt);
  byId<HTMLInputElement>('password-username').value = user.userId;
  password.start(link.passwordPolicy, { icNumber: user.icNumber, name: user.name });
  questions.start(link);

  show(byId('loading'), false);
  show(byId('problem-view'), false);
  show(byId('activation-view'));
  goTo('questions', false);
  handover.start(user.userId);
}

async function verify(): Promise<void> {
  if (!state.token) {
    showLinkProblem('missing');
    return;
  }
  show(byId('problem-view'), false);
  show(byId('activation-view'), false);
  show(byId('loading'));
  const answer = await postJson<VerifyActivationResponse>('/api/activation/verify', { token: state.token });
  if (answer.ok) start(answer.data);
  else showLinkProblem(linkProblem(answer.problem.code));
}

/** Each field problem goes next to its field; answer problems send the officer back to step 1. */
function showRefusal(problems: FieldProblem[]): void {
  const passwordField = password.fields.showProblems(problems);
  if (questions.showServerProblems(problems)) {
    goTo('questions', false);
    questions.focusFirstInvalid();
  } else if (passwordField) {
    passwordField.focus();
  } else {
    password.say([errorMessage('VALIDATION_FAILED')]);
  }
}

async function finish(): Promise<void> {
  const answer = await password.send(() =>
    postJson<ActivateAccountResponse>('/api/activation/activate', {
      token: state.token,
      securityAnswers: questions.values(),
      password: password.fields.password.value,
      passwordConfirmation: password.fields.confirmation.value,
    }),
  );
  if (answer.ok) {
    password.clear();
    questions.clearAnswers();
    forgetToken();
    goTo('done');
    return;
  }
  const { problem } = answer;
  if (problem.code === 'TOKEN_EXPIRED') handover.showExpired();
  else if (problem.status === 410 || problem.code === 'ALREADY_ACTIVE')
    showLinkProblem(linkProblem(problem.code));
  else if (problem.code === 'VALIDATION_FAILED' && problem.errors?.length) showRefusal(problem.errors);
  else password.say([errorMessage(problem.code)]);
}

byId('retry-verify').addEventListener('click', () => void verify());
onNewToken((next) => {
  state.token = next;
  void verify();
});

void verify();
