import type { RequestRecoveryResponse, ResendActivationResponse } from '../../../functions/api/types.ts';
import type { StringKey } from '../i18n/ms.ts';
import { postJson } from './api.ts';
import { byId, element, focusTarget, message, setBusy, setFieldError, show, showMessages } from './dom.ts';
import { errorMessage } from './error-messages.ts';
import { translate } from './i18n.ts';

/** Activation names the masked address (null with enumeration protection); recovery never does. */
type SendAnswer = ResendActivationResponse | RequestRecoveryResponse;

export interface ResendOptions {
  endpoint: string;
  /** What the page says when the answer names no address. */
  neutralText: StringKey;
  /** Told the ID a link was sent for. */
  onSent?: (userId: string) => void;
}

const ACTIVATION: ResendOptions = { endpoint: '/api/activation/resend', neutralText: 'resend.sentNeutral' };

function alreadyActiveLinks(): HTMLElement {
  const links = element('span', { className: 'line links' });
  const login = element('a', { text: message('common.login') });
  login.href = '/';
  const recovery = element('a', { text: message('common.forgotPassword') });
  recovery.href = '/account/recovery';
  links.append(login, ' · ', recovery);
  return links;
}

function showSent(answer: SendAnswer, neutralText: StringKey): void {
  const lead = byId('resend-sent-lead');
  const to = byId('resend-sent-to');
  const sentTo = 'sentTo' in answer ? answer.sentTo : null;
  if (sentTo) {
    translate(lead, 'resend.sentTo');
    to.textContent = sentTo;
  } else {
    // Enumeration protection: the answer says nothing of whether the ID exists.
    translate(lead, neutralText);
    to.textContent = '';
  }
  translate(byId('resend-validity'), 'resend.validity', {
    minutes: Math.round(answer.expiresInSeconds / 60),
  });
  show(byId('resend-form'), false);
  show(byId('resend-sent'));
  focusTarget(byId('resend-sent-text'));
}

/** Back to an empty form (the activation page shows it again for another link). */
export function resetResendForm(): void {
  show(byId('resend-sent'), false);
  show(byId('resend-form'));
  showMessages(byId('resend-message'), []);
  setFieldError(byId('resend-user-id'), []);
}

/** The form with this user ID already in it (a new link for the officer the page knows). */
export function prefillResendForm(userId: string): void {
  byId<HTMLInputElement>('resend-user-id').value = userId;
}

/**
 * The "send me a link" form (partials/resend-form.html): the activation e-mail on the request page
 * and on the activation page when a link has expired or is not valid; the recovery e-mail on the
 * recovery page.
 */
export function initResendForm({ endpoint, neutralText, onSent }: ResendOptions = ACTIVATION): void {
  const form = byId<HTMLFormElement>('resend-form');
  const input = byId<HTMLInputElement>('resend-user-id');
  const area = byId('resend-message');

  input.addEventListener('input', () => setFieldError(input, []));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    showMessages(area, []);
    const userId = input.value.trim();
    if (!userId) {
      setFieldError(input, [message('resend.required')]);
      input.focus();
      return;
    }
    setFieldError(input, []);
    setBusy(form, true);
    const answer = await postJson<SendAnswer>(endpoint, { userId });
    setBusy(form, false);
    if (answer.ok) {
      showSent(answer.data, neutralText);
      onSent?.(userId);
      return;
    }
    const { code } = answer.problem;
    // A 400 here can only concern the one field: whatever its errors[].code, the ID is not valid.
    if (code === 'VALIDATION_FAILED' || code === 'USER_NOT_FOUND') {
      setFieldError(input, [errorMessage(code === 'USER_NOT_FOUND' ? code : 'USER_ID_INVALID')]);
      input.focus();
      return;
    }
    showMessages(area, [errorMessage(code, { retryAfter: answer.retryAfter })]);
    if (code === 'ALREADY_ACTIVE') area.append(alreadyActiveLinks());
  });
}
