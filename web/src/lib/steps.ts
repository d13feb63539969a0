import { show } from './dom.ts';

/**
 * The progress list (`ol.steps`): the items before `current` get a tick and a "(selesai)" for
 * screen readers, the one at `current` is `aria-current="step"`.
 */
export function setProgress(items: HTMLElement[], current: number): void {
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
