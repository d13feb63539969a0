import type { FieldProblem } from './api.ts';

/** The first problem with a row's question and with its answer, as API error codes. */
export interface RowProblems {
  question?: string;
  answer?: string;
}

export interface ProblemsByRow {
  rows: RowProblems[];
  /** A problem with the answers as a whole (QUESTIONS_COUNT). */
  general?: string;
  /** Whether any problem concerned the security answers at all. */
  any: boolean;
}

const ANSWERS_PATH = /^securityAnswers(?:\.(\d+)\.(questionId|answer))?$/;

/**
 * The problems with `securityAnswers` (`securityAnswers.1.answer`, …) sorted by row, the first
 * for each field; other paths are left out. The activation page reads its own check and the
 * server's refusal alike with it, the recovery page the server's refusal.
 */
export function problemsByRow(problems: readonly FieldProblem[], rowCount: number): ProblemsByRow {
  const found: ProblemsByRow = { rows: Array.from({ length: rowCount }, () => ({})), any: false };
  for (const { path, code } of problems) {
    const match = ANSWERS_PATH.exec(path);
    if (!match) continue;
    found.any = true;
    const [, index, field] = match;
    if (index === undefined) {
      found.general ??= code;
      continue;
    }
    const row = found.rows[Number(index)];
    if (row && field === 'questionId') row.question ??= code;
    else if (row) row.answer ??= code;
  }
  return found;
}
