import type { ResendActivationResponse } from '../../../functions/api/types.ts';
import { postJson } from '../lib/api.ts';
import { byId, focusTarget, message, show, showMessages } from '../lib/dom.ts';
import { errorMessage } from '../lib/error-messages.ts';
import type { PasswordStep } from '../lib/password-step.ts';
import { type DraftMessage, draftAction } from './draft-protocol.ts';
import type { QuestionStep } from './question-step.ts';
import type { ActivationState } from './state.ts';

const CHANNEL_NAME = 'ispeks-activation-draft';

export interface DraftHandoverOptions {
  state: ActivationState;
  questions: QuestionStep;
  password: PasswordStep;
  /** Asking for a new link found the account active already. */
  onAlreadyActive: () => void;
}

export interface DraftHandover {
  /** A newly verified link: no notice about an earlier one, and a call for this officer's draft. */
  start(userId: string): void;
  /** The link expired at Selesai: the form stays, with the way to a new link. */
  showExpired(): void;
}

/**
 * A link that expires while the officer fills in the form: the notice with Hantar Pautan Baharu,
 * and the hand-over of the questions and answers (never the password) to the tab of the new link,
 * by the protocol of `DraftMessage`.
 */
export function draftHandover({
  state,
  questions,
  password,
  onAlreadyActive,
}: DraftHandoverOptions): DraftHandover {
  const newLinkButton = byId<HTMLButtonElement>('send-new-link');
  const newLinkStatus = byId('new-link-status');
  const channel = 'BroadcastChannel' in window ? new BroadcastChannel(CHANNEL_NAME) : undefined;
  const post = (data: DraftMessage) => channel?.postMessage(data);

  async function sendNewLink(): Promise<void> {
    const user = state.link?.user;
    if (!user) return;
    newLinkButton.disabled = true;
    showMessages(newLinkStatus, []);
    const answer = await postJson<ResendActivationResponse>('/api/activation/resend', {
      userId: user.userId,
    });
    newLinkButton.disabled = false;
    if (answer.ok) {
      // This tab showed the full address already (verify); the masked one says no more.
      showMessages(newLinkStatus, [message('activation.newLinkSent', { email: user.email })]);
    } else if (answer.problem.code === 'ALREADY_ACTIVE') {
      onAlreadyActive();
    } else {
      showMessages(newLinkStatus, [errorMessage(answer.problem.code, { retryAfter: answer.retryAfter })]);
    }
  }

  /** The work goes on in the new tab: nothing of it stays here. */
  function letGo(): void {
    state.expiredInPlace = false;
    password.clear();
    questions.fill([]);
    for (const id of ['expired-notice', 'step-questions', 'step-password', 'step-done'])
      show(byId(id), false);
    show(byId('handed-over'));
    focusTarget(byId('handed-over'));
  }

  function onMessage(data: DraftMessage): void {
    const action = draftAction(data, {
      userId: state.link?.user.userId,
      expiredInPlace: state.expiredInPlace,
      readyForDraft: state.stage === 'questions' && questions.untouched(),
    });
    if (action === 'send-draft') {
      post({ kind: 'draft', userId: data.userId, rows: questions.values() });
    } else if (action === 'take-draft' && data.kind === 'draft') {
      questions.fill(data.rows);
      show(byId('draft-message'));
      post({ kind: 'taken', userId: data.userId });
    } else if (action === 'let-go') {
      letGo();
    }
  }

  newLinkButton.addEventListener('click', () => void sendNewLink());
  channel?.addEventListener('message', (event: MessageEvent<DraftMessage>) => onMessage(event.data));

  return {
    start(userId) {
      state.expiredInPlace = false;
      for (const id of ['expired-notice', 'handed-over', 'draft-message']) show(byId(id), false);
      // A tab whose link expired while the officer typed may hold their answers for this new link.
      post({ kind: 'hello', userId });
    },
    showExpired() {
      state.expiredInPlace = true;
      showMessages(newLinkStatus, []);
      newLinkButton.disabled = false;
      show(byId('expired-notice'));
      focusTarget(byId('expired-text'));
    },
  };
}
