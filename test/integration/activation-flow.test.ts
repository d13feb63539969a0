import { DescribeTimeToLiveCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { LOCAL_CREDENTIALS } from '../../functions/local/errors.ts';
import { tokensTable } from '../../functions/tables.ts';
import { activationBody, OFFICER, registrationBody } from '../support/fixtures.ts';
import {
  call,
  expireToken,
  forgetEarlierSends,
  latestToken,
  mailsTo,
  post,
  registerUser,
  stack,
  storedUser,
} from './client.ts';

describe('activation over HTTP on the local stack', () => {
  it('takes a registered officer from resend through the e-mail to an active account', async () => {
    const user = await registerUser();

    const resend = await post('/api/activation/resend', { userId: user.userId });
    expect(resend.status).toBe(202);
    expect(resend.body).toEqual({
      sentTo: expect.stringMatching(/^u\*+\d@example\.gov\.my$/),
      expiresInSeconds: 1800,
    });

    const [mail] = await mailsTo(user.email);
    expect(mail?.subject).toBe('Pengaktifan Akaun iSPEKS');
    expect(mail?.from).toContain('Sistem iSPEKS');
    const link = /(http:\/\/\S+#token=[A-Za-z0-9_-]{43})/.exec(mail?.body.text ?? '')?.[1] ?? '';
    expect(link.startsWith(`${stack.url}/account/activation#token=`)).toBe(true);
    expect(link).not.toContain(user.icNumber);
    const token = await latestToken(user.email);

    const verify = await post('/api/activation/verify', { token });
    expect(verify.status).toBe(200);
    expect(verify.body.user).toMatchObject({
      userId: user.userId,
      icNumber: user.icNumber,
      name: OFFICER.name,
    });
    expect((verify.body.questions as unknown[]).length).toBeGreaterThanOrEqual(8);

    const activate = await post('/api/activation/activate', activationBody(token));
    expect(activate.status).toBe(200);
    expect(activate.body).toEqual({ status: 'ACTIVE', activatedAt: expect.any(String) });

    const stored = await storedUser(user.icNumber);
    expect(stored?.status).toBe('ACTIVE');
    expect(stored?.passwordHash).toMatch(/^\$2[aby]\$/);
    expect(JSON.stringify(stored)).not.toContain('Tr0pika');
    expect(JSON.stringify(stored)).not.toContain('Proton');
  });

  it('answers a retried activation after success with 409 ALREADY_ACTIVE, never a second activation', async () => {
    const user = await registerUser();
    await post('/api/activation/resend', { userId: user.userId });
    const token = await latestToken(user.email);
    await post('/api/activation/activate', activationBody(token));

    const retry = await post('/api/activation/activate', activationBody(token));
    const verify = await post('/api/activation/verify', { token });
    const resend = await post('/api/activation/resend', { userId: user.userId });

    expect([retry.status, retry.body.code]).toEqual([409, 'ALREADY_ACTIVE']);
    expect([verify.status, verify.body.code]).toEqual([409, 'ALREADY_ACTIVE']);
    expect([resend.status, resend.body.code]).toEqual([409, 'ALREADY_ACTIVE']);
  });

  it('accepts the three spellings of a user ID as the same user', async () => {
    const user = await registerUser();
    const dashed = `${user.icNumber.slice(0, 6)}-${user.icNumber.slice(6, 8)}-${user.icNumber.slice(8)}`;

    const first = await post('/api/activation/resend', { userId: dashed });
    const second = await post('/api/activation/resend', { userId: user.icNumber });

    expect(first.status).toBe(202);
    expect([second.status, second.body.code]).toEqual([429, 'RESEND_COOLDOWN']);
  });

  it('refuses an expired token whose item still exists with 410 TOKEN_EXPIRED', async () => {
    const user = await registerUser();
    await post('/api/activation/resend', { userId: user.userId });
    const token = await latestToken(user.email);
    await expireToken(token);

    const verify = await post('/api/activation/verify', { token });
    const activate = await post('/api/activation/activate', activationBody(token));

    expect([verify.status, verify.body.code]).toEqual([410, 'TOKEN_EXPIRED']);
    expect([activate.status, activate.body.code]).toEqual([410, 'TOKEN_EXPIRED']);
    expect((await storedUser(user.icNumber))?.status).toBe('PENDING');
  });

  it('kills the first link when a second e-mail is sent', async () => {
    const user = await registerUser();
    await post('/api/activation/resend', { userId: user.userId });
    const first = await latestToken(user.email);
    await forgetEarlierSends(user.icNumber);

    const again = await post('/api/activation/resend', { userId: user.userId });
    const second = await latestToken(user.email);

    expect(again.status).toBe(202);
    expect(second).not.toBe(first);
    const old = await post('/api/activation/verify', { token: first });
    expect([old.status, old.body.code]).toEqual([410, 'TOKEN_INVALID']);
    const oldActivate = await post('/api/activation/activate', activationBody(first));
    expect([oldActivate.status, oldActivate.body.code]).toEqual([410, 'TOKEN_INVALID']);
    expect((await post('/api/activation/verify', { token: second })).status).toBe(200);
  });

  it('gives exactly one 200 to 20 concurrent activations with one token', async () => {
    const user = await registerUser();
    await post('/api/activation/resend', { userId: user.userId });
    const token = await latestToken(user.email);

    const answers = await Promise.all(
      Array.from({ length: 20 }, () => post('/api/activation/activate', activationBody(token))),
    );

    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    for (const loser of answers.filter((a) => a.status !== 200)) {
      expect([409, 410]).toContain(loser.status);
      expect(['ALREADY_ACTIVE', 'TOKEN_INVALID']).toContain(loser.body.code);
    }
  });

  it('leaves the token usable after an activation refused for a weak password', async () => {
    const user = await registerUser();
    await post('/api/activation/resend', { userId: user.userId });
    const token = await latestToken(user.email);

    const weak = await post('/api/activation/activate', {
      ...activationBody(token),
      password: 'abc',
      passwordConfirmation: 'abd',
    });
    expect(weak.status).toBe(400);
    expect(weak.body.errors?.map((e) => e.code)).toEqual([
      'PASSWORD_TOO_SHORT',
      'PASSWORD_NO_UPPER',
      'PASSWORD_NO_DIGIT',
      'PASSWORD_NO_SPECIAL',
      'PASSWORD_MISMATCH',
    ]);

    expect((await post('/api/activation/verify', { token })).status).toBe(200);
    expect((await post('/api/activation/activate', activationBody(token))).status).toBe(200);
  });

  it('reports question problems with their codes and keeps the token', async () => {
    const user = await registerUser();
    await post('/api/activation/resend', { userId: user.userId });
    const token = await latestToken(user.email);
    const base = activationBody(token);

    const duplicate = await post('/api/activation/activate', {
      ...base,
      securityAnswers: [
        base.securityAnswers[0],
        { questionId: 'mother-name', answer: 'Lain Lagi' },
        base.securityAnswers[2],
      ],
    });
    const tooFew = await post('/api/activation/activate', {
      ...base,
      securityAnswers: base.securityAnswers.slice(0, 2),
    });

    expect(duplicate.body.errors).toContainEqual({
      path: 'securityAnswers.1.questionId',
      code: 'QUESTIONS_DUPLICATE',
    });
    expect(tooFew.body.errors).toContainEqual({ path: 'securityAnswers', code: 'QUESTIONS_COUNT' });
    expect((await post('/api/activation/verify', { token })).status).toBe(200);
  });

  it('answers 404 for an unknown user and 429 with Retry-After inside the cooldown', async () => {
    const user = await registerUser();

    const unknown = await post('/api/activation/resend', { userId: '990101019999' });
    await post('/api/activation/resend', { userId: user.userId });
    const tooSoon = await post('/api/activation/resend', { userId: user.userId });

    expect([unknown.status, unknown.body.code]).toEqual([404, 'USER_NOT_FOUND']);
    expect([tooSoon.status, tooSoon.body.code]).toEqual([429, 'RESEND_COOLDOWN']);
    expect(Number(tooSoon.headers.get('retry-after'))).toBeGreaterThan(50);
    expect(Number(tooSoon.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    // The registration's own e-mail, and the one resend let through.
    expect(await mailsTo(user.email)).toHaveLength(2);
  });

  it('consumes nothing when the link page is opened, prefetched or HEAD-requested', async () => {
    const user = await registerUser();
    await post('/api/activation/resend', { userId: user.userId });
    const token = await latestToken(user.email);

    for (const method of ['GET', 'HEAD', 'GET']) {
      const page = await fetch(`${stack.url}/account/activation#token=${token}`, { method });
      expect(page.status).toBe(200);
      expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    }

    expect((await post('/api/activation/verify', { token })).status).toBe(200);
  });
});

describe('registration on the local stack', () => {
  it('refuses the admin route without the bearer key and a duplicate MyKad number', async () => {
    const user = await registerUser();

    const anonymous = await call('POST', '/api/admin/users', { icNumber: '880303035555' });
    const duplicate = await call(
      'POST',
      '/api/admin/users',
      registrationBody({ icNumber: user.icNumber, name: 'Orang Lain', email: 'lain@example.gov.my' }),
      { headers: { authorization: `Bearer ${stack.adminApiKey}` } },
    );

    expect([anonymous.status, anonymous.body.code]).toEqual([401, 'UNAUTHENTICATED']);
    expect([duplicate.status, duplicate.body.code]).toEqual([409, 'USER_EXISTS']);
  });

  it('creates the tables from the stack definitions, with TTL on the tokens table', async () => {
    const client = new DynamoDBClient({
      region: 'ap-southeast-1',
      endpoint: stack.dynamoEndpoint,
      credentials: LOCAL_CREDENTIALS,
    });

    const ttl = await client.send(new DescribeTimeToLiveCommand({ TableName: tokensTable.localName }));

    expect(ttl.TimeToLiveDescription).toMatchObject({ TimeToLiveStatus: 'ENABLED', AttributeName: 'ttl' });
    client.destroy();
  });
});
