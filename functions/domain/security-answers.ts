import type { FieldProblem } from './errors.ts';
import { isKeyboardWalk } from './keyboard-walks.ts';
import { ANSWER_MIN_LENGTH, findQuestion, REQUIRED_ANSWERS } from './security-questions.ts';
import { hasInvalidCharacters, stripInvisible, visibleLength } from './visible-text.ts';

export interface AnswerInput {
  questionId: string;
  answer: string;
}

/**
 * Strip invisible characters, NFKC, trim, collapse inner spaces, lower-case: `  Merah  Jambu `,
 * `merah jambu` and `merah\u200Bjambu ` are one answer. Answers are hashed in this form, so it
 * may only ever grow stricter in ways that leave ordinary answers as they were.
 */
export function normaliseAnswer(answer: string): string {
  return stripInvisible(answer).normalize('NFKC').trim().replace(/\s+/gu, ' ').toLowerCase();
}

/** An answer or a forbidden value without spaces and punctuation: `900101-14-5678` → `900101145678`. */
function compact(normal: string): string {
  return normal.replace(/[\s\p{P}\p{S}]+/gu, '');
}

/**
 * Non-answers people type to get past a form, compared without spaces and punctuation (`n/a` is
 * `na`, `tak tahu` is `taktahu`; `-` and `.` leave nothing).
 */
const NON_ANSWERS = new Set(
  [
    '',
    'tiada',
    'tidak ada',
    'tak ada',
    'takde',
    'tak tahu',
    'tidak tahu',
    'entah',
    'jawapan',
    'rahsia',
    'none',
    'n/a',
    'na',
    'nil',
    'null',
    'nothing',
    'unknown',
    'test',
    'answer',
    'secret',
    'password',
    'xxx',
    'abc',
    '123',
    'asdf',
    'qwerty',
  ].map(compact),
);

/** True for an answer anyone could guess without knowing the officer: `abc`, `1234`, `qwerty`, `aaaa`, `tiada`. */
function isTrivialAnswer(normal: string): boolean {
  const bare = compact(normal);
  return NON_ANSWERS.has(bare) || /^(.)\1*$/u.test(bare) || isKeyboardWalk(bare);
}

/** What an answer may not equal: the officer's own data and the password being set. */
export interface AnswerForbiddenData {
  icNumber: string;
  /** As written, with or without the agency code (`kth:900101145678`). */
  userId?: string;
  name?: string;
  email?: string;
  password?: string;
}

/**
 * The values an answer may not equal, for `checkSecurityAnswers`: the ID number (plain, dashed,
 * and as the user ID with its agency code), the full name, the e-mail and its local part, and the
 * password.
 */
/** Fewer visible characters than an answer needs (the one rule for activation and recovery alike). */
export function answerTooShort(answer: string): boolean {
  return visibleLength(normaliseAnswer(answer)) < ANSWER_MIN_LENGTH;
}

export function forbiddenAnswerValues({
  icNumber,
  userId,
  name,
  email,
  password,
}: AnswerForbiddenData): string[] {
  const digits = icNumber.replace(/\D/g, '');
  const dashed = digits.replace(/^(\d{6})(\d{2})(\d{4})$/, '$1-$2-$3');
  const local = email?.split('@')[0];
  return [icNumber, digits, dashed, userId, name, email, local, password].filter(
    (value): value is string => typeof value === 'string' && value.trim() !== '',
  );
}

/**
 * Every problem with the chosen questions and answers. `forbidden` holds values an answer may
 * not equal (see `forbiddenAnswerValues`); they are compared after normalisation and without
 * spaces and punctuation, so `900101 14 5678` is the ID number too.
 */
export function checkSecurityAnswers(answers: AnswerInput[], forbidden: string[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (answers.length !== REQUIRED_ANSWERS) {
    problems.push({ path: 'securityAnswers', code: 'QUESTIONS_COUNT' });
  }
  const seenQuestions = new Set<string>();
  const seenAnswers = new Set<string>();
  const forbiddenCompact = new Set(forbidden.map((value) => compact(normaliseAnswer(value))));
  forbiddenCompact.delete('');
  answers.forEach(({ questionId, answer }, i) => {
    if (!findQuestion(questionId)) {
      problems.push({ path: `securityAnswers.${i}.questionId`, code: 'QUESTION_UNKNOWN' });
    } else if (seenQuestions.has(questionId)) {
      problems.push({ path: `securityAnswers.${i}.questionId`, code: 'QUESTIONS_DUPLICATE' });
    }
    seenQuestions.add(questionId);

    const path = `securityAnswers.${i}.answer`;
    if (hasInvalidCharacters(answer)) {
      problems.push({ path, code: 'INVALID_CHARACTERS' });
      return;
    }
    const normal = normaliseAnswer(answer);
    const bare = compact(normal);
    if (answerTooShort(answer)) {
      problems.push({ path, code: 'ANSWER_TOO_SHORT' });
    } else if (seenAnswers.has(bare) || forbiddenCompact.has(bare) || isTrivialAnswer(normal)) {
      problems.push({ path, code: 'ANSWER_TRIVIAL' });
    }
    seenAnswers.add(bare);
  });
  return problems;
}
