import type { VerifyRecoveryResponse } from '../../../functions/api/types.ts';
import { type AnswerInput, normaliseAnswer } from '../../../functions/domain/security-answers.ts';
import { problemsByRow } from '../lib/answer-problems.ts';
import type { FieldProblem } from '../lib/api.ts';
import { byId, element, setFieldError, showMessages } from '../lib/dom.ts';
import { errorMessage } from '../lib/error-messages.ts';
import { language, type Message, onLanguageChange, translate } from '../lib/i18n.ts';
import { showStage } from '../lib/steps.ts';

interface Answer {
  questionId: string;
  text: { ms: string; en: string };
  input: HTMLInputElement;
  label: HTMLLabelElement;
  touched: boolean;
}

export interface AnswersStep {
  /** A field for each of the link's questions, judged by its minimum length. */
  start(link: VerifyRecoveryResponse): void;
  values(): AnswerInput[];
  /** Empties the answers: they leave the page. */
  clear(): void;
  /** Back to the questions, saying why, with focus on the first answer. */
  returnWith(messages: Message[]): void;
  /** Shows the server's refusal at the answers it names and returns to them; false if it named none. */
  showServerProblems(problems: readonly FieldProblem[]): boolean;
}

/**
 * Step 1 of the recovery page: the link's questions (`#answer-fields`), each answer long enough as
 * the server counts it (normalised) before Seterusnya (`onNext`) may be pressed.
 */
export function answersStep({ onNext }: { onNext: () => void }): AnswersStep {
  const answerFields = byId('answer-fields');
  const answersMessage = byId('answers-message');
  const nextButton = byId<HTMLButtonElement>('next');
  let answers: Answer[] = [];
  let minLength = 0;

  function labelAnswers(): void {
    const lang = language();
    for (const answer of answers) answer.label.textContent = answer.text[lang];
  }

  /** Each answer long enough; errors once the officer has left a field. */
  function refresh(): boolean {
    let ok = true;
    for (const answer of answers) {
      const short = [...normaliseAnswer(answer.input.value)].length < minLength;
      ok &&= !short;
      const shown = short && answer.touched;
      setFieldError(
        answer.input,
        shown ? [errorMessage('ANSWER_TOO_SHORT', { answerMinLength: minLength })] : [],
      );
    }
    nextButton.disabled = !ok;
    return ok;
  }

  function answerField(question: VerifyRecoveryResponse['questions'][number], index: number): Answer {
    const id = `answer-${index + 1}`;
    const field = element('div', { className: 'field' });
    const label = element('label');
    label.htmlFor = id;
    const input = element('input', { id });
    Object.assign(input, {
      type: 'text',
      autocomplete: 'off',
      maxLength: 200,
      spellcheck: false,
      required: true,
    });
    input.setAttribute('aria-describedby', `${id}-error answers-hint`);
    const error = element('p', { className: 'field-error', id: `${id}-error` });
    error.setAttribute('aria-live', 'polite');
    field.append(label, input, error);
    answerFields.append(field);

    const answer: Answer = { questionId: question.id, text: question.text, input, label, touched: false };
    input.addEventListener('input', () => {
      showMessages(answersMessage, []);
      refresh();
    });
    input.addEventListener('change', () => {
      answer.touched = true;
      refresh();
    });
    return answer;
  }

  function returnWith(messages: Message[]): void {
    showMessages(answersMessage, messages);
    showStage('questions', false);
    answers[0]?.input.focus();
  }

  byId<HTMLFormElement>('questions-form').addEventListener('submit', (event) => {
    event.preventDefault();
    if (refresh()) {
      showMessages(answersMessage, []);
      onNext();
      return;
    }
    for (const answer of answers) answer.touched = true;
    refresh();
    answers.find((a) => a.input.getAttribute('aria-invalid') === 'true')?.input.focus();
  });
  onLanguageChange(labelAnswers);

  return {
    start(link) {
      minLength = link.answerMinLength;
      translate(byId('answers-hint'), 'recovery.answersHint', { min: minLength });
      answerFields.replaceChildren();
      answers = link.questions.map(answerField);
      labelAnswers();
      showMessages(answersMessage, []);
      refresh();
    },
    values: () => answers.map((a) => ({ questionId: a.questionId, answer: a.input.value })),
    clear() {
      for (const answer of answers) answer.input.value = '';
    },
    returnWith,
    showServerProblems(problems) {
      const found = problemsByRow(problems, answers.length);
      if (!found.any) return false;
      answers.forEach((answer, i) => {
        const named = found.rows[i];
        const code = named?.answer ?? named?.question;
        if (code) setFieldError(answer.input, [errorMessage(code, { answerMinLength: minLength })]);
      });
      returnWith([errorMessage('VALIDATION_FAILED')]);
      return true;
    },
  };
}
