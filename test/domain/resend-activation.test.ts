import { describe, expect, it } from 'vitest';
import {
  AccountDisabledError,
  AlreadyActiveError,
  EmailRejectedError,
  ResendCooldownError,
  ServiceUnavailableError,
  UserNotFoundError,
  ValidationError,
} from '../../functions/domain/errors.ts';
import type { Mailer } from '../../functions/domain/ports.ts';
import { hashToken } from '../../functions/domain/token.ts';
import { resendWait } from '../../functions/domain/use-cases/send-link.ts';
import { rejectionOf, tokenFromLink } from '../support/fakes.ts';
import { activeUser, OFFICER, pendingUser, SITE } from '../support/fixtures.ts';
import { type WorldOptions, world } from '../support/world.ts';

const { icNumber: IC, userId: USER_ID } = OFFICER;
const SECOND = 1000;
const MINUTE = 60 * SECOND;

function setUp(options: WorldOptions = {}) {
  const w = world(options);
  const resend = (userId = USER_ID) => w.resendActivation({ userId });
  /** The token of the n-th e-mail sent (0-based). */
  const tokenOfMail = (n: number) => {
    const mail = w.mailer.sent[n];
    if (mail?.kind !== 'activation') throw new Error(`mail ${n} is not an activation mail`);
    return tokenFromLink(mail.link);
  };
  return { ...w, activations: w.links, resend, tokenOfMail };
}

describe('resendActivation', () => {
  it('e-mails a link that carries the token in the fragment and no ID number', async () => {
    // Arrange
    const { mailer, resend, tokenOfMail } = setUp();

    // Act
    await resend();

    // Assert
    expect(mailer.sent).toHaveLength(1);
    const token = tokenOfMail(0);
    const link = `${SITE}/account/activation#token=${token}`;
    expect(mailer.sent[0]).toEqual({
      kind: 'activation',
      to: OFFICER.email,
      name: OFFICER.name,
      registeredAt: OFFICER.registeredAt,
      link,
      validMinutes: 30,
    });
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(link).not.toContain(IC);
  });

  it('stores only the SHA-256 hash of the token, never the token itself', async () => {
    // Arrange
    const { activations, users, resend, tokenOfMail } = setUp();

    // Act
    await resend();

    // Assert
    const token = tokenOfMail(0);
    const record = await activations.find(hashToken(token));
    expect(record).toMatchObject({
      tokenHash: hashToken(token),
      purpose: 'ACTIVATION',
      icNumber: IC,
      userId: USER_ID,
      issuedAt: '2024-03-01T01:00:00.000Z',
      expiresAt: '2024-03-01T01:30:00.000Z',
    });
    expect(users.stored(IC).activationTokenHash).toBe(hashToken(token));
    const everythingStored = JSON.stringify([...activations.tokens.entries(), ...users.users.entries()]);
    expect(everythingStored).not.toContain(token);
  });

  it('answers with the masked address and the lifetime of the link', async () => {
    // Arrange
    const { resend } = setUp();

    // Act
    const result = await resend();

    // Assert
    expect(result).toEqual({ sentTo: 'a**********d@example.gov.my', expiresInSeconds: 1800 });
  });

  it('finds the user by any of the accepted forms of the ID', async () => {
    // Arrange
    const { mailer, resend } = setUp();

    // Act
    await resend('900101-14-5678');

    // Assert
    expect(mailer.sent).toHaveLength(1);
  });

  it('refuses an ID of the wrong form with a ValidationError', async () => {
    // Arrange
    const { mailer, resend } = setUp();

    // Act
    const error = await rejectionOf(resend('9001011456'), ValidationError);

    // Assert
    expect(error.errors).toEqual([{ path: 'userId', code: 'USER_ID_INVALID' }]);
    expect(mailer.sent).toEqual([]);
  });

  it('answers UserNotFoundError for an unknown ID and sends nothing', async () => {
    // Arrange
    const { mailer, resend } = setUp();

    // Act
    const attempt = resend('850505105555');

    // Assert
    await rejectionOf(attempt, UserNotFoundError);
    expect(mailer.sent).toEqual([]);
  });

  it('answers AccountDisabledError for a deactivated account and sends nothing', async () => {
    // Arrange
    const { mailer, activations, resend } = setUp({
      users: [
        pendingUser({
          status: 'DISABLED',
          statusBeforeDisable: 'PENDING',
          disabledAt: '2024-02-01T00:00:00.000Z',
          disabledReason: 'Bertukar agensi',
        }),
      ],
    });

    // Act
    const attempt = resend();

    // Assert
    await rejectionOf(attempt, AccountDisabledError);
    expect(mailer.sent).toEqual([]);
    expect(activations.tokens.size).toBe(0);
  });

  it('records the e-mail it sent on the audit trail, for the officer, by an anonymous actor', async () => {
    // Arrange
    const { audit, resend } = setUp();

    // Act
    await resend();

    // Assert
    expect(audit.entries).toEqual([
      {
        at: '2024-03-01T01:00:00.000Z',
        event: 'ACTIVATION_EMAIL_SENT',
        actor: 'anonymous',
        target: { icNumber: IC, userId: USER_ID, ptjCode: OFFICER.ptjCode },
        outcome: 'SUCCESS',
      },
    ]);
  });

  it('records no e-mail that could not be sent', async () => {
    // Arrange
    const { audit, mailer, resend } = setUp();
    mailer.failNextSend(new ServiceUnavailableError('E-mail'));

    // Act
    await rejectionOf(resend(), ServiceUnavailableError);

    // Assert
    expect(audit.entries).toEqual([]);
  });

  it('answers AlreadyActiveError for an active account and sends nothing', async () => {
    // Arrange
    const { mailer, activations, resend } = setUp({ users: [activeUser()] });

    // Act
    const attempt = resend();

    // Assert
    await rejectionOf(attempt, AlreadyActiveError);
    expect(mailer.sent).toEqual([]);
    expect(activations.tokens.size).toBe(0);
  });

  it('refuses a second send within the cooldown, with the seconds left rounded up', async () => {
    // Arrange
    const { clock, mailer, activations, resend, tokenOfMail } = setUp();
    await resend();
    clock.advance(20.5 * SECOND);

    // Act
    const error = await rejectionOf(resend(), ResendCooldownError);

    // Assert
    expect(error.retryAfterSeconds).toBe(40);
    expect(mailer.sent).toHaveLength(1);
    expect(await activations.find(hashToken(tokenOfMail(0)))).toBeDefined();
  });

  it('sends again after the cooldown, and the first link stops working', async () => {
    // Arrange
    const { clock, users, activations, resend, tokenOfMail } = setUp();
    await resend();
    clock.advance(MINUTE);

    // Act
    await resend();

    // Assert
    const [first, second] = [tokenOfMail(0), tokenOfMail(1)];
    expect(second).not.toBe(first);
    expect(await activations.find(hashToken(first))).toBeUndefined();
    expect(await activations.find(hashToken(second))).toBeDefined();
    expect(activations.tokens.size).toBe(1);
    expect(users.stored(IC).activationTokenHash).toBe(hashToken(second));
  });

  it('refuses a sixth send within the hour until the oldest send is an hour old', async () => {
    // Arrange
    const { clock, mailer, resend } = setUp();
    for (let i = 0; i < 5; i++) {
      await resend();
      clock.advance(61 * SECOND);
    }

    // Act
    const error = await rejectionOf(resend(), ResendCooldownError);

    // Assert: five sends went out at 0, 61, 122, 183 and 244 s; it is now 305 s
    expect(mailer.sent).toHaveLength(5);
    expect(error.retryAfterSeconds).toBe(3600 - 305);
    clock.advance(error.retryAfterSeconds * SECOND);
    await expect(resend()).resolves.toMatchObject({ expiresInSeconds: 1800 });
    expect(mailer.sent).toHaveLength(6);
  });

  it('answers ServiceUnavailableError when the e-mail cannot be sent, and leaves no token', async () => {
    // Arrange
    const { mailer, users, activations, resend } = setUp();
    mailer.failNextSend(new Error('SES throttled'));

    // Act
    const error = await rejectionOf(resend(), ServiceUnavailableError);

    // Assert
    expect(error.retryAfterSeconds).toBeGreaterThan(0);
    expect(activations.tokens.size).toBe(0);
    const stored = users.stored(IC);
    expect(stored.activationTokenHash).toBeUndefined();
    expect(stored.activationSends).toEqual([]);
  });

  it('keeps the earlier link working, with its own expiry, when the next e-mail cannot be sent', async () => {
    // Arrange
    const { clock, mailer, users, activations, resend, tokenOfMail } = setUp();
    await resend();
    const first = tokenOfMail(0);
    const firstRecord = await activations.find(hashToken(first));
    clock.advance(MINUTE);
    mailer.failNextSend(new Error('SES rejected'));

    // Act
    await rejectionOf(resend(), ServiceUnavailableError);

    // Assert
    expect(await activations.find(hashToken(first))).toEqual(firstRecord);
    expect(activations.tokens.size).toBe(1);
    const stored = users.stored(IC);
    expect(stored.activationTokenHash).toBe(hashToken(first));
    expect(stored.activationTokenExpiresAt).toBe(firstRecord?.expiresAt);
    expect(stored.activationSends).toHaveLength(1);
  });

  it('passes on a ServiceUnavailableError from the mailer as it is', async () => {
    // Arrange
    const { mailer, resend } = setUp();
    const failure = new ServiceUnavailableError('E-mail', { retryAfterSeconds: 30 });
    mailer.failNextSend(failure);

    // Act
    const error = await rejectionOf(resend(), ServiceUnavailableError);

    // Assert
    expect(error).toBe(failure);
  });

  it('spends no cooldown on a failed send: an immediate retry goes out', async () => {
    // Arrange
    const { mailer, activations, resend, tokenOfMail } = setUp();
    mailer.failNextSend(new Error('SES throttled'));
    await rejectionOf(resend(), ServiceUnavailableError);

    // Act
    const result = await resend();

    // Assert
    expect(result.sentTo).toBe('a**********d@example.gov.my');
    expect(mailer.sent).toHaveLength(1);
    expect(await activations.find(hashToken(tokenOfMail(0)))).toBeDefined();
  });

  it('lets exactly one of two simultaneous sends for one user through', async () => {
    // Arrange
    const { mailer, activations, resend } = setUp();

    // Act
    const results = await Promise.allSettled([resend(), resend()]);

    // Assert
    const fulfilled = results.filter((r) => r.status === 'fulfilled');
    const rejected = results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
    expect(fulfilled).toHaveLength(1);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]).toBeInstanceOf(ResendCooldownError);
    expect(mailer.sent).toHaveLength(1);
    expect(activations.tokens.size).toBe(1);
  });
  it('answers AlreadyActiveError, not a cooldown, to a send that loses the race to activation', async () => {
    // Arrange
    const w = setUp({ settings: { cooldownSeconds: 0 } });
    const replace = w.links.replaceToken.bind(w.links);
    w.links.replaceToken = async (user, token, sends) => {
      // The officer activates with an earlier link while this send is on its way.
      const stored = w.users.users.get(IC);
      if (stored) Object.assign(stored, { status: 'ACTIVE', sendRevision: stored.sendRevision + 1 });
      return replace(user, token, sends);
    };

    // Act
    const attempt = w.resend();

    // Assert
    await rejectionOf(attempt, AlreadyActiveError);
    expect(w.mailer.sent).toEqual([]);
  });

  it('answers the real wait when another send for the same user got there first', async () => {
    // Arrange
    const w = setUp();
    const replace = w.links.replaceToken.bind(w.links);
    w.links.replaceToken = async (user, token, sends) => {
      w.links.replaceToken = replace;
      await w.sendLink(w.users.stored(IC), 'ACTIVATION');
      w.clock.advance(5_000);
      return replace(user, token, sends);
    };

    // Act
    const error = await rejectionOf(w.resend(), ResendCooldownError);

    // Assert
    expect(error.retryAfterSeconds).toBe(55);
    expect(w.mailer.sent).toHaveLength(1);
  });

  it("treats an agency prefix that is not the user's own as an unknown ID", async () => {
    // Arrange
    const { resend, mailer } = setUp();

    // Act
    const attempt = resend(`jpn:${IC}`);

    // Assert
    await rejectionOf(attempt, UserNotFoundError);
    expect(mailer.sent).toEqual([]);
  });

  it('passes a permanent e-mail refusal on as such and spends no cooldown', async () => {
    // Arrange
    const { mailer, resend, users } = setUp();
    mailer.failNextSend(new EmailRejectedError());

    // Act
    await rejectionOf(resend(), EmailRejectedError);

    // Assert
    expect(users.stored(IC).activationSends).toEqual([]);
    await expect(resend()).resolves.toMatchObject({ expiresInSeconds: 1800 });
  });
});

describe('resendActivation with enumeration protection', () => {
  const protectedSettings = { enumerationProtection: true, minResponseMs: 1500 };
  const active = activeUser({
    icNumber: '850505105555',
    agencyCode: 'jn',
    email: 'ali@example.gov.my',
    name: 'ALI BIN ABU',
  });
  const rateLimited = pendingUser({
    icNumber: '770707077777',
    agencyCode: 'jn',
    email: 'lim@example.gov.my',
  });

  async function answerFor(userId: string, prepare?: (world: ReturnType<typeof setUp>) => Promise<void>) {
    const world = setUp({ settings: protectedSettings, users: [pendingUser(), active, rateLimited] });
    await prepare?.(world);
    const mailsBefore = world.mailer.sent.length;
    const sleepsBefore = world.clock.sleeps.length;
    const started = world.clock.now().getTime();
    const result = await world.resend(userId);
    return {
      result,
      elapsedMs: world.clock.now().getTime() - started,
      sleeps: world.clock.sleeps.slice(sleepsBefore),
      mails: world.mailer.sent.slice(mailsBefore),
    };
  }

  it('answers unknown, active, rate-limited and pending IDs alike, in the same time', async () => {
    // Act
    const answers = {
      unknown: await answerFor('660606066666'),
      active: await answerFor('jn:850505105555'),
      rateLimited: await answerFor('jn:770707077777', async ({ resend }) => {
        await resend('jn:770707077777');
      }),
      pending: await answerFor(USER_ID),
    };

    // Assert
    for (const answer of Object.values(answers)) {
      expect(answer.result).toEqual({ sentTo: null, expiresInSeconds: 1800 });
      expect(answer.elapsedMs).toBe(1500);
      expect(answer.sleeps).toEqual([1500]);
    }
    expect(answers.unknown.mails).toEqual([]);
    expect(answers.rateLimited.mails).toEqual([]);
    expect(answers.pending.mails).toMatchObject([{ kind: 'activation', to: OFFICER.email }]);
  });

  it('answers a deactivated account alike and sends it nothing, as an unknown ID', async () => {
    // Arrange
    const world = setUp({
      settings: protectedSettings,
      users: [
        pendingUser({
          status: 'DISABLED',
          statusBeforeDisable: 'PENDING',
          disabledAt: '2024-02-01T00:00:00.000Z',
          disabledReason: 'Bertukar agensi',
        }),
      ],
    });

    // Act
    const result = await world.resend();

    // Assert
    expect(result).toEqual({ sentTo: null, expiresInSeconds: 1800 });
    expect(world.clock.sleeps).toEqual([1500]);
    expect(world.mailer.sent).toEqual([]);
    expect(world.reported).toEqual([]);
  });

  it('tells an active account by e-mail that it is already active, pointing to recovery', async () => {
    // Act
    const { mails } = await answerFor('jn:850505105555');

    // Assert
    expect(mails).toEqual([
      {
        kind: 'already-active',
        to: 'ali@example.gov.my',
        name: 'ALI BIN ABU',
        recoveryLink: `${SITE}/account/recovery`,
      },
    ]);
  });

  it('applies the cooldown to the already-active notice too', async () => {
    // Act
    const { mails, result } = await answerFor('jn:850505105555', async ({ resend }) => {
      await resend('jn:850505105555');
    });

    // Assert
    expect(result.sentTo).toBeNull();
    expect(mails).toEqual([]);
  });

  it('pads only up to the minimum time when the work itself took a while', async () => {
    // Arrange
    let w: ReturnType<typeof setUp> | undefined;
    const slowMailer: Mailer = {
      send: async () => {
        w?.clock.advance(400);
      },
    };
    w = setUp({ settings: protectedSettings, mailer: slowMailer });

    // Act
    await w.resend();

    // Assert
    expect(w.clock.sleeps).toEqual([1100]);
  });

  it('answers alike when the e-mail service fails, after the same minimum time, and leaves no token', async () => {
    // Arrange
    const { mailer, clock, resend, activations, users, reported } = setUp({ settings: protectedSettings });
    mailer.failNextSend(new ServiceUnavailableError('E-mail'));

    // Act
    const result = await resend();

    // Assert
    expect(result).toEqual({ sentTo: null, expiresInSeconds: 1800 });
    expect(clock.sleeps).toEqual([1500]);
    expect(activations.tokens.size).toBe(0);
    expect(users.stored(IC).activationSends).toEqual([]);
    expect(reported).toHaveLength(1);
  });

  it('gives the pacing back when the already-active notice cannot be sent', async () => {
    // Arrange
    const { mailer, resend, users } = setUp({ settings: protectedSettings, users: [active] });
    mailer.failNextSend(new ServiceUnavailableError('E-mail'));

    // Act
    await resend('jn:850505105555');
    const retry = await resend('jn:850505105555');

    // Assert
    expect(retry.sentTo).toBeNull();
    expect(mailer.sent).toMatchObject([{ kind: 'already-active' }]);
    expect(users.stored('850505105555').activationSends).toHaveLength(1);
  });

  it('still answers 503 when the lookup itself fails, since every ID makes it', async () => {
    // Arrange
    const w = setUp({ settings: protectedSettings });
    w.users.get = async () => {
      throw new ServiceUnavailableError('The user store');
    };

    // Act
    const attempt = w.resend('660606066666');

    // Assert
    await rejectionOf(attempt, ServiceUnavailableError);
  });

  it('still refuses an ID of the wrong form', async () => {
    // Arrange
    const { resend } = setUp({ settings: protectedSettings });

    // Act
    const attempt = resend('not-an-id');

    // Assert
    await rejectionOf(attempt, ValidationError);
  });
});

describe('resendWait', () => {
  const now = 10 * 3_600_000;

  it('is 0 with no earlier sends', () => {
    // Act
    const wait = resendWait([], now, 60, 5);

    // Assert
    expect(wait).toBe(0);
  });

  it('counts the cooldown from the latest send, whatever the order of the list', () => {
    // Act
    const wait = resendWait([now - 10 * SECOND, now - 30 * MINUTE], now, 60, 5);

    // Assert
    expect(wait).toBe(50);
  });

  it('ignores sends older than an hour for the cap', () => {
    // Arrange
    const oldSends = [1, 2, 3, 4, 5].map((i) => now - 3_600_000 - i * SECOND);

    // Act
    const wait = resendWait(oldSends, now, 60, 5);

    // Assert
    expect(wait).toBe(0);
  });
});
