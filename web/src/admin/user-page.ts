/**
 * What the parts of the user page share: the user shown (each part renders from it), what the
 * signed-in administrator may do, one open form at a time, and how a change's answer is told
 * (done: the user as it now is; or sent for approval: nothing changes yet).
 */
import type { RequestAnswer, UserAnswer } from '../../../functions/handlers/admin.schema.ts';
import { element, focusTarget, message, showMessages } from '../lib/dom.ts';
import type { Message } from '../lib/i18n.ts';
import { type AdminUser, actionOutcome } from './logic.ts';
import type { AdminScope } from './user-logic.ts';

let shown: AdminUser | undefined;
let caller: AdminScope | undefined;
const renderers: ((user: AdminUser) => void)[] = [];
const changeListeners: (() => void)[] = [];
const panels = new Map<string, () => void>();

export const shownUser = (): AdminUser | undefined => shown;

/** The caller's scope, once the session has told it; undefined hides nothing (the API decides). */
export const callerScopeOf = (): AdminScope | undefined => caller;

export function setCallerScope(scope: AdminScope | undefined): void {
  caller = scope;
}

export function onUser(render: (user: AdminUser) => void): void {
  renderers.push(render);
}

/** Shows `user` in every part of the page. */
export function showUser(user: AdminUser): void {
  shown = user;
  for (const render of renderers) render(user);
}

/** After any change was done or asked for (the audit trail then has a new record). */
export function onChanged(listener: () => void): void {
  changeListeners.push(listener);
}

/** One form open at a time: each registers how it closes, and closes the others as it opens. */
export function registerPanel(name: string, close: () => void): void {
  panels.set(name, close);
}

export function closeOtherPanels(name: string): void {
  for (const [other, close] of panels) if (other !== name) close();
}

export interface ChangeAnswer {
  status: number;
  data: UserAnswer | RequestAnswer;
}

/**
 * A change's answer in `area` (a status region, then focused): `done` with the user shown as it
 * now is, or "sent for approval" with the page left as it was and a link to the requests.
 */
export function tellOutcome(area: HTMLElement, answer: ChangeAnswer, done: Message): void {
  const requested = actionOutcome(answer.status) === 'requested' || !('user' in answer.data);
  if ('user' in answer.data && !requested) showUser(answer.data.user);
  area.classList.toggle('message-success', !requested);
  area.classList.toggle('message-info', requested);
  if (requested) {
    showMessages(area, [message('admin.requested'), message('admin.edit.pendingNote')]);
    const link = element('a', { text: message('admin.edit.seeRequests') });
    link.href = '/admin/requests';
    const line = element('span', { className: 'line links' });
    line.append(link);
    area.append(line);
  } else showMessages(area, [done]);
  focusTarget(area);
  for (const listener of changeListeners) listener();
}

/** A status region emptied (a new form opened, the old result no longer news). */
export function clearOutcome(area: HTMLElement): void {
  showMessages(area, []);
}
