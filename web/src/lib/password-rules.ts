import type { ErrorCode } from './error-messages.ts';

type CharacterClass = 'lower' | 'upper' | 'digit' | 'special';

/** The `passwordPolicy` that verify returns (functions/domain/password-policy.ts describePolicy). */
export interface PasswordPolicyView {
  minLength: number;
  maxLength: number;
  requireLower: boolean;
  requireUpper: boolean;
  requireDigit: boolean;
  requireSpecial: boolean;
  /** Regex sources (Unicode flag), so the page judges characters exactly as the server does. */
  characterClasses?: Partial<Record<CharacterClass, string>>;
}

/** The server's own classes, used only if a policy arrives without them. */
const DEFAULT_CLASSES: Record<CharacterClass, string> = {
  lower: '\\p{Ll}',
  upper: '\\p{Lu}',
  digit: '\\p{Nd}',
  special: '[^\\p{L}\\p{N}]',
};

const CLASS_RULES: [CharacterClass, keyof PasswordPolicyView, ErrorCode][] = [
  ['lower', 'requireLower', 'PASSWORD_NO_LOWER'],
  ['upper', 'requireUpper', 'PASSWORD_NO_UPPER'],
  ['digit', 'requireDigit', 'PASSWORD_NO_DIGIT'],
  ['special', 'requireSpecial', 'PASSWORD_NO_SPECIAL'],
];

/**
 * A checker listing the rules a password breaks, in the source's order (length, lower, upper,
 * digit, special). Common passwords and personal data are judged by the server alone.
 */
export function passwordChecker(policy: PasswordPolicyView): (password: string) => ErrorCode[] {
  const classes = CLASS_RULES.filter(([, flag]) => policy[flag] === true).map(
    ([name, , code]) =>
      [new RegExp(policy.characterClasses?.[name] ?? DEFAULT_CLASSES[name], 'u'), code] as const,
  );
  return (password) => {
    const unmet: ErrorCode[] = [];
    // Code points, not UTF-16 units, as the server counts.
    const length = [...password].length;
    if (length < policy.minLength) unmet.push('PASSWORD_TOO_SHORT');
    if (length > policy.maxLength) unmet.push('PASSWORD_TOO_LONG');
    for (const [regex, code] of classes) if (!regex.test(password)) unmet.push(code);
    return unmet;
  };
}
