import {
  AccountLockedError,
  AnswersWrongError,
  type FieldProblem,
  TokenInvalidError,
  ValidationError,
} from '../errors.ts';
import { guessSubject } from '../guess-budget.ts';
import { holderRefusal, type TokenRecord, tokenRefusal } from '../links.ts';
import {
  describePolicy,
  type ListLookup,
  normalisePassword,
  type PasswordPolicy,
} from '../password-policy.ts';
import type {
  AuditLog,
  Clock,
  GuessBudget,
  Mailer,
  RecoveryStore,
  SecretHasher,
  UserRepository,
} from '../ports.ts';
import { answerTooShort, normaliseAnswer } from '../security-answers.ts';
import { ANSWER_MIN_LENGTH, findQuestion } from '../security-questions.ts';
import { hashToken } from '../token.ts';
import type { User } from '../user.ts';
import { auditTrail, ownAction } from './audit-trail.ts';
import { findUserById } from './find-user.ts';
import { checkGuess, countWrongGuess } from './guess.ts';
import { newPasswordProblems } from './new-password.ts';
import { type Report, sendNotice } from './notices.ts';
import { answerUniformly, type UniformAnswerSettings } from './uniform-answer.ts';

export interface RequestRecoveryDeps {
  users: UserRepository;
  clock: Clock;
  sendLink: (user: User, purpose: 'ACTIVATION' | 'RECOVERY') => Promise<{ expiresInSeconds: number }>;
  settings: UniformAnswerSettings & {
    tokenTtlSeconds: number;
  };
  report?: Report;
}

export interface VerifyRecoveryDeps {
  recoveries: Pick<RecoveryStore, 'find'>;
  users: Pick<UserRepository, 'get'>;
  clock: Clock;
  passwordPolicy: PasswordPolicy;
}

export interface ResetPasswordDeps {
  users: UserRepository;
  recoveries: RecoveryStore;
  guesses: GuessBudget;
  hasher: SecretHasher;
  answerHasher: SecretHasher;
  mailer: Mailer;
  clock: Clock;
  audit: AuditLog;
  settings: {
    siteUrl: string;
    passwordPolicy: PasswordPolicy;
    /** The common-password and word lists. */
    isListed: ListLookup;
    /** The lock window of the guess budget, told to a caller whose wrong answers locked it. */
    lockSeconds: number;
  };
  report?: Report;
}

export interface ResetInput {
  token: string;
  securityAnswers: { questionId: string; answer: string }[];
  password: string;
  passwordConfirmation: string;
}

/** Answers must name exactly the link's questions, once each, with something in them. */
function answerProblems(answers: ResetInput['securityAnswers'], asked: readonly string[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (answers.length !== asked.length) problems.push({ path: 'securityAnswers', code: 'QUESTIONS_COUNT' });
  const seen = new Set<string>();
  answers.forEach(({ questionId, answer }, i) => {
    if (!asked.includes(questionId)) {
      problems.push({ path: `securityAnswers.${i}.questionId`, code: 'QUESTION_UNKNOWN' });
    } else if (seen.has(questionId)) {
      problems.push({ path: `securityAnswers.${i}.questionId`, code: 'QUESTIONS_DUPLICATE' });
    }
    seen.add(questionId);
    if (answerTooShort(answer)) {
      problems.push({ path: `securityAnswers.${i}.answer`, code: 'ANSWER_TOO_SHORT' });
    }
  });
  return problems;
}

/** A recovery link's token, usable now, or the reason it is not. */
async function usableLink(
  recoveries: Pick<RecoveryStore, 'find'>,
  token: string,
  now: Date,
): Promise<TokenRecord> {
  const record = await recoveries.find(hashToken(token));
  const refusal = tokenRefusal(record, 'RECOVERY', now);
  if (refusal || !record) throw refusal ?? new TokenInvalidError();
  return record;
}

/** The link's holder, who still holds it (active, not deactivated, not replaced), or the refusal. */
async function linkHolder(users: Pick<UserRepository, 'get'>, record: TokenRecord): Promise<User> {
  const user = await users.get(record.icNumber);
  const refusal = holderRefusal(record, user);
  if (refusal || !user) throw refusal ?? new TokenInvalidError();
  return user;
}

/**
 * *Lupa Kata Laluan*, step 1: always 202 with one body after the same minimum time; an active
 * account gets a recovery link, a pending one its activation link, anything else (unknown IDs,
 * deactivated accounts) nothing: api.md wants one answer for every ID here.
 */
export function makeRequestRecovery({ users, clock, sendLink, settings, report }: RequestRecoveryDeps) {
  return async function requestRecovery(input: { userId: string }) {
    const uniform = { expiresInSeconds: settings.tokenTtlSeconds };
    return answerUniformly(clock, settings, uniform, report, async (after) => {
      const user = await findUserById(users, input.userId);
      await after(async () => {
        if (user?.status === 'ACTIVE') await sendLink(user, 'RECOVERY');
        else if (user?.status === 'PENDING') await sendLink(user, 'ACTIVATION');
      });
    });
  };
}

/** Step 2: what the recovery page shows for a link: the officer's name and the link's two questions. */
export function makeVerifyRecovery({ recoveries, users, clock, passwordPolicy }: VerifyRecoveryDeps) {
  const policy = describePolicy(passwordPolicy);
  return async function verifyRecovery(input: { token: string }) {
    const record = await usableLink(recoveries, input.token, clock.now());
    // Deactivation deletes the links; one that still resolves is refused as its reset would be.
    await linkHolder(users, record);
    const questions = (record.questionIds ?? []).map((id) => findQuestion(id)).filter((q) => q !== undefined);
    return {
      user: { userId: record.userId, name: record.name },
      expiresAt: record.expiresAt,
      questions,
      answerMinLength: ANSWER_MIN_LENGTH,
      passwordPolicy: policy,
    };
  };
}

/**
 * Step 3: a new password with the right answers, exactly once per link. Wrong answers spend the
 * recovery guess budget (and count against sign-in too); a reset ends every session and lifts the
 * sign-in lock, in the same transaction.
 */
export function makeResetPassword(deps: ResetPasswordDeps) {
  const { users, recoveries, guesses, hasher, answerHasher, mailer, clock, settings, report } = deps;
  const record = auditTrail(deps.audit, clock, report);

  async function answersMatch(user: User, answers: ResetInput['securityAnswers']): Promise<boolean> {
    const stored = new Map((user.securityAnswers ?? []).map((a) => [a.questionId, a.answerHash]));
    const results = await Promise.all(
      answers.map(({ questionId, answer }) => {
        const hash = stored.get(questionId);
        return hash ? answerHasher.verify(normaliseAnswer(answer), hash) : Promise.resolve(false);
      }),
    );
    return results.length > 0 && results.every(Boolean);
  }

  return async function resetPassword(input: ResetInput) {
    const link = await usableLink(recoveries, input.token, clock.now());
    const problems = [
      ...answerProblems(input.securityAnswers, link.questionIds ?? []),
      ...newPasswordProblems(input, settings.passwordPolicy, link, settings.isListed),
    ];
    if (problems.length > 0) throw new ValidationError(problems);

    const now = clock.now();
    const user = await linkHolder(users, link);
    // The link was e-mailed to the officer: whoever uses it acts as them.
    const own = ownAction(user);

    const outcome = await checkGuess(guesses, guessSubject('recovery', user.icNumber), now, () =>
      answersMatch(user, input.securityAnswers),
    );
    if (!outcome.right) {
      // Wrong answers also count against password sign-in: the same person may be guessing both.
      await countWrongGuess(guesses, guessSubject('signin', user.icNumber), now);
      const error = outcome.locked ? new AccountLockedError(settings.lockSeconds) : new AnswersWrongError();
      await record({ event: 'RECOVERY_FAILED', ...own, outcome: 'FAILURE', detail: error.code });
      throw error;
    }

    const password = normalisePassword(input.password);
    if (user.passwordHash && (await hasher.verify(password, user.passwordHash))) {
      throw new ValidationError([{ path: 'password', code: 'PASSWORD_REUSED' }]);
    }
    const passwordHash = await hasher.hash(password);
    const resetAt = clock.now();
    await recoveries.resetPassword({
      token: link,
      now: resetAt,
      passwordHash,
      guessSubjects: [guessSubject('signin', user.icNumber), guessSubject('recovery', user.icNumber)],
    });
    await sendNotice(
      mailer,
      {
        kind: 'password-changed',
        to: user.email,
        name: user.name,
        changedAt: resetAt.toISOString(),
        how: 'recovery',
        recoveryLink: `${settings.siteUrl}/account/recovery`,
      },
      report,
    );
    await record({ event: 'PASSWORD_RESET', ...own, outcome: 'SUCCESS' });
    return { status: 'PASSWORD_RESET' as const, resetAt: resetAt.toISOString() };
  };
}
