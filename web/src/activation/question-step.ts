import type { VerifyActivationResponse } from '../../../functions/api/types.ts';
import { problemsByRow, type RowProblems } from '../lib/answer-problems.ts';
import type { FieldProblem } from '../lib/api.ts';
import { byId, element, message, setFieldError, show, showMessages } from '../lib/dom.ts';
import { type ErrorContext, errorMessage } from '../lib/error-messages.ts';
import { language, type Message, onLanguageChange, translate, translateAttribute } from '../lib/i18n.ts';
import { checkRows, type QuestionRow } from './question-check.ts';

interface Row {
  key: number;
  tr: HTMLTableRowElement;
  number: HTMLTableCellElement;
  questionLabel: HTMLLabelElement;
  answerLabel: HTMLLabelElement;
  select: HTMLSelectElement;
  input: HTMLInputElement;
  remove: HTMLButtonElement;
  /** Problems are shown once the officer has finished with a field (or the server named it). */
  touched: { question: boolean; answer: boolean };
  server: RowProblems;
}

export interface QuestionStep {
  /** Empty rows for a verified link, as many as it asks for, judged by its rules. */
  start(link: VerifyActivationResponse): void;
  values(): QuestionRow[];
  /** Rows holding these values (a draft from another tab), or none. */
  fill(values: readonly QuestionRow[]): void;
  /** Nothing chosen or typed in any row. */
  untouched(): boolean;
  /** Empties the answers: they leave the page. */
  clearAnswers(): void;
  /** Shows the server's refusal at the rows it names; false when it named no security answer. */
  showServerProblems(problems: readonly FieldProblem[]): boolean;
  /** Focus on the first field in error (or the step's heading). */
  focusFirstInvalid(): void;
}

function labelledCell(
  label: HTMLLabelElement,
  control: HTMLElement,
  errorId: string,
  className: string,
): HTMLTableCellElement {
  const cell = element('td', { className });
  const error = element('p', { className: 'field-error', id: errorId });
  error.setAttribute('aria-live', 'polite');
  label.htmlFor = control.id;
  control.setAttribute('aria-describedby', errorId);
  cell.append(label, control, error);
  return cell;
}

/**
 * Step 1 of the activation page: the table of security questions (`#question-rows`), one row per
 * question the link asks for, each with its own errors; rows can be deleted and added back.
 * Seterusnya (`onNext`) only for rows the server's rules accept.
 */
export function questionStep({ onNext }: { onNext: () => void }): QuestionStep {
  const rowsBody = byId<HTMLTableSectionElement>('question-rows');
  const addRowButton = byId<HTMLButtonElement>('add-row');
  const nextButton = byId<HTMLButtonElement>('next');
  const countError = byId('questions-count-error');

  let link: VerifyActivationResponse | undefined;
  let context: ErrorContext = {};
  let rows: Row[] = [];
  let serial = 0;

  const wanted = () => link?.answerCount ?? 0;
  const values = () => rows.map((r): QuestionRow => ({ questionId: r.select.value, answer: r.input.value }));
  const messageFor = (code: string | undefined): Message[] =>
    code ? [errorMessage(code, context, 'VALIDATION_FAILED')] : [];

  function questionOptions(select: HTMLSelectElement): void {
    const lang = language();
    const chosen = select.value;
    const placeholder = element('option', { text: message('activation.choose') });
    placeholder.value = '';
    const options = (link?.questions ?? []).map((q) => {
      const option = element('option');
      option.value = q.id;
      option.textContent = q.text[lang];
      return option;
    });
    select.replaceChildren(placeholder, ...options);
    select.value = chosen;
  }

  function renumber(): void {
    rows.forEach((row, i) => {
      const n = i + 1;
      row.number.textContent = String(n);
      translate(row.questionLabel, 'activation.questionLabel', { n });
      translate(row.answerLabel, 'activation.answerLabel', { n });
      translateAttribute(row.remove, 'aria-label', 'activation.deleteRow', { n });
    });
  }

  /** Re-judges the rows: field errors where due, and Seterusnya only for valid rows. */
  function refresh(): boolean {
    const check = checkRows(values(), link?.user ?? { icNumber: '' });
    rows.forEach((row, i) => {
      const found = check.rows[i] ?? {};
      setFieldError(
        row.select,
        messageFor(row.server.question ?? (row.touched.question ? found.question : undefined)),
      );
      setFieldError(
        row.input,
        messageFor(row.server.answer ?? (row.touched.answer ? found.answer : undefined)),
      );
    });
    // Fewer rows than asked for: say so, and how to add one back.
    showMessages(
      countError,
      rows.length < wanted()
        ? [message('activation.rowsMissing', { n: rows.length })]
        : messageFor(check.general),
    );
    show(addRowButton, rows.length < wanted());
    nextButton.disabled = !check.ok;
    return check.ok;
  }

  function createRow(): Row {
    serial += 1;
    const key = serial;
    const select = element('select', { id: `question-${key}` });
    const input = element('input', { id: `answer-${key}` });
    Object.assign(input, { type: 'text', autocomplete: 'off', maxLength: 200, spellcheck: false });
    // Removing a row is undone by Tambah Soalan: a secondary action, not a danger.
    const remove = element('button', {
      className: 'button button-secondary button-small',
      text: message('activation.delete'),
    });
    remove.type = 'button';
    const row: Row = {
      key,
      tr: element('tr'),
      number: element('td', { className: 'col-number' }),
      questionLabel: element('label', { className: 'cell-label' }),
      answerLabel: element('label', { className: 'cell-label' }),
      select,
      input,
      remove,
      touched: { question: false, answer: false },
      server: {},
    };
    questionOptions(select);
    const removeCell = element('td', { className: 'col-action' });
    removeCell.append(remove);
    row.tr.append(
      row.number,
      labelledCell(row.questionLabel, select, `question-${key}-error`, 'col-question'),
      labelledCell(row.answerLabel, input, `answer-${key}-error`, 'col-answer'),
      removeCell,
    );

    select.addEventListener('change', () => {
      row.touched.question = true;
      delete row.server.question;
      refresh();
    });
    input.addEventListener('input', () => {
      delete row.server.answer;
      refresh();
    });
    input.addEventListener('change', () => {
      row.touched.answer = true;
      refresh();
    });
    remove.addEventListener('click', () => removeRow(row));
    return row;
  }

  function addRow(moveFocus: boolean, value?: QuestionRow): void {
    if (rows.length >= wanted()) return;
    const row = createRow();
    rows.push(row);
    rowsBody.append(row.tr);
    if (value) {
      row.select.value = value.questionId;
      row.input.value = value.answer;
      row.touched = { question: value.questionId !== '', answer: value.answer !== '' };
    }
    renumber();
    refresh();
    if (moveFocus) row.select.focus();
  }

  function removeRow(row: Row): void {
    rows = rows.filter((r) => r !== row);
    row.tr.remove();
    renumber();
    refresh();
    // The row and its button are gone: continue from the control that adds one back.
    addRowButton.focus();
  }

  function fill(given: readonly QuestionRow[]): void {
    rows = [];
    rowsBody.replaceChildren();
    for (const value of given) addRow(false, value);
  }

  function touchAll(): void {
    for (const row of rows) row.touched = { question: true, answer: true };
  }

  function focusFirstInvalid(): void {
    const first = rowsBody.querySelector<HTMLElement>('[aria-invalid="true"]');
    (first ?? byId('questions-heading')).focus();
  }

  addRowButton.addEventListener('click', () => addRow(true));
  byId<HTMLFormElement>('questions-form').addEventListener('submit', (event) => {
    event.preventDefault();
    if (refresh()) {
      onNext();
      return;
    }
    touchAll();
    refresh();
    focusFirstInvalid();
  });
  onLanguageChange(() => {
    for (const row of rows) questionOptions(row.select);
  });

  return {
    start(next) {
      link = next;
      context = { answerMinLength: next.answerMinLength };
      translate(byId('questions-hint'), 'activation.questionsHint', { min: next.answerMinLength });
      fill(Array.from({ length: next.answerCount }, () => ({ questionId: '', answer: '' })));
    },
    values,
    fill,
    untouched: () => rows.every((row) => row.select.value === '' && row.input.value === ''),
    clearAnswers() {
      for (const row of rows) row.input.value = '';
    },
    showServerProblems(problems) {
      const found = problemsByRow(problems, rows.length);
      if (!found.any) return false;
      rows.forEach((row, i) => {
        const named = found.rows[i];
        if (named?.question) row.server.question = named.question;
        if (named?.answer) row.server.answer = named.answer;
      });
      touchAll();
      refresh();
      if (found.general) showMessages(countError, messageFor(found.general));
      return true;
    },
    focusFirstInvalid,
  };
}
