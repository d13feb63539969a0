import { isCommonPassword } from './common-passwords.ts';

export interface PasswordPolicy {
  minLength: number;
  /** Characters; longer inputs are refused, never silently truncated. */
  maxLength: number;
  requireLower: boolean;
  requireUpper: boolean;
  requireDigit: boolean;
  requireSpecial: boolean;
}

export const PASSWORD_MAX_LENGTH = 128;

/** The source procedure's rules: 12+ characters with lower, upper, digit and special. */
export const sourcePolicy: PasswordPolicy = {
  minLength: 12,
  maxLength: PASSWORD_MAX_LENGTH,
  requireLower: true,
  requireUpper: true,
  requireDigit: true,
  requireSpecial: true,
};

export function makePasswordPolicy(minLength: number, composition: boolean): PasswordPolicy {
  return {
    minLength,
    maxLength: PASSWORD_MAX_LENGTH,
    requireLower: composition,
    requireUpper: composition,
    requireDigit: composition,
    requireSpecial: composition,
  };
}

export type PasswordRuleCode =
  | 'PASSWORD_TOO_SHORT'
  | 'PASSWORD_TOO_LONG'
  | 'PASSWORD_NO_LOWER'
  | 'PASSWORD_NO_UPPER'
  | 'PASSWORD_NO_DIGIT'
  | 'PASSWORD_NO_SPECIAL'
  | 'PASSWORD_COMMON'
  | 'PASSWORD_CONTAINS_PERSONAL_DATA';

/** Character classes, shared with the page through the API so both judge alike. */
export const CHARACTER_CLASSES = {
  lower: /\p{Ll}/u,
  upper: /\p{Lu}/u,
  digit: /\p{Nd}/u,
  special: /[^\p{L}\p{N}]/u,
} as const;

export interface PersonalData {
  icNumber: string;
  name: string;
}

const NAME_CONNECTORS = new Set(['bin', 'binti', 'bt', 'bte', 'a/l', 'a/p', 'al', 'ap', 'anak']);
const SYSTEM_NAMES = ['ispeks'];

function personalFragments({ icNumber, name }: PersonalData): string[] {
  const nameParts = name
    .toLowerCase()
    .split(/[\s@.'-]+/u)
    .filter((part) => part.length >= 3 && !NAME_CONNECTORS.has(part));
  return [icNumber, ...nameParts, ...SYSTEM_NAMES];
}

/** Every rule the password breaks, in a stable order; empty when it is acceptable. */
export function checkPassword(
  password: string,
  policy: PasswordPolicy,
  personal: PersonalData,
): PasswordRuleCode[] {
  const unmet: PasswordRuleCode[] = [];
  const length = [...password].length;
  if (length < policy.minLength) unmet.push('PASSWORD_TOO_SHORT');
  if (length > policy.maxLength) unmet.push('PASSWORD_TOO_LONG');
  if (policy.requireLower && !CHARACTER_CLASSES.lower.test(password)) unmet.push('PASSWORD_NO_LOWER');
  if (policy.requireUpper && !CHARACTER_CLASSES.upper.test(password)) unmet.push('PASSWORD_NO_UPPER');
  if (policy.requireDigit && !CHARACTER_CLASSES.digit.test(password)) unmet.push('PASSWORD_NO_DIGIT');
  if (policy.requireSpecial && !CHARACTER_CLASSES.special.test(password)) unmet.push('PASSWORD_NO_SPECIAL');
  if (isCommonPassword(password)) unmet.push('PASSWORD_COMMON');
  const lower = password.toLowerCase().replace(/[\s-]/g, '');
  if (personalFragments(personal).some((fragment) => lower.includes(fragment))) {
    unmet.push('PASSWORD_CONTAINS_PERSONAL_DATA');
  }
  return unmet;
}

/** What `verify` returns so the page can list unmet rules live, in its own language. */
export function describePolicy(policy: PasswordPolicy) {
  return {
    ...policy,
    rejectsCommonPasswords: true,
    rejectsPersonalData: true,
    characterClasses: Object.fromEntries(
      Object.entries(CHARACTER_CLASSES).map(([name, regex]) => [name, regex.source]),
    ),
  };
}
