import type { CheckPasswordResponse } from '../../../functions/api/types.ts';
import type { StringKey } from '../i18n/ms.ts';
import { type FieldProblem, postJson } from './api.ts';
import { byId, element, message, setFieldError } from './dom.ts';
import { type ErrorCode, type ErrorContext, errorMessage } from './error-messages.ts';
import { type Message, translate } from './i18n.ts';
import {
  type KnownPersonalData,
  latestCheck,
  type PasswordPolicyView,
  type RuleState,
  type RuleView,
  ruleStates,
  ruleSummary,
  rulesAllow,
  type ServerVerdict,
  SOURCE_POLICY,
} from './password-rules.ts';

/** The server's two rules read as conditions in the list (their error texts read as refusals). */
const RULE_TEXTS: Partial<Record<ErrorCode, StringKey>> = {
  PASSWORD_COMMON: 'rules.common',
  PASSWORD_CONTAINS_PERSONAL_DATA: 'rules.personal',
};
const STATE_TEXTS: Record<RuleState, StringKey> = {
  met: 'rules.met',
  unmet: 'rules.unmet',
  checking: 'rules.checking',
  unknown: 'rules.unknown',
};
/** Shapes, not only colours, tell the states apart. */
const ICONS: Record<RuleState, string> = { met: '✓', unmet: '✗', checking: '…', unknown: '?' };
/** A screen reader hears the summary once the officer pauses, not on every keystroke. */
const ANNOUNCE_AFTER_MS = 900;

export interface NewPasswordOptions {
  /**
   * The new password's input id. The page holds `<id>-confirmation`, `<id>-error`,
   * `<id>-confirmation-error`, `<id>-rules` (with `<id>-rule-list` and `<id>-rules-summary`),
   * `<id>-rules-live` and the `show-<id>` checkbox.
   */
  id: string;
  /** More password inputs that the show toggle reveals (the current password). */
  alsoShow?: HTMLInputElement[];
  /** The link's token, so the server can judge personal data; without it, the session's. */
  token?: () => string | undefined;
  /** Called whenever `ready()` may have changed. */
  onChange: () => void;
}

export interface NewPasswordFields {
  password: HTMLInputElement;
  confirmation: HTMLInputElement;
  /** The rules to judge by, and what the page knows of the officer (judged at once, no waiting). */
  setPolicy(policy: PasswordPolicyView, personal?: KnownPersonalData): void;
  /** Empties the fields and forgets errors and the server's answers. */
  reset(): void;
  /** Something typed, no rule known broken, and the repetition equal. */
  ready(): boolean;
  /**
   * Shows the server's problems with `password` / `passwordConfirmation` at their fields, and
   * names the field to focus (the first with a problem); none when no problem concerned them.
   */
  showProblems(problems: FieldProblem[]): HTMLInputElement | undefined;
}

/** The rules the server finds broken; none when it could not answer (the rules are then `unknown`). */
async function askServer(password: string, token: string | undefined): Promise<string[] | undefined> {
  // In the body, never the URL: the password must not reach a log.
  const answer = await postJson<CheckPasswordResponse>(
    '/api/password-policy/check',
    token ? { password, token } : { password },
  );
  return answer.ok ? answer.data.unmet : undefined;
}

function ruleItem({ code, state }: RuleView, context: ErrorContext): HTMLLIElement {
  const item = element('li', { className: `rule rule-${state}` });
  item.dataset.code = code;
  item.dataset.state = state;
  const icon = element('span', { className: 'rule-icon' });
  icon.textContent = ICONS[state];
  icon.setAttribute('aria-hidden', 'true');
  const key = RULE_TEXTS[code];
  const text = element('span', {
    className: 'rule-text',
    text: key ? message(key) : errorMessage(code, context),
  });
  const stateText = element('span', {
    className: state === 'met' || state === 'unmet' ? 'visually-hidden' : 'rule-note',
    text: message(STATE_TEXTS[state]),
  });
  // "Dipenuhi: …" for a screen reader; "… (sedang disemak…)" visible while the server answers.
  const body = element('span', { className: 'rule-body' });
  if (state === 'met' || state === 'unmet') body.append(stateText, ' ', text);
  else body.append(text, ' ', stateText);
  item.append(icon, body);
  return item;
}

function summaryMessage(rules: readonly RuleView[]): Message {
  const { met, total } = ruleSummary(rules);
  return met === total ? message('rules.allMet') : message('rules.count', { met, total });
}

/**
 * The new-password fields every page shares (activation, recovery, change password): the live
 * list of every rule with its state, the repetition check and the show toggle.
 */
export function newPasswordFields({
  id,
  alsoShow = [],
  token,
  onChange,
}: NewPasswordOptions): NewPasswordFields {
  const password = byId<HTMLInputElement>(id);
  const confirmation = byId<HTMLInputElement>(`${id}-confirmation`);
  const box = byId(`${id}-rules`);
  const list = byId(`${id}-rule-list`);
  const summary = byId(`${id}-rules-summary`);
  const live = byId(`${id}-rules-live`);
  const show = byId<HTMLInputElement>(`show-${id}`);

  let policy = SOURCE_POLICY;
  let personal: KnownPersonalData = {};
  let context: ErrorContext = {};
  let verdict: ServerVerdict | undefined;
  let rules: RuleView[] = [];
  let confirmationTouched = false;
  let announceTimer: ReturnType<typeof setTimeout> | undefined;
  let announced = '';

  const server = latestCheck(
    (typed) => askServer(typed, token?.()),
    (answer) => {
      verdict = answer;
      render();
      onChange();
    },
  );

  function announceLater(): void {
    clearTimeout(announceTimer);
    announceTimer = setTimeout(() => {
      if (!ruleSummary(rules).settled || password.value === '') return;
      const text = summaryMessage(rules);
      const key = JSON.stringify(text);
      if (key === announced) return;
      announced = key;
      translate(live, text.key, text.vars);
    }, ANNOUNCE_AFTER_MS);
  }

  function render(): void {
    rules = ruleStates(policy, password.value, verdict, personal);
    list.replaceChildren(...rules.map((rule) => ruleItem(rule, context)));
    const text = summaryMessage(rules);
    translate(summary, text.key, text.vars);
    box.classList.toggle(
      'rules-ok',
      rules.every((rule) => rule.state === 'met'),
    );
    announceLater();
  }

  function renderMismatch(): void {
    if (!confirmationTouched || confirmation.hasAttribute('data-server-error')) return;
    const mismatch = confirmation.value !== '' && confirmation.value !== password.value;
    setFieldError(confirmation, mismatch ? [errorMessage('PASSWORD_MISMATCH')] : []);
  }

  function clearServerError(input: HTMLInputElement): void {
    if (!input.hasAttribute('data-server-error')) return;
    input.removeAttribute('data-server-error');
    setFieldError(input, []);
  }

  password.addEventListener('input', () => {
    clearServerError(password);
    server.ask(password.value);
    render();
    renderMismatch();
    onChange();
  });
  confirmation.addEventListener('input', () => {
    clearServerError(confirmation);
    renderMismatch();
    onChange();
  });
  confirmation.addEventListener('change', () => {
    confirmationTouched = true;
    renderMismatch();
  });
  show.addEventListener('change', () => {
    for (const input of [password, confirmation, ...alsoShow])
      input.type = show.checked ? 'text' : 'password';
  });

  function showServerProblems(input: HTMLInputElement, problems: FieldProblem[]): void {
    if (problems.length === 0) return;
    input.setAttribute('data-server-error', '');
    setFieldError(
      input,
      problems.map((p) => errorMessage(p.code, context, 'VALIDATION_FAILED')),
    );
  }

  const fields: NewPasswordFields = {
    password,
    confirmation,
    setPolicy(next, known = {}) {
      policy = next;
      personal = known;
      context = { minLength: next.minLength, maxLength: next.maxLength };
      render();
    },
    reset() {
      server.cancel();
      clearTimeout(announceTimer);
      password.value = '';
      confirmation.value = '';
      verdict = undefined;
      confirmationTouched = false;
      announced = '';
      live.textContent = '';
      for (const input of [password, confirmation]) {
        input.removeAttribute('data-server-error');
        setFieldError(input, []);
      }
      render();
    },
    ready() {
      return password.value !== '' && confirmation.value === password.value && rulesAllow(rules);
    },
    showProblems(problems) {
      const onPassword = problems.filter((p) => p.path === 'password');
      const onConfirmation = problems.filter((p) => p.path === 'passwordConfirmation');
      showServerProblems(password, onPassword);
      showServerProblems(confirmation, onConfirmation);
      if (onPassword.length > 0) return password;
      return onConfirmation.length > 0 ? confirmation : undefined;
    },
  };
  render();
  return fields;
}
