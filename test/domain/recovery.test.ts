import { describe, expect, it } from 'vitest';
import {
  AccountLockedError,
  AnswersWrongError,
  InvalidCredentialsError,
  ServiceUnavailableError,
  TokenExpiredError,
  TokenInvalidError,
  UnauthenticatedError,
  ValidationError,
} from '../../functions/domain/errors.ts';
import { guessSubject } from '../../functions/domain/guess-budget.ts';
import { describePolicy, sourcePolicy } from '../../functions/domain/password-policy.ts';
import { findQuestion } from '../../functions/domain/security-questions.ts';
import { hashToken } from '../../functions/domain/token.ts';
import { fakeHash, fakeHasher, rejectionOf } from '../support/fakes.ts';
import {
  activeUser,
  goodAnswerTo,
  NEW_PASSWORD,
  OFFICER,
  PASSWORD as OLD_PASSWORD,
  pendingUser,
  resetBody,
} from '../support/fixtures.ts';
import { type WorldOptions, world } from '../support/world.ts';

const { icNumber: IC, userId: USER_ID } = OFFICER;
const MINUTE = 60_000;
const TARGET = { icNumber: IC, userId: USER_ID, ptjCode: OFFICER.ptjCode };
/** The officer as deactivation leaves her. */
const disabledUser = () =>
  activeUser({
    status: 'DISABLED',
    statusBeforeDisable: 'ACTIVE',
    disabledAt: '2024-02-01T00:00:00.000Z',
    disabledReason: 'Bersara',
  });

/** Deactivates the officer in the store behind the use cases' back (her link stays, as if missed). */
function deactivate(w: ReturnType<typeof world>) {
  const stored = w.users.users.get(IC);
  if (stored) stored.status = 'DISABLED';
}

function setUp(options: WorldOptions = {}) {
  const w = world({ users: [activeUser()], ...options });
  /** Requests recovery and returns the token of the e-mailed link. */
  const requestLink = async () => {
    await w.recovery.requestRecovery({ userId: USER_ID });
    return w.latestToken('recovery');
  };
  /** The right answers to the questions this link asks (optionally in another spelling). */
  const rightAnswers = async (token: string, spell = (a: string) => a) => {
    const { questions } = await w.recovery.verifyRecovery({ token });
    return questions.map((q) => ({ questionId: q.id, answer: spell(goodAnswerTo(q.id)) }));
  };
  const reset = async (token: string, change: Record<string, unknown> = {}) =>
    w.recovery.resetPassword({ ...resetBody(token, await rightAnswers(token)), ...change });
  return { ...w, requestLink, rightAnswers, reset };
}

describe('requestRecovery', () => {
  it('e-mails an active officer a 30-minute link with the token in the fragment', async () => {
    const w = setUp();

    const answer = await w.recovery.requestRecovery({ userId: USER_ID });

    expect(answer).toEqual({ expiresInSeconds: 1800 });
    const token = w.latestToken('recovery');
    expect(w.mailer.sent).toEqual([
      {
        kind: 'recovery',
        to: OFFICER.email,
        name: OFFICER.name,
        link: `https://ispeks.example.gov.my/account/recovery#token=${token}`,
        validMinutes: 30,
      },
    ]);
    expect(w.links.tokens.get(hashToken(token))?.expiresAt).toBe('2024-03-01T01:30:00.000Z');
  });

  it('sends a pending officer the activation e-mail instead', async () => {
    const w = setUp({ users: [pendingUser()] });

    await w.recovery.requestRecovery({ userId: USER_ID });

    expect(w.mailer.sent).toMatchObject([{ kind: 'activation', to: OFFICER.email }]);
  });

  it('answers unknown, pending, active, paced and mismatched IDs alike, after the same minimum time', async () => {
    const ids = ['660606066666', `jpn:${IC}`, USER_ID, USER_ID, '910202145678'];
    const w = setUp({
      settings: { minResponseMs: 1500 },
      users: [activeUser(), pendingUser({ icNumber: '910202145678', email: 'p@example.gov.my' })],
    });

    const answers = [];
    for (const userId of ids) answers.push(await w.recovery.requestRecovery({ userId }));

    expect(new Set(answers.map((a) => JSON.stringify(a)))).toEqual(new Set(['{"expiresInSeconds":1800}']));
    expect(w.clock.sleeps).toEqual([1500, 1500, 1500, 1500, 1500]);
    expect(w.mailer.sent.map((m) => m.kind)).toEqual(['recovery', 'activation']);
  });

  it('answers a deactivated account as every other ID, and sends nothing', async () => {
    const w = setUp({ users: [disabledUser()], settings: { minResponseMs: 1500 } });

    const answer = await w.recovery.requestRecovery({ userId: USER_ID });

    expect(answer).toEqual({ expiresInSeconds: 1800 });
    expect(w.clock.sleeps).toEqual([1500]);
    expect(w.mailer.sent).toEqual([]);
  });

  it('records the recovery e-mail it sent on the audit trail', async () => {
    const w = setUp();

    await w.requestLink();

    expect(w.audit.entries).toEqual([
      {
        at: '2024-03-01T01:00:00.000Z',
        event: 'RECOVERY_EMAIL_SENT',
        actor: 'anonymous',
        target: TARGET,
        outcome: 'SUCCESS',
      },
    ]);
  });

  it('paces recovery e-mails apart from activation e-mails', async () => {
    const w = setUp({
      users: [activeUser({ activationSends: [Date.parse('2024-03-01T00:59:50.000Z')] })],
    });

    await w.recovery.requestRecovery({ userId: USER_ID });
    await w.recovery.requestRecovery({ userId: USER_ID });

    expect(w.mailer.sent).toHaveLength(1);
    expect(w.users.stored(IC).recoverySends).toHaveLength(1);
  });

  it('answers alike when the e-mail service is down, and leaves the earlier link working', async () => {
    const w = setUp();
    const first = await w.requestLink();
    w.clock.advance(2 * MINUTE);
    w.mailer.failNextSend(new ServiceUnavailableError('E-mail'));

    const answer = await w.recovery.requestRecovery({ userId: USER_ID });

    expect(answer).toEqual({ expiresInSeconds: 1800 });
    expect(w.users.stored(IC).recoveryTokenHash).toBe(hashToken(first));
    await expect(w.recovery.verifyRecovery({ token: first })).resolves.toMatchObject({
      user: { name: OFFICER.name },
    });
  });

  it('still answers 503 when the lookup every ID makes fails', async () => {
    const w = setUp();
    w.users.get = async () => {
      throw new ServiceUnavailableError('The user store');
    };

    await rejectionOf(w.recovery.requestRecovery({ userId: '660606066666' }), ServiceUnavailableError);
  });
});

describe('verifyRecovery', () => {
  it('shows the name and two of the three questions, the same two every time for one link', async () => {
    const w = setUp();
    const token = await w.requestLink();

    const first = await w.recovery.verifyRecovery({ token });
    const again = await w.recovery.verifyRecovery({ token });

    expect(first.user).toEqual({ userId: OFFICER.userId, name: OFFICER.name });
    expect(first.questions).toHaveLength(2);
    for (const q of first.questions) expect(findQuestion(q.id)).toEqual(q);
    expect(again.questions).toEqual(first.questions);
    expect(first.passwordPolicy).toEqual(describePolicy(sourcePolicy));
    expect(first.answerMinLength).toBe(3);
  });

  it('asks different pairs across links', async () => {
    const w = setUp({ settings: { cooldownSeconds: 0, maxPerHour: 100 } });
    const pairs = new Set<string>();

    for (let i = 0; i < 12; i++) {
      const { questions } = await w.recovery.verifyRecovery({ token: await w.requestLink() });
      pairs.add(questions.map((q) => q.id).join('+'));
    }

    expect(pairs.size).toBeGreaterThan(1);
  });

  it('refuses an expired link, a replaced link and an unknown one', async () => {
    const w = setUp({ settings: { cooldownSeconds: 0 } });
    const first = await w.requestLink();
    const second = await w.requestLink();

    await rejectionOf(w.recovery.verifyRecovery({ token: first }), TokenInvalidError);
    await rejectionOf(
      w.recovery.verifyRecovery({ token: 'never-issued-token-000000000000000' }),
      TokenInvalidError,
    );
    w.clock.advance(30 * MINUTE);
    await rejectionOf(w.recovery.verifyRecovery({ token: second }), TokenExpiredError);
  });

  it('refuses the link of an officer deactivated after it was sent with TOKEN_INVALID', async () => {
    const w = setUp();
    const token = await w.requestLink();
    deactivate(w);

    await rejectionOf(w.recovery.verifyRecovery({ token }), TokenInvalidError);
  });

  it('does not accept an activation link', async () => {
    const w = setUp({ users: [pendingUser()] });
    await w.recovery.requestRecovery({ userId: USER_ID });

    await rejectionOf(w.recovery.verifyRecovery({ token: w.latestToken('activation') }), TokenInvalidError);
  });
});

describe('resetPassword', () => {
  it('sets the new password, ends every session and tells the officer, with no secret in the notice', async () => {
    const w = setUp({ users: [activeUser()] });
    const session = await w.signIn.login({ userId: USER_ID, password: OLD_PASSWORD });
    const token = await w.requestLink();

    const answer = await w.reset(token);

    expect(answer).toEqual({ status: 'PASSWORD_RESET', resetAt: '2024-03-01T01:00:00.000Z' });
    expect(w.users.stored(IC).passwordHash).toBe(`h:${NEW_PASSWORD}`);
    await rejectionOf(w.signIn.currentSession(session.sessionId), UnauthenticatedError);
    await rejectionOf(w.signIn.login({ userId: USER_ID, password: OLD_PASSWORD }), InvalidCredentialsError);
    await expect(w.signIn.login({ userId: USER_ID, password: NEW_PASSWORD })).resolves.toBeDefined();
    const notice = w.mailer.sent.find((m) => m.kind === 'password-changed');
    expect(notice).toMatchObject({ how: 'recovery', to: OFFICER.email });
    expect(JSON.stringify(notice)).not.toContain(token);
    expect(JSON.stringify(notice)).not.toContain(NEW_PASSWORD);
  });

  it('accepts answers in another case and spacing, as activation normalised them', async () => {
    const w = setUp();
    const token = await w.requestLink();

    const answers = await w.rightAnswers(token, (a) => `  ${a.toUpperCase().replace(' ', '   ')} `);

    await expect(w.reset(token, { securityAnswers: answers })).resolves.toMatchObject({
      status: 'PASSWORD_RESET',
    });
  });

  it('works once per link, however many resets arrive at once', async () => {
    const w = setUp({
      hasher: {
        hash: fakeHasher.hash,
        verify: async (secret, hash) => {
          await new Promise((resolve) => setTimeout(resolve, 2));
          return fakeHasher.verify(secret, hash);
        },
      },
    });
    const token = await w.requestLink();
    const answers = await w.rightAnswers(token);

    const results = await Promise.allSettled(
      Array.from({ length: 8 }, () => w.recovery.resetPassword(resetBody(token, answers))),
    );

    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    await rejectionOf(w.reset(token), TokenInvalidError);
  });

  it('answers AnswersWrongError to a wrong answer and keeps the link usable', async () => {
    const w = setUp();
    const token = await w.requestLink();
    const answers = await w.rightAnswers(token);
    const wrong = [answers[0], { ...answers[1], answer: 'bukan jawapan' }];

    await rejectionOf(w.reset(token, { securityAnswers: wrong }), AnswersWrongError);

    await expect(w.reset(token)).resolves.toMatchObject({ status: 'PASSWORD_RESET' });
  });

  it('locks the answers after five wrong tries, counts them against sign-in too, and says how long', async () => {
    const w = setUp();
    const token = await w.requestLink();
    const answers = await w.rightAnswers(token);
    const wrong = answers.map((a) => ({ ...a, answer: 'salah sama sekali' }));

    const outcomes: string[] = [];
    for (let i = 0; i < 6; i++) {
      outcomes.push(
        await w.reset(token, { securityAnswers: wrong }).then(
          () => 'ok',
          (e: Error) => e.name,
        ),
      );
    }

    expect(outcomes).toEqual([
      'AnswersWrongError',
      'AnswersWrongError',
      'AnswersWrongError',
      'AnswersWrongError',
      'AccountLockedError',
      'AccountLockedError',
    ]);
    await rejectionOf(w.reset(token), AccountLockedError);
    await rejectionOf(w.signIn.login({ userId: USER_ID, password: OLD_PASSWORD }), AccountLockedError);
  });

  it('lifts a sign-in lock set by a stranger guessing passwords', async () => {
    const w = setUp();
    for (let i = 0; i < 5; i++) {
      await w.signIn.login({ userId: USER_ID, password: 'Teka#Teki-2024x' }).catch(() => undefined);
    }
    await rejectionOf(w.signIn.login({ userId: USER_ID, password: OLD_PASSWORD }), AccountLockedError);
    const token = await w.requestLink();

    await w.reset(token);

    expect(w.guesses.states.has(guessSubject('signin', IC))).toBe(false);
    await expect(w.signIn.login({ userId: USER_ID, password: NEW_PASSWORD })).resolves.toBeDefined();
  });

  it('refuses the current password as the new one, after right answers', async () => {
    const w = setUp();
    const token = await w.requestLink();

    const error = await rejectionOf(
      w.reset(token, { password: OLD_PASSWORD, passwordConfirmation: OLD_PASSWORD }),
      ValidationError,
    );

    expect(error.errors).toEqual([{ path: 'password', code: 'PASSWORD_REUSED' }]);
  });

  it('reports password and answer-shape problems all at once, spending no guess', async () => {
    const w = setUp();
    const token = await w.requestLink();

    const error = await rejectionOf(
      w.reset(token, {
        securityAnswers: [{ questionId: 'first-pet', answer: 'x' }],
        password: 'pendek',
        passwordConfirmation: 'lain',
      }),
      ValidationError,
    );

    const codes = error.errors.map((e) => e.code);
    expect(codes).toEqual(
      expect.arrayContaining([
        'QUESTIONS_COUNT',
        'QUESTION_UNKNOWN',
        'ANSWER_TOO_SHORT',
        'PASSWORD_TOO_SHORT',
        'PASSWORD_MISMATCH',
      ]),
    );
    expect(w.guesses.states.size).toBe(0);
  });

  it("refuses a password with the officer's own name in it", async () => {
    const w = setUp();
    const token = await w.requestLink();

    const error = await rejectionOf(
      w.reset(token, { password: 'Aisyah#Ceria-2024', passwordConfirmation: 'Aisyah#Ceria-2024' }),
      ValidationError,
    );

    expect(error.errors).toContainEqual({ path: 'password', code: 'PASSWORD_CONTAINS_PERSONAL_DATA' });
  });

  it('refuses the link of an officer deactivated after it was sent, spending no guess', async () => {
    const w = setUp();
    const token = await w.requestLink();
    const answers = await w.rightAnswers(token);
    deactivate(w);

    await rejectionOf(w.recovery.resetPassword(resetBody(token, answers)), TokenInvalidError);

    expect(w.guesses.states.size).toBe(0);
    expect(w.users.stored(IC).passwordHash).toBe(fakeHash(OLD_PASSWORD));
  });

  it('records the reset on the audit trail, as the officer, after wrong answers recorded as failures', async () => {
    const w = setUp();
    const token = await w.requestLink();
    const answers = await w.rightAnswers(token);
    const wrong = answers.map((a) => ({ ...a, answer: 'Bukan Jawapan' }));
    await rejectionOf(w.recovery.resetPassword(resetBody(token, wrong)), AnswersWrongError);

    await w.recovery.resetPassword(resetBody(token, answers));

    expect(w.audit.entries.slice(1)).toEqual([
      {
        at: '2024-03-01T01:00:00.000Z',
        event: 'RECOVERY_FAILED',
        actor: USER_ID,
        target: TARGET,
        outcome: 'FAILURE',
        detail: 'ANSWERS_WRONG',
      },
      {
        at: '2024-03-01T01:00:00.000Z',
        event: 'PASSWORD_RESET',
        actor: USER_ID,
        target: TARGET,
        outcome: 'SUCCESS',
      },
    ]);
  });

  it('refuses an expired link without checking any answer', async () => {
    const w = setUp();
    const token = await w.requestLink();
    const answers = await w.rightAnswers(token);
    w.clock.advance(30 * MINUTE);

    await rejectionOf(w.reset(token, { securityAnswers: answers }), TokenExpiredError);
    expect(w.guesses.states.size).toBe(0);
  });
});
