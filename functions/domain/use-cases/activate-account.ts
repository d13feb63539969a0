import { AlreadyActiveError, TokenExpiredError, TokenInvalidError, ValidationError } from '../errors.ts';
import { type ListLookup, normalisePassword, type PasswordPolicy } from '../password-policy.ts';
import type { ActivationStore, SecretHasher } from '../ports.ts';
import {
  type AnswerInput,
  checkSecurityAnswers,
  forbiddenAnswerValues,
  normaliseAnswer,
} from '../security-answers.ts';
import { auditTrail, ownAction } from './audit-trail.ts';
import { newPasswordProblems } from './new-password.ts';
import { type ActivationLinkDeps, activationLinks } from './verify-activation.ts';

export interface ActivateDeps extends ActivationLinkDeps {
  activations: ActivationStore;
  hasher: SecretHasher;
  /** Answers may use a cheaper hash than the password (three of them per activation). */
  answerHasher?: SecretHasher;
  passwordPolicy: PasswordPolicy;
  /** The common-password and word lists (read by an adapter on the first check). */
  isListed: ListLookup;
}

export interface ActivateInput {
  token: string;
  securityAnswers: AnswerInput[];
  password: string;
  passwordConfirmation: string;
}

/**
 * Sets the three answers and the password and activates the account, exactly once per token.
 * Input problems are reported all at once and leave the token usable.
 */
export function makeActivateAccount(deps: ActivateDeps) {
  const { activations, clock, hasher, answerHasher = hasher, passwordPolicy, isListed } = deps;
  const links = activationLinks(deps);
  const record = auditTrail(deps.audit, clock, deps.report);

  return async function activateAccount(input: ActivateInput) {
    const { link, user } = await links.usable(input.token);

    const problems = [
      ...newPasswordProblems(input, passwordPolicy, link, isListed),
      ...checkSecurityAnswers(
        input.securityAnswers,
        forbiddenAnswerValues({ ...link, password: input.password }),
      ),
    ];
    if (problems.length > 0) throw new ValidationError(problems);

    const [passwordHash, ...answerHashes] = await Promise.all([
      hasher.hash(normalisePassword(input.password)),
      ...input.securityAnswers.map((a) => answerHasher.hash(normaliseAnswer(a.answer))),
    ]);
    const now = clock.now();
    try {
      await activations.activate({
        token: link,
        now,
        passwordHash: passwordHash as string,
        securityAnswers: input.securityAnswers.map((a, i) => ({
          questionId: a.questionId,
          answerHash: answerHashes[i] as string,
        })),
      });
    } catch (error) {
      // The link was spent, replaced or expired while this request hashed: a refusal like any other.
      const refusal =
        error instanceof TokenInvalidError ||
        error instanceof TokenExpiredError ||
        error instanceof AlreadyActiveError;
      throw refusal ? await links.refused(error, link, user) : error;
    }
    await record({ event: 'ACCOUNT_ACTIVATED', ...ownAction(user), outcome: 'SUCCESS' });
    return { status: 'ACTIVE' as const, activatedAt: now.toISOString() };
  };
}
