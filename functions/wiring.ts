import { bcryptHasher } from '#adapters/bcrypt-hasher.ts';
import { dynamoAccountStore } from '#adapters/dynamodb-account-store.ts';
import { makeDocumentClient } from '#adapters/dynamodb-client.ts';
import { dynamoGuessBudget } from '#adapters/dynamodb-guess-budget.ts';
import { dynamoLinkStore } from '#adapters/dynamodb-link-store.ts';
import { dynamoSessionStore } from '#adapters/dynamodb-session-store.ts';
import { dynamoUserRepository } from '#adapters/dynamodb-user-repository.ts';
import { makeSesClient, sesv2Mailer } from '#adapters/email/sesv2-mailer.ts';
import { cryptoRandom, systemClock } from '#adapters/system.ts';
import { makePasswordPolicy } from '#domain/password-policy.ts';
import { makeChangePassword, makePasswordCheck } from '#domain/use-cases/account.ts';
import { makeActivateAccount } from '#domain/use-cases/activate-account.ts';
import { makeRecovery } from '#domain/use-cases/recovery.ts';
import { makeRegisterUser } from '#domain/use-cases/register-user.ts';
import { makeResendActivation } from '#domain/use-cases/resend-activation.ts';
import { makeSendLink } from '#domain/use-cases/send-link.ts';
import { makeSignIn } from '#domain/use-cases/sign-in.ts';
import { makeVerifyActivation } from '#domain/use-cases/verify-activation.ts';
import { describeError, log } from '#http/logger.ts';
import { type Config, loadConfig } from './config.ts';

/** Builds a value on first use, once per process (cold start), and only if this function uses it. */
function once<T>(build: () => T): () => T {
  let value: T | undefined;
  let built = false;
  return () => {
    if (!built) {
      value = build();
      built = true;
    }
    return value as T;
  };
}

/**
 * The composition root: builds the adapters from the checked configuration and hands each use
 * case its ports. Handlers call one of the use-case factories at module scope; every piece is
 * built lazily, so a function makes only the clients and repositories its own use case needs.
 */
export function composition(config: Config) {
  const clock = systemClock;
  const random = cryptoRandom;
  const db = once(() =>
    makeDocumentClient({ region: config.AWS_REGION, endpoint: config.DYNAMODB_ENDPOINT }),
  );
  const users = once(() => dynamoUserRepository(db(), config.USERS_TABLE));
  const links = once(() =>
    dynamoLinkStore(db(), {
      users: config.USERS_TABLE,
      tokens: config.TOKENS_TABLE,
      attempts: config.ATTEMPTS_TABLE,
    }),
  );
  const sessions = once(() => dynamoSessionStore(db(), config.SESSIONS_TABLE));
  const guesses = once(() =>
    dynamoGuessBudget(db(), config.ATTEMPTS_TABLE, {
      maxGuesses: config.LOGIN_MAX_FAILURES,
      lockSeconds: config.LOGIN_LOCK_SECONDS,
    }),
  );
  const mailer = once(() =>
    sesv2Mailer(makeSesClient({ region: config.AWS_REGION, endpoint: config.SES_ENDPOINT }), {
      senderEmail: config.SENDER_EMAIL,
      senderName: config.SENDER_NAME,
    }),
  );
  const hasher = once(() => bcryptHasher(config.BCRYPT_COST));
  // Answers are hashed too, two cost steps lower: three per activation, and an answer is never a
  // sign-in secret on its own.
  const answerHasher = once(() => bcryptHasher(Math.max(4, config.BCRYPT_COST - 2)));
  const passwordPolicy = makePasswordPolicy(config.PASSWORD_MIN_LENGTH, config.PASSWORD_COMPOSITION);
  const pacing = { cooldownSeconds: config.RESEND_COOLDOWN_SECONDS, maxPerHour: config.RESEND_MAX_PER_HOUR };
  /** What enumeration protection and best-effort notices keep from an answer still goes to the log. */
  const report = (what: string, error: unknown) => log('warn', what, describeError(error));

  const sendLink = once(() =>
    makeSendLink({
      users: users(),
      links: links(),
      mailer: mailer(),
      clock,
      random,
      settings: {
        ACTIVATION: { siteUrl: config.SITE_URL, ttlSeconds: config.ACTIVATION_TOKEN_TTL_SECONDS, pacing },
        RECOVERY: { siteUrl: config.SITE_URL, ttlSeconds: config.RECOVERY_TOKEN_TTL_SECONDS, pacing },
      },
    }),
  );
  const signIn = once(() =>
    makeSignIn({
      users: users(),
      sessions: sessions(),
      guesses: guesses(),
      hasher: hasher(),
      mailer: mailer(),
      clock,
      random,
      report,
      settings: {
        maxFailures: config.LOGIN_MAX_FAILURES,
        lockSeconds: config.LOGIN_LOCK_SECONDS,
        sessionIdleSeconds: config.SESSION_IDLE_SECONDS,
        sessionMaxSeconds: config.SESSION_MAX_SECONDS,
        siteUrl: config.SITE_URL,
        lockAnswerMinMs: config.ENUMERATION_MIN_RESPONSE_MS,
        passwordPolicy,
      },
    }),
  );

  return {
    resendActivation: () =>
      makeResendActivation({
        users: users(),
        mailer: mailer(),
        clock,
        sendLink: sendLink(),
        report,
        settings: {
          siteUrl: config.SITE_URL,
          tokenTtlSeconds: config.ACTIVATION_TOKEN_TTL_SECONDS,
          pacing,
          enumerationProtection: config.ENUMERATION_PROTECTION,
          minResponseMs: config.ENUMERATION_MIN_RESPONSE_MS,
        },
      }),
    verifyActivation: () => makeVerifyActivation({ activations: links(), clock, passwordPolicy }),
    activateAccount: () =>
      makeActivateAccount({
        activations: links(),
        clock,
        passwordPolicy,
        hasher: hasher(),
        answerHasher: answerHasher(),
      }),
    registerUser: () => makeRegisterUser({ users: users(), clock }),
    signIn,
    recovery: () =>
      makeRecovery({
        users: users(),
        recoveries: links(),
        guesses: guesses(),
        hasher: hasher(),
        answerHasher: answerHasher(),
        mailer: mailer(),
        clock,
        sendLink: sendLink(),
        report,
        settings: {
          siteUrl: config.SITE_URL,
          tokenTtlSeconds: config.RECOVERY_TOKEN_TTL_SECONDS,
          passwordPolicy,
          lockSeconds: config.LOGIN_LOCK_SECONDS,
          minResponseMs: config.ENUMERATION_MIN_RESPONSE_MS,
        },
      }),
    changePassword: () =>
      makeChangePassword({
        accounts: dynamoAccountStore(db(), { users: config.USERS_TABLE, sessions: config.SESSIONS_TABLE }),
        guesses: guesses(),
        hasher: hasher(),
        mailer: mailer(),
        clock,
        caller: signIn().caller,
        report,
        settings: { siteUrl: config.SITE_URL, passwordPolicy, lockSeconds: config.LOGIN_LOCK_SECONDS },
      }),
    passwordCheck: () =>
      makePasswordCheck({ links: links(), clock, caller: signIn().caller, passwordPolicy }),
  };
}

/** The Lambda environment's composition, built once per cold start. */
export const wired = once(() => composition(loadConfig()));
