import type { AdminActor } from '../../../functions/domain/administration.ts';
import { adminScope, DEFAULT_CONFLICTS, type DutyAssignment } from '../../../functions/domain/duties.ts';
import { sourcePolicy } from '../../../functions/domain/password-policy.ts';
import { hashToken } from '../../../functions/domain/token.ts';
import type { AdminSettings } from '../../../functions/domain/use-cases/administration/duty-input.ts';
import { makeSendLink } from '../../../functions/domain/use-cases/send-link.ts';
import { makeSessions } from '../../../functions/domain/use-cases/sign-in.ts';
import type { User } from '../../../functions/domain/user.ts';
import {
  CountingRandom,
  FakeClock,
  InMemoryAuditLog,
  InMemoryGuessBudget,
  InMemoryLinkStore,
  InMemoryRequestStore,
  InMemorySessionStore,
  InMemoryUserDirectory,
  InMemoryUserRepository,
  RecordingMailer,
} from '../../support/fakes.ts';
import { activeUser, pendingUser, SITE } from '../../support/fixtures.ts';

/**
 * The administration use cases over in-memory fakes: one store of users shared by the repository,
 * the directory, the links and the guess budget; one audit log that the directory and the queue
 * write to. "Today" is Friday 1 March 2024, 9 AM in Malaysia.
 */
export const NOW = '2024-03-01T01:00:00.000Z';
export const TODAY = '2024-03-01';
export const YESTERDAY = '2024-02-29';
export const TOMORROW = '2024-03-02';

/** Pentadbir Sistem (state treasury). */
export const SYSTEM_ADMIN = {
  icNumber: '750505105511',
  agencyCode: 'pn',
  userId: 'pn:750505105511',
  name: 'FARID BIN OTHMAN',
  ptjCode: 'PN01',
} as const;

/** Pentadbir PTJ of PTJ 1001, the officer's PTJ. */
export const PTJ_ADMIN = {
  icNumber: '820202085522',
  agencyCode: 'kth',
  userId: 'kth:820202085522',
  name: 'MEI LING A/P TAN',
  ptjCode: '1001',
} as const;

/** A second system administrator, to approve what the first asked for. */
export const OTHER_SYSTEM_ADMIN = {
  icNumber: '700707075533',
  agencyCode: 'pn',
  userId: 'pn:700707075533',
  name: 'AHMAD BIN ALI',
  ptjCode: 'PN01',
} as const;

export const AUTOMATION: AdminActor = {
  kind: 'automation',
  id: 'arn:aws:iam::123456789012:role/integration',
};

/** An officer of another PTJ (2002), outside the PTJ administrator's scope. */
export const OTHER_PTJ_OFFICER = { icNumber: '880808088844', agencyCode: 'kth', userId: 'kth:880808088844' };

export function administrator(
  who: { icNumber: string; userId: string; name: string },
  duties: DutyAssignment[],
  now = new Date(NOW),
): AdminActor {
  return {
    kind: 'administrator',
    userId: who.userId,
    icNumber: who.icNumber,
    name: who.name,
    scope: adminScope(duties, now),
  };
}

export const systemAdmin = () =>
  administrator(SYSTEM_ADMIN, [{ duty: 'PENTADBIR_SISTEM', ptjCode: 'PN01', startsOn: '2020-01-01' }]);
export const otherSystemAdmin = () =>
  administrator(OTHER_SYSTEM_ADMIN, [{ duty: 'PENTADBIR_SISTEM', ptjCode: 'PN01', startsOn: '2020-01-01' }]);
export const ptjAdmin = () =>
  administrator(PTJ_ADMIN, [{ duty: 'PENTADBIR_PTJ', ptjCode: '1001', startsOn: '2020-01-01' }]);

export const LINK_SETTINGS = {
  siteUrl: SITE,
  ttlSeconds: 1800,
  pacing: { cooldownSeconds: 60, maxPerHour: 5 },
};

export function adminWorld(settings: Partial<AdminSettings> = {}) {
  const clock = new FakeClock(NOW);
  const users = new InMemoryUserRepository();
  const audit = new InMemoryAuditLog();
  const guesses = new InMemoryGuessBudget();
  const links = new InMemoryLinkStore(users, guesses);
  const directory = new InMemoryUserDirectory(users, { audit, links, guesses });
  const requests = new InMemoryRequestStore(audit);
  const mailer = new RecordingMailer();
  const random = new CountingRandom();
  const reports: { what: string; error: unknown }[] = [];
  const report = (what: string, error: unknown) => reports.push({ what, error });
  const sendLink = makeSendLink({
    users,
    links,
    mailer,
    clock,
    random,
    audit,
    settings: { ACTIVATION: LINK_SETTINGS, RECOVERY: LINK_SETTINGS },
    report,
  });
  const sessionStore = new InMemorySessionStore();
  const sessions = makeSessions({
    users,
    sessions: sessionStore,
    clock,
    settings: { sessionIdleSeconds: 1800, passwordPolicy: sourcePolicy },
  });
  const deps = {
    users,
    directory,
    requests,
    audit,
    reader: audit,
    clock,
    random,
    mailer,
    sendLink,
    report,
    settings: { fourEyes: true, dutyConflicts: DEFAULT_CONFLICTS, ...settings },
  };

  /** Puts the officer (pending, PTJ 1001, agency kth) and an officer of PTJ 2002 in the store. */
  function seedOfficers(officer: Partial<User> = {}): void {
    users.put(pendingUser(officer));
    users.put(
      activeUser({
        ...OTHER_PTJ_OFFICER,
        name: 'LIM WEI MING',
        email: 'lim@example.gov.my',
        ptjCode: '2002',
      }),
    );
  }

  /** An active administrator with these duties, signed in: the session ID. */
  async function signedIn(
    who: { icNumber: string; agencyCode: string; name: string; ptjCode: string },
    duties: DutyAssignment[],
  ): Promise<string> {
    users.put(activeUser({ ...who, email: `${who.icNumber}@example.gov.my`, duties }));
    const sessionId = `session-${who.icNumber}`;
    await sessionStore.create({
      sessionHash: hashToken(sessionId),
      icNumber: who.icNumber,
      epoch: 0,
      createdAt: clock.now().toISOString(),
      lastSeenAt: clock.now().toISOString(),
      expiresAt: new Date(clock.now().getTime() + 3600_000).toISOString(),
    });
    return sessionId;
  }

  return {
    clock,
    users,
    audit,
    guesses,
    links,
    directory,
    requests,
    mailer,
    random,
    reports,
    sendLink,
    sessions,
    deps,
    seedOfficers,
    signedIn,
  };
}

export type AdminWorld = ReturnType<typeof adminWorld>;
