/**
 * The console's progress page (`/admin/progress`), the view for the mandatory-activation date:
 * per PTJ or per agency (the choice kept in the page address), the totals, a bar chart read at a
 * glance (decoration: hidden from screen readers) and a table with the same numbers (what a
 * screen reader reads), and a PTJ's users still to activate, a page at a time, to remind them.
 * A PTJ administrator sees their PTJs alone, and no agency view (the API refuses it).
 */
import type { ProgressAnswer, UserPage } from '../../functions/handlers/admin.schema.ts';
import type { SessionResponse } from '../../functions/handlers/get-session.schema.ts';
import { type Failure, keepPagingFocus, showFailure, startConsole } from './admin/console.ts';
import { userPageHref } from './admin/logic.ts';
import {
  barWidths,
  type ProgressRow,
  type ProgressView,
  pendingUsersPath,
  progressPath,
  progressRows,
  registeredDay,
  sortRows,
  totals,
  viewFrom,
  viewQuery,
} from './admin/progress-logic.ts';
import { api } from './lib/api.ts';
import { byId, element, focusTarget, show, showMessages } from './lib/dom.ts';
import { errorMessage } from './lib/error-messages.ts';
import { translate, translateAttribute } from './lib/i18n.ts';
import { isSystemAdministrator } from './lib/roles.ts';

startConsole();

const bySwitch = byId<HTMLFieldSetElement>('progress-by');
const byRadios = [...bySwitch.querySelectorAll<HTMLInputElement>('input[name="by"]')];
const sortSelect = byId<HTMLSelectElement>('progress-sort');
const progressMessage = byId('progress-message');
const loading = byId('progress-loading');
const empty = byId('progress-empty');
const results = byId('progress-results');
const bars = byId('progress-bars');
const rowsBody = byId('progress-rows');
const pendingView = byId('pending-view');
const pendingHeading = byId('pending-heading');
const pendingMessage = byId('pending-message');
const pendingStatus = byId('pending-status');
const pendingTable = byId('pending-table');
const pendingRows = byId('pending-rows');
const pendingEmpty = byId('pending-empty');
const previousButton = byId<HTMLButtonElement>('pending-previous');
const nextButton = byId<HTMLButtonElement>('pending-next');

let view: ProgressView = viewFrom(location.search);
let rows: ProgressRow[] = [];
/** Each load's number: an answer that arrives after a newer request was made is dropped. */
let progressLoads = 0;
let pendingLoads = 0;
/** The cursors of the pending pages before this one (the first has none), this one's, and the next's. */
let earlier: (string | undefined)[] = [];
let current: string | undefined;
let next: string | undefined;

function keepInAddress(): void {
  const query = viewQuery(view);
  history.replaceState(null, '', query ? `?${query}` : location.pathname);
}

const percentText = (percent: number | null, into: HTMLElement) => {
  if (percent === null) translate(into, 'admin.progress.noneDue');
  else into.textContent = `${percent}%`;
};

function numberCell(value: number): HTMLTableCellElement {
  const td = element('td', { className: 'number' });
  td.textContent = String(value);
  return td;
}

function barItem(row: ProgressRow): HTMLLIElement {
  const li = element('li', { className: 'progress-bar-row' });
  const label = element('span', { className: 'bar-label' });
  label.textContent = row.code;
  const bar = element('span', { className: 'bar' });
  const widths = barWidths(row);
  if (widths) {
    const active = element('span', { className: 'bar-active' });
    const pending = element('span', { className: 'bar-pending' });
    // CSSOM, not a style attribute: the CSP allows it.
    active.style.width = widths.active;
    pending.style.width = widths.pending;
    bar.append(active, pending);
  }
  const percent = element('span', { className: 'bar-percent' });
  percentText(row.percent, percent);
  li.append(label, bar, percent);
  li.dataset.code = row.code;
  return li;
}

function tableRow(row: ProgressRow): HTMLTableRowElement {
  const tr = element('tr');
  tr.dataset.code = row.code;
  const code = element('th');
  code.scope = 'row';
  code.textContent = row.code;
  const percent = element('td', { className: 'number' });
  percentText(row.percent, percent);
  tr.append(
    code,
    numberCell(row.registered),
    numberCell(row.active),
    numberCell(row.pending),
    numberCell(row.disabled),
    percent,
  );
  // The pending users are listed per PTJ only (the users list has no agency filter).
  if (view.by === 'agency') return tr;
  const action = element('td');
  tr.append(action);
  if (row.pending > 0) {
    const button = element('button', { className: 'button button-secondary button-small' });
    button.type = 'button';
    translate(button, 'admin.progress.showPending');
    translateAttribute(button, 'aria-label', 'admin.progress.showPendingOf', { code: row.code });
    button.addEventListener('click', () => openPending(row.code, true));
    action.append(button);
  }
  return tr;
}

/** The chosen PTJ's row and button marked (`aria-current`), the others not. */
function markChosen(): void {
  for (const tr of rowsBody.querySelectorAll<HTMLTableRowElement>('tr')) {
    const chosen = view.ptj !== undefined && tr.dataset.code === view.ptj;
    tr.classList.toggle('is-chosen', chosen);
    const button = tr.querySelector('button');
    if (chosen) button?.setAttribute('aria-current', 'true');
    else button?.removeAttribute('aria-current');
  }
}

function renderProgress(): void {
  const sorted = sortRows(rows, view.sort);
  const sum = totals(rows);
  byId('total-registered').textContent = String(sum.registered);
  byId('total-active').textContent = String(sum.active);
  byId('total-pending').textContent = String(sum.pending);
  byId('total-disabled').textContent = String(sum.disabled);
  percentText(sum.percent, byId('total-percent'));
  const agency = view.by === 'agency';
  const caption = agency ? 'admin.progress.captionAgency' : 'admin.progress.captionPtj';
  translate(byId('progress-table-heading'), caption);
  translate(byId('progress-caption'), caption);
  translate(byId('progress-code-heading'), agency ? 'admin.agency' : 'admin.ptj');
  show(byId('progress-list-heading'), !agency);
  bars.replaceChildren(...sorted.map(barItem));
  rowsBody.replaceChildren(...sorted.map(tableRow));
  show(results, rows.length > 0);
  show(empty, rows.length === 0);
  show(byId('progress-sort-field'), rows.length > 1);
  markChosen();
}

function allowAgency(allowed: boolean): void {
  show(bySwitch, allowed);
  if (!allowed && view.by === 'agency') view = { ...view, by: 'ptj' };
  for (const radio of byRadios) radio.checked = radio.value === view.by;
}

async function loadProgress(): Promise<void> {
  const serial = ++progressLoads;
  const by = view.by;
  for (const radio of byRadios) radio.disabled = true;
  showMessages(progressMessage, []);
  const answer = await api<ProgressAnswer>('GET', progressPath(by));
  if (serial !== progressLoads) return;
  for (const radio of byRadios) radio.disabled = false;
  show(loading, false);
  if (!answer.ok) {
    if (by === 'agency' && answer.status === 403 && answer.problem.code === 'FORBIDDEN') {
      // A PTJ administrator: their own PTJs only. Nothing went wrong; there is just no agency view.
      allowAgency(false);
      keepInAddress();
      await loadProgress();
      return;
    }
    show(results, false);
    showFailure(answer, progressMessage);
    return;
  }
  rows = progressRows(answer.data.items);
  renderProgress();
  const chosen = view.by === 'ptj' && rows.some((row) => row.code === view.ptj);
  if (chosen && view.ptj) openPending(view.ptj, false);
  else closePending();
}

function pendingRow(user: UserPage['items'][number]): HTMLTableRowElement {
  const tr = element('tr');
  const name = element('td');
  const link = element('a');
  link.href = userPageHref(user.userId);
  link.textContent = user.name;
  name.append(link);
  const userId = element('td');
  userId.textContent = user.userId;
  const registered = element('td');
  registered.textContent = registeredDay(user.registeredAt);
  tr.append(name, userId, registered);
  return tr;
}

function pendingFailure(answer: Failure): void {
  show(pendingTable, false);
  show(pendingEmpty, false);
  showFailure(answer, pendingMessage, false);
}

async function loadPending(ptjCode: string, cursor: string | undefined): Promise<void> {
  const serial = ++pendingLoads;
  const refocus = keepPagingFocus([previousButton, nextButton], pendingHeading);
  previousButton.disabled = nextButton.disabled = true;
  showMessages(pendingMessage, []);
  const answer = await api<UserPage>('GET', pendingUsersPath(ptjCode, cursor));
  if (serial !== pendingLoads) return;
  previousButton.disabled = nextButton.disabled = false;
  if (!answer.ok) {
    pendingFailure(answer);
    refocus();
    return;
  }
  current = cursor;
  next = answer.data.nextCursor;
  const users = answer.data.items;
  pendingRows.replaceChildren(...users.map(pendingRow));
  show(pendingTable, users.length > 0);
  show(pendingEmpty, users.length === 0);
  show(previousButton, earlier.length > 0);
  show(nextButton, next !== undefined);
  refocus();
  translate(pendingStatus, 'admin.shown', { n: users.length });
}

function openPending(ptjCode: string, focus: boolean): void {
  view = { ...view, ptj: ptjCode };
  keepInAddress();
  markChosen();
  byId('pending-ptj').textContent = ptjCode;
  translate(byId('pending-caption'), 'admin.progress.pendingCaption', { code: ptjCode });
  pendingRows.replaceChildren();
  show(pendingTable, false);
  show(pendingEmpty, false);
  show(previousButton, false);
  show(nextButton, false);
  show(pendingView);
  if (focus) focusTarget(pendingHeading);
  earlier = [];
  void loadPending(ptjCode, undefined);
}

function closePending(): void {
  pendingLoads++;
  show(pendingView, false);
  if (view.ptj) {
    const { ptj: _, ...rest } = view;
    view = rest;
    keepInAddress();
  }
}

for (const radio of byRadios) {
  radio.addEventListener('change', () => {
    if (!radio.checked) return;
    view = { by: radio.value === 'agency' ? 'agency' : 'ptj', sort: view.sort };
    keepInAddress();
    void loadProgress();
  });
}

sortSelect.addEventListener('change', () => {
  view = { ...view, sort: sortSelect.value === 'code' ? 'code' : 'lagging' };
  keepInAddress();
  renderProgress();
});

nextButton.addEventListener('click', () => {
  if (!view.ptj) return;
  earlier.push(current);
  void loadPending(view.ptj, next);
});

previousButton.addEventListener('click', () => {
  if (!view.ptj) return;
  void loadPending(view.ptj, earlier.pop());
});

async function start(): Promise<void> {
  // Only a system administrator may count per agency; a PTJ administrator is never offered it.
  const session = await api<SessionResponse>('GET', '/api/auth/session');
  if (!session.ok && session.status === 401) {
    showFailure(session, progressMessage);
    return;
  }
  allowAgency(session.ok && isSystemAdministrator(session.data.user.roles));
  keepInAddress();
  sortSelect.value = view.sort;
  await loadProgress();
}

void start().catch(() => showMessages(progressMessage, [errorMessage('UNEXPECTED')]));
