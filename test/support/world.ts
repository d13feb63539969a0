import { readWordLists } from '../../functions/adapters/word-lists.ts';
import { sourcePolicy } from '../../functions/domain/password-policy.ts';
import type { Mailer, SecretHasher } from '../../functions/domain/ports.ts';
import { makeChangePassword, makePasswordCheck } from '../../functions/domain/use-cases/account.ts';
import { makeActivateAccount } from '../../functions/domain/use-cases/activate-account.ts';
import {
  makeRequestRecovery,
  makeResetPassword,
  makeVerifyRecovery,
} from '../../functions/domain/use-cases/recovery.ts';
import { makeResendActivation } from '../../functions/domain/use-cases/resend-activation.ts';
import { makeSendLink } from '../../functions/domain/use-cases/send-link.ts';
import { makeSessions, makeSignIn } from '../../functions/domain/use-cases/sign-in.ts';
import { makeVerifyActivation } from '../../functions/domain/use-cases/verify-activation.ts';
import type { User } from '../../functions/domain/user.ts';
import { wordListLookup } from '../../functions/domain/word-lists.ts';
import {
  CountingRandom,
  FakeClock,
  fakeHasher,
  InMemoryAccountStore,
  InMemoryAuditLog,
  InMemoryGuessBudget,
  InMemoryLinkStore,
  InMemorySessionStore,
  InMemoryUserRepository,
  RecordingMailer,
  tokenFromLink,
} from './fakes.ts';
import { pendingUser, SITE } from './fixtures.ts';

/** The word lists as the functions read them, loaded once for every test. */
export const isListed = wordListLookup(readWordLists());

/** Every setting the use cases take, with the production defaults (no padding, to keep tests quick). */
export const defaultSettings = {
  siteUrl: SITE,
  activationTtlSeconds: 1800,
  recoveryTtlSeconds: 1800,
  cooldownSeconds: 60,
  maxPerHour: 5,
  enumerationProtection: false,
  minResponseMs: 0,
  maxFailures: 5,
  lockSeconds: 900,
  sessionIdleSeconds: 1800,
  sessionMaxSeconds: 43_200,
  passwordPolicy: sourcePolicy,
};

export type WorldSettings = typeof defaultSettings;

export interface WorldOptions {
  settings?: Partial<WorldSettings>;
  /** Users in the store at the start (default: the officer, pending). */
  users?: User[];
  mailer?: Mailer;
  hasher?: SecretHasher;
  start?: string;
}

/**
 * Every use case over in-memory fakes that keep the same conditions as the DynamoDB adapters:
 * the one place domain tests build their world, so a new port or setting changes one file.
 */
export function world(options: WorldOptions = {}) {
  const settings = { ...defaultSettings, ...options.settings };
  const clock = new FakeClock(options.start);
  const users = new InMemoryUserRepository();
  const guesses = new InMemoryGuessBudget({
    maxGuesses: settings.maxFailures,
    lockSeconds: settings.lockSeconds,
  });
  const links = new InMemoryLinkStore(users, guesses);
  const sessions = new InMemorySessionStore();
  const accounts = new InMemoryAccountStore(users, sessions);
  const mailbox = new RecordingMailer();
  const mailer = options.mailer ?? mailbox;
  const hasher = options.hasher ?? fakeHasher;
  const random = new CountingRandom();
  const audit = new InMemoryAuditLog();
  const reported: { what: string; error: unknown }[] = [];
  const report = (what: string, error: unknown) => reported.push({ what, error });
  for (const user of options.users ?? [pendingUser()]) users.put(user);

  const pacing = { cooldownSeconds: settings.cooldownSeconds, maxPerHour: settings.maxPerHour };
  const sendLink = makeSendLink({
    users,
    links,
    mailer,
    clock,
    random,
    audit,
    report,
    settings: {
      ACTIVATION: { siteUrl: settings.siteUrl, ttlSeconds: settings.activationTtlSeconds, pacing },
      RECOVERY: { siteUrl: settings.siteUrl, ttlSeconds: settings.recoveryTtlSeconds, pacing },
    },
  });
  const signIn = makeSignIn({
    users,
    sessions,
    guesses,
    hasher,
    mailer,
    clock,
    random,
    audit,
    report,
    settings: {
      maxFailures: settings.maxFailures,
      lockSeconds: settings.lockSeconds,
      sessionMaxSeconds: settings.sessionMaxSeconds,
      siteUrl: settings.siteUrl,
      lockAnswerMinMs: settings.minResponseMs,
      passwordPolicy: settings.passwordPolicy,
    },
  });
  const sessionsOf = makeSessions({
    users,
    sessions,
    clock,
    settings: { sessionIdleSeconds: settings.sessionIdleSeconds, passwordPolicy: settings.passwordPolicy },
  });

  return {
    settings,
    clock,
    users,
    guesses,
    links,
    sessions,
    mailer: mailbox,
    audit,
    reported,
    sendLink,
    resendActivation: makeResendActivation({
      users,
      mailer,
      clock,
      sendLink,
      report,
      settings: {
        siteUrl: settings.siteUrl,
        tokenTtlSeconds: settings.activationTtlSeconds,
        pacing,
        enumerationProtection: settings.enumerationProtection,
        minResponseMs: settings.minResponseMs,
      },
    }),
    verifyActivation: makeVerifyActivation({
      activations: links,
      users,
      clock,
      audit,
      report,
      passwordPolicy: settings.passwordPolicy,
    }),
    activateAccount: makeActivateAccount({
      activations: links,
      users,
      clock,
      audit,
      report,
      hasher,
      passwordPolicy: settings.passwordPolicy,
      isListed,
    }),
    /** Sign-in and the session use cases together, as the pages meet them. */
    signIn: { ...signIn, ...sessionsOf },
    recovery: {
      requestRecovery: makeRequestRecovery({
        users,
        clock,
        sendLink,
        report,
        settings: {
          tokenTtlSeconds: settings.recoveryTtlSeconds,
          minResponseMs: settings.minResponseMs,
        },
      }),
      verifyRecovery: makeVerifyRecovery({
        recoveries: links,
        users,
        clock,
        passwordPolicy: settings.passwordPolicy,
      }),
      resetPassword: makeResetPassword({
        users,
        recoveries: links,
        guesses,
        hasher,
        answerHasher: hasher,
        mailer,
        clock,
        audit,
        report,
        settings: {
          siteUrl: settings.siteUrl,
          passwordPolicy: settings.passwordPolicy,
          isListed,
          lockSeconds: settings.lockSeconds,
        },
      }),
    },
    changePassword: makeChangePassword({
      accounts,
      users,
      guesses,
      hasher,
      mailer,
      clock,
      audit,
      caller: sessionsOf.caller,
      report,
      settings: {
        siteUrl: settings.siteUrl,
        passwordPolicy: settings.passwordPolicy,
        lockSeconds: settings.lockSeconds,
        isListed,
      },
    }),
    passwordCheck: makePasswordCheck({
      links,
      clock,
      caller: sessionsOf.caller,
      passwordPolicy: settings.passwordPolicy,
      isListed,
    }),
    /** The token of the latest e-mail of `kind` sent to `to` (any address when omitted). */
    latestToken(kind: 'activation' | 'recovery', to?: string): string {
      const mail = [...mailbox.sent]
        .reverse()
        .find((m) => m.kind === kind && (to === undefined || m.to === to));
      if (!mail || !('link' in mail)) throw new Error(`no ${kind} e-mail${to ? ` to ${to}` : ''}`);
      return tokenFromLink(mail.link);
    },
  };
}

export type World = ReturnType<typeof world>;
