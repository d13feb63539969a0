/**
 * The console's requests page (`/admin/requests`): the four-eyes queue, filtered by status (kept
 * in the page address), one card per request with what it changes before and after. A system
 * administrator approves or rejects (with a reason) a pending request someone else asked for, each
 * confirmed in words first; a PTJ administrator sees their PTJs' requests, their own marked.
 */

import type { SessionResponse } from '../../functions/api/types.ts';
import { formatMalaysiaDateTime } from '../../functions/domain/malaysia-time.ts';
import type { DecisionAnswer, RequestPage } from '../../functions/handlers/admin.schema.ts';
import { type ShownChange, shownChanges } from './admin/changes.ts';
import { dutyText, fieldText, valueText } from './admin/changes-view.ts';
import {
  loadDuties,
  reasonFrom,
  reasonProblem,
  showFailure,
  startConsole,
  userLink,
} from './admin/console.ts';
import {
  type ChangeRequest,
  type Decision,
  decisionPath,
  isOwnRequest,
  markedDuties,
  mayDecide,
  requestsPath,
  type StatusFilter,
  statusFilterFrom,
  type Viewer,
  viewerFrom,
} from './admin/requests-logic.ts';
import { api, postJson } from './lib/api.ts';
import {
  byId,
  element,
  focusTarget,
  message,
  setBusy,
  setFieldError,
  show,
  showMessages,
} from './lib/dom.ts';
import { errorMessage } from './lib/error-messages.ts';
import { onLanguageChange, type StringKey, translate } from './lib/i18n.ts';

startConsole();

const filterForm = byId<HTMLFormElement>('requests-filter');
const statusSelect = byId<HTMLSelectElement>('filter-status');
const intro = byId('requests-intro');
const list = byId('requests-list');
const empty = byId('requests-empty');
const loading = byId('requests-loading');
const pageMessage = byId('requests-message');
const pageStatus = byId('requests-status');
const previousButton = byId<HTMLButtonElement>('requests-previous');
const nextButton = byId<HTMLButtonElement>('requests-next');
const confirmForm = byId<HTMLFormElement>('decision-confirm');
const confirmHome = confirmForm.parentElement ?? document.body;
const confirmText = byId('decision-text');
const reasonField = byId('decision-reason-field');
const reasonInput = byId<HTMLInputElement>('decision-reason');
const yesButton = byId<HTMLButtonElement>('decision-yes');
const decisionMessage = byId('decision-message');

/** One request on the page: its card, the part of it a decision redraws, and its two message areas. */
interface Row {
  request: ChangeRequest;
  headingId: string;
  body: HTMLElement;
  /** What went wrong with a decision that cannot be tried again here (decided meanwhile, gone). */
  alert: HTMLElement;
  /** The decision taken. */
  result: HTMLElement;
  /** The changes, before and after (written again when the language changes). */
  changes?: HTMLElement;
  /** No buttons any more: the API said this request is not to be decided here. */
  settled: boolean;
}

let filter: StatusFilter = statusFilterFrom(location.search);
let viewer: Viewer = { userId: '', system: false };
let rowCount = 0;
let rows: Row[] = [];
/** The cursors of the pages before this one (the first page has none), and the next page's. */
let earlier: (string | undefined)[] = [];
let current: string | undefined;
let next: string | undefined;
let open: { row: Row; decision: Decision; button: HTMLButtonElement } | undefined;

/** Problems that mean this request is not ours to decide (any more): the buttons go. */
const FINAL_PROBLEMS = ['REQUEST_DECIDED', 'REQUEST_NOT_FOUND', 'OWN_REQUEST'];

function detail(label: StringKey, value: Node | string): HTMLDivElement {
  const div = element('div');
  const dd = element('dd');
  dd.append(value);
  div.append(element('dt', { text: message(label) }), dd);
  return div;
}

function valueCell(change: ShownChange, side: 'before' | 'after'): HTMLTableCellElement {
  const td = element('td');
  td.append(element('span', { className: 'cell-label', text: message(`admin.requests.${side}`) }));
  const duties = markedDuties(change, side);
  if (duties.length === 0) td.append(valueText(change[side]));
  else {
    const ul = element('ul', { className: 'duty-lines' });
    for (const { duty, mark } of duties) {
      const li = element('li');
      li.textContent = dutyText(duty);
      if (mark) {
        const words = element('strong', {
          className: `duty-mark duty-${mark}`,
          text: message(`admin.change.${mark}`),
        });
        li.append(' ', words);
      }
      ul.append(li);
    }
    td.append(ul);
  }
  return td;
}

/** Before / after, one row per field; a request that changes no field says what it does instead. */
function changesView(request: ChangeRequest): HTMLElement {
  const changes = shownChanges(request.changes);
  if (changes.length === 0) return element('p', { text: message('admin.requests.noChanges') });
  const table = element('table', { className: 'data-table request-changes' });
  const caption = element('caption', { text: message('admin.change.heading') });
  const head = element('tr');
  for (const key of ['admin.requests.field', 'admin.requests.before', 'admin.requests.after'] as const) {
    const th = element('th', { text: message(key) });
    th.scope = 'col';
    head.append(th);
  }
  const thead = element('thead');
  thead.append(head);
  const tbody = element('tbody');
  for (const change of changes) {
    const tr = element('tr');
    const th = element('th');
    th.textContent = fieldText(change);
    th.scope = 'row';
    tr.append(th, valueCell(change, 'before'), valueCell(change, 'after'));
    tbody.append(tr);
  }
  table.append(caption, thead, tbody);
  const wrap = element('div', { className: 'table-wrap' });
  wrap.append(table);
  return wrap;
}

function decisionButton(row: Row, decision: Decision): HTMLButtonElement {
  const button = element('button', {
    className: decision === 'approve' ? 'button' : 'button button-danger',
    text: message(`admin.requests.${decision}`),
  });
  button.type = 'button';
  button.dataset.decision = decision;
  button.setAttribute('aria-describedby', row.headingId);
  button.addEventListener('click', () => openConfirm(row, decision, button));
  return button;
}

/** The card's content as the request now stands. */
function renderBody(row: Row): void {
  const { request } = row;
  const heading = element('h2', {
    id: row.headingId,
    text: message('admin.requests.heading', {
      kind: message(`admin.requests.kind.${request.kind}`),
      name: request.target.name,
    }),
  });
  const tags = element('p', { className: 'request-tags' });
  const status = element('span', {
    className: 'request-status',
    text: message(`admin.requests.status.${request.status}`),
  });
  status.dataset.status = request.status;
  tags.append(status);
  if (isOwnRequest(request, viewer)) {
    tags.append(' ', element('span', { className: 'request-own', text: message('admin.requests.own') }));
  }

  const details = element('dl', { className: 'details' });
  details.append(
    detail('login.userId', userLink(request.target.userId)),
    detail('admin.ptj', request.target.ptjCode),
    detail('admin.requests.requestedBy', request.requestedBy),
    detail('admin.requests.requestedAt', formatMalaysiaDateTime(request.requestedAt)),
  );
  if (request.decidedBy) details.append(detail('admin.requests.decidedBy', request.decidedBy));
  if (request.decidedAt) {
    details.append(detail('admin.requests.decidedAt', formatMalaysiaDateTime(request.decidedAt)));
  }
  if (request.reason) details.append(detail('admin.requests.decisionReason', request.reason));

  row.changes = changesView(request);
  row.body.replaceChildren(heading, tags, details, row.changes);
  if (!row.settled && mayDecide(request, viewer)) {
    const actions = element('div', { className: 'actions' });
    actions.append(decisionButton(row, 'approve'), decisionButton(row, 'reject'));
    row.body.append(actions);
  }
}

function requestItem(request: ChangeRequest): HTMLLIElement {
  rowCount += 1;
  const row: Row = {
    request,
    headingId: `request-${rowCount}-heading`,
    body: element('div'),
    alert: element('div', { className: 'live message message-error' }),
    result: element('div', { className: 'live message message-success' }),
    settled: false,
  };
  row.alert.setAttribute('role', 'alert');
  row.result.setAttribute('role', 'status');
  row.result.tabIndex = -1;
  renderBody(row);
  rows.push(row);
  const item = element('li', { className: 'request' });
  item.dataset.requestId = request.id;
  if (isOwnRequest(request, viewer)) item.dataset.own = 'true';
  const article = element('article');
  article.setAttribute('aria-labelledby', row.headingId);
  article.append(row.body, row.alert, row.result);
  item.append(article);
  return item;
}

function closeConfirm(moveFocus: boolean): void {
  const was = open;
  open = undefined;
  reasonInput.value = '';
  setFieldError(reasonInput, []);
  showMessages(decisionMessage, []);
  show(confirmForm, false);
  confirmHome.append(confirmForm);
  if (moveFocus && was?.button.isConnected) was.button.focus();
}

function openConfirm(row: Row, decision: Decision, button: HTMLButtonElement): void {
  closeConfirm(false);
  open = { row, decision, button };
  showMessages(row.alert, []);
  showMessages(row.result, []);
  const name = row.request.target.name;
  if (decision === 'approve') translate(confirmText, `admin.requests.approve.${row.request.kind}`, { name });
  else translate(confirmText, 'admin.requests.confirmReject', { name });
  translate(yesButton, decision === 'approve' ? 'admin.requests.yesApprove' : 'admin.requests.yesReject');
  show(reasonField, decision === 'reject');
  row.body.append(confirmForm);
  show(confirmForm);
  if (decision === 'reject') reasonInput.focus();
  else focusTarget(confirmText);
}

async function decide(): Promise<void> {
  if (!open) return;
  const { row, decision } = open;
  const reason = decision === 'reject' ? reasonFrom(reasonInput) : undefined;
  if (decision === 'reject' && reason === undefined) return;
  yesButton.disabled = true;
  const answer = await postJson<DecisionAnswer>(
    decisionPath(row.request.id, decision),
    decision === 'reject' ? { reason } : undefined,
  );
  yesButton.disabled = false;
  if (!answer.ok) {
    if (answer.problem.errors?.some((e) => e.path === 'reason')) reasonProblem(reasonInput);
    else if (FINAL_PROBLEMS.includes(answer.problem.code)) {
      closeConfirm(false);
      row.settled = true;
      renderBody(row);
      showFailure(answer, row.alert, false);
      focusTarget(row.alert);
    } else showFailure(answer, decisionMessage, false);
    return;
  }
  closeConfirm(false);
  row.request = answer.data.request;
  renderBody(row);
  showMessages(row.result, [
    message(decision === 'approve' ? 'admin.requests.approved' : 'admin.requests.rejected'),
  ]);
  focusTarget(row.result);
}

async function load(cursor: string | undefined): Promise<void> {
  closeConfirm(false);
  setBusy(filterForm, true);
  previousButton.disabled = nextButton.disabled = true;
  showMessages(pageMessage, []);
  const answer = await api<RequestPage>('GET', requestsPath(filter, cursor));
  setBusy(filterForm, false);
  previousButton.disabled = nextButton.disabled = false;
  show(loading, false);
  if (!answer.ok) {
    showFailure(answer, pageMessage);
    return;
  }
  current = cursor;
  next = answer.data.nextCursor;
  const { items } = answer.data;
  rows = [];
  list.replaceChildren(...items.map(requestItem));
  show(list, items.length > 0);
  show(empty, items.length === 0);
  show(previousButton, earlier.length > 0);
  show(nextButton, next !== undefined);
  translate(pageStatus, 'admin.requests.shown', { n: items.length });
}

filterForm.addEventListener('submit', (event) => {
  event.preventDefault();
  filter = statusFilterFrom(`?status=${encodeURIComponent(statusSelect.value)}`);
  history.replaceState(null, '', `?status=${filter}`);
  earlier = [];
  void load(undefined);
});

nextButton.addEventListener('click', () => {
  earlier.push(current);
  void load(next);
});

previousButton.addEventListener('click', () => {
  void load(earlier.pop());
});

confirmForm.addEventListener('submit', (event) => {
  event.preventDefault();
  void decide();
});
byId('decision-cancel').addEventListener('click', () => closeConfirm(true));
reasonInput.addEventListener('input', () => setFieldError(reasonInput, []));

// The changes hold duty names, statuses and field names: written again in the new language.
onLanguageChange(() => {
  for (const row of rows) {
    const changes = changesView(row.request);
    row.changes?.replaceWith(changes);
    row.changes = changes;
  }
});

/** Who is looking decides what the cards offer: the session first, then the queue. */
async function start(): Promise<void> {
  statusSelect.value = filter;
  const [session] = await Promise.all([api<SessionResponse>('GET', '/api/auth/session'), loadDuties()]);
  if (!session.ok) {
    show(loading, false);
    showFailure(session, pageMessage);
    return;
  }
  viewer = viewerFrom(session.data.user);
  translate(intro, viewer.system ? 'admin.requests.introSystem' : 'admin.requests.introPtj');
  show(intro);
  await load(undefined);
}

void start().catch(() => showMessages(pageMessage, [errorMessage('UNEXPECTED')]));
