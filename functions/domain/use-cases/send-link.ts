import {
  AlreadyActiveError,
  ConcurrentUpdateError,
  DomainError,
  ResendCooldownError,
  ServiceUnavailableError,
} from '../errors.ts';
import { currentLink, LINK_FIELDS, type LinkPurpose, linkRecord, linkSends } from '../links.ts';
import type { AuditLog, Clock, LinkStore, Mail, Mailer, RandomSource, UserRepository } from '../ports.ts';
import { issueToken } from '../token.ts';
import type { User } from '../user.ts';
import { ANONYMOUS, auditTarget, auditTrail } from './audit-trail.ts';
import type { Report } from './notices.ts';

export interface LinkPacing {
  cooldownSeconds: number;
  maxPerHour: number;
}

export interface LinkSettings {
  siteUrl: string;
  ttlSeconds: number;
  pacing: LinkPacing;
}

export interface SendLinkDeps {
  users: UserRepository;
  links: LinkStore;
  mailer: Mailer;
  clock: Clock;
  random: RandomSource;
  audit: AuditLog;
  settings: Readonly<Record<LinkPurpose, LinkSettings>>;
  report?: Report;
}

const HOUR_MS = 3_600_000;
/** Concurrent sends for one user retry this often before answering "try again shortly". */
const SEND_ATTEMPTS = 3;

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

/** The sends of the last hour plus this one; `ResendCooldownError` when the pacing says wait. */
export function claimSend(sends: number[], now: number, pacing: LinkPacing): number[] {
  const recent = sends.filter((t) => t > now - HOUR_MS);
  const wait = resendWait(recent, now, pacing.cooldownSeconds, pacing.maxPerHour);
  if (wait > 0) throw new ResendCooldownError(wait);
  return [...recent, now];
}

function linkMail(purpose: LinkPurpose, user: User, link: string, validMinutes: number): Mail {
  return purpose === 'ACTIVATION'
    ? {
        kind: 'activation',
        to: user.email,
        name: user.name,
        registeredAt: user.registeredAt,
        link,
        validMinutes,
      }
    : { kind: 'recovery', to: user.email, name: user.name, link, validMinutes };
}

/**
 * Sends a new link of `purpose` to `user`: the pacing is claimed and the new token made the only
 * one of its purpose in one conditional write *before* the e-mail goes out; if the e-mail cannot
 * be sent, the previous link and the pacing are put back (no cooldown spent, the earlier link
 * still works). A concurrent send for the same user is re-read and answered for what it did:
 * the account became active (409), or an e-mail just went out (429 with the real wait).
 */
export function makeSendLink({ users, links, mailer, clock, random, audit, settings, report }: SendLinkDeps) {
  const trail = auditTrail(audit, clock, report);
  /** `actor`: who asked for the e-mail (an officer typing their ID is not known: anonymous). */
  return async function sendLink(
    holder: User,
    purpose: LinkPurpose,
    actor = ANONYMOUS,
  ): Promise<{ expiresInSeconds: number }> {
    const { siteUrl, ttlSeconds, pacing } = settings[purpose];
    let user = holder;
    for (let attempt = 1; attempt <= SEND_ATTEMPTS; attempt++) {
      const now = clock.now();
      const sends = claimSend(linkSends(user, purpose), now.getTime(), pacing);
      const issued = issueToken(random, now, ttlSeconds);
      const record = linkRecord(user, purpose, {
        tokenHash: issued.tokenHash,
        issuedAt: issued.issuedAt.toISOString(),
        expiresAt: issued.expiresAt.toISOString(),
      });
      try {
        await links.replaceToken(user, record, sends);
      } catch (error) {
        if (!(error instanceof ConcurrentUpdateError)) throw error;
        const fresh = await users.get(user.icNumber);
        if (fresh?.status !== LINK_FIELDS[purpose].holderStatus) {
          throw fresh?.status === 'ACTIVE' ? new AlreadyActiveError() : new ConcurrentUpdateError();
        }
        user = fresh;
        continue;
      }
      try {
        const link = `${siteUrl}${LINK_FIELDS[purpose].path}#token=${issued.token}`;
        await mailer.send(linkMail(purpose, user, link, Math.round(ttlSeconds / 60)));
      } catch (error) {
        await links.withdrawToken(user, record, currentLink(user, purpose));
        throw error instanceof DomainError ? error : new ServiceUnavailableError('E-mail', { cause: error });
      }
      await trail({
        event: purpose === 'ACTIVATION' ? 'ACTIVATION_EMAIL_SENT' : 'RECOVERY_EMAIL_SENT',
        actor,
        target: auditTarget(user),
        outcome: 'SUCCESS',
      });
      return { expiresInSeconds: ttlSeconds };
    }
    // Sends for this user kept colliding: one of them went out just now.
    throw new ResendCooldownError(Math.max(1, pacing.cooldownSeconds));
  };
}
