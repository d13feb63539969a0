/**
 * The console's users list (`/admin`): filters and a search box kept in the page address, one
 * page of users at a time (`nextCursor`), each row linking to `/admin/user#<userId>`; above it,
 * how many users of the filter's PTJ (or of all the caller sees) are active, pending, deactivated.
 */
import { formatMalaysiaDateTime } from '../../functions/domain/malaysia-time.ts';
import type { ProgressAnswer, UserPage } from '../../functions/handlers/admin.schema.ts';
import { dutyName, keepPagingFocus, loadDuties, showFailure, startConsole } from './admin/console.ts';
import {
  type AdminUser,
  FILTER_NAMES,
  filtersFrom,
  filtersQuery,
  type UserFilters,
  userPageHref,
  usersPath,
} from './admin/logic.ts';
import { countsFor, progressPath } from './admin/progress-logic.ts';
import { api } from './lib/api.ts';
import { byId, element, message, setBusy, setFieldError, show, showMessages } from './lib/dom.ts';
import { errorMessage } from './lib/error-messages.ts';
import { onLanguageChange, translate } from './lib/i18n.ts';

startConsole();

const form = byId<HTMLFormElement>('filters');
const rows = byId('users-rows');
const table = byId('users-table');
const empty = byId('users-empty');
const loading = byId('users-loading');
const usersMessage = byId('users-message');
const usersStatus = byId('users-status');
const previousButton = byId<HTMLButtonElement>('users-previous');
const nextButton = byId<HTMLButtonElement>('users-next');
const dutySelect = byId<HTMLSelectElement>('filter-duty');
const field = (name: string) => byId<HTMLInputElement | HTMLSelectElement>(`filter-${name}`);

let filters: UserFilters = filtersFrom(location.search);
/** The cursors of the pages before this one (the first page has none), and the next page's. */
let earlier: (string | undefined)[] = [];
let current: string | undefined;
let next: string | undefined;
let countLoads = 0;

function fillForm(): void {
  for (const name of FILTER_NAMES) field(name).value = filters[name] ?? '';
}

function cell(text: string): HTMLTableCellElement {
  const td = element('td');
  td.textContent = text;
  return td;
}

function userRow(user: AdminUser): HTMLTableRowElement {
  const tr = element('tr');
  const link = element('a');
  link.href = userPageHref(user.userId);
  link.textContent = user.name;
  const name = element('td');
  name.append(link);
  const status = element('td', { text: message(`admin.status.${user.status}`) });
  status.dataset.status = user.status;
  const lastSignIn = user.lastSignInAt
    ? cell(formatMalaysiaDateTime(user.lastSignInAt))
    : element('td', { text: message('admin.never') });
  tr.append(name, cell(user.userId), cell(user.ptjCode ?? ''), status, lastSignIn);
  return tr;
}

/** Field problems beside their filter; anything else above the table. */
function showProblems(answer: Parameters<typeof showFailure>[0]): void {
  const errors = answer.problem.errors ?? [];
  const onFields = errors.filter((e) => (FILTER_NAMES as readonly string[]).includes(e.path));
  if (answer.problem.code !== 'VALIDATION_FAILED' || onFields.length === 0) {
    showFailure(answer, usersMessage);
    return;
  }
  for (const { path } of onFields) {
    setFieldError(field(path), [message(path === 'q' ? 'admin.searchHint' : 'admin.fieldInvalid')]);
  }
  field(onFields[0]?.path ?? 'q').focus();
}

async function load(cursor: string | undefined): Promise<void> {
  setBusy(form, true);
  const refocus = keepPagingFocus([previousButton, nextButton], byId('users-heading'));
  previousButton.disabled = nextButton.disabled = true;
  showMessages(usersMessage, []);
  const answer = await api<UserPage>('GET', usersPath(filters, cursor));
  setBusy(form, false);
  previousButton.disabled = nextButton.disabled = false;
  show(loading, false);
  if (!answer.ok) {
    showProblems(answer);
    refocus();
    return;
  }
  current = cursor;
  next = answer.data.nextCursor;
  rows.replaceChildren(...answer.data.items.map(userRow));
  show(table, answer.data.items.length > 0);
  show(empty, answer.data.items.length === 0);
  show(previousButton, earlier.length > 0);
  show(nextButton, next !== undefined);
  refocus();
  translate(usersStatus, 'admin.shown', { n: answer.data.items.length });
}

/** The counts per status from the progress counters; without them (a failure) no counts, the list says what went wrong. */
async function loadCounts(): Promise<void> {
  const serial = ++countLoads;
  const counts = byId('users-counts');
  const answer = await api<ProgressAnswer>('GET', progressPath('ptj'));
  if (serial !== countLoads) return;
  if (!answer.ok) {
    show(counts, false);
    return;
  }
  const ptjCode = filters.ptjCode?.toUpperCase();
  const sum = countsFor(answer.data.items, ptjCode);
  const scope = byId('users-counts-scope');
  if (ptjCode) translate(scope, 'admin.progress.countsPtj', { code: ptjCode });
  else translate(scope, 'admin.progress.countsAll');
  byId('count-active').textContent = String(sum.active);
  byId('count-pending').textContent = String(sum.pending);
  byId('count-disabled').textContent = String(sum.disabled);
  show(counts);
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  filters = {};
  for (const name of FILTER_NAMES) {
    setFieldError(field(name), []);
    const value = field(name).value.trim();
    if (value) filters[name] = value;
  }
  const query = filtersQuery(filters);
  history.replaceState(null, '', query ? `?${query}` : location.pathname);
  earlier = [];
  void load(undefined);
  void loadCounts();
});

nextButton.addEventListener('click', () => {
  earlier.push(current);
  void load(next);
});

previousButton.addEventListener('click', () => {
  void load(earlier.pop());
});

async function start(): Promise<void> {
  fillForm();
  const first = load(undefined);
  void loadCounts();
  for (const duty of await loadDuties()) {
    const option = element('option');
    option.value = duty.code;
    option.textContent = dutyName(duty.code);
    dutySelect.append(option);
  }
  dutySelect.value = filters.duty ?? '';
  await first;
}

onLanguageChange(() => {
  for (const option of dutySelect.options) if (option.value) option.textContent = dutyName(option.value);
});

void start().catch(() => showMessages(usersMessage, [errorMessage('UNEXPECTED')]));
