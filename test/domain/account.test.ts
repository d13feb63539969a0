import { describe, expect, it } from 'vitest';
import {
  AccountLockedError,
  InvalidCredentialsError,
  UnauthenticatedError,
  ValidationError,
} from '../../functions/domain/errors.ts';
import { rejectionOf } from '../support/fakes.ts';
import { activeUser, NEW_PASSWORD, OFFICER, PASSWORD, passwordChangeBody } from '../support/fixtures.ts';
import { world } from '../support/world.ts';

const USER_ID = OFFICER.userId;
const TARGET = { icNumber: OFFICER.icNumber, userId: USER_ID, ptjCode: OFFICER.ptjCode };

function setUp() {
  const w = world({ users: [activeUser()] });
  const change = (sessionId: string, current = PASSWORD, next = NEW_PASSWORD) =>
    w.changePassword(sessionId, passwordChangeBody(current, next));
  return { ...w, change };
}

describe('changePassword', () => {
  it('sets the new password, keeps this session and ends every other one', async () => {
    const w = setUp();
    const here = await w.signIn.login({ userId: USER_ID, password: PASSWORD });
    const elsewhere = await w.signIn.login({ userId: USER_ID, password: PASSWORD });

    const answer = await w.change(here.sessionId);

    expect(answer).toEqual({ changedAt: '2024-03-01T01:00:00.000Z' });
    await expect(w.signIn.currentSession(here.sessionId)).resolves.toMatchObject({
      user: { userId: USER_ID },
    });
    await rejectionOf(w.signIn.currentSession(elsewhere.sessionId), UnauthenticatedError);
    await rejectionOf(w.signIn.login({ userId: USER_ID, password: PASSWORD }), InvalidCredentialsError);
    expect(w.mailer.sent).toMatchObject([{ kind: 'password-changed', how: 'account' }]);
  });

  it('refuses a wrong current password at its field, and counts it as a sign-in guess', async () => {
    const w = setUp();
    const { sessionId } = await w.signIn.login({ userId: USER_ID, password: PASSWORD });

    const outcomes: string[] = [];
    for (let i = 0; i < 5; i++) {
      outcomes.push(
        await w.change(sessionId, 'Bukan#Kata-Laluan1').then(
          () => 'ok',
          (e: Error) =>
            e instanceof ValidationError ? e.errors.map((p) => `${p.path}:${p.code}`).join() : e.name,
        ),
      );
    }

    expect(outcomes).toEqual([
      'currentPassword:CURRENT_PASSWORD_WRONG',
      'currentPassword:CURRENT_PASSWORD_WRONG',
      'currentPassword:CURRENT_PASSWORD_WRONG',
      'currentPassword:CURRENT_PASSWORD_WRONG',
      'AccountLockedError',
    ]);
    await rejectionOf(w.change(sessionId), AccountLockedError);
  });

  it('mirrors the lock its wrong current passwords set on the user, and records it', async () => {
    const w = setUp();
    const { sessionId } = await w.signIn.login({ userId: USER_ID, password: PASSWORD });

    for (let i = 0; i < 5; i++) await w.change(sessionId, 'Bukan#Kata-Laluan1').catch(() => undefined);

    expect(w.users.stored(OFFICER.icNumber).lockedUntil).toBe('2024-03-01T01:15:00.000Z');
    expect(w.audit.events().slice(1)).toEqual([...Array(5).fill('PASSWORD_CHANGED'), 'ACCOUNT_LOCKED']);
    expect(w.audit.entries[1]).toEqual({
      at: '2024-03-01T01:00:00.000Z',
      event: 'PASSWORD_CHANGED',
      actor: USER_ID,
      target: TARGET,
      outcome: 'FAILURE',
      detail: 'CURRENT_PASSWORD_WRONG',
    });
  });

  it('records the change on the audit trail, as the officer', async () => {
    const w = setUp();
    const { sessionId } = await w.signIn.login({ userId: USER_ID, password: PASSWORD });

    await w.change(sessionId);

    expect(w.audit.entries.at(-1)).toEqual({
      at: '2024-03-01T01:00:00.000Z',
      event: 'PASSWORD_CHANGED',
      actor: USER_ID,
      target: TARGET,
      outcome: 'SUCCESS',
    });
  });

  it('refuses the current password as the new one', async () => {
    const w = setUp();
    const { sessionId } = await w.signIn.login({ userId: USER_ID, password: PASSWORD });

    const error = await rejectionOf(w.change(sessionId, PASSWORD, PASSWORD), ValidationError);

    expect(error.errors).toEqual([{ path: 'password', code: 'PASSWORD_REUSED' }]);
  });

  it('refuses a weak new password before looking at the current one', async () => {
    const w = setUp();
    const { sessionId } = await w.signIn.login({ userId: USER_ID, password: PASSWORD });

    const error = await rejectionOf(w.change(sessionId, 'anything', 'Password123!'), ValidationError);

    expect(error.errors).toContainEqual({ path: 'password', code: 'PASSWORD_COMMON' });
    expect([...w.guesses.states.values()].map((s) => s.count)).toEqual([0]);
  });

  it('needs a live session', async () => {
    const w = setUp();

    await rejectionOf(w.change('never-issued-session-identifier-000000000'), UnauthenticatedError);
  });
});

describe('passwordCheck', () => {
  it("judges the list-based rules and, given a link, the officer's own data", async () => {
    const w = world();
    await w.resendActivation({ userId: USER_ID });
    const token = w.latestToken('activation');

    const common = await w.passwordCheck({ password: 'P@ssw0rd1234' });
    const personal = await w.passwordCheck({ password: 'Aisyah#Ceria-2024', token });
    const fine = await w.passwordCheck({ password: NEW_PASSWORD, token });

    expect(common.unmet).toContain('PASSWORD_COMMON');
    expect(personal.unmet).toContain('PASSWORD_CONTAINS_PERSONAL_DATA');
    expect(fine.unmet).toEqual([]);
  });

  it("judges the officer's own data from the session when signed in, and nothing personal otherwise", async () => {
    const w = setUp();
    const { sessionId } = await w.signIn.login({ userId: USER_ID, password: PASSWORD });

    const signedIn = await w.passwordCheck({ password: 'Aisyah#Ceria-2024' }, sessionId);
    const anonymous = await w.passwordCheck({ password: 'Aisyah#Ceria-2024' });

    expect(signedIn.unmet).toContain('PASSWORD_CONTAINS_PERSONAL_DATA');
    expect(anonymous.unmet).toEqual([]);
  });
});
