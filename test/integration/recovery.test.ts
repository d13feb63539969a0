import { describe, expect, it } from 'vitest';
import {
  goodAnswerTo,
  NEW_PASSWORD,
  OFFICER,
  PASSWORD,
  passwordChangeBody,
  resetBody,
} from '../support/fixtures.ts';
import { activatedUser, call, latestToken, mailsTo, post, registerUser, storedUser } from './client.ts';

function cookieOf(setCookie: string | null): string {
  const cookie = /(__Host-ispeks-session=[^;]+)/.exec(setCookie ?? '')?.[1];
  if (!cookie) throw new Error('no session cookie');
  return cookie;
}

async function signIn(userId: string, password = PASSWORD) {
  const answer = await post('/api/auth/login', { userId, password });
  return {
    status: answer.status,
    cookie: answer.status === 200 ? cookieOf(answer.headers.get('set-cookie')) : '',
  };
}

async function recoveryLink(user: { userId: string; email: string }) {
  const answer = await post('/api/recovery/request', { userId: user.userId });
  expect([answer.status, answer.body]).toEqual([202, { expiresInSeconds: 1800 }]);
  return latestToken(user.email);
}

async function rightAnswers(token: string) {
  const verify = await post('/api/recovery/verify', { token });
  return (verify.body.questions as { id: string }[]).map((q) => ({
    questionId: q.id,
    answer: goodAnswerTo(q.id),
  }));
}

describe('Lupa Kata Laluan over HTTP on the local stack', () => {
  it('takes an officer from the request through the e-mail and two answers to signing in with a new password', async () => {
    const user = await activatedUser();
    const before = await signIn(user.userId);

    const token = await recoveryLink(user);
    const [mail] = (await mailsTo(user.email)).slice(-1);
    expect(mail?.subject).toBe('Tetapan Semula Kata Laluan iSPEKS');
    expect(mail?.body.text).toContain('/account/recovery#token=');
    expect(mail?.body.text).not.toContain(user.icNumber);

    const verify = await post('/api/recovery/verify', { token });
    expect(verify.status).toBe(200);
    expect(verify.body.user).toEqual({ userId: user.userId, name: OFFICER.name });
    expect((verify.body.questions as unknown[]).length).toBe(2);

    const reset = await post('/api/recovery/reset', resetBody(token, await rightAnswers(token)));
    expect([reset.status, reset.body.status]).toEqual([200, 'PASSWORD_RESET']);

    const oldSession = await call('GET', '/api/auth/session', undefined, {
      headers: { cookie: before.cookie },
    });
    expect(oldSession.status).toBe(401);
    expect((await signIn(user.userId)).status).toBe(401);
    expect((await signIn(user.userId, NEW_PASSWORD)).status).toBe(200);
    const notice = (await mailsTo(user.email)).at(-1);
    expect(notice?.subject).toBe('Kata Laluan iSPEKS Telah Ditukar');
    expect(notice?.body.text).not.toContain(NEW_PASSWORD);
    const again = await post(
      '/api/recovery/reset',
      resetBody(token, await rightAnswers(token).catch(() => []), {
        password: 'Lain-Lagi#Kata9Baru',
        passwordConfirmation: 'Lain-Lagi#Kata9Baru',
      }),
    );
    expect([again.status, again.body.code]).toEqual([410, 'TOKEN_INVALID']);
  });

  it('answers unknown, pending, active and mismatched IDs with the same 202 and body', async () => {
    const active = await activatedUser();
    const pending = await registerUser();

    const answers = await Promise.all(
      ['660606066666', pending.userId, active.userId, `jpn:${active.icNumber}`].map((userId) =>
        post('/api/recovery/request', { userId }),
      ),
    );

    for (const answer of answers)
      expect([answer.status, answer.body]).toEqual([202, { expiresInSeconds: 1800 }]);
    expect((await mailsTo(pending.email)).at(-1)?.subject).toBe('Pengaktifan Akaun iSPEKS');
  });

  it('refuses wrong answers with 400 ANSWERS_WRONG, then locks after five with 423 and Retry-After', async () => {
    const user = await activatedUser();
    const token = await recoveryLink(user);
    const wrong = (await rightAnswers(token)).map((a) => ({ ...a, answer: 'bukan jawapan' }));
    const body = resetBody(token, wrong);

    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push(await post('/api/recovery/reset', body));

    expect(statuses.map((s) => `${s.status} ${s.body.code}`)).toEqual([
      '400 ANSWERS_WRONG',
      '400 ANSWERS_WRONG',
      '400 ANSWERS_WRONG',
      '400 ANSWERS_WRONG',
      '423 ACCOUNT_LOCKED',
      '423 ACCOUNT_LOCKED',
    ]);
    expect(Number(statuses[5]?.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('lifts a sign-in lock that a stranger set by guessing passwords', async () => {
    const user = await activatedUser();
    for (let i = 0; i < 5; i++)
      await post('/api/auth/login', { userId: user.userId, password: 'Teka!Teki-2024' });
    expect((await signIn(user.userId)).status).toBe(423);
    const lockNotice = (await mailsTo(user.email)).at(-1);
    expect(lockNotice?.subject).toBe('Akaun iSPEKS Dikunci Sementara');

    const token = await recoveryLink(user);
    const reset = await post('/api/recovery/reset', resetBody(token, await rightAnswers(token)));

    expect(reset.status).toBe(200);
    expect((await signIn(user.userId, NEW_PASSWORD)).status).toBe(200);
  });

  it('resets exactly once when many requests with one link arrive at once', async () => {
    const user = await activatedUser();
    const token = await recoveryLink(user);
    const securityAnswers = await rightAnswers(token);

    const answers = await Promise.all(
      Array.from({ length: 10 }, () => post('/api/recovery/reset', resetBody(token, securityAnswers))),
    );

    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
    expect(answers.every((a) => a.status === 200 || a.status === 410 || a.status === 423)).toBe(true);
  });
});

describe('signed-in account self-service over HTTP', () => {
  it('changes the password: this session carries on, the others end', async () => {
    const user = await activatedUser();
    const here = await signIn(user.userId);
    const there = await signIn(user.userId);

    const change = await call('POST', '/api/account/password', passwordChangeBody(), {
      headers: { cookie: here.cookie },
    });

    expect(change.status).toBe(200);
    expect(
      (await call('GET', '/api/auth/session', undefined, { headers: { cookie: here.cookie } })).status,
    ).toBe(200);
    expect(
      (await call('GET', '/api/auth/session', undefined, { headers: { cookie: there.cookie } })).status,
    ).toBe(401);
    expect((await signIn(user.userId, NEW_PASSWORD)).status).toBe(200);
  });

  it('signs out everywhere', async () => {
    const user = await activatedUser();
    const here = await signIn(user.userId);
    const there = await signIn(user.userId);

    const revoke = await call('POST', '/api/account/sessions/revoke', undefined, {
      headers: { cookie: here.cookie },
    });

    expect(revoke.status).toBe(204);
    expect(revoke.headers.get('set-cookie')).toContain('Max-Age=0');
    for (const { cookie } of [here, there]) {
      expect((await call('GET', '/api/auth/session', undefined, { headers: { cookie } })).status).toBe(401);
    }
  });

  it("checks a password against the list and the officer's own data as the page asks", async () => {
    const user = await activatedUser();
    const { cookie } = await signIn(user.userId);

    const common = await post('/api/password-policy/check', { password: 'P@ssw0rd1234' });
    const personal = await call(
      'POST',
      '/api/password-policy/check',
      { password: 'Aisyah#Pagi-2024' },
      { headers: { cookie } },
    );

    expect([common.status, common.body.unmet]).toEqual([200, expect.arrayContaining(['PASSWORD_COMMON'])]);
    expect(personal.body.unmet).toContain('PASSWORD_CONTAINS_PERSONAL_DATA');
    expect(JSON.stringify(await storedUser(user.icNumber))).not.toContain('Aisyah#Pagi');
  });
});
