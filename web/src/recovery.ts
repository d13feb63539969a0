/**
 * The recovery page (*Lupa Kata Laluan*, `/account/recovery`): without a link, the form that asks
 * for one; with a link, the link's two questions (recovery/answers-step.ts) and the new password
 * (lib/password-step.ts). This file holds the page's state and moves between its views.
 */
import type { ResetPasswordResponse, VerifyRecoveryResponse } from '../../functions/api/types.ts';
import { type FieldProblem, postJson } from './lib/api.ts';
import { byId } from './lib/dom.ts';
import { errorMessage } from './lib/error-messages.ts';
import { forgetToken, onNewToken, takeToken } from './lib/link.ts';
import { initPage } from './lib/page.ts';
import { passwordStep } from './lib/password-step.ts';
import { initResendForm } from './lib/resend-form.ts';
import { showStage } from './lib/steps.ts';
import { answersStep } from './recovery/answers-step.ts';
import type { RecoveryState } from './recovery/state.ts';
import { recoveryLinkProblem, showLocked, showRequest, showUnavailable, showView } from './recovery/views.ts';

initPage();

const state: RecoveryState = { token: takeToken(), knownUserId: undefined };

initResendForm({
  endpoint: '/api/recovery/request',
  neutralText: 'recovery.sent',
  onSent: (userId) => {
    state.knownUserId = userId;
  },
});

const answers = answersStep({ onNext: () => showStage('password') });
const password = passwordStep({
  token: () => state.token,
  onFinish: () => void finish(),
  onBack: () => showStage('questions'),
});

/** Answers and password leave the page whenever the link can no longer use them. */
function forgetSecrets(): void {
  password.clear();
  answers.clear();
}

/** What a refused link or a lock means on this page; false for anything else. */
function showLinkProblem(code: string, retryAfter: number | undefined): boolean {
  const problem = recoveryLinkProblem(code);
  if (!problem) return false;
  forgetSecrets();
  if (problem === 'locked') showLocked(retryAfter);
  else showRequest(problem, state.knownUserId);
  return true;
}

function start(link: VerifyRecoveryResponse): void {
  state.knownUserId = link.user.userId;
  byId('user-name').textContent = link.user.name;
  byId<HTMLInputElement>('password-username').value = link.user.userId;
  answers.start(link);
  password.start(link.passwordPolicy, { name: link.user.name });
  showView('reset');
  showStage('questions', false);
}

async function verify(): Promise<void> {
  if (!state.token) {
    forgetSecrets();
    showRequest(undefined, state.knownUserId);
    return;
  }
  showView('loading');
  const answer = await postJson<VerifyRecoveryResponse>('/api/recovery/verify', { token: state.token });
  if (answer.ok) start(answer.data);
  else if (!showLinkProblem(answer.problem.code, answer.retryAfter)) showUnavailable();
}

/** Answer problems send the officer back to the questions; password problems go next to their field. */
function showRefusal(problems: FieldProblem[]): void {
  if (answers.showServerProblems(problems)) return;
  const field = password.fields.showProblems(problems);
  if (field) field.focus();
  else password.say([errorMessage('VALIDATION_FAILED')]);
}

async function finish(): Promise<void> {
  const answer = await password.send(() =>
    postJson<ResetPasswordResponse>('/api/recovery/reset', {
      token: state.token,
      securityAnswers: answers.values(),
      password: password.fields.password.value,
      passwordConfirmation: password.fields.confirmation.value,
    }),
  );
  if (answer.ok) {
    forgetSecrets();
    forgetToken();
    state.token = undefined;
    showStage('done');
    return;
  }
  const { problem, retryAfter } = answer;
  if (problem.code === 'ANSWERS_WRONG') {
    // The password typed stays: only the answers need another look.
    answers.returnWith([errorMessage('ANSWERS_WRONG')]);
  } else if (problem.code === 'VALIDATION_FAILED' && problem.errors?.length) {
    showRefusal(problem.errors);
  } else if (!showLinkProblem(problem.code, retryAfter)) {
    password.say([errorMessage(problem.code, { retryAfter })]);
  }
}

byId('retry-verify').addEventListener('click', () => void verify());
onNewToken((next) => {
  state.token = next;
  void verify();
});

void verify();
