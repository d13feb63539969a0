import { describe, expect, it } from 'vitest';
import {
  type AnswerInput,
  checkSecurityAnswers,
  forbiddenAnswerValues,
  normaliseAnswer,
} from '../../functions/domain/security-answers.ts';
import { findQuestion, SECURITY_QUESTIONS } from '../../functions/domain/security-questions.ts';
import { GOOD_ANSWERS, OFFICER, PASSWORD } from '../support/fixtures.ts';

const IC = OFFICER.icNumber;
const forbidden = [IC, OFFICER.userId, PASSWORD];

/** GOOD_ANSWERS with one answer changed. */
function withAnswer(index: number, change: Partial<AnswerInput>): AnswerInput[] {
  return GOOD_ANSWERS.map((a, i) => ({ ...a, ...(i === index ? change : {}) }));
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

  it('strips invisible characters, so a zero-width space makes no second spelling', () => {
    // Act
    const normal = normaliseAnswer('\uFEFFMe\u200Brah\u200D Jambu\u00AD');

    // Assert
    expect(normal).toBe('merah jambu');
  });

  it('leaves ordinary answers as they were normalised before', () => {
    // Arrange
    const before = (answer: string) => answer.normalize('NFKC').trim().replace(/\s+/gu, ' ').toLowerCase();
    const answers = ['Siti Aminah', '  Proton   SAGA ', 'Ñandú', '陈美玲', 'கண்ணன்', 'Caf\u0065\u0301'];

    // Act
    const normal = answers.map(normaliseAnswer);

    // Assert
    expect(normal).toEqual(answers.map(before));
  });
});

describe('forbiddenAnswerValues', () => {
  it('lists the ID plain and dashed, the user ID, the name, the e-mail, its local part and the password', () => {
    // Act
    const values = forbiddenAnswerValues({ ...OFFICER, password: PASSWORD });

    // Assert
    expect(values).toEqual(
      expect.arrayContaining([
        IC,
        '900101-14-5678',
        OFFICER.userId,
        OFFICER.name,
        OFFICER.email,
        'aisyah.ahmad',
        PASSWORD,
      ]),
    );
  });

  it('leaves out what it was not given', () => {
    // Act
    const values = forbiddenAnswerValues({ icNumber: IC });

    // Assert
    expect(values.every((value) => value.replace(/\D/g, '') === IC)).toBe(true);
  });
});

describe('checkSecurityAnswers', () => {
  it('accepts three distinct known questions with good answers', () => {
    // Act
    const problems = checkSecurityAnswers([...GOOD_ANSWERS], forbidden);

    // Assert
    expect(problems).toEqual([]);
  });

  it.each([
    ['two', GOOD_ANSWERS.slice(0, 2)],
    ['four', [...GOOD_ANSWERS, { questionId: 'first-pet', answer: 'Comel' }]],
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

  it.each([
    ['zero-width spaces', '\u200B\u200B\u200B\u200B'],
    ['joiners', '\u200D\u200C\u2060'],
    ['two letters padded with zero-width spaces', 'ab\u200B\u200B\u200B'],
    ['spaces', '     '],
  ])('refuses an answer of %s as too short', (_case, answer) => {
    // Arrange
    const answers = withAnswer(1, { answer });

    // Act
    const problems = checkSecurityAnswers(answers, forbidden);

    // Assert
    expect(problems).toEqual([{ path: 'securityAnswers.1.answer', code: 'ANSWER_TOO_SHORT' }]);
  });

  it.each([
    ['only control characters', '\u0000\u0001\u0002'],
    ['a bell inside a name', 'Siti\u0007Aminah'],
    ['a tab', 'Siti\tAminah'],
    ['a lone surrogate', 'Proton \uD800Saga'],
  ])('refuses an answer with %s as INVALID_CHARACTERS', (_case, answer) => {
    // Arrange
    const answers = withAnswer(1, { answer });

    // Act
    const problems = checkSecurityAnswers(answers, forbidden);

    // Assert
    expect(problems).toEqual([{ path: 'securityAnswers.1.answer', code: 'INVALID_CHARACTERS' }]);
  });

  describe("with the officer's own data forbidden", () => {
    const own = forbiddenAnswerValues({ ...OFFICER, password: PASSWORD });

    it.each([
      ['the name', '  Nur Aisyah  binti AHMAD '],
      ['the e-mail address', 'Aisyah.Ahmad@example.gov.my'],
      ['the local part of the e-mail address', 'aisyah.ahmad'],
      ['the ID number with spaces', '900101 14 5678'],
      ['the ID number with dashes', '900101-14-5678'],
      ['the user ID with its agency code', `KTH:${IC}`],
      ['the password with its symbols left out', 'tr0pika hujan lebat'],
    ])('refuses an answer equal to %s', (_case, answer) => {
      // Arrange
      const answers = withAnswer(0, { answer });

      // Act
      const problems = checkSecurityAnswers(answers, own);

      // Assert
      expect(problems).toEqual([{ path: 'securityAnswers.0.answer', code: 'ANSWER_TRIVIAL' }]);
    });

    it('accepts good answers', () => {
      // Act
      const problems = checkSecurityAnswers([...GOOD_ANSWERS], own);

      // Assert
      expect(problems).toEqual([]);
    });
  });

  it.each([
    'abc',
    'abcd',
    '123',
    '1234',
    'cba',
    '321',
    'qwerty',
    'asdf',
    'ASDF GH',
    'tiada',
    'none',
    'N/A',
    'test',
    'Tak  Tahu',
    'entah',
    'xxx',
    'jawapan',
    'answer',
    '---',
    '...',
  ])('refuses the trivial answer %j', (answer) => {
    // Arrange
    const answers = withAnswer(2, { answer });

    // Act
    const problems = checkSecurityAnswers(answers, forbidden);

    // Assert
    expect(problems).toEqual([{ path: 'securityAnswers.2.answer', code: 'ANSWER_TRIVIAL' }]);
  });

  it.each(['na', '-', '.'])('refuses the non-answer %j as too short', (answer) => {
    // Arrange
    const answers = withAnswer(2, { answer });

    // Act
    const problems = checkSecurityAnswers(answers, forbidden);

    // Assert
    expect(problems).toEqual([{ path: 'securityAnswers.2.answer', code: 'ANSWER_TOO_SHORT' }]);
  });

  it('accepts short real names whose letters zig-zag over the keyboard', () => {
    // Arrange
    const answers = [
      { questionId: 'childhood-friend', answer: 'Fred' },
      { questionId: 'first-pet', answer: 'Tom' },
      { questionId: 'birth-town', answer: 'Ipoh' },
    ];

    // Act
    const problems = checkSecurityAnswers(answers, forbidden);

    // Assert
    expect(problems).toEqual([]);
  });

  it('refuses two answers that differ only in punctuation', () => {
    // Arrange
    const answers = withAnswer(2, { answer: 'Proton-Saga' });

    // Act
    const problems = checkSecurityAnswers(answers, forbidden);

    // Assert
    expect(problems).toEqual([{ path: 'securityAnswers.2.answer', code: 'ANSWER_TRIVIAL' }]);
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
