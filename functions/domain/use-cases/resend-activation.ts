import { maskEmail } from '../email-mask.ts';
import { AccountDisabledError, AlreadyActiveError, UserNotFoundError } from '../errors.ts';
import type { Clock, Mailer, UserRepository } from '../ports.ts';
import type { User } from '../user.ts';
import { findUserById } from './find-user.ts';
import type { Report } from './notices.ts';
import { claimSend, type LinkPacing } from './send-link.ts';
import { answerUniformly, type UniformAnswerSettings } from './uniform-answer.ts';

export interface ResendSettings extends UniformAnswerSettings {
  siteUrl: string;
  tokenTtlSeconds: number;
  pacing: LinkPacing;
  enumerationProtection: boolean;
}

export interface ResendDeps {
  users: UserRepository;
  mailer: Mailer;
  clock: Clock;
  sendLink: (user: User, purpose: 'ACTIVATION') => Promise<{ expiresInSeconds: number }>;
  settings: ResendSettings;
  /** Told about a failure that enumeration protection kept from the answer (for the log). */
  report?: Report;
}

export interface ResendResult {
  sentTo: string | null;
  expiresInSeconds: number;
}

/** POST /api/activation/resend: send (or send again) the activation e-mail. */
export function makeResendActivation({ users, mailer, clock, sendLink, settings, report }: ResendDeps) {
  /**
   * Enumeration-protection mode: an active account gets a notice instead of a link. The pacing is
   * claimed first (a conditional write) and given back if the notice cannot be sent.
   */
  async function notifyAlreadyActive(user: User): Promise<void> {
    const sends = claimSend(user.activationSends, clock.now().getTime(), settings.pacing);
    await users.recordSend(user, sends);
    try {
      await mailer.send({
        kind: 'already-active',
        to: user.email,
        name: user.name,
        recoveryLink: `${settings.siteUrl}/account/recovery`,
      });
    } catch (error) {
      await users.undoSend(user);
      throw error;
    }
  }

  async function resendPlainly(userId: string): Promise<ResendResult> {
    const user = await findUserById(users, userId);
    if (!user) throw new UserNotFoundError();
    if (user.status === 'DISABLED') throw new AccountDisabledError();
    if (user.status !== 'PENDING') throw new AlreadyActiveError();
    await sendLink(user, 'ACTIVATION');
    return { sentTo: maskEmail(user.email), expiresInSeconds: settings.tokenTtlSeconds };
  }

  /**
   * Unknown, active, deactivated, paced and pending IDs all get the same answer after the same
   * minimum time, even when the e-mail service fails; only a failure of the lookup itself (which
   * every ID makes) still answers 503. A deactivated account gets no e-mail, as an unknown ID.
   */
  async function resendUniformly(userId: string): Promise<ResendResult> {
    const uniform: ResendResult = { sentTo: null, expiresInSeconds: settings.tokenTtlSeconds };
    return answerUniformly(clock, settings, uniform, report, async (after) => {
      const user = await findUserById(users, userId);
      await after(async () => {
        if (user?.status === 'PENDING') await sendLink(user, 'ACTIVATION');
        else if (user?.status === 'ACTIVE') await notifyAlreadyActive(user);
      });
    });
  }

  return async function resendActivation(input: { userId: string }): Promise<ResendResult> {
    return settings.enumerationProtection ? resendUniformly(input.userId) : resendPlainly(input.userId);
  };
}
