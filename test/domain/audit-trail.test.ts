import { describe, expect, it } from 'vitest';
import {
  AnswersWrongError,
  InvalidCredentialsError,
  ServiceUnavailableError,
  TokenInvalidError,
  ValidationError,
} from '../../functions/domain/errors.ts';
import { hashToken } from '../../functions/domain/token.ts';
import { fakeHash, rejectionOf } from '../support/fakes.ts';
import {
  activationBody,
  GOOD_ANSWERS,
  goodAnswerTo,
  NEW_PASSWORD,
  OFFICER,
  PASSWORD,
  passwordChangeBody,
  resetBody,
} from '../support/fixtures.ts';
import { world } from '../support/world.ts';

const { userId: USER_ID } = OFFICER;
const WRONG_PASSWORD = 'Salah#Kata-Laluan1';
const WRONG_ANSWER = 'Bukan Jawapan Saya';
const THIRD_PASSWORD = 'Kucing_Oren#Tidur7Lena';
const UNKNOWN_TOKEN = 'never-issued-token-000000000000000';

/**
 * The officer's whole life in the officer-facing flows, every failure included: activation,
 * sign-in, a password change and a recovery. Returns every secret it typed or was sent.
 */
async function everyFlow(w: ReturnType<typeof world>) {
  const secrets: string[] = [PASSWORD, NEW_PASSWORD, THIRD_PASSWORD, WRONG_PASSWORD, WRONG_ANSWER];
  for (const { answer } of GOOD_ANSWERS) secrets.push(answer, answer.toLowerCase());

  await w.resendActivation({ userId: USER_ID });
  const activation = w.latestToken('activation');
  await rejectionOf(w.verifyActivation({ token: UNKNOWN_TOKEN }), TokenInvalidError);
  await w.verifyActivation({ token: activation });
  await w.activateAccount(activationBody(activation));

  await rejectionOf(w.signIn.login({ userId: USER_ID, password: WRONG_PASSWORD }), InvalidCredentialsError);
  await rejectionOf(
    w.signIn.login({ userId: '800808088888', password: WRONG_PASSWORD }),
    InvalidCredentialsError,
  );
  const { sessionId } = await w.signIn.login({ userId: USER_ID, password: PASSWORD });
  await rejectionOf(w.changePassword(sessionId, passwordChangeBody(WRONG_PASSWORD)), ValidationError);
  await w.changePassword(sessionId, passwordChangeBody(PASSWORD, NEW_PASSWORD));

  await w.recovery.requestRecovery({ userId: USER_ID });
  const recovery = w.latestToken('recovery');
  const { questions } = await w.recovery.verifyRecovery({ token: recovery });
  const right = questions.map((q) => ({ questionId: q.id, answer: goodAnswerTo(q.id) }));
  const wrong = right.map((a) => ({ ...a, answer: WRONG_ANSWER }));
  await rejectionOf(w.recovery.resetPassword(resetBody(recovery, wrong)), AnswersWrongError);
  await w.recovery.resetPassword(
    resetBody(recovery, right, { password: THIRD_PASSWORD, passwordConfirmation: THIRD_PASSWORD }),
  );

  secrets.push(activation, recovery, sessionId, UNKNOWN_TOKEN);
  secrets.push(hashToken(activation), hashToken(recovery), hashToken(sessionId));
  for (const password of [PASSWORD, NEW_PASSWORD, THIRD_PASSWORD]) secrets.push(fakeHash(password));
  return secrets;
}

describe('the audit trail of the officer-facing flows', () => {
  it('records every flow, each event once, in the order it happened', async () => {
    const w = world();

    await everyFlow(w);

    expect(w.audit.events()).toEqual([
      'ACTIVATION_EMAIL_SENT',
      'ACTIVATION_VERIFY_FAILED',
      'ACCOUNT_ACTIVATED',
      'SIGN_IN_FAILED',
      'SIGN_IN_FAILED',
      'SIGN_IN_SUCCEEDED',
      'PASSWORD_CHANGED',
      'PASSWORD_CHANGED',
      'RECOVERY_EMAIL_SENT',
      'RECOVERY_FAILED',
      'PASSWORD_RESET',
    ]);
    expect(w.audit.entries.map((e) => e.outcome)).toEqual([
      'SUCCESS',
      'FAILURE',
      'SUCCESS',
      'FAILURE',
      'FAILURE',
      'SUCCESS',
      'FAILURE',
      'SUCCESS',
      'SUCCESS',
      'FAILURE',
      'SUCCESS',
    ]);
  });

  it('never holds a password, an answer, a hash, a token or a session identifier', async () => {
    const w = world();

    const secrets = await everyFlow(w);

    const trail = JSON.stringify(w.audit.entries);
    for (const secret of secrets) expect(trail, secret).not.toContain(secret);
  });

  it("names the officer and her PTJ in every entry about her, and only the officer's own ID or anonymous as actor", async () => {
    const w = world();

    await everyFlow(w);

    for (const entry of w.audit.entries) {
      expect(['anonymous', USER_ID]).toContain(entry.actor);
      if (entry.target) {
        expect(entry.target).toEqual({
          icNumber: OFFICER.icNumber,
          userId: USER_ID,
          ptjCode: OFFICER.ptjCode,
        });
      }
    }
    expect(w.audit.entries.filter((e) => !e.target).map((e) => e.detail)).toEqual([
      'TOKEN_INVALID',
      'unknown-id',
    ]);
  });

  it('answers every flow as ever when the trail cannot be written, and reports each lost entry', async () => {
    const w = world();
    w.audit.failWith = new ServiceUnavailableError('The audit trail');

    await everyFlow(w);

    expect(w.users.stored(OFFICER.icNumber).passwordHash).toBe(fakeHash(THIRD_PASSWORD));
    expect(w.audit.entries).toEqual([]);
    expect(w.reported.map((r) => r.what)).toHaveLength(11);
    expect(w.reported.every((r) => r.what.startsWith('audit ') && r.what.endsWith(' not recorded'))).toBe(
      true,
    );
  });
});
