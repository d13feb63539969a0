import { describe, expect, it } from 'vitest';
import {
  AlreadyActiveError,
  TokenExpiredError,
  TokenInvalidError,
  ValidationError,
} from '../../functions/domain/errors.ts';
import { describePolicy, sourcePolicy } from '../../functions/domain/password-policy.ts';
import { SECURITY_QUESTIONS } from '../../functions/domain/security-questions.ts';
import { hashToken } from '../../functions/domain/token.ts';
import { makeActivateAccount } from '../../functions/domain/use-cases/activate-account.ts';
import { fakeHasher, rejectionOf } from '../support/fakes.ts';
import { activationBody, GOOD_ANSWERS, NEW_PASSWORD, OFFICER, PASSWORD } from '../support/fixtures.ts';
import { isListed, world } from '../support/world.ts';

const IC = OFFICER.icNumber;
const MINUTE = 60_000;
const TARGET = { icNumber: IC, userId: OFFICER.userId, ptjCode: OFFICER.ptjCode };

/** A registered, pending officer and the use cases around her, over in-memory fakes. */
function setUp() {
  const w = world();
  /** Sends the activation e-mail and returns the token from its link. */
  const sendLink = async () => {
    await w.resendActivation({ userId: OFFICER.userId });
    return w.latestToken('activation');
  };
  return {
    clock: w.clock,
    users: w.users,
    activations: w.links,
    audit: w.audit,
    /** Deactivates the officer in the store behind the use cases' back (her link stays, as if missed). */
    deactivate: () => {
      const stored = w.users.users.get(IC);
      if (stored) stored.status = 'DISABLED';
    },
    sendLink,
    verify: w.verifyActivation,
    activate: w.activateAccount,
  };
}

describe('verifyActivation', () => {
  it('shows the user, the expiry, the question catalogue and the password policy', async () => {
    // Arrange
    const { sendLink, verify } = setUp();
    const token = await sendLink();

    // Act
    const page = await verify({ token });

    // Assert
    expect(page).toEqual({
      user: {
        userId: OFFICER.userId,
        icNumber: OFFICER.icNumber,
        name: OFFICER.name,
        email: OFFICER.email,
        registeredAt: OFFICER.registeredAt,
      },
      expiresAt: '2024-03-01T01:30:00.000Z',
      questions: SECURITY_QUESTIONS,
      answerCount: 3,
      answerMinLength: 3,
      passwordPolicy: describePolicy(sourcePolicy),
    });
  });

  it('consumes nothing, so the link can be opened again and still be used', async () => {
    // Arrange
    const { sendLink, verify, activate, activations, users } = setUp();
    const token = await sendLink();

    // Act
    await verify({ token });
    await verify({ token });

    // Assert
    expect((await activations.find(hashToken(token)))?.usedAt).toBeUndefined();
    expect(users.stored(IC).status).toBe('PENDING');
    await expect(activate(activationBody(token))).resolves.toMatchObject({ status: 'ACTIVE' });
  });

  it('answers TokenInvalidError for a token that was never issued', async () => {
    // Arrange
    const { sendLink, verify } = setUp();
    await sendLink();

    // Act
    const attempt = verify({ token: 'bm90LWEtcmVhbC10b2tlbi1idXQtbG9uZy1lbm91Z2gtdG8tbG9vaw' });

    // Assert
    await rejectionOf(attempt, TokenInvalidError);
  });

  it('accepts the token until its 30 minutes are over, then answers TokenExpiredError', async () => {
    // Arrange
    const { sendLink, verify, clock, activations } = setUp();
    const token = await sendLink();
    clock.advance(30 * MINUTE - 1);
    await expect(verify({ token })).resolves.toBeDefined();

    // Act
    clock.advance(1);
    const attempt = verify({ token });

    // Assert: the record is still there (TTL deletes late), yet refused
    await rejectionOf(attempt, TokenExpiredError);
    expect(await activations.find(hashToken(token))).toBeDefined();
  });

  it('answers TokenInvalidError for a token replaced by a later e-mail', async () => {
    // Arrange
    const { sendLink, verify, clock } = setUp();
    const first = await sendLink();
    clock.advance(MINUTE);
    const second = await sendLink();

    // Act
    const attempt = verify({ token: first });

    // Assert
    await rejectionOf(attempt, TokenInvalidError);
    await expect(verify({ token: second })).resolves.toBeDefined();
  });

  it('answers TokenInvalidError for the link of an officer deactivated after it was sent', async () => {
    // Arrange
    const { sendLink, verify, deactivate } = setUp();
    const token = await sendLink();
    deactivate();

    // Act
    const attempt = verify({ token });

    // Assert
    await rejectionOf(attempt, TokenInvalidError);
  });

  it('records a refused link on the audit trail, naming the officer when the token resolved', async () => {
    // Arrange
    const { sendLink, verify, clock, audit } = setUp();
    const token = await sendLink();
    clock.advance(31 * MINUTE);

    // Act
    await rejectionOf(verify({ token }), TokenExpiredError);
    await rejectionOf(verify({ token: 'never-issued-token-000000000000000' }), TokenInvalidError);

    // Assert
    expect(audit.entries.slice(1)).toEqual([
      {
        at: '2024-03-01T01:31:00.000Z',
        event: 'ACTIVATION_VERIFY_FAILED',
        actor: 'anonymous',
        target: TARGET,
        outcome: 'FAILURE',
        detail: 'TOKEN_EXPIRED',
      },
      {
        at: '2024-03-01T01:31:00.000Z',
        event: 'ACTIVATION_VERIFY_FAILED',
        actor: 'anonymous',
        outcome: 'FAILURE',
        detail: 'TOKEN_INVALID',
      },
    ]);
  });

  it('answers AlreadyActiveError for a token that activated the account', async () => {
    // Arrange
    const { sendLink, verify, activate } = setUp();
    const token = await sendLink();
    await activate(activationBody(token));

    // Act
    const attempt = verify({ token });

    // Assert
    await rejectionOf(attempt, AlreadyActiveError);
  });
});

describe('activateAccount', () => {
  it('activates the account and answers with the time', async () => {
    // Arrange
    const { sendLink, activate, clock, users } = setUp();
    const token = await sendLink();
    clock.advance(5 * MINUTE);

    // Act
    const result = await activate(activationBody(token));

    // Assert
    expect(result).toEqual({ status: 'ACTIVE', activatedAt: '2024-03-01T01:05:00.000Z' });
    const stored = users.stored(IC);
    expect(stored.status).toBe('ACTIVE');
    expect(stored.activatedAt).toBe('2024-03-01T01:05:00.000Z');
    expect(stored.activationTokenHash).toBeUndefined();
  });

  it('stores the hash of the password and of each normalised answer, never the values', async () => {
    // Arrange
    const { sendLink, activate, users } = setUp();
    const token = await sendLink();
    const answers = [
      { questionId: 'mother-name', answer: '  Siti   AMINAH ' },
      { questionId: 'first-car', answer: 'Proton Saga' },
      { questionId: 'favourite-colour', answer: 'HIJAU muda' },
    ];

    // Act
    await activate(activationBody(token, { securityAnswers: answers }));

    // Assert
    const stored = users.stored(IC);
    expect(stored.passwordHash).toBe(await fakeHasher.hash(PASSWORD));
    expect(stored.passwordHash).not.toBe(PASSWORD);
    expect(stored.securityAnswers).toEqual([
      { questionId: 'mother-name', answerHash: await fakeHasher.hash('siti aminah') },
      { questionId: 'first-car', answerHash: await fakeHasher.hash('proton saga') },
      { questionId: 'favourite-colour', answerHash: await fakeHasher.hash('hijau muda') },
    ]);
    const storedText = JSON.stringify(stored);
    for (const { answer } of answers) expect(storedText).not.toContain(`"${answer}"`);
  });

  it('hashes the answers with the answer hasher when one is given', async () => {
    // Arrange
    const { sendLink, activations, clock, users, audit } = setUp();
    const answerHasher = { hash: async (s: string) => `a:${s}`, verify: async () => false };
    const activate = makeActivateAccount({
      activations,
      users,
      clock,
      audit,
      hasher: fakeHasher,
      answerHasher,
      passwordPolicy: sourcePolicy,
      isListed,
    });
    const token = await sendLink();

    // Act
    await activate(activationBody(token));

    // Assert
    const stored = users.stored(IC);
    expect(stored.passwordHash).toBe(await fakeHasher.hash(PASSWORD));
    expect(stored.securityAnswers?.map((a) => a.answerHash)).toEqual([
      'a:siti aminah',
      'a:proton saga',
      'a:hijau muda',
    ]);
  });

  it('marks the token used', async () => {
    // Arrange
    const { sendLink, activate, activations, clock } = setUp();
    const token = await sendLink();

    // Act
    await activate(activationBody(token));

    // Assert
    expect((await activations.find(hashToken(token)))?.usedAt).toBe(clock.now().toISOString());
  });

  it('reports every password problem at once, and a mismatched confirmation', async () => {
    // Arrange
    const { sendLink, activate } = setUp();
    const token = await sendLink();

    // Act
    const error = await rejectionOf(
      activate(activationBody(token, { password: 'abc', passwordConfirmation: 'abd' })),
      ValidationError,
    );

    // Assert
    expect(error.errors).toEqual([
      { path: 'password', code: 'PASSWORD_TOO_SHORT' },
      { path: 'password', code: 'PASSWORD_NO_UPPER' },
      { path: 'password', code: 'PASSWORD_NO_DIGIT' },
      { path: 'password', code: 'PASSWORD_NO_SPECIAL' },
      { path: 'passwordConfirmation', code: 'PASSWORD_MISMATCH' },
    ]);
  });

  it('leaves the token usable after a refused attempt', async () => {
    // Arrange
    const { sendLink, activate, users } = setUp();
    const token = await sendLink();
    await rejectionOf(
      activate(activationBody(token, { password: 'abc', passwordConfirmation: 'abc' })),
      ValidationError,
    );
    expect(users.stored(IC)).toMatchObject({ status: 'PENDING', activationTokenHash: hashToken(token) });
    expect(users.stored(IC).passwordHash).toBeUndefined();

    // Act
    const result = await activate(activationBody(token));

    // Assert
    expect(result.status).toBe('ACTIVE');
  });

  it('reports password and answer problems together', async () => {
    // Arrange
    const { sendLink, activate } = setUp();
    const token = await sendLink();
    const badAnswers = [...GOOD_ANSWERS.slice(0, 1), { questionId: 'first-car', answer: 'ab' }];

    // Act
    const error = await rejectionOf(
      activate(
        activationBody(token, {
          password: 'Aisyah#2024Pagi!',
          passwordConfirmation: 'Aisyah#2024Pagi!',
          securityAnswers: badAnswers,
        }),
      ),
      ValidationError,
    );

    // Assert
    expect(error.errors).toEqual([
      { path: 'password', code: 'PASSWORD_CONTAINS_PERSONAL_DATA' },
      { path: 'securityAnswers', code: 'QUESTIONS_COUNT' },
      { path: 'securityAnswers.1.answer', code: 'ANSWER_TOO_SHORT' },
    ]);
  });

  it.each([
    ['the ID number', IC],
    ['the ID number written with dashes', '900101-14-5678'],
    ['the user ID with its agency code', OFFICER.userId],
    ['the password', PASSWORD],
  ])('refuses an answer equal to %s', async (_case, answer) => {
    // Arrange
    const { sendLink, activate } = setUp();
    const token = await sendLink();
    const securityAnswers = GOOD_ANSWERS.map((a, i) => ({ ...a, ...(i === 1 ? { answer } : {}) }));

    // Act
    const error = await rejectionOf(activate(activationBody(token, { securityAnswers })), ValidationError);

    // Assert
    expect(error.errors).toEqual([{ path: 'securityAnswers.1.answer', code: 'ANSWER_TRIVIAL' }]);
  });

  it('answers AlreadyActiveError to a second activation with the same token', async () => {
    // Arrange
    const { sendLink, activate, users } = setUp();
    const token = await sendLink();
    await activate(activationBody(token));

    // Act
    const attempt = activate(
      activationBody(token, { password: NEW_PASSWORD, passwordConfirmation: NEW_PASSWORD }),
    );

    // Assert
    await rejectionOf(attempt, AlreadyActiveError);
    expect(users.stored(IC).passwordHash).toBe(await fakeHasher.hash(PASSWORD));
  });

  it('activates exactly once when two requests race with the same token', async () => {
    // Arrange
    const { sendLink, activate } = setUp();
    const token = await sendLink();

    // Act
    const results = await Promise.allSettled([
      activate(activationBody(token)),
      activate(activationBody(token)),
    ]);

    // Assert
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const [loser] = results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
    expect(loser instanceof AlreadyActiveError || loser instanceof TokenInvalidError).toBe(true);
  });

  it('answers TokenInvalidError for a token replaced by a later e-mail, and the new one works', async () => {
    // Arrange
    const { sendLink, activate, clock } = setUp();
    const first = await sendLink();
    clock.advance(MINUTE);
    const second = await sendLink();

    // Act
    const attempt = activate(activationBody(first));

    // Assert
    await rejectionOf(attempt, TokenInvalidError);
    await expect(activate(activationBody(second))).resolves.toMatchObject({ status: 'ACTIVE' });
  });

  it('refuses the link of an officer deactivated after it was sent, and leaves her deactivated', async () => {
    // Arrange
    const { sendLink, activate, deactivate, users, audit } = setUp();
    const token = await sendLink();
    deactivate();

    // Act
    const attempt = activate(activationBody(token));

    // Assert
    await rejectionOf(attempt, TokenInvalidError);
    expect(users.stored(IC).status).toBe('DISABLED');
    expect(users.stored(IC).passwordHash).toBeUndefined();
    expect(audit.entries.at(-1)).toMatchObject({
      event: 'ACTIVATION_VERIFY_FAILED',
      target: TARGET,
      detail: 'TOKEN_INVALID',
    });
  });

  it('records the activation on the audit trail, as the officer', async () => {
    // Arrange
    const { sendLink, activate, audit } = setUp();
    const token = await sendLink();

    // Act
    await activate(activationBody(token));

    // Assert
    expect(audit.entries.at(-1)).toEqual({
      at: '2024-03-01T01:00:00.000Z',
      event: 'ACCOUNT_ACTIVATED',
      actor: OFFICER.userId,
      target: TARGET,
      outcome: 'SUCCESS',
    });
  });

  it('records a second activation with the same token as a refused link', async () => {
    // Arrange
    const { sendLink, activate, audit } = setUp();
    const token = await sendLink();
    await activate(activationBody(token));

    // Act
    await rejectionOf(activate(activationBody(token)), AlreadyActiveError);

    // Assert
    expect(audit.events().slice(1)).toEqual(['ACCOUNT_ACTIVATED', 'ACTIVATION_VERIFY_FAILED']);
    expect(audit.entries.at(-1)).toMatchObject({ detail: 'ALREADY_ACTIVE', target: TARGET });
  });

  it('answers TokenInvalidError for an unknown token', async () => {
    // Arrange
    const { activate } = setUp();

    // Act
    const attempt = activate(activationBody('never-issued'));

    // Assert
    await rejectionOf(attempt, TokenInvalidError);
  });

  it('answers TokenExpiredError after 30 minutes and leaves the account pending', async () => {
    // Arrange
    const { sendLink, activate, clock, users } = setUp();
    const token = await sendLink();
    clock.advance(31 * MINUTE);

    // Act
    const attempt = activate(activationBody(token));

    // Assert
    await rejectionOf(attempt, TokenExpiredError);
    expect(users.stored(IC).status).toBe('PENDING');
  });
});
