import { describe, expect, it } from 'vitest';
import { type DraftHolder, draftAction } from '../../web/src/activation/draft-protocol.ts';
import { linkProblem } from '../../web/src/activation/link-problems.ts';
import { checkRows } from '../../web/src/activation/question-check.ts';
import { problemsByRow } from '../../web/src/lib/answer-problems.ts';
import { recoveryLinkProblem } from '../../web/src/recovery/views.ts';
import { GOOD_ANSWERS, OFFICER } from '../support/fixtures.ts';

describe('problemsByRow', () => {
  it("sorts the server's problems with the security answers by row and field", () => {
    // Arrange
    const problems = [
      { path: 'securityAnswers.0.questionId', code: 'QUESTIONS_DUPLICATE' },
      { path: 'securityAnswers.2.answer', code: 'ANSWER_TRIVIAL' },
      { path: 'securityAnswers', code: 'QUESTIONS_COUNT' },
    ];

    // Act
    const found = problemsByRow(problems, 3);

    // Assert
    expect(found).toEqual({
      rows: [{ question: 'QUESTIONS_DUPLICATE' }, {}, { answer: 'ANSWER_TRIVIAL' }],
      general: 'QUESTIONS_COUNT',
      any: true,
    });
  });

  it('keeps the first problem of a field, and leaves out other fields and rows the page does not have', () => {
    // Arrange
    const problems = [
      { path: 'password', code: 'PASSWORD_COMMON' },
      { path: 'securityAnswers.1.answer', code: 'ANSWER_TOO_SHORT' },
      { path: 'securityAnswers.1.answer', code: 'ANSWER_TRIVIAL' },
      { path: 'securityAnswers.7.answer', code: 'ANSWER_TRIVIAL' },
    ];

    // Act
    const found = problemsByRow(problems, 2);

    // Assert
    expect(found).toEqual({ rows: [{}, { answer: 'ANSWER_TOO_SHORT' }], any: true });
  });

  it('says when no problem concerned the security answers', () => {
    expect(problemsByRow([{ path: 'passwordConfirmation', code: 'PASSWORD_MISMATCH' }], 3)).toEqual({
      rows: [{}, {}, {}],
      any: false,
    });
  });
});

describe('checkRows', () => {
  it("refuses, as the server does, an answer equal to the officer's name, e-mail or ID", () => {
    // Act
    const check = checkRows(
      [
        { questionId: 'mother-name', answer: 'nur aisyah binti ahmad' },
        { questionId: 'first-car', answer: 'Aisyah.Ahmad@example.gov.my' },
        { questionId: 'favourite-colour', answer: '900101 14 5678' },
      ],
      OFFICER,
    );

    // Assert
    expect(check.rows.map((row) => row.answer)).toEqual([
      'ANSWER_TRIVIAL',
      'ANSWER_TRIVIAL',
      'ANSWER_TRIVIAL',
    ]);
    expect(check.ok).toBe(false);
  });

  it('counts an answer by its visible characters, as the server does', () => {
    // Act: two letters padded with a zero-width space
    const check = checkRows(
      [{ questionId: 'mother-name', answer: 'ab\u200B' }, ...GOOD_ANSWERS.slice(1)],
      OFFICER,
    );

    // Assert
    expect(check.rows[0]).toEqual({ answer: 'ANSWER_TOO_SHORT' });
  });
});

describe('draftAction', () => {
  const typing: DraftHolder = { userId: OFFICER.userId, expiredInPlace: false, readyForDraft: false };
  const expired: DraftHolder = { ...typing, expiredInPlace: true };
  const fresh: DraftHolder = { ...typing, readyForDraft: true };
  const rows = GOOD_ANSWERS.slice(0, 1);

  it('hands the draft of an expired link over to the tab that says hello for the same officer', () => {
    expect(draftAction({ kind: 'hello', userId: OFFICER.userId }, expired)).toBe('send-draft');
    expect(draftAction({ kind: 'hello', userId: OFFICER.userId }, typing)).toBe('ignore');
  });

  it('takes a draft only into untouched questions of a link that has not expired', () => {
    expect(draftAction({ kind: 'draft', userId: OFFICER.userId, rows }, fresh)).toBe('take-draft');
    expect(draftAction({ kind: 'draft', userId: OFFICER.userId, rows }, typing)).toBe('ignore');
    expect(
      draftAction({ kind: 'draft', userId: OFFICER.userId, rows }, { ...fresh, expiredInPlace: true }),
    ).toBe('ignore');
  });

  it('lets go of the draft once the new tab has taken it', () => {
    expect(draftAction({ kind: 'taken', userId: OFFICER.userId }, expired)).toBe('let-go');
    expect(draftAction({ kind: 'taken', userId: OFFICER.userId }, fresh)).toBe('ignore');
  });

  it("ignores another officer's messages, and any before a link is verified", () => {
    expect(draftAction({ kind: 'hello', userId: 'kth:880202000001' }, expired)).toBe('ignore');
    expect(draftAction({ kind: 'taken', userId: 'kth:880202000001' }, expired)).toBe('ignore');
    expect(
      draftAction({ kind: 'draft', userId: OFFICER.userId, rows }, { ...fresh, userId: undefined }),
    ).toBe('ignore');
  });
});

describe('what a refused link means', () => {
  it.each([
    ['TOKEN_EXPIRED', 'expired'],
    ['TOKEN_INVALID', 'invalid'],
    ['VALIDATION_FAILED', 'invalid'],
    ['ALREADY_ACTIVE', 'active'],
    ['SERVICE_UNAVAILABLE', 'unavailable'],
    ['SOMETHING_NEW', 'unavailable'],
  ])('on the activation page, %s is %s', (code, problem) => {
    expect(linkProblem(code)).toBe(problem);
  });

  it.each([
    ['TOKEN_EXPIRED', 'expired'],
    ['TOKEN_INVALID', 'invalid'],
    ['VALIDATION_FAILED', 'invalid'],
    ['ACCOUNT_LOCKED', 'locked'],
    ['SERVICE_UNAVAILABLE', undefined],
  ])('on the recovery page, %s is %s', (code, problem) => {
    expect(recoveryLinkProblem(code)).toBe(problem);
  });
});
