import type { AuditEntry } from '../administration.ts';
import { type DomainError, TokenInvalidError } from '../errors.ts';
import { holderRefusal, type TokenRecord, tokenRefusal } from '../links.ts';
import { describePolicy, type PasswordPolicy } from '../password-policy.ts';
import type { ActivationStore, AuditLog, Clock, UserRepository } from '../ports.ts';
import { ANSWER_MIN_LENGTH, REQUIRED_ANSWERS, SECURITY_QUESTIONS } from '../security-questions.ts';
import { hashToken } from '../token.ts';
import type { User } from '../user.ts';
import { ANONYMOUS, auditTarget, auditTrail } from './audit-trail.ts';
import type { Report } from './notices.ts';

export interface ActivationLinkDeps {
  activations: Pick<ActivationStore, 'find'>;
  users: Pick<UserRepository, 'get'>;
  clock: Clock;
  audit: AuditLog;
  report?: Report;
}

/** An activation link that may be used now, and the pending officer who holds it. */
export interface UsableActivation {
  link: TokenRecord;
  user: User;
}

/**
 * Activation links as the activation page meets them: usable (the token unused and unexpired, its
 * holder still pending with it as their current link), or refused for the reason the store's
 * transaction would give. A deactivated holder's link is `TOKEN_INVALID`, like any link its holder
 * no longer holds (deactivation deletes them; this covers one that still resolves). Every refusal
 * goes on the audit trail, naming the officer when the token resolved to one.
 */
export function activationLinks({ activations, users, clock, audit, report }: ActivationLinkDeps) {
  const record = auditTrail(audit, clock, report);

  /** Records a refusal of `link` and returns it, to be thrown. */
  async function refused<E extends DomainError>(
    error: E,
    link: TokenRecord | undefined,
    user: User | undefined,
  ): Promise<E> {
    const target: AuditEntry['target'] = user
      ? auditTarget(user)
      : link && { icNumber: link.icNumber, userId: link.userId };
    await record({
      event: 'ACTIVATION_VERIFY_FAILED',
      actor: ANONYMOUS,
      ...(target ? { target } : {}),
      outcome: 'FAILURE',
      detail: error.code,
    });
    return error;
  }

  async function usable(token: string): Promise<UsableActivation> {
    const link = await activations.find(hashToken(token));
    const user = link && (await users.get(link.icNumber));
    const refusal = tokenRefusal(link, 'ACTIVATION', clock.now()) ?? (link && holderRefusal(link, user));
    if (refusal || !link || !user) throw await refused(refusal ?? new TokenInvalidError(), link, user);
    return { link, user };
  }

  return { usable, refused };
}

export interface VerifyDeps extends ActivationLinkDeps {
  passwordPolicy: PasswordPolicy;
}

/** What the activation page shows for a link. Reads the link and its holder; consumes nothing. */
export function makeVerifyActivation(deps: VerifyDeps) {
  const policy = describePolicy(deps.passwordPolicy);
  const links = activationLinks(deps);
  return async function verifyActivation(input: { token: string }) {
    const { link } = await links.usable(input.token);
    return {
      user: {
        userId: link.userId,
        icNumber: link.icNumber,
        name: link.name,
        email: link.email,
        registeredAt: link.registeredAt,
      },
      expiresAt: link.expiresAt,
      questions: [...SECURITY_QUESTIONS],
      answerCount: REQUIRED_ANSWERS,
      answerMinLength: ANSWER_MIN_LENGTH,
      passwordPolicy: policy,
    };
  };
}
