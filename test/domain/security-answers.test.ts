import { describe, expect, it } from 'vitest';
import {
  type AnswerInput,
  checkSecurityAnswers,
  normaliseAnswer,
} from '../../functions/domain/security-answers.ts';
import { findQuestion, SECURITY_QUESTIONS } from '../../functions/domain/security-questions.ts';

const IC = '900101145678';
const PASSWORD = 'Kopi-Tarik#2024pagi';
const forbidden = [IC, `kth:${IC}`, PASSWORD];

const goodAnswers: AnswerInput[] = [
  { questionId: 'mother-name', answer: 'Siti Aminah' },
  { questionId: 'first-car', answer: 'Proton Saga' },
  { questionId: 'favourite-colour', answer: 'Merah Jambu' },
];

function withAnswer(index: number, change: Partial<AnswerInput>): AnswerInput[] {
  return goodAnswers.map((a, i) => (i === index ? { ...a, ...change } : a));
}

describe('normaliseAnswer', () => {
  it('trims, collapses inner whitespace and lower-cases', () => {
    // Act
    const normal = normaliseAnswer('  Merah \t  JAMBU\n ');

    // Assert
    expect(normal).toBe('merah jambu');
  });

  it('makes compatibility forms of a character equal (NFKC)', () => {
    // Act
    const fullWidth = normaliseAnswer('ＰＲＯＴＯＮ');

    // Assert
    expect(fullWidth).toBe('proton');
  });
});

describe('checkSecurityAnswers', () => {
  it('accepts three distinct known questions with good answers', () => {
    // Act
    const problems = checkSecurityAnswers(goodAnswers, forbidden);

    // Assert
    expect(problems).toEqual([]);
  });

  it.each([
    ['two', goodAnswers.slice(0, 2)],
    ['four', [...goodAnswers, { questionId: 'first-pet', answer: 'Comel' }]],
    ['none', []],
  ])('refuses %s answers with QUESTIONS_COUNT', (_case, answers) => {
    // Act
    const problems = checkSecurityAnswers(answers, forbidden);

    // Assert
    expect(problems).toEqual([{ path: 'securityAnswers', code: 'QUESTIONS_COUNT' }]);
  });

  it('refuses the same question twice with QUESTIONS_DUPLICATE on the repeat', () => {
    // Arrange
    const answers = withAnswer(2, { questionId: 'mother-name' });

    // Act
    const problems = checkSecurityAnswers(answers, forbidden);

    // Assert
    expect(problems).toEqual([{ path: 'securityAnswers.2.questionId', code: 'QUESTIONS_DUPLICATE' }]);
  });

  it('refuses a question that is not in the catalogue', () => {
    // Arrange
    const answers = withAnswer(1, { questionId: 'favourite-band' });

    // Act
    const problems = checkSecurityAnswers(answers, forbidden);

    // Assert
    expect(problems).toEqual([{ path: 'securityAnswers.1.questionId', code: 'QUESTION_UNKNOWN' }]);
  });

  it('refuses an answer shorter than three characters, counting after normalisation', () => {
    // Arrange
    const answers = withAnswer(0, { answer: '  ab   ' });

    // Act
    const problems = checkSecurityAnswers(answers, forbidden);

    // Assert
    expect(problems).toEqual([{ path: 'securityAnswers.0.answer', code: 'ANSWER_TOO_SHORT' }]);
  });

  it('refuses two answers that are equal after normalisation', () => {
    // Arrange
    const answers = withAnswer(2, { answer: '  siti   AMINAH ' });

    // Act
    const problems = checkSecurityAnswers(answers, forbidden);

    // Assert
    expect(problems).toEqual([{ path: 'securityAnswers.2.answer', code: 'ANSWER_TRIVIAL' }]);
  });

  it('refuses an answer equal to the ID number', () => {
    // Arrange
    const answers = withAnswer(1, { answer: IC });

    // Act
    const problems = checkSecurityAnswers(answers, forbidden);

    // Assert
    expect(problems).toEqual([{ path: 'securityAnswers.1.answer', code: 'ANSWER_TRIVIAL' }]);
  });

  it('refuses an answer equal to the password, whatever its case', () => {
    // Arrange
    const answers = withAnswer(0, { answer: PASSWORD.toUpperCase() });

    // Act
    const problems = checkSecurityAnswers(answers, forbidden);

    // Assert
    expect(problems).toEqual([{ path: 'securityAnswers.0.answer', code: 'ANSWER_TRIVIAL' }]);
  });

  it.each(['aaaa', 'a a a', 'ZZZZZZ'])('refuses a single repeated character (%j)', (answer) => {
    // Arrange
    const answers = withAnswer(1, { answer });

    // Act
    const problems = checkSecurityAnswers(answers, forbidden);

    // Assert
    expect(problems).toEqual([{ path: 'securityAnswers.1.answer', code: 'ANSWER_TRIVIAL' }]);
  });

  it('reports every problem at once', () => {
    // Arrange
    const answers: AnswerInput[] = [
      { questionId: 'mother-name', answer: 'x' },
      { questionId: 'mother-name', answer: IC },
    ];

    // Act
    const problems = checkSecurityAnswers(answers, forbidden);

    // Assert
    expect(problems).toEqual([
      { path: 'securityAnswers', code: 'QUESTIONS_COUNT' },
      { path: 'securityAnswers.0.answer', code: 'ANSWER_TOO_SHORT' },
      { path: 'securityAnswers.1.questionId', code: 'QUESTIONS_DUPLICATE' },
      { path: 'securityAnswers.1.answer', code: 'ANSWER_TRIVIAL' },
    ]);
  });
});

describe('the security question catalogue', () => {
  it('has at least 8 questions, each with Malay and English text', () => {
    // Assert
    expect(SECURITY_QUESTIONS.length).toBeGreaterThanOrEqual(8);
    for (const question of SECURITY_QUESTIONS) {
      expect(question.text.ms.trim()).not.toBe('');
      expect(question.text.en.trim()).not.toBe('');
    }
  });

  it('has unique ids that findQuestion resolves', () => {
    // Act
    const ids = SECURITY_QUESTIONS.map((q) => q.id);

    // Assert
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(findQuestion(id)?.id).toBe(id);
    expect(findQuestion('no-such-question')).toBeUndefined();
  });

  it("includes the source's three Malay questions", () => {
    // Act
    const malay = SECURITY_QUESTIONS.map((q) => q.text.ms);

    // Assert
    expect(malay).toEqual(
      expect.arrayContaining(['Nama Ibu?', 'Kereta Pertama Anda?', 'Warna Kegemaran Anda?']),
    );
  });
});
