import { maskEmail } from '../email-mask.ts';
import {
  AlreadyActiveError,
  ConcurrentUpdateError,
  DomainError,
  ResendCooldownError,
  ServiceUnavailableError,
  UserNotFoundError,
} from '../errors.ts';
import type { ActivationStore, Clock, Mailer, RandomSource, UserRepository } from '../ports.ts';
import { issueToken } from '../token.ts';
import type { TokenRecord, User } from '../user.ts';
import { formatUserId, parseUserId } from '../user-id.ts';

export interface ResendSettings {
  siteUrl: string;
  tokenTtlSeconds: number;
  cooldownSeconds: number;
  maxPerHour: number;
  enumerationProtection: boolean;
  /** Floor on the answer time in enumeration-protection mode. */
  minResponseMs: number;
}

export interface ResendDeps {
  users: UserRepository;
  activations: ActivationStore;
  mailer: Mailer;
  clock: Clock;
  random: RandomSource;
  settings: ResendSettings;
}

export interface ResendResult {
  sentTo: string | null;
  expiresInSeconds: number;
}

const HOUR_MS = 3_600_000;

/** Seconds until another e-mail may go out, or 0 when one may go now. */
export function resendWait(
  sends: number[],
  now: number,
  cooldownSeconds: number,
  maxPerHour: number,
): number {
  const recent = sends.filter((t) => t > now - HOUR_MS).sort((a, b) => a - b);
  const last = recent[recent.length - 1];
  const cooldownWait = last === undefined ? 0 : last + cooldownSeconds * 1000 - now;
  const oldest = recent[recent.length - maxPerHour];
  const capWait = recent.length >= maxPerHour && oldest !== undefined ? oldest + HOUR_MS - now : 0;
  const waitMs = Math.max(cooldownWait, capWait);
  return waitMs > 0 ? Math.ceil(waitMs / 1000) : 0;
}

/** The stored side of an activation token: its hash and what the activation page shows. */
function tokenRecord(user: User, tokenHash: string, issuedAt: string, expiresAt: string): TokenRecord {
  return {
    tokenHash,
    purpose: 'ACTIVATION',
    icNumber: user.icNumber,
    userId: formatUserId(user.icNumber, user.agencyCode),
    name: user.name,
    email: user.email,
    registeredAt: user.registeredAt,
    issuedAt,
    expiresAt,
  };
}

export function makeResendActivation(deps: ResendDeps) {
  const { users, activations, mailer, clock, random, settings } = deps;

  function checkRate(user: User, now: number): number[] {
    const recent = user.activationSends.filter((t) => t > now - HOUR_MS);
    const wait = resendWait(recent, now, settings.cooldownSeconds, settings.maxPerHour);
    if (wait > 0) throw new ResendCooldownError(wait);
    return [...recent, now];
  }

  /** The user's current link, rebuilt from the user record, to put back if the new one fails. */
  function currentToken(user: User): TokenRecord | undefined {
    const { activationTokenHash, activationTokenIssuedAt, activationTokenExpiresAt } = user;
    if (!activationTokenHash || !activationTokenIssuedAt || !activationTokenExpiresAt) return undefined;
    return tokenRecord(user, activationTokenHash, activationTokenIssuedAt, activationTokenExpiresAt);
  }

  async function sendActivation(user: User): Promise<ResendResult> {
    const now = clock.now();
    const sends = checkRate(user, now.getTime());
    const issued = issueToken(random, now, settings.tokenTtlSeconds);
    const record = tokenRecord(
      user,
      issued.tokenHash,
      issued.issuedAt.toISOString(),
      issued.expiresAt.toISOString(),
    );
    try {
      await activations.replaceToken(user, record, sends);
    } catch (error) {
      // Another request for the same user won the race and has just sent an e-mail.
      if (error instanceof ConcurrentUpdateError) throw new ResendCooldownError(settings.cooldownSeconds);
      throw error;
    }
    try {
      await mailer.send({
        kind: 'activation',
        to: user.email,
        name: user.name,
        registeredAt: user.registeredAt,
        link: `${settings.siteUrl}/account/activation#token=${issued.token}`,
        validMinutes: Math.round(settings.tokenTtlSeconds / 60),
      });
    } catch (error) {
      // No e-mail, so no new token and no cooldown: the earlier link still works, and the user may
      // try again at once.
      await activations.withdrawToken(user, record, currentToken(user));
      throw error instanceof DomainError ? error : new ServiceUnavailableError('E-mail', { cause: error });
    }
    return { sentTo: maskEmail(user.email), expiresInSeconds: settings.tokenTtlSeconds };
  }

  async function notifyAlreadyActive(user: User): Promise<void> {
    const now = clock.now().getTime();
    const sends = checkRate(user, now);
    await users.recordSend(user, sends);
    await mailer.send({
      kind: 'already-active',
      to: user.email,
      name: user.name,
      recoveryLink: `${settings.siteUrl}/account/recovery`,
    });
  }

  async function resend(userId: string): Promise<ResendResult> {
    const { icNumber } = parseUserId(userId);
    const user = await users.get(icNumber);
    if (!user) throw new UserNotFoundError();
    if (user.status !== 'PENDING') {
      if (settings.enumerationProtection) await notifyAlreadyActive(user);
      throw new AlreadyActiveError();
    }
    return sendActivation(user);
  }

  /**
   * With enumeration protection on, unknown, active, rate-limited and pending IDs all get the
   * same answer after the same minimum time; only a dependency failure still shows as such.
   */
  return async function resendActivation(input: { userId: string }): Promise<ResendResult> {
    if (!settings.enumerationProtection) return resend(input.userId);
    const started = clock.now().getTime();
    const uniform: ResendResult = { sentTo: null, expiresInSeconds: settings.tokenTtlSeconds };
    try {
      await resend(input.userId);
      return uniform;
    } catch (error) {
      if (
        error instanceof UserNotFoundError ||
        error instanceof AlreadyActiveError ||
        error instanceof ResendCooldownError ||
        error instanceof ConcurrentUpdateError
      ) {
        return uniform;
      }
      throw error;
    } finally {
      const elapsed = clock.now().getTime() - started;
      if (elapsed < settings.minResponseMs) await clock.sleep(settings.minResponseMs - elapsed);
    }
  };
}
