import type { FieldProblem } from './api.ts';
import { byId, showMessages } from './dom.ts';
import type { Message } from './i18n.ts';
import { type NewPasswordFields, newPasswordFields } from './new-password.ts';
import type { KnownPersonalData, PasswordPolicyView } from './password-rules.ts';

export interface PasswordStepOptions {
  /** The link's token, for the server's live check of personal data. */
  token: () => string | undefined;
  /** Selesai was pressed with the fields ready. */
  onFinish: () => void;
  /** Kembali was pressed. */
  onBack: () => void;
}

export interface PasswordStep {
  fields: NewPasswordFields;
  /** Empty fields judged by the link's policy, no message. */
  start(policy: PasswordPolicyView, personal: KnownPersonalData): void;
  /** Empties the fields: the password leaves the page. */
  clear(): void;
  /** Runs the request with Selesai disabled, after clearing the step's message. */
  send<T>(request: () => Promise<T>): Promise<T>;
  /** The server's problems with the two fields, shown there, focus on the first; false if none was. */
  showFieldProblems(problems: FieldProblem[]): boolean;
  /** Says something in the step's alert (`#password-message`). */
  say(messages: Message[]): void;
}

/**
 * Step 2 of the activation and recovery pages (`#password-form`): the shared new-password fields,
 * Selesai (enabled once they are ready and no request is running), Kembali and the step's alert.
 */
export function passwordStep({ token, onFinish, onBack }: PasswordStepOptions): PasswordStep {
  const finishButton = byId<HTMLButtonElement>('finish');
  const area = byId('password-message');
  let sending = false;

  const refresh = () => {
    finishButton.disabled = sending || !fields.ready();
  };
  const fields = newPasswordFields({ id: 'password', token, onChange: refresh });

  byId('back').addEventListener('click', onBack);
  byId<HTMLFormElement>('password-form').addEventListener('submit', (event) => {
    event.preventDefault();
    if (!finishButton.disabled) onFinish();
  });

  return {
    fields,
    start(policy, personal) {
      fields.setPolicy(policy, personal);
      fields.reset();
      showMessages(area, []);
      refresh();
    },
    clear() {
      fields.reset();
      refresh();
    },
    async send(request) {
      showMessages(area, []);
      sending = true;
      refresh();
      try {
        return await request();
      } finally {
        sending = false;
        refresh();
      }
    },
    showFieldProblems(problems) {
      const field = fields.showProblems(problems);
      field?.focus();
      return field !== undefined;
    },
    say(messages) {
      showMessages(area, messages);
    },
  };
}
