import { describe, expect, it } from 'vitest';
import {
  checkPassword,
  describePolicy,
  makePasswordPolicy,
  sourcePolicy,
} from '../../functions/domain/password-policy.ts';
import { checkSecurityAnswers, forbiddenAnswerValues } from '../../functions/domain/security-answers.ts';
import { checkRows, type QuestionRow } from '../../web/src/activation/question-check.ts';
import { passwordChecker } from '../../web/src/lib/password-rules.ts';
import { GOOD_ANSWERS, OFFICER, PASSWORD } from '../support/fixtures.ts';
import { isListed } from '../support/world.ts';

const serverOnly = new Set(['PASSWORD_COMMON', 'PASSWORD_CONTAINS_PERSONAL_DATA']);

describe('password rules on the page', () => {
  const samples = [
    '',
    'abc',
    'abcdefghijkl',
    'ABCDEFGHIJKL1!',
    'Abcdefghijk1',
    PASSWORD,
    'Ñandú€12345ü',
    `A1!${'x'.repeat(130)}`,
    'Kuala Lumpur 1Z',
  ];

  it.each([
    ['the source policy', sourcePolicy],
    ['a length-only policy', makePasswordPolicy(15, false)],
  ])('judge like the server under %s, from the policy that verify returns', (_, policy) => {
    const check = passwordChecker(describePolicy(policy), OFFICER);
    for (const password of samples) {
      const server = checkPassword(password, policy, OFFICER, isListed).filter(
        (code) => !serverOnly.has(code),
      );
      expect(
        check(password).filter((code) => !serverOnly.has(code)),
        password,
      ).toEqual(server);
    }
  });

  it("find a common or personal password only where the server finds it too (the server's own list-free code)", () => {
    const check = passwordChecker(describePolicy(sourcePolicy), { name: OFFICER.name });
    for (const password of [
      ...samples,
      'Qwerty@123456',
      'Aaaaaaaaaaa1!',
      'Aisyah!2024Kuat',
      'Ispeks!2024Kuat',
    ]) {
      const server = checkPassword(password, sourcePolicy, OFFICER, isListed);
      for (const code of check(password).filter((c) => serverOnly.has(c)))
        expect(server, password).toContain(code);
    }
    expect(check('Qwerty@123456')).toContain('PASSWORD_COMMON');
    expect(check('Aisyah!2024Kuat')).toContain('PASSWORD_CONTAINS_PERSONAL_DATA');
  });

  it("list the unmet rules in the source's order", () => {
    expect(passwordChecker(describePolicy(sourcePolicy))('')).toEqual([
      'PASSWORD_TOO_SHORT',
      'PASSWORD_NO_LOWER',
      'PASSWORD_NO_UPPER',
      'PASSWORD_NO_DIGIT',
      'PASSWORD_NO_SPECIAL',
    ]);
  });
});

describe('security question rows on the page', () => {
  function serverView(rows: QuestionRow[]) {
    return checkSecurityAnswers(rows, forbiddenAnswerValues(OFFICER))
      .map((p) => `${p.path}:${p.code}`)
      .sort();
  }

  function pageView(rows: QuestionRow[]) {
    const check = checkRows(rows, OFFICER);
    return [
      ...(check.general ? [`securityAnswers:${check.general}`] : []),
      ...check.rows.flatMap((p, i) => [
        ...(p.question ? [`securityAnswers.${i}.questionId:${p.question}`] : []),
        ...(p.answer ? [`securityAnswers.${i}.answer:${p.answer}`] : []),
      ]),
    ].sort();
  }

  it.each<[string, QuestionRow[]]>([
    ['three good rows', [...GOOD_ANSWERS]],
    [
      'a repeated question and an unchosen one',
      [
        { questionId: 'mother-name', answer: 'Siti Aminah' },
        { questionId: 'mother-name', answer: 'Proton Saga' },
        { questionId: '', answer: 'Hijau Muda' },
      ],
    ],
    [
      'short, equal and trivial answers',
      [
        { questionId: 'mother-name', answer: ' ab ' },
        { questionId: 'first-car', answer: 'Proton  Saga' },
        { questionId: 'favourite-colour', answer: 'proton saga' },
      ],
    ],
    [
      'an answer equal to the ID and one of a single repeated letter',
      [
        { questionId: 'mother-name', answer: '900101145678' },
        { questionId: 'first-car', answer: 'aaaa' },
        { questionId: 'favourite-colour', answer: 'Hijau Muda' },
      ],
    ],
    [
      "answers equal to the officer's name and e-mail, and a non-answer",
      [
        { questionId: 'mother-name', answer: 'Nur Aisyah binti Ahmad' },
        { questionId: 'first-car', answer: OFFICER.email },
        { questionId: 'favourite-colour', answer: 'tak tahu' },
      ],
    ],
    [
      'a keyboard walk and the dashed ID number',
      [
        { questionId: 'mother-name', answer: 'qwerty' },
        { questionId: 'first-car', answer: '900101-14-5678' },
        { questionId: 'favourite-colour', answer: 'Hijau Muda' },
      ],
    ],
    ['two rows only', GOOD_ANSWERS.slice(0, 2)],
  ])('judge like the server: %s', (_, rows) => {
    expect(pageView(rows)).toEqual(serverView(rows));
  });

  it('let Seterusnya through only for rows the server accepts', () => {
    const good = [...GOOD_ANSWERS];
    expect(checkRows(good, OFFICER).ok).toBe(true);
    expect(checkRows(good.slice(0, 2), OFFICER)).toMatchObject({ ok: false, general: 'QUESTIONS_COUNT' });
    expect(checkRows([...good.slice(0, 2), { questionId: 'birth-town', answer: 'tiada' }], OFFICER).ok).toBe(
      false,
    );
  });
});
