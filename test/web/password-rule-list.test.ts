import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { checkPassword, describePolicy, sourcePolicy } from '../../functions/domain/password-policy.ts';
import {
  latestCheck,
  listedRules,
  type PasswordPolicyView,
  type RuleView,
  ruleStates,
  ruleSummary,
  rulesAllow,
  type ServerVerdict,
  SOURCE_POLICY,
} from '../../web/src/lib/password-rules.ts';
import { OFFICER, PASSWORD } from '../support/fixtures.ts';
import { isListed } from '../support/world.ts';

const policy: PasswordPolicyView = describePolicy(sourcePolicy);
const states = (rules: RuleView[]) => Object.fromEntries(rules.map((r) => [r.code, r.state]));

describe('the live password rule list', () => {
  it("lists every rule, the source's five first, then the common-password and personal-data rules", () => {
    expect(listedRules(policy)).toEqual([
      'PASSWORD_TOO_SHORT',
      'PASSWORD_NO_LOWER',
      'PASSWORD_NO_UPPER',
      'PASSWORD_NO_DIGIT',
      'PASSWORD_NO_SPECIAL',
      'PASSWORD_COMMON',
      'PASSWORD_CONTAINS_PERSONAL_DATA',
    ]);
  });

  it('lists only the rules a length-only policy has', () => {
    expect(
      listedRules({
        ...policy,
        requireLower: false,
        requireUpper: false,
        requireDigit: false,
        requireSpecial: false,
      }),
    ).toEqual(['PASSWORD_TOO_SHORT', 'PASSWORD_COMMON', 'PASSWORD_CONTAINS_PERSONAL_DATA']);
  });

  it('shows the met rules as met, not only the unmet ones', () => {
    const rules = ruleStates(policy, 'kelapamudaku', undefined);
    expect(states(rules)).toEqual({
      PASSWORD_TOO_SHORT: 'met',
      PASSWORD_NO_LOWER: 'met',
      PASSWORD_NO_UPPER: 'unmet',
      PASSWORD_NO_DIGIT: 'unmet',
      PASSWORD_NO_SPECIAL: 'unmet',
      PASSWORD_COMMON: 'checking',
      PASSWORD_CONTAINS_PERSONAL_DATA: 'checking',
    });
  });

  it("shows the server's rules as checking until the answer about this very password arrives", () => {
    const verdict: ServerVerdict = { password: PASSWORD, unmet: ['PASSWORD_COMMON'] };
    expect(states(ruleStates(policy, PASSWORD, verdict))).toMatchObject({
      PASSWORD_COMMON: 'unmet',
      PASSWORD_CONTAINS_PERSONAL_DATA: 'met',
    });
    // The officer typed on: the answer was about another password.
    expect(states(ruleStates(policy, `${PASSWORD}2`, verdict))).toMatchObject({
      PASSWORD_COMMON: 'checking',
      PASSWORD_CONTAINS_PERSONAL_DATA: 'checking',
    });
  });

  it("shows a server rule broken at once when the page's own share of the rules already finds it", () => {
    expect(states(ruleStates(policy, 'Qwerty@123456', undefined))).toMatchObject({
      PASSWORD_COMMON: 'unmet',
      PASSWORD_CONTAINS_PERSONAL_DATA: 'checking',
    });
    expect(states(ruleStates(policy, 'Kelapa!Aisyah2024', undefined, { name: OFFICER.name }))).toMatchObject({
      PASSWORD_CONTAINS_PERSONAL_DATA: 'unmet',
    });
    // Even when the server's answer came back empty: the page never shows met what it sees broken.
    expect(
      states(ruleStates(policy, 'Ispeks!2024Kuat', { password: 'Ispeks!2024Kuat', unmet: [] })),
    ).toMatchObject({ PASSWORD_CONTAINS_PERSONAL_DATA: 'unmet' });
  });

  it('says a server rule cannot be checked when the check failed, and lets the form be sent', () => {
    const rules = ruleStates(policy, PASSWORD, {
      password: PASSWORD,
      unmet: undefined,
    });
    expect(states(rules)).toMatchObject({
      PASSWORD_COMMON: 'unknown',
      PASSWORD_CONTAINS_PERSONAL_DATA: 'unknown',
    });
    expect(rulesAllow(rules)).toBe(true);
  });

  it('shows every rule unmet for an empty password, without asking the server', () => {
    const rules = ruleStates(policy, '', undefined);
    expect(rules.every((r) => r.state === 'unmet')).toBe(true);
    expect(rulesAllow(rules)).toBe(false);
  });

  it('lists the maximum length only while it is broken', () => {
    const long = `Aa1!${'x'.repeat(130)}`;
    expect(ruleStates(policy, long, undefined).map((r) => r.code)).toContain('PASSWORD_TOO_LONG');
    expect(ruleStates(policy, 'Aa1!xxxxxxxx', undefined).map((r) => r.code)).not.toContain(
      'PASSWORD_TOO_LONG',
    );
  });

  it("agrees with the server's own check once the server has answered", () => {
    // (An empty password is the one exception: nothing typed meets nothing, so the page asks nothing.)
    for (const password of ['abc', 'Password123!', 'Aisyah!2024Kuat', PASSWORD, 'Ispeks!2024Kuat']) {
      const server = checkPassword(password, sourcePolicy, OFFICER, isListed);
      const rules = ruleStates(policy, password, { password, unmet: server });
      const unmet = rules.filter((r) => r.state === 'unmet').map((r) => r.code);
      expect(unmet.sort(), password).toEqual([...server].sort());
    }
  });

  it('counts the met rules, and is settled only when no rule is still being checked', () => {
    expect(ruleSummary(ruleStates(policy, PASSWORD, undefined))).toEqual({
      met: 5,
      total: 7,
      settled: false,
    });
    expect(ruleSummary(ruleStates(policy, PASSWORD, { password: PASSWORD, unmet: [] }))).toEqual({
      met: 7,
      total: 7,
      settled: true,
    });
  });

  it('has the source policy for pages that get none from the server', () => {
    expect(SOURCE_POLICY).toMatchObject(sourcePolicy);
  });
});

describe('the debounced server check', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('asks once the officer pauses, about the latest password only', async () => {
    const check = vi.fn(async (password: string) => (password.length < 5 ? ['PASSWORD_COMMON'] : []));
    const verdicts: ServerVerdict[] = [];
    const { ask } = latestCheck(check, (v) => verdicts.push(v), 300);

    ask('a');
    await vi.advanceTimersByTimeAsync(100);
    ask('ab');
    await vi.advanceTimersByTimeAsync(100);
    ask('abcdef');
    await vi.advanceTimersByTimeAsync(299);
    expect(check).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);

    expect(check).toHaveBeenCalledTimes(1);
    expect(check).toHaveBeenCalledWith('abcdef');
    expect(verdicts).toEqual([{ password: 'abcdef', unmet: [] }]);
  });

  it('drops an answer that arrives after the officer has typed on', async () => {
    const answers: ((codes: string[]) => void)[] = [];
    const check = (_password: string) => new Promise<string[]>((resolve) => answers.push(resolve));
    const verdicts: ServerVerdict[] = [];
    const { ask } = latestCheck(check, (v) => verdicts.push(v), 300);

    ask('first-password');
    await vi.advanceTimersByTimeAsync(300);
    ask('second-password');
    await vi.advanceTimersByTimeAsync(300);
    answers[1]?.([]);
    answers[0]?.(['PASSWORD_COMMON']); // late, and about a password no longer typed
    await vi.advanceTimersByTimeAsync(0);

    expect(verdicts).toEqual([{ password: 'second-password', unmet: [] }]);
  });

  it('reports a failed check as no answer, and asks nothing for an empty field', async () => {
    const check = vi.fn(async () => {
      throw new Error('network');
    });
    const verdicts: ServerVerdict[] = [];
    const { ask } = latestCheck(check, (v) => verdicts.push(v), 300);
    ask('');
    await vi.advanceTimersByTimeAsync(300);
    expect(check).not.toHaveBeenCalled();
    ask('something');
    await vi.advanceTimersByTimeAsync(300);
    expect(verdicts).toEqual([{ password: 'something', unmet: undefined }]);
  });
});
