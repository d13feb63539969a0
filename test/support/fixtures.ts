import { type AnswerInput, normaliseAnswer } from '../../functions/domain/security-answers.ts';
import type { ChangePasswordInput } from '../../functions/domain/use-cases/account.ts';
import type { ActivateInput } from '../../functions/domain/use-cases/activate-account.ts';
import type { AdminRegisterInput } from '../../functions/domain/use-cases/administration/changes.ts';
import type { ResetInput } from '../../functions/domain/use-cases/recovery.ts';
import type { User } from '../../functions/domain/user.ts';
import { fakeHash } from './fakes.ts';

/**
 * The fictional officer, her answers and her passwords, for every kind of test: a test that needs
 * "the officer" or "a good password" takes it from here; a test about one particular value keeps
 * that value beside it.
 */

/** The site the e-mailed links point at. */
export const SITE = 'https://ispeks.example.gov.my';

/** An officer as the tests know her: what is stored of her, and her user ID. */
interface Officer {
  readonly icNumber: string;
  readonly agencyCode: string;
  readonly userId: string;
  readonly name: string;
  readonly email: string;
  readonly ptjCode: string;
  readonly registeredAt: string;
}

/** The demo officer of the source procedure (fictional: never a real person's data). */
export const OFFICER: Officer = {
  icNumber: '900101145678',
  agencyCode: 'kth',
  userId: 'kth:900101145678',
  name: 'NUR AISYAH BINTI AHMAD',
  email: 'aisyah.ahmad@example.gov.my',
  ptjCode: '1001',
  /** 14 September 2020 11:50:04 AM in Malaysia, as the source's e-mail shows it. */
  registeredAt: '2020-09-14T03:50:04.000Z',
};

/** Three distinct questions of the catalogue, with answers every check accepts. */
export const GOOD_ANSWERS: readonly Readonly<AnswerInput>[] = [
  { questionId: 'mother-name', answer: 'Siti Aminah' },
  { questionId: 'first-car', answer: 'Proton Saga' },
  { questionId: 'favourite-colour', answer: 'Hijau Muda' },
];

/** The officer's answer (from GOOD_ANSWERS) to a question, by its id. */
export function goodAnswerTo(questionId: string): string {
  const found = GOOD_ANSWERS.find((a) => a.questionId === questionId);
  if (!found) throw new Error(`no good answer to the question ${questionId}`);
  return found.answer;
}

/** A password the source policy accepts for the officer: hers once she has activated. */
export const PASSWORD = 'Tr0pika!Hujan#Lebat';

/** A second acceptable password, for a reset or a change. */
export const NEW_PASSWORD = 'Gajah-Biru#Makan9Roti';

/** The officer as `register-user` stores her: pending, no e-mail sent yet. */
export function pendingUser(overrides: Partial<User> = {}): User {
  const { userId: _, ...officer } = OFFICER;
  return {
    ...officer,
    duties: [{ duty: 'PENYEDIA', ptjCode: officer.ptjCode, startsOn: '2020-09-14' }],
    status: 'PENDING',
    activationSends: [],
    sendRevision: 0,
    ...overrides,
  };
}

/** The officer as activation leaves her: PASSWORD and GOOD_ANSWERS, hashed as `fakeHasher` does. */
export function activeUser(overrides: Partial<User> = {}): User {
  return pendingUser({
    status: 'ACTIVE',
    activatedAt: '2021-01-11T01:00:00.000Z',
    passwordHash: fakeHash(PASSWORD),
    securityAnswers: GOOD_ANSWERS.map(({ questionId, answer }) => ({
      questionId,
      answerHash: fakeHash(normaliseAnswer(answer)),
    })),
    ...overrides,
  });
}

/** `POST /api/admin/users`: the officer's registration (a test gives a fresh number and address). */
export function registrationBody(overrides: Partial<AdminRegisterInput> = {}): AdminRegisterInput {
  const { icNumber, agencyCode, ptjCode, name, email } = OFFICER;
  return { icNumber, agencyCode, ptjCode, name, email, ...overrides };
}

/** `POST /api/activation/activate`, accepted in full for a live `token`: GOOD_ANSWERS and PASSWORD. */
export function activationBody(token: string, overrides: Partial<ActivateInput> = {}): ActivateInput {
  return {
    token,
    securityAnswers: GOOD_ANSWERS.map((a) => ({ ...a })),
    password: PASSWORD,
    passwordConfirmation: PASSWORD,
    ...overrides,
  };
}

/** `POST /api/recovery/reset` for `token`: the answers to the link's two questions and NEW_PASSWORD. */
export function resetBody(
  token: string,
  securityAnswers: ResetInput['securityAnswers'],
  overrides: Partial<ResetInput> = {},
): ResetInput {
  return { token, securityAnswers, password: NEW_PASSWORD, passwordConfirmation: NEW_PASSWORD, ...overrides };
}

/** `POST /api/account/password`: from PASSWORD to NEW_PASSWORD unless told otherwise. */
export function passwordChangeBody(currentPassword = PASSWORD, password = NEW_PASSWORD): ChangePasswordInput {
  return { currentPassword, password, passwordConfirmation: password };
}
