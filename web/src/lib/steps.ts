import { byId, focusTarget, show } from './dom.ts';

/** The stages of the two-step pages (activation, recovery): the questions, the new password, done. */
export type Stage = 'questions' | 'password' | 'done';

const POSITION: Record<Stage, number> = { questions: 0, password: 1, done: 2 };
const HEADING: Record<Stage, string> = {
  questions: 'questions-heading',
  password: 'password-heading',
  done: 'success-text',
};

/**
 * The progress list (`ol.steps`): the items before `current` get a tick and a "(selesai)" for
 * screen readers, the one at `current` is `aria-current="step"`.
 */
function setProgress(items: HTMLElement[], current: number): void {
  items.forEach((item, i) => {
    const done = i < current;
    item.classList.toggle('done', done);
    if (i === current) item.setAttribute('aria-current', 'step');
    else item.removeAttribute('aria-current');
    const marker = item.querySelector<HTMLElement>('.step-marker');
    if (marker) marker.textContent = done ? '✓' : String(i + 1);
    const doneText = item.querySelector<HTMLElement>('.step-done');
    if (doneText) show(doneText, done);
  });
}

/**
 * Shows one stage of a two-step page (`#step-questions`, `#step-password`, `#step-done` under the
 * progress items `#progress-questions`, `#progress-password`) and, unless told not to, moves focus
 * to its heading so a screen reader reads where the officer is.
 */
export function showStage(stage: Stage, moveFocus = true): void {
  setProgress([byId('progress-questions'), byId('progress-password')], POSITION[stage]);
  show(byId('step-questions'), stage === 'questions');
  show(byId('step-password'), stage === 'password');
  show(byId('step-done'), stage === 'done');
  if (moveFocus) focusTarget(byId(HEADING[stage]));
}
