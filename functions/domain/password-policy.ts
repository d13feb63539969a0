/**
 * The whole password policy: the list-free rules of password-rules.ts (which the page may import)
 * plus the word lists, which only the server loads. Everything the rules module exports is
 * exported here too, so callers need one import.
 */
import {
  checkPasswordRules,
  type ListLookup,
  type PasswordPolicy,
  type PasswordRuleCode,
  type PersonalData,
} from './password-rules.ts';

export * from './password-rules.ts';

/**
 * Every rule the password breaks, in a stable order; empty when it is acceptable. The password is
 * normalised first (`normalisePassword`); PASSWORD_COMMON covers an exact common password and a
 * base (`P@ssw0rd1234` → `password`) that is a common password, a dictionary word, a keyboard walk
 * or too short to be a word.
 */
export function checkPassword(
  password: string,
  policy: PasswordPolicy,
  personal: PersonalData,
  isListed: ListLookup,
): PasswordRuleCode[] {
  return checkPasswordRules(password, policy, personal, isListed);
}
