import type { SessionResponse } from '../../../functions/api/types.ts';
import {
  checkPasswordRules,
  describePolicy,
  type PersonalData,
  sourcePolicy,
} from '../../../functions/domain/password-rules.ts';
import type { ErrorCode } from './error-messages.ts';

/**
 * The `passwordPolicy` that verify and the session answer (describePolicy in
 * functions/domain/password-rules.ts). The page judges with the server's own list-free rules,
 * imported from that module.
 */
export type PasswordPolicyView = SessionResponse['passwordPolicy'];

/** The source policy, until an answer names the deployment's (the sign-in answer names none). */
export const SOURCE_POLICY: PasswordPolicyView = describePolicy(sourcePolicy);

/**
 * What the page knows of the officer (from verify or the session). Only the ID number and the
 * name: the server holds at least these, so whatever the page finds in them, the server finds too.
 */
export interface KnownPersonalData {
  icNumber?: string;
  name?: string;
}

const NOBODY: PersonalData = { icNumber: '', name: '' };

/**
 * A checker listing the rules a password breaks, in the source's order (length, lower, upper,
 * digit, special), judged by the server's own list-free code. It may also name PASSWORD_COMMON
 * (a keyboard walk, a padded short base) and PASSWORD_CONTAINS_PERSONAL_DATA (the known data, the
 * system's name): the server, with its word lists and all the officer's data, finds those too.
 */
export function passwordChecker(
  policy: PasswordPolicyView,
  personal: KnownPersonalData = {},
): (password: string) => ErrorCode[] {
  const known: PersonalData = { icNumber: personal.icNumber ?? '', name: personal.name ?? '' };
  return (password) => checkPasswordRules(password, policy, known);
}

// --- the live rule list ------------------------------------------------------------------------

/** Rules only the server can judge: it holds the common-password list and the officer's data. */
export const SERVER_RULES = ['PASSWORD_COMMON', 'PASSWORD_CONTAINS_PERSONAL_DATA'] as const;

/**
 * `met` / `unmet`; `checking` while the server's answer for this very password is awaited;
 * `unknown` when the server could not answer (the rule is then judged when the form is sent).
 */
export type RuleState = 'met' | 'unmet' | 'checking' | 'unknown';

export interface RuleView {
  code: ErrorCode;
  state: RuleState;
}

/** The server's answer about one password: its unmet codes, or `undefined` when it failed. */
export interface ServerVerdict {
  password: string;
  unmet: readonly string[] | undefined;
}

/**
 * Every rule the list shows, in order: the policy's own (the minimum length and each required
 * character class, in the source's order), then the server's two. The policy's own rules are the
 * ones an empty password breaks, as the server's code judges it: no second table of them here.
 */
export function listedRules(policy: PasswordPolicyView): ErrorCode[] {
  const ownRules = checkPasswordRules('', policy, NOBODY).filter(
    (code) => !(SERVER_RULES as readonly string[]).includes(code),
  );
  return [
    ...ownRules,
    ...(policy.rejectsCommonPasswords ? (['PASSWORD_COMMON'] as const) : []),
    ...(policy.rejectsPersonalData ? (['PASSWORD_CONTAINS_PERSONAL_DATA'] as const) : []),
  ];
}

/**
 * The state of every listed rule for `password`. The maximum length is listed only while it is
 * broken: a rule nobody meets by accident is noise. A server rule the page already sees broken is
 * `unmet` at once; otherwise it waits for the server's verdict about this very password (one about
 * a password typed earlier counts for nothing).
 */
export function ruleStates(
  policy: PasswordPolicyView,
  password: string,
  verdict: ServerVerdict | undefined,
  personal: KnownPersonalData = {},
): RuleView[] {
  const localUnmet = new Set(passwordChecker(policy, personal)(password));
  const current = verdict?.password === password ? verdict : undefined;
  const serverState = (code: ErrorCode): RuleState => {
    if (password === '' || localUnmet.has(code)) return 'unmet';
    if (!current) return 'checking';
    if (!current.unmet) return 'unknown';
    return current.unmet.includes(code) ? 'unmet' : 'met';
  };
  const rules = listedRules(policy).map(
    (code): RuleView => ({
      code,
      state: (SERVER_RULES as readonly string[]).includes(code)
        ? serverState(code)
        : localUnmet.has(code)
          ? 'unmet'
          : 'met',
    }),
  );
  if (localUnmet.has('PASSWORD_TOO_LONG')) rules.splice(1, 0, { code: 'PASSWORD_TOO_LONG', state: 'unmet' });
  return rules;
}

/** No rule known to be broken (a rule still `checking` or `unknown` is left to the server). */
export function rulesAllow(rules: readonly RuleView[]): boolean {
  return rules.every((rule) => rule.state !== 'unmet');
}

/** How many rules hold, and whether every answer is in (the moment to tell a screen reader). */
export function ruleSummary(rules: readonly RuleView[]): { met: number; total: number; settled: boolean } {
  return {
    met: rules.filter((rule) => rule.state === 'met').length,
    total: rules.length,
    settled: rules.every((rule) => rule.state !== 'checking'),
  };
}

/**
 * Asks `check` about the password once the officer pauses for `delayMs`, and passes on only the
 * answer about the latest password asked: an earlier request that answers late is dropped.
 */
export function latestCheck(
  check: (password: string) => Promise<readonly string[] | undefined>,
  onVerdict: (verdict: ServerVerdict) => void,
  delayMs = 300,
): { ask: (password: string) => void; cancel: () => void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let serial = 0;
  const cancel = () => {
    clearTimeout(timer);
    serial += 1;
  };
  const ask = (password: string) => {
    cancel();
    const mine = serial;
    if (password === '') return;
    timer = setTimeout(async () => {
      const unmet = await check(password).catch(() => undefined);
      if (mine === serial) onVerdict({ password, unmet });
    }, delayMs);
  };
  return { ask, cancel };
}
