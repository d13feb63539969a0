/**
 * The console's audit page (`/admin/audit`): the trail searched by user, PTJ, actor, event and
 * Malaysian days, the filters kept in the page address, newest first, a page at a time
 * (`nextCursor`), each record in words: what happened, how it ended, who, about whom, what changed.
 */
import { formatMalaysiaDateTime } from '../../functions/domain/malaysia-time.ts';
import type { AuditPage } from '../../functions/handlers/admin.schema.ts';
import {
  AUDIT_EVENTS,
  AUDIT_FILTER_NAMES,
  type AuditFilterName,
  type AuditFilters,
  type AuditRecord,
  auditFiltersFrom,
  auditFiltersQuery,
  auditPath,
  dateRangeProblem,
  detailKey,
  fillPage,
} from './admin/audit-logic.ts';
import { actorText, changeList, eventText } from './admin/changes-view.ts';
import { type Failure, loadDuties, showFailure, startConsole, userLink } from './admin/console.ts';
import { api } from './lib/api.ts';
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
import { errorMessage, isErrorCode } from './lib/error-messages.ts';
import { onLanguageChange, type StringKey, t, translate } from './lib/i18n.ts';

startConsole();

const form = byId<HTMLFormElement>('audit-filters');
const rows = byId('audit-rows');
const table = byId('audit-table');
const empty = byId('audit-empty');
const loading = byId('audit-loading');
const auditMessage = byId('audit-message');
const auditStatus = byId('audit-status');
const previousButton = byId<HTMLButtonElement>('audit-previous');
const nextButton = byId<HTMLButtonElement>('audit-next');
const clearButton = byId<HTMLButtonElement>('audit-clear');
const eventSelect = byId<HTMLSelectElement>('filter-event');
const field = (name: AuditFilterName) => byId<HTMLInputElement | HTMLSelectElement>(`filter-${name}`);

let filters: AuditFilters = auditFiltersFrom(location.search);
/** The records shown (kept to write them again in another language), once a search has answered. */
let shown: AuditRecord[] | undefined;
/** The cursors of the pages before this one (the first page has none), this one's, and the next page's. */
let earlier: (string | undefined)[] = [];
let current: string | undefined;
let next: string | undefined;

/** The columns, in order: each cell repeats its heading for the narrow layout (one block per record). */
const COLUMNS: [string, StringKey][] = [
  ['time', 'admin.audit.time'],
  ['event', 'admin.audit.event'],
  ['outcome', 'admin.audit.outcome'],
  ['actor', 'admin.audit.actor'],
  ['user', 'admin.audit.user'],
  ['ptj', 'admin.ptj'],
  ['changes', 'admin.change.heading'],
  ['detail', 'admin.audit.detail'],
];

function cell(column: number, ...content: (Node | string)[]): HTMLTableCellElement {
  const [name, heading] = COLUMNS[column] as [string, StringKey];
  const td = element('td', { className: `col-${name}` });
  const label = element('span', { className: 'cell-label' });
  label.textContent = t(heading);
  label.setAttribute('aria-hidden', 'true');
  td.append(label, ...content);
  if (content.every((part) => part === '')) td.classList.add('cell-empty');
  return td;
}

function recordRow(record: AuditRecord): HTMLTableRowElement {
  const when = element('time');
  when.dateTime = record.at;
  when.textContent = formatMalaysiaDateTime(record.at);
  const outcome = cell(2, t(`admin.outcome.${record.outcome}`));
  outcome.dataset.outcome = record.outcome;
  const changes = changeList(record.changes);
  const detail = record.detail ? detailKey(record.detail) : undefined;
  const tr = element('tr');
  tr.dataset.event = record.event;
  tr.append(
    cell(0, when),
    cell(1, eventText(record.event)),
    outcome,
    cell(3, actorText(record.actor)),
    cell(4, ...(record.target ? [userLink(record.target.userId)] : [])),
    cell(5, record.target?.ptjCode ?? ''),
    cell(6, ...(changes ? [changes] : [])),
    cell(7, detail ? t(detail) : (record.detail ?? '')),
  );
  return tr;
}

function render(): void {
  if (!shown) return;
  rows.replaceChildren(...shown.map(recordRow));
  show(table, shown.length > 0);
  show(empty, shown.length === 0);
  translate(empty, next === undefined ? 'admin.audit.empty' : 'admin.audit.emptySoFar');
  show(previousButton, earlier.length > 0);
  show(nextButton, next !== undefined);
}

/** A search that failed shows nothing of the one before (its filters are no longer the form's). */
function clearResults(): void {
  shown = undefined;
  rows.replaceChildren();
  for (const part of [table, empty, previousButton, nextButton]) show(part, false);
}

function fillForm(): void {
  for (const name of AUDIT_FILTER_NAMES) field(name).value = filters[name] ?? '';
}

function clearFieldErrors(): void {
  for (const name of AUDIT_FILTER_NAMES) setFieldError(field(name), []);
}

const isFilterName = (path: string): path is AuditFilterName =>
  (AUDIT_FILTER_NAMES as readonly string[]).includes(path);

/** Each problem beside its field, the first one focused. */
function showFieldProblems(problems: readonly { path: AuditFilterName; code: string }[]): void {
  clearResults();
  for (const { path, code } of problems) {
    const text =
      code === 'TO_BEFORE_FROM'
        ? message('admin.audit.toBeforeFrom')
        : code === 'PTJ_NOT_YOURS'
          ? message('admin.audit.ptjNotYours')
          : isErrorCode(code)
            ? errorMessage(code)
            : message('admin.fieldInvalid');
    setFieldError(field(path), [text]);
  }
  const first = problems[0];
  if (first) field(first.path).focus();
}

/**
 * A failed search: field problems at their fields; another PTJ's trail (403 with a PTJ asked
 * for) at the PTJ field; anything else as every console page says it (401, "no access", words).
 */
function showProblems(answer: Failure): void {
  const onFields = (answer.problem.errors ?? []).filter((e) => isFilterName(e.path)) as {
    path: AuditFilterName;
    code: string;
  }[];
  if (answer.problem.code === 'VALIDATION_FAILED' && onFields.length > 0) {
    showFieldProblems(onFields);
    return;
  }
  if (answer.status === 403 && answer.problem.code === 'FORBIDDEN' && filters.ptjCode) {
    showFieldProblems([{ path: 'ptjCode', code: 'PTJ_NOT_YOURS' }]);
    return;
  }
  clearResults();
  showFailure(answer, auditMessage);
}

async function load(cursor: string | undefined, moveFocus = false): Promise<void> {
  setBusy(form, true);
  previousButton.disabled = nextButton.disabled = clearButton.disabled = true;
  showMessages(auditMessage, []);
  const answer = await fillPage(
    (limit, from) => api<AuditPage>('GET', auditPath(filters, limit, from)),
    cursor,
  );
  setBusy(form, false);
  previousButton.disabled = nextButton.disabled = clearButton.disabled = false;
  show(loading, false);
  if (!answer.ok) {
    showProblems(answer);
    return;
  }
  current = cursor;
  next = answer.nextCursor;
  shown = answer.items;
  render();
  translate(auditStatus, 'admin.audit.shown', { n: answer.items.length });
  if (moveFocus) focusTarget(answer.items.length > 0 ? table : empty);
}

function search(): void {
  showMessages(auditMessage, []);
  const problem = dateRangeProblem(filters);
  if (problem) {
    showFieldProblems([problem]);
    return;
  }
  const query = auditFiltersQuery(filters);
  history.replaceState(null, '', query ? `?${query}` : location.pathname);
  earlier = [];
  void load(undefined);
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  clearFieldErrors();
  filters = {};
  for (const name of AUDIT_FILTER_NAMES) {
    const value = field(name).value.trim();
    if (value) filters[name] = value;
  }
  search();
});

clearButton.addEventListener('click', () => {
  clearFieldErrors();
  filters = {};
  fillForm();
  field('userId').focus();
  search();
});

nextButton.addEventListener('click', () => {
  earlier.push(current);
  void load(next, true);
});

previousButton.addEventListener('click', () => {
  void load(earlier.pop(), true);
});

function fillEvents(): void {
  for (const event of AUDIT_EVENTS) {
    const option = element('option', { text: message(`admin.event.${event}`) });
    option.value = event;
    eventSelect.append(option);
  }
}

async function start(): Promise<void> {
  fillEvents();
  fillForm();
  // Duty names for the changes of duties (until the catalogue comes, the codes stand for them).
  const duties = loadDuties();
  const problem = dateRangeProblem(filters);
  if (problem) {
    show(loading, false);
    showFieldProblems([problem]);
  } else await load(undefined);
  await duties;
  render();
}

// The records hold codes, names and times: written again in the new language.
onLanguageChange(render);

void start().catch(() => showMessages(auditMessage, [errorMessage('UNEXPECTED')]));
