import { bcryptHasher } from '#adapters/bcrypt-hasher.ts';
import { dynamoAccountStore } from '#adapters/dynamodb-account-store.ts';
import { dynamoAuditLog, dynamoAuditReader } from '#adapters/dynamodb-audit-log.ts';
import { makeDocumentClient } from '#adapters/dynamodb-client.ts';
import { dynamoGuessBudget } from '#adapters/dynamodb-guess-budget.ts';
import { dynamoLinkStore } from '#adapters/dynamodb-link-store.ts';
import { dynamoRequestStore } from '#adapters/dynamodb-request-store.ts';
import { dynamoSessionStore } from '#adapters/dynamodb-session-store.ts';
import { dynamoUserDirectory } from '#adapters/dynamodb-user-directory.ts';
import { dynamoUserRepository } from '#adapters/dynamodb-user-repository.ts';
import { makeSesClient, sesv2Mailer } from '#adapters/email/sesv2-mailer.ts';
import { cryptoRandom, systemClock } from '#adapters/system.ts';
import { fileWordLists } from '#adapters/word-lists.ts';
import { makePasswordPolicy } from '#domain/password-policy.ts';
import { makeChangePassword, makePasswordCheck } from '#domain/use-cases/account.ts';
import { makeActivateAccount } from '#domain/use-cases/activate-account.ts';
import { makeAdminActor } from '#domain/use-cases/administration/actor.ts';
import {
  makeDeactivate,
  makeReactivate,
  makeRegister,
  makeSendActivation,
  makeSetDuties,
  makeStartPasswordReset,
  makeUnlock,
  makeUpdateUser,
} from '#domain/use-cases/administration/changes.ts';
import { dutyCatalogue, parseDutyConflicts } from '#domain/use-cases/administration/duty-input.ts';
import {
  makeAuditQueries,
  makeGetUser,
  makeListUsers,
  makeProgress,
} from '#domain/use-cases/administration/queries.ts';
import {
  makeApproveRequest,
  makeListRequests,
  makeRejectRequest,
} from '#domain/use-cases/administration/requests.ts';
import { makeRequestRecovery, makeResetPassword, makeVerifyRecovery } from '#domain/use-cases/recovery.ts';
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
/** How every writer appends audit records: the retention, and the id of the request being served. */
const auditOptions = /* @__PURE__ */ once(() => ({
  retentionDays: config().AUDIT_RETENTION_DAYS,
  requestId: () => currentRequestId() ?? 'none',
}));
/** The audit trail; each record carries the id of the request it was written under. */
const audit = /* @__PURE__ */ once(() => dynamoAuditLog(db(), config().AUDIT_TABLE, auditOptions()));

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

// Administration: each route's function builds only the use case it serves.

const directory = /* @__PURE__ */ once(() =>
  dynamoUserDirectory(
    db(),
    {
      users: config().USERS_TABLE,
      tokens: config().TOKENS_TABLE,
      attempts: config().ATTEMPTS_TABLE,
      progress: config().PROGRESS_TABLE,
      audit: config().AUDIT_TABLE,
    },
    auditOptions(),
  ),
);
const requests = /* @__PURE__ */ once(() =>
  dynamoRequestStore(
    db(),
    { requests: config().REQUESTS_TABLE, audit: config().AUDIT_TABLE },
    auditOptions(),
  ),
);
const adminSettings = /* @__PURE__ */ once(() => ({
  fourEyes: config().FOUR_EYES,
  dutyConflicts: parseDutyConflicts(config().DUTY_CONFLICTS),
}));
const changeDeps = /* @__PURE__ */ once(() => ({
  users: users(),
  directory: directory(),
  requests: requests(),
  audit: audit(),
  clock,
  random,
  settings: adminSettings(),
  report,
}));

export const adminActor = /* @__PURE__ */ once(() => makeAdminActor({ sessions: sessionsOf(), clock }));
export const adminRegister = /* @__PURE__ */ once(() =>
  makeRegister({ ...changeDeps(), sendLink: sendLink() }),
);
export const adminUpdateUser = /* @__PURE__ */ once(() =>
  makeUpdateUser({ ...changeDeps(), mailer: mailer() }),
);
export const adminSetDuties = /* @__PURE__ */ once(() => makeSetDuties(changeDeps()));
export const adminDeactivate = /* @__PURE__ */ once(() => makeDeactivate(changeDeps()));
export const adminReactivate = /* @__PURE__ */ once(() => makeReactivate(changeDeps()));
export const adminUnlock = /* @__PURE__ */ once(() =>
  makeUnlock({
    users: users(),
    directory: directory(),
    audit: audit(),
    clock,
    settings: adminSettings(),
    report,
  }),
);
export const adminStartPasswordReset = /* @__PURE__ */ once(() =>
  makeStartPasswordReset({
    users: users(),
    requests: requests(),
    audit: audit(),
    clock,
    random,
    settings: adminSettings(),
    report,
    sendLink: sendLink(),
  }),
);
export const adminSendActivation = /* @__PURE__ */ once(() =>
  makeSendActivation({ users: users(), audit: audit(), clock, sendLink: sendLink(), report }),
);
export const adminGetUser = /* @__PURE__ */ once(() =>
  makeGetUser({ users: users(), audit: audit(), clock, report }),
);
export const adminListUsers = /* @__PURE__ */ once(() =>
  makeListUsers({ directory: directory(), audit: audit(), clock, report }),
);
export const adminListRequests = /* @__PURE__ */ once(() => makeListRequests({ requests: requests() }));
export const adminApproveRequest = /* @__PURE__ */ once(() =>
  makeApproveRequest({
    users: users(),
    directory: directory(),
    requests: requests(),
    audit: audit(),
    clock,
    settings: adminSettings(),
    sendLink: sendLink(),
    mailer: mailer(),
    report,
  }),
);
export const adminRejectRequest = /* @__PURE__ */ once(() =>
  makeRejectRequest({ requests: requests(), audit: audit(), clock, report }),
);
export const adminAudit = /* @__PURE__ */ once(() =>
  makeAuditQueries({
    users: users(),
    reader: dynamoAuditReader(db(), config().AUDIT_TABLE, clock),
    audit: audit(),
    clock,
    report,
  }),
);
export const adminProgress = /* @__PURE__ */ once(() =>
  makeProgress({ directory: directory(), audit: audit(), clock, report }),
);
export const adminDutyCatalogue = /* @__PURE__ */ once(() =>
  dutyCatalogue(parseDutyConflicts(config().DUTY_CONFLICTS)),
);
