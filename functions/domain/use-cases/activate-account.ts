import { ValidationError } from '../errors.ts';
import { type ListLookup, normalisePassword, type PasswordPolicy } from '../password-policy.ts';
import type { ActivationStore, Clock, SecretHasher } from '../ports.ts';
import {
  type AnswerInput,
  checkSecurityAnswers,
  forbiddenAnswerValues,
  normaliseAnswer,
} from '../security-answers.ts';
import { findUsableToken } from './activation-token.ts';
import { newPasswordProblems } from './new-password.ts';

export interface ActivateDeps {
  activations: ActivationStore;
  clock: Clock;
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
export function makeActivateAccount({
  activations,
  clock,
  hasher,
  answerHasher = hasher,
  passwordPolicy,
  isListed,
}: ActivateDeps) {
  return async function activateAccount(input: ActivateInput) {
    const record = await findUsableToken(activations, input.token, clock.now());

    const problems = [
      ...newPasswordProblems(input, passwordPolicy, record, isListed),
      ...checkSecurityAnswers(
        input.securityAnswers,
        forbiddenAnswerValues({ ...record, password: input.password }),
      ),
    ];
    if (problems.length > 0) throw new ValidationError(problems);

    const [passwordHash, ...answerHashes] = await Promise.all([
      hasher.hash(normalisePassword(input.password)),
      ...input.securityAnswers.map((a) => answerHasher.hash(normaliseAnswer(a.answer))),
    ]);
    const now = clock.now();
    await activations.activate({
      token: record,
      now,
      passwordHash: passwordHash as string,
      securityAnswers: input.securityAnswers.map((a, i) => ({
        questionId: a.questionId,
        answerHash: answerHashes[i] as string,
      })),
    });
    return { status: 'ACTIVE' as const, activatedAt: now.toISOString() };
  };
}
