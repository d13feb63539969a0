import type { FieldProblem } from './errors.ts';
import { ANSWER_MIN_LENGTH, findQuestion, REQUIRED_ANSWERS } from './security-questions.ts';

export interface AnswerInput {
  questionId: string;
  answer: string;
}

/** Trim, collapse inner spaces, lower-case: `  Merah  Jambu ` and `merah jambu` are one answer. */
export function normaliseAnswer(answer: string): string {
  return answer.normalize('NFKC').trim().replace(/\s+/gu, ' ').toLowerCase();
}

/**
 * Every problem with the chosen questions and answers. `forbidden` holds values an answer may
 * not equal (the ID number, the user ID, the password).
 */
export function checkSecurityAnswers(answers: AnswerInput[], forbidden: string[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (answers.length !== REQUIRED_ANSWERS) {
    problems.push({ path: 'securityAnswers', code: 'QUESTIONS_COUNT' });
  }
  const seenQuestions = new Set<string>();
  const seenAnswers = new Set<string>();
  const forbiddenNormalised = new Set(forbidden.map(normaliseAnswer));
  answers.forEach(({ questionId, answer }, i) => {
    if (!findQuestion(questionId)) {
      problems.push({ path: `securityAnswers.${i}.questionId`, code: 'QUESTION_UNKNOWN' });
    } else if (seenQuestions.has(questionId)) {
      problems.push({ path: `securityAnswers.${i}.questionId`, code: 'QUESTIONS_DUPLICATE' });
    }
    seenQuestions.add(questionId);

    const normal = normaliseAnswer(answer);
    if ([...normal].length < ANSWER_MIN_LENGTH) {
      problems.push({ path: `securityAnswers.${i}.answer`, code: 'ANSWER_TOO_SHORT' });
    } else if (
      seenAnswers.has(normal) ||
      forbiddenNormalised.has(normal) ||
      /^(.)\1*$/u.test(normal.replace(/ /g, ''))
    ) {
      problems.push({ path: `securityAnswers.${i}.answer`, code: 'ANSWER_TRIVIAL' });
    }
    seenAnswers.add(normal);
  });
  return problems;
}
