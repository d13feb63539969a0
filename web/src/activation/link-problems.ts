import type { StringKey } from '../i18n/ms.ts';
import { byId, focusTarget, show } from '../lib/dom.ts';
import { translate } from '../lib/i18n.ts';
import { resetResendForm } from '../lib/resend-form.ts';

/** Why a link cannot be used: each has its own heading, words and way on. */
export type LinkProblem = 'expired' | 'invalid' | 'active' | 'missing' | 'unavailable';

const TEXTS: Record<LinkProblem, [heading: StringKey, body: StringKey]> = {
  expired: ['common.expiredHeading', 'activation.expiredBody'],
  invalid: ['common.invalidHeading', 'activation.invalidBody'],
  active: ['activation.activeHeading', 'activation.activeBody'],
  missing: ['activation.missingHeading', 'activation.missingBody'],
  unavailable: ['common.unavailableHeading', 'error.SERVICE_UNAVAILABLE'],
};

/** The problem an API error code means for the link; anything unforeseen reads as "try again". */
export function linkProblem(code: string): LinkProblem {
  if (code === 'TOKEN_EXPIRED') return 'expired';
  if (code === 'ALREADY_ACTIVE') return 'active';
  // A malformed token is as useless as an unknown one.
  if (code === 'TOKEN_INVALID' || code === 'VALIDATION_FAILED') return 'invalid';
  return 'unavailable';
}

/**
 * The problem view in place of the form: a new link by user ID (expired, not valid, missing),
 * the way to sign in (already active), or a retry (service unavailable).
 */
export function showLinkProblem(problem: LinkProblem): void {
  const [heading, body] = TEXTS[problem];
  resetResendForm();
  translate(byId('problem-heading'), heading);
  translate(byId('problem-body'), body);
  show(byId('problem-resend'), problem === 'expired' || problem === 'invalid' || problem === 'missing');
  show(byId('problem-active'), problem === 'active');
  show(byId('problem-retry'), problem === 'unavailable');
  show(byId('loading'), false);
  show(byId('activation-view'), false);
  show(byId('problem-view'));
  focusTarget(byId('problem-heading'));
}
