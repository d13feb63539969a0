import {
  type AnswerForbiddenData,
  type AnswerInput,
  checkSecurityAnswers,
  forbiddenAnswerValues,
} from '../../../functions/domain/security-answers.ts';
import { type ProblemsByRow, problemsByRow } from '../lib/answer-problems.ts';

/** One row of the question table, as the API takes it. */
export type QuestionRow = AnswerInput;

/**
 * The rows judged by the server's own rules (functions/domain/security-answers.ts): a question
 * of the catalogue, none twice, answers long enough, none trivial, none equal to another or to
 * the officer's own data. Whether an answer equals the password is the server's to judge at the end.
 */
export function checkRows(
  rows: readonly QuestionRow[],
  officer: AnswerForbiddenData,
): ProblemsByRow & { ok: boolean } {
  const problems = checkSecurityAnswers([...rows], forbiddenAnswerValues(officer));
  return { ...problemsByRow(problems, rows.length), ok: problems.length === 0 };
}
