import { bcryptHasher } from '#adapters/bcrypt-hasher.ts';
import { dynamoAccountStore } from '#adapters/dynamodb-account-store.ts';
import { dynamoAuditLog } from '#adapters/dynamodb-audit-log.ts';
import { makeDocumentClient } from '#adapters/dynamodb-client.ts';
import { dynamoGuessBudget } from '#adapters/dynamodb-guess-budget.ts';
import { dynamoLinkStore } from '#adapters/dynamodb-link-store.ts';
import { dynamoSessionStore } from '#adapters/dynamodb-session-store.ts';
import { dynamoUserRepository } from '#adapters/dynamodb-user-repository.ts';
import { makeSesClient, sesv2Mailer } from '#adapters/email/sesv2-mailer.ts';
import { cryptoRandom, systemClock } from '#adapters/system.ts';
import { fileWordLists } from '#adapters/word-lists.ts';
import { makePasswordPolicy } from '#domain/password-policy.ts';
import { makeChangePassword, makePasswordCheck } from '#domain/use-cases/account.ts';
import { makeActivateAccount } from '#domain/use-cases/activate-account.ts';
import { makeRequestRecovery, makeResetPassword, makeVerifyRecovery } from '#domain/use-cases/recovery.ts';
import { makeRegisterUser } from '#domain/use-cases/register-user.ts';
import { makeResendActivation } from '#domain/use-cases/resend-activation.ts';
import { makeSendLink } from '#domain/use-cases/send-link.ts';
import { makeSessions, makeSignIn } from '#domain/use-cases/sign-in.ts';
import { makeVerifyActivation } from '#domain/use-cases/verify-activation.ts';
import { currentRequestId, describeError, log } from '#http/logger.ts';
import { loadConfig } from './config.ts';

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
 * case its ports. Every piece is a lazy module-level value marked pure, so a handler's bundle
 * holds only what its own use case reaches (esbuild drops the rest: no SES client in a function
 * that sends no e-mail, no password list where no password is checked), and the work happens
 * once per cold start, on first use.
 */
const config = /* @__PURE__ */ once(() => loadConfig());
const clock = systemClock;
const random = cryptoRandom;
const db = /* @__PURE__ */ once(() =>
  makeDocumentClient({ region: config().AWS_REGION, endpoint: config().DYNAMODB_ENDPOINT }),
);
const users = /* @__PURE__ */ once(() => dynamoUserRepository(db(), config().USERS_TABLE));
const links = /* @__PURE__ */ once(() =>
  dynamoLinkStore(db(), {
    users: config().USERS_TABLE,
    tokens: config().TOKENS_TABLE,
    attempts: config().ATTEMPTS_TABLE,
    progress: config().PROGRESS_TABLE,
  }),
);
const sessions = /* @__PURE__ */ once(() => dynamoSessionStore(db(), config().SESSIONS_TABLE));
const guesses = /* @__PURE__ */ once(() =>
  dynamoGuessBudget(db(), config().ATTEMPTS_TABLE, {
    maxGuesses: config().LOGIN_MAX_FAILURES,
    lockSeconds: config().LOGIN_LOCK_SECONDS,
  }),
);
const mailer = /* @__PURE__ */ once(() =>
  sesv2Mailer(makeSesClient({ region: config().AWS_REGION, endpoint: config().SES_ENDPOINT }), {
    senderEmail: config().SENDER_EMAIL,
    senderName: config().SENDER_NAME,
  }),
);
const hasher = /* @__PURE__ */ once(() => bcryptHasher(config().BCRYPT_COST));
// Answers are hashed too, two cost steps lower: three per activation, and an answer is never a
// sign-in secret on its own.
const answerHasher = /* @__PURE__ */ once(() => bcryptHasher(Math.max(4, config().BCRYPT_COST - 2)));
const passwordPolicy = /* @__PURE__ */ once(() =>
  makePasswordPolicy(config().PASSWORD_MIN_LENGTH, config().PASSWORD_COMPOSITION),
);
/** The common-password and word lists: files beside the bundle, read on the first check. */
const isListed = /* @__PURE__ */ once(() => fileWordLists());
const pacing = /* @__PURE__ */ once(() => ({
  cooldownSeconds: config().RESEND_COOLDOWN_SECONDS,
  maxPerHour: config().RESEND_MAX_PER_HOUR,
}));
/** What enumeration protection and best-effort notices keep from an answer still goes to the log. */
const report = (what: string, error: unknown) => log('warn', what, describeError(error));
/** The audit trail; each record carries the id of the request it was written under. */
const audit = /* @__PURE__ */ once(() =>
  dynamoAuditLog(db(), config().AUDIT_TABLE, {
    retentionDays: config().AUDIT_RETENTION_DAYS,
    requestId: () => currentRequestId() ?? 'none',
  }),
);

const sendLink = /* @__PURE__ */ once(() =>
  makeSendLink({
    users: users(),
    links: links(),
    mailer: mailer(),
    clock,
    random,
    audit: audit(),
    report,
    settings: {
      ACTIVATION: {
        siteUrl: config().SITE_URL,
        ttlSeconds: config().ACTIVATION_TOKEN_TTL_SECONDS,
        pacing: pacing(),
      },
      RECOVERY: {
        siteUrl: config().SITE_URL,
        ttlSeconds: config().RECOVERY_TOKEN_TTL_SECONDS,
        pacing: pacing(),
      },
    },
  }),
);

export const signIn = /* @__PURE__ */ once(() =>
  makeSignIn({
    users: users(),
    sessions: sessions(),
    guesses: guesses(),
    hasher: hasher(),
    mailer: mailer(),
    clock,
    random,
    audit: audit(),
    report,
    settings: {
      maxFailures: config().LOGIN_MAX_FAILURES,
      lockSeconds: config().LOGIN_LOCK_SECONDS,
      sessionMaxSeconds: config().SESSION_MAX_SECONDS,
      siteUrl: config().SITE_URL,
      lockAnswerMinMs: config().ENUMERATION_MIN_RESPONSE_MS,
      passwordPolicy: passwordPolicy(),
    },
  }),
);

export const sessionsOf = /* @__PURE__ */ once(() =>
  makeSessions({
    users: users(),
    sessions: sessions(),
    clock,
    settings: { sessionIdleSeconds: config().SESSION_IDLE_SECONDS, passwordPolicy: passwordPolicy() },
  }),
);

export const resendActivation = /* @__PURE__ */ once(() =>
  makeResendActivation({
    users: users(),
    mailer: mailer(),
    clock,
    sendLink: sendLink(),
    report,
    settings: {
      siteUrl: config().SITE_URL,
      tokenTtlSeconds: config().ACTIVATION_TOKEN_TTL_SECONDS,
      pacing: pacing(),
      enumerationProtection: config().ENUMERATION_PROTECTION,
      minResponseMs: config().ENUMERATION_MIN_RESPONSE_MS,
    },
  }),
);

export const verifyActivation = /* @__PURE__ */ once(() =>
  makeVerifyActivation({
    activations: links(),
    users: users(),
    clock,
    audit: audit(),
    report,
    passwordPolicy: passwordPolicy(),
  }),
);

export const activateAccount = /* @__PURE__ */ once(() =>
  makeActivateAccount({
    activations: links(),
    users: users(),
    clock,
    audit: audit(),
    report,
    passwordPolicy: passwordPolicy(),
    hasher: hasher(),
    answerHasher: answerHasher(),
    isListed: isListed(),
  }),
);

export const registerUser = /* @__PURE__ */ once(() => makeRegisterUser({ users: users(), clock }));

export const requestRecovery = /* @__PURE__ */ once(() =>
  makeRequestRecovery({
    users: users(),
    clock,
    sendLink: sendLink(),
    report,
    settings: {
      tokenTtlSeconds: config().RECOVERY_TOKEN_TTL_SECONDS,
      minResponseMs: config().ENUMERATION_MIN_RESPONSE_MS,
    },
  }),
);

export const verifyRecovery = /* @__PURE__ */ once(() =>
  makeVerifyRecovery({ recoveries: links(), users: users(), clock, passwordPolicy: passwordPolicy() }),
);

export const resetPassword = /* @__PURE__ */ once(() =>
  makeResetPassword({
    users: users(),
    recoveries: links(),
    guesses: guesses(),
    hasher: hasher(),
    answerHasher: answerHasher(),
    mailer: mailer(),
    clock,
    audit: audit(),
    report,
    settings: {
      siteUrl: config().SITE_URL,
      passwordPolicy: passwordPolicy(),
      isListed: isListed(),
      lockSeconds: config().LOGIN_LOCK_SECONDS,
    },
  }),
);

export const changePassword = /* @__PURE__ */ once(() =>
  makeChangePassword({
    accounts: dynamoAccountStore(db(), { users: config().USERS_TABLE, sessions: config().SESSIONS_TABLE }),
    users: users(),
    guesses: guesses(),
    hasher: hasher(),
    mailer: mailer(),
    clock,
    audit: audit(),
    caller: sessionsOf().caller,
    report,
    settings: {
      siteUrl: config().SITE_URL,
      passwordPolicy: passwordPolicy(),
      lockSeconds: config().LOGIN_LOCK_SECONDS,
      isListed: isListed(),
    },
  }),
);

export const passwordCheck = /* @__PURE__ */ once(() =>
  makePasswordCheck({
    links: links(),
    clock,
    caller: sessionsOf().caller,
    passwordPolicy: passwordPolicy(),
    isListed: isListed(),
  }),
);
