/**
 * What every console page shares: the navigation, the session (none → the login page), "no
 * access" (a 403), errors in words, and the duty names of the catalogue in the current language.
 */
import type { DutyCatalogue } from '../../../functions/handlers/admin.schema.ts';
import { consoleEn } from '../i18n/console-en.ts';
import { consoleMs } from '../i18n/console-ms.ts';
import { type ApiAnswer, api } from '../lib/api.ts';
import { byId, focusTarget, show, showMessages } from '../lib/dom.ts';
import { errorMessage } from '../lib/error-messages.ts';
import { addConsoleStrings, language } from '../lib/i18n.ts';
import { initPage } from '../lib/page.ts';
import { loginHrefFor } from '../lib/return-to.ts';

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

/** The duty catalogue (`GET /api/admin/duties`), once; without it the codes stand for the names. */
export async function loadDuties(): Promise<DutyCatalogue['items']> {
  const answer = await api<DutyCatalogue>('GET', '/api/admin/duties');
  if (answer.ok) catalogue = answer.data.items;
  return catalogue;
}

export function dutyName(code: string): string {
  return catalogue.find((duty) => duty.code === code)?.name[language()] ?? code;
}
