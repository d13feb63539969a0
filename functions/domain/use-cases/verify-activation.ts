import { describePolicy, type PasswordPolicy } from '../password-policy.ts';
import type { ActivationStore, Clock } from '../ports.ts';
import { ANSWER_MIN_LENGTH, REQUIRED_ANSWERS, SECURITY_QUESTIONS } from '../security-questions.ts';
import { findUsableToken } from './activation-token.ts';

export interface VerifyDeps {
  activations: ActivationStore;
  clock: Clock;
  passwordPolicy: PasswordPolicy;
}

/** What the activation page shows for a link. Reads one item; consumes nothing. */
export function makeVerifyActivation({ activations, clock, passwordPolicy }: VerifyDeps) {
  const policy = describePolicy(passwordPolicy);
  return async function verifyActivation(input: { token: string }) {
    const record = await findUsableToken(activations, input.token, clock.now());
    return {
      user: {
        userId: record.userId,
        icNumber: record.icNumber,
        name: record.name,
        email: record.email,
        registeredAt: record.registeredAt,
      },
      expiresAt: record.expiresAt,
      questions: [...SECURITY_QUESTIONS],
      answerCount: REQUIRED_ANSWERS,
      answerMinLength: ANSWER_MIN_LENGTH,
      passwordPolicy: policy,
    };
  };
}
