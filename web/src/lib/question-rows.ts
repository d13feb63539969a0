import type { ErrorCode } from './error-messages.ts';

export interface QuestionRow {
  questionId: string;
  answer: string;
}

export interface RowProblems {
  question?: ErrorCode;
  answer?: ErrorCode;
}

export interface RowsCheck {
  rows: RowProblems[];
  /** QUESTIONS_COUNT when there are not exactly `required` rows. */
  count?: ErrorCode;
  ok: boolean;
}

/** As the server normalises before comparing: `  Merah  Jambu ` and `merah jambu` are one answer. */
export function normaliseAnswer(answer: string): string {
  return answer.normalize('NFKC').trim().replace(/\s+/gu, ' ').toLowerCase();
}

/**
 * The problems of the chosen questions and answers, mirroring the server's rules
 * (functions/domain/security-answers.ts): a known question, no question twice, answers of at
 * least `minLength` characters that differ from each other and from `forbidden` values.
 */
export function checkQuestionRows(
  rows: QuestionRow[],
  known: ReadonlySet<string>,
  forbidden: string[] = [],
  required = 3,
  minLength = 3,
): RowsCheck {
  const seenQuestions = new Set<string>();
  const seenAnswers = new Set<string>();
  const forbiddenNormalised = new Set(forbidden.map(normaliseAnswer));
  const problems = rows.map(({ questionId, answer }): RowProblems => {
    const found: RowProblems = {};
    if (!known.has(questionId)) found.question = 'QUESTION_UNKNOWN';
    else if (seenQuestions.has(questionId)) found.question = 'QUESTIONS_DUPLICATE';
    seenQuestions.add(questionId);

    const normal = normaliseAnswer(answer);
    if ([...normal].length < minLength) found.answer = 'ANSWER_TOO_SHORT';
    else if (
      seenAnswers.has(normal) ||
      forbiddenNormalised.has(normal) ||
      /^(.)\1*$/u.test(normal.replace(/ /g, ''))
    ) {
      found.answer = 'ANSWER_TRIVIAL';
    }
    seenAnswers.add(normal);
    return found;
  });
  const count: ErrorCode | undefined = rows.length === required ? undefined : 'QUESTIONS_COUNT';
  const ok = count === undefined && problems.every((p) => !p.question && !p.answer);
  return count ? { rows: problems, count, ok } : { rows: problems, ok };
}
