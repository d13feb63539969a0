import { bcryptHasher } from '#adapters/bcrypt-hasher.ts';
import { dynamoActivationStore } from '#adapters/dynamodb-activation-store.ts';
import { makeDocumentClient } from '#adapters/dynamodb-client.ts';
import { dynamoSessionStore } from '#adapters/dynamodb-session-store.ts';
import { dynamoUserRepository } from '#adapters/dynamodb-user-repository.ts';
import { makeSesClient, sesv2Mailer } from '#adapters/email/sesv2-mailer.ts';
import { cryptoRandom, systemClock } from '#adapters/system.ts';
import { makePasswordPolicy } from '#domain/password-policy.ts';
import { makeActivateAccount } from '#domain/use-cases/activate-account.ts';
import { makeRegisterUser } from '#domain/use-cases/register-user.ts';
import { makeResendActivation } from '#domain/use-cases/resend-activation.ts';
import { makeSignIn } from '#domain/use-cases/sign-in.ts';
import { makeVerifyActivation } from '#domain/use-cases/verify-activation.ts';
import { loadConfig } from './config.ts';

/**
 * The composition root: builds the adapters from the checked configuration and hands each use
 * case its ports. Handlers call one of these at module scope, so the work happens once per cold
 * start, and only for what that function uses.
 */
const config = loadConfig();
const clock = systemClock;
const db = makeDocumentClient({ region: config.AWS_REGION, endpoint: config.DYNAMODB_ENDPOINT });
const users = dynamoUserRepository(db, config.USERS_TABLE);
const activations = dynamoActivationStore(db, { users: config.USERS_TABLE, tokens: config.TOKENS_TABLE });
const passwordPolicy = makePasswordPolicy(config.PASSWORD_MIN_LENGTH, config.PASSWORD_COMPOSITION);

export function resendActivationUseCase() {
  const ses = makeSesClient({ region: config.AWS_REGION, endpoint: config.SES_ENDPOINT });
  return makeResendActivation({
    users,
    activations,
    clock,
    random: cryptoRandom,
    mailer: sesv2Mailer(ses, { senderEmail: config.SENDER_EMAIL, senderName: config.SENDER_NAME }),
    settings: {
      siteUrl: config.SITE_URL,
      tokenTtlSeconds: config.ACTIVATION_TOKEN_TTL_SECONDS,
      cooldownSeconds: config.RESEND_COOLDOWN_SECONDS,
      maxPerHour: config.RESEND_MAX_PER_HOUR,
      enumerationProtection: config.ENUMERATION_PROTECTION,
      minResponseMs: config.ENUMERATION_MIN_RESPONSE_MS,
    },
  });
}

export function verifyActivationUseCase() {
  return makeVerifyActivation({ activations, clock, passwordPolicy });
}

export function activateAccountUseCase() {
  return makeActivateAccount({
    activations,
    clock,
    passwordPolicy,
    hasher: bcryptHasher(config.BCRYPT_COST),
    // Answers are hashed too (security.md 15), two cost steps lower: three per activation, and
    // an answer is never a sign-in secret on its own.
    answerHasher: bcryptHasher(Math.max(4, config.BCRYPT_COST - 2)),
  });
}

export function registerUserUseCase() {
  return makeRegisterUser({ users, clock });
}

export function signInUseCases() {
  return makeSignIn({
    users,
    sessions: dynamoSessionStore(db, config.SESSIONS_TABLE),
    hasher: bcryptHasher(config.BCRYPT_COST),
    clock,
    random: cryptoRandom,
    settings: {
      maxFailures: config.LOGIN_MAX_FAILURES,
      lockSeconds: config.LOGIN_LOCK_SECONDS,
      sessionIdleSeconds: config.SESSION_IDLE_SECONDS,
      sessionMaxSeconds: config.SESSION_MAX_SECONDS,
    },
  });
}
