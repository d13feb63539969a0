import type { FieldProblem } from '../errors.ts';
import {
  checkPassword,
  type ListLookup,
  type PasswordPolicy,
  type PersonalData,
} from '../password-policy.ts';

/**
 * Every problem with a new password and its repetition, as field problems; the password is
 * compared after NFC normalisation (checkPassword normalises), so NFC and NFD spellings are one.
 */
export function newPasswordProblems(
  input: { password: string; passwordConfirmation: string },
  policy: PasswordPolicy,
  personal: PersonalData,
  isListed: ListLookup,
): FieldProblem[] {
  return [
    ...checkPassword(input.password, policy, personal, isListed).map((code) => ({ path: 'password', code })),
    ...(input.password.normalize('NFC') === input.passwordConfirmation.normalize('NFC')
      ? []
      : [{ path: 'passwordConfirmation', code: 'PASSWORD_MISMATCH' }]),
  ];
}
