import { createHash } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { sessionsTable } from '../../functions/tables.ts';
import { OFFICER, PASSWORD } from '../support/fixtures.ts';
import { activatedUser, call, db, post, registerUser } from './client.ts';

function sessionCookieOf(setCookie: string | null): string {
  const cookie = /(__Host-ispeks-session=[^;]+)/.exec(setCookie ?? '')?.[1];
  if (!cookie) throw new Error(`no session cookie in ${setCookie}`);
  return cookie;
}

describe('sign-in over HTTP on the local stack', () => {
  it('signs an active officer in with a __Host- session cookie, shows the session, and signs out', async () => {
    const user = await activatedUser();

    const login = await post('/api/auth/login', { userId: user.icNumber, password: PASSWORD });
    expect(login.status).toBe(200);
    expect(login.body.user).toMatchObject({ userId: user.userId, name: OFFICER.name });
    const setCookie = login.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(
      /^__Host-ispeks-session=[A-Za-z0-9_-]{43}; Path=\/; Secure; HttpOnly; SameSite=Strict/,
    );
    const cookie = sessionCookieOf(setCookie);

    const session = await call('GET', '/api/auth/session', undefined, { headers: { cookie } });
    expect([session.status, (session.body.user as { userId: string }).userId]).toEqual([200, user.userId]);

    const logout = await call('POST', '/api/auth/logout', undefined, { headers: { cookie } });
    expect(logout.status).toBe(204);
    expect(logout.headers.get('set-cookie')).toContain('Max-Age=0');
    const after = await call('GET', '/api/auth/session', undefined, { headers: { cookie } });
    expect([after.status, after.body.code]).toEqual([401, 'UNAUTHENTICATED']);
  });

  it('answers an unknown ID, a pending account and a wrong password with the same 401', async () => {
    const active = await activatedUser();
    const pending = await registerUser();

    const answers = await Promise.all([
      post('/api/auth/login', { userId: '770707077777', password: PASSWORD }),
      post('/api/auth/login', { userId: pending.userId, password: PASSWORD }),
      post('/api/auth/login', { userId: active.userId, password: `${PASSWORD}x` }),
    ]);

    for (const answer of answers) {
      expect([answer.status, answer.body.code, answer.body.detail]).toEqual([
        401,
        'INVALID_CREDENTIALS',
        answers[0]?.body.detail,
      ]);
    }
  });

  it('locks the account for 15 minutes after 5 failures in a row, even for the right password', async () => {
    const user = await activatedUser();

    const failures = [];
    for (let i = 0; i < 5; i++)
      failures.push(await post('/api/auth/login', { userId: user.userId, password: 'Salah!Kata123' }));
    const rightButLocked = await post('/api/auth/login', { userId: user.userId, password: PASSWORD });

    expect(failures.slice(0, 4).map((f) => f.status)).toEqual([401, 401, 401, 401]);
    expect([failures[4]?.status, failures[4]?.body.code]).toEqual([423, 'ACCOUNT_LOCKED']);
    expect([rightButLocked.status, rightButLocked.body.code]).toEqual([423, 'ACCOUNT_LOCKED']);
    const retryAfter = Number(rightButLocked.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(850);
    expect(retryAfter).toBeLessThanOrEqual(900);
  });

  it('resets the failure count on a successful sign-in', async () => {
    const user = await activatedUser();
    for (let i = 0; i < 4; i++)
      await post('/api/auth/login', { userId: user.userId, password: 'Salah!Kata123' });

    const success = await post('/api/auth/login', { userId: user.userId, password: PASSWORD });
    const nextFailure = await post('/api/auth/login', { userId: user.userId, password: 'Salah!Kata123' });

    expect(success.status).toBe(200);
    expect(nextFailure.status).toBe(401);
    const afterwards = [];
    for (let i = 0; i < 4; i++)
      afterwards.push(
        (await post('/api/auth/login', { userId: user.userId, password: 'Salah!Kata123' })).status,
      );
    expect(afterwards).toEqual([401, 401, 401, 423]);
  });

  it('answers six wrong passwords 401×4, 423, 423 for active, pending and unknown IDs alike', async () => {
    const active = await activatedUser();
    const pending = await registerUser();
    const unknown = '660606066666';

    const sequences = await Promise.all(
      [active.userId, pending.userId, unknown].map(async (userId) => {
        const statuses = [];
        for (let i = 0; i < 6; i++)
          statuses.push((await post('/api/auth/login', { userId, password: 'Salah!Kata123' })).status);
        return statuses;
      }),
    );

    expect(sequences).toEqual([
      [401, 401, 401, 401, 423, 423],
      [401, 401, 401, 401, 423, 423],
      [401, 401, 401, 401, 423, 423],
    ]);
  });

  it('checks at most five of twenty guesses sent at once, the right password among them', async () => {
    const user = await activatedUser();
    const passwords = Array.from({ length: 20 }, (_, i) => (i === 10 ? PASSWORD : `Salah!Kata-${i}`));

    const answers = await Promise.all(
      passwords.map((password) => post('/api/auth/login', { userId: user.userId, password })),
    );

    const statuses = answers.map((a) => a.status);
    // A checked guess answers 200 or 401, or 423 for the one wrong guess that locked.
    const locking = statuses.filter((s) => s === 423).length > 0 && !statuses.includes(200) ? 1 : 0;
    const checked = statuses.filter((s) => s === 200 || s === 401).length + locking;
    expect(checked).toBeLessThanOrEqual(5);
    expect(statuses.every((s) => [200, 401, 423].includes(s))).toBe(true);
  });

  it("does not sign in the kth officer for another agency's prefix", async () => {
    const user = await activatedUser();

    const answer = await post('/api/auth/login', { userId: `jpn:${user.icNumber}`, password: PASSWORD });

    expect([answer.status, answer.body.code]).toEqual([401, 'INVALID_CREDENTIALS']);
  });

  it('keeps a session alive while it is used, counting idle time from the last request', async () => {
    const user = await activatedUser();
    const login = await post('/api/auth/login', { userId: user.userId, password: PASSWORD });
    const cookie = sessionCookieOf(login.headers.get('set-cookie'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    const first = await call('GET', '/api/auth/session', undefined, { headers: { cookie } });
    const hash = createHash('sha256')
      .update(cookie.split('=')[1] ?? '', 'utf8')
      .digest('hex');
    const stored = await db.send(
      new GetCommand({ TableName: sessionsTable.localName, Key: { sessionHash: hash } }),
    );

    expect(first.status).toBe(200);
    expect(Date.parse(stored.Item?.lastSeenAt)).toBeGreaterThanOrEqual(Date.parse(stored.Item?.createdAt));
    expect(stored.Item?.lastSeenAt).not.toBe(stored.Item?.createdAt);
  });

  it('refuses a session cookie that was never issued', async () => {
    const answer = await call('GET', '/api/auth/session', undefined, {
      headers: { cookie: '__Host-ispeks-session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' },
    });

    expect([answer.status, answer.body.code]).toEqual([401, 'UNAUTHENTICATED']);
  });
});
