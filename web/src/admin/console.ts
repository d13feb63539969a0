/**
 * What every console page shares: the navigation, the session (none → the login page), "no
 * access" (a 403), errors in words, the duty names of the catalogue in the current language, a
 * link to a user, and the reason a deactivation or a rejection asks for.
 */
import { visibleLength } from '../../../functions/domain/visible-text.ts';
import type { DutyCatalogue } from '../../../functions/handlers/admin.schema.ts';
import { consoleEn } from '../i18n/console-en.ts';
import { consoleMs } from '../i18n/console-ms.ts';
import { type ApiAnswer, api } from '../lib/api.ts';
import { byId, element, focusTarget, message, setFieldError, show, showMessages } from '../lib/dom.ts';
import { errorMessage } from '../lib/error-messages.ts';
import { addConsoleStrings, language } from '../lib/i18n.ts';
import { initPage } from '../lib/page.ts';
import { loginHrefFor } from '../lib/return-to.ts';
import { userPageHref } from './logic.ts';

// Before any page module of the console runs (they all import this one): its texts.
addConsoleStrings(consoleMs, consoleEn);

export type Failure = Extract<ApiAnswer<unknown>, { ok: false }>;

/** A page the navigation does not name, and the page of the navigation it belongs to. */
const PARENT_PAGES: Record<string, string> = { '/admin/user': '/admin' };

/** The language switch, and the navigation marking where the administrator is. */
export function startConsole(): void {
  initPage();
  for (const link of document.querySelectorAll<HTMLAnchorElement>('.console-nav a')) {
    const path = new URL(link.href).pathname;
    if (path === location.pathname) link.setAttribute('aria-current', 'page');
    else if (path === PARENT_PAGES[location.pathname]) link.setAttribute('aria-current', 'true');
  }
}

/** The console's views hidden and "no access" shown: nothing of what was asked for. */
export function showNoAccess(): void {
  for (const view of document.querySelectorAll<HTMLElement>('.console-view')) show(view, false);
  const noAccess = byId('no-access');
  show(noAccess);
  focusTarget(byId('no-access-heading'));
}

/**
 * A failed call: no session → the login page (which brings the administrator back here); 403 FORBIDDEN → "no access" (when `page`); anything
 * else in words in `area`.
 */
export function showFailure(answer: Failure, area: HTMLElement, page = true): void {
  if (answer.status === 401) {
    location.replace(loginHrefFor(location));
    return;
  }
  if (page && answer.status === 403 && answer.problem.code === 'FORBIDDEN') {
    showNoAccess();
    return;
  }
  showMessages(area, [errorMessage(answer.problem.code, { retryAfter: answer.retryAfter })]);
}

let catalogue: DutyCatalogue['items'] = [];
let conflicts: DutyCatalogue['conflicts'] = [];

/** The duty catalogue (`GET /api/admin/duties`), once; without it the codes stand for the names. */
export async function loadDuties(): Promise<DutyCatalogue['items']> {
  const answer = await api<DutyCatalogue>('GET', '/api/admin/duties');
  if (answer.ok) ({ items: catalogue, conflicts } = answer.data);
  return catalogue;
}

/** The pairs of duties one officer may not hold in one PTJ, as the loaded catalogue names them. */
export function dutyConflicts(): DutyCatalogue['conflicts'] {
  return conflicts;
}

export function dutyName(code: string): string {
  return catalogue.find((duty) => duty.code === code)?.name[language()] ?? code;
}

/** A link to the console's page of one user, named by `text` (the user ID unless given). */
export function userLink(userId: string, text = userId): HTMLAnchorElement {
  const link = element('a');
  link.href = userPageHref(userId);
  link.textContent = text;
  return link;
}

/** A reason's problem at its field (too short, or the API's), the field focused. */
export function reasonProblem(input: HTMLInputElement | HTMLTextAreaElement): void {
  setFieldError(input, [message('admin.reasonRequired')]);
  input.focus();
}

/** The reason typed, trimmed, as the API takes it (3 characters a reader sees at least); else its problem said, and none. */
export function reasonFrom(input: HTMLInputElement | HTMLTextAreaElement): string | undefined {
  const reason = input.value.trim();
  if (visibleLength(reason) >= 3) return reason;
  reasonProblem(input);
  return undefined;
}

/**
 * Paging buttons are disabled while a page loads, which takes keyboard focus off the one pressed.
 * Call before the load; the function it gives puts focus back after it (on `fallback`, the list's
 * heading, when that button is now hidden: the first or the last page).
 */
export function keepPagingFocus(buttons: readonly HTMLButtonElement[], fallback: HTMLElement): () => void {
  const pressed = buttons.find((button) => button === document.activeElement);
  return () => {
    if (!pressed) return;
    if (pressed.hidden) focusTarget(fallback);
    else pressed.focus();
  };
}
