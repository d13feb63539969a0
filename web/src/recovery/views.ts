import type { StringKey } from '../i18n/ms.ts';
import { byId, focusTarget, show } from '../lib/dom.ts';
import { lockWait } from '../lib/error-messages.ts';
import { translate, type Vars } from '../lib/i18n.ts';
import { prefillResendForm, resetResendForm } from '../lib/resend-form.ts';

type View = 'loading' | 'problem' | 'request' | 'reset';

/** What a refused link means on this page. */
export type RecoveryLinkProblem = 'expired' | 'invalid' | 'locked';

/** The problem an API error code means for the link; none for a code that is no link problem. */
export function recoveryLinkProblem(code: string): RecoveryLinkProblem | undefined {
  if (code === 'TOKEN_EXPIRED') return 'expired';
  // A malformed token is as useless as an unknown one.
  if (code === 'TOKEN_INVALID' || code === 'VALIDATION_FAILED') return 'invalid';
  if (code === 'ACCOUNT_LOCKED') return 'locked';
  return undefined;
}

export function showView(view: View): void {
  show(byId('loading'), view === 'loading');
  show(byId('problem-view'), view === 'problem');
  show(byId('request-view'), view === 'request');
  show(byId('reset-view'), view === 'reset');
}

function showProblemTexts(heading: StringKey, body: StringKey, vars?: Vars): void {
  translate(byId('problem-heading'), heading);
  translate(byId('problem-body'), body, vars);
}

/**
 * The request form: on its own (no link), or under the news that a link has expired or is not
 * valid, with the ID filled in when this tab knows it, so a new link is one click away.
 */
export function showRequest(
  problem: 'expired' | 'invalid' | undefined,
  knownUserId: string | undefined,
): void {
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

/** Too many wrong answers: how long to wait, and the way back to the login page. */
export function showLocked(retryAfter: number | undefined): void {
  showView('problem');
  showProblemTexts('recovery.lockedHeading', 'recovery.lockedBody', { wait: lockWait(retryAfter) });
  show(byId('problem-login'));
  show(byId('problem-retry'), false);
  focusTarget(byId('problem-heading'));
}

export function showUnavailable(): void {
  showView('problem');
  showProblemTexts('common.unavailableHeading', 'error.SERVICE_UNAVAILABLE');
  show(byId('problem-login'), false);
  show(byId('problem-retry'));
  focusTarget(byId('problem-heading'));
}
