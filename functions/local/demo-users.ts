import { bcryptHasher } from '#adapters/bcrypt-hasher.ts';
import type { AuditEntry } from '#domain/administration.ts';
import { UserExistsError } from '#domain/errors.ts';
import type { UserDirectory, UserRepository } from '#domain/ports.ts';
import { normaliseAnswer } from '#domain/security-answers.ts';
import { type User, userIdOf } from '#domain/user.ts';

/**
 * The fictional people of the local stack (never real people's data): the source procedure's demo
 * officer, still to activate, and two administrators who can sign in at once on the same login
 * page, so the administration API can be tried with a session as well as with the bearer key.
 */

/** The demo officer of the source procedure: pending, in PTJ 1001 of agency kth. */
export const DEMO_USER = {
  icNumber: '900101145678',
  agencyCode: 'kth',
  ptjCode: '1001',
  name: 'NUR AISYAH BINTI AHMAD',
  email: 'aisyah.ahmad@example.gov.my',
  registeredAt: '2020-09-14T03:50:04.000Z',
} as const;

export interface DemoAdministrator {
  icNumber: string;
  agencyCode: string;
  ptjCode: string;
  name: string;
  email: string;
  duty: 'PENTADBIR_SISTEM' | 'PENTADBIR_PTJ';
  /** Local only: printed by `npm start` so a developer can sign in. */
  password: string;
}

/** The state treasury's system administrator (Perbendaharaan Negeri). */
export const DEMO_SYSTEM_ADMIN: DemoAdministrator = {
  icNumber: '750505105511',
  agencyCode: 'pn',
  ptjCode: 'PN01',
  name: 'FARID BIN OTHMAN',
  email: 'farid.othman@example.gov.my',
  duty: 'PENTADBIR_SISTEM',
  password: 'Pentadbir#Sistem2026',
};

/** The PTJ administrator of the demo officer's PTJ. */
export const DEMO_PTJ_ADMIN: DemoAdministrator = {
  icNumber: '820202085522',
  agencyCode: 'kth',
  ptjCode: '1001',
  name: 'MEI LING A/P TAN',
  email: 'meiling.tan@example.gov.my',
  duty: 'PENTADBIR_PTJ',
  password: 'Pentadbir#Ptj1001',
};

/** The answers every demo administrator gave (local only). */
const DEMO_ANSWERS = [
  { questionId: 'mother-name', answer: 'Siti Aminah' },
  { questionId: 'first-car', answer: 'Proton Saga' },
  { questionId: 'favourite-colour', answer: 'Hijau Muda' },
];

const START = '2020-01-01';

function seedAudit(user: User): AuditEntry[] {
  return [
    {
      at: user.registeredAt,
      event: 'USER_REGISTERED',
      actor: 'local-stack',
      target: { icNumber: user.icNumber, userId: userIdOf(user), ptjCode: user.ptjCode },
      outcome: 'SUCCESS',
    },
  ];
}

async function activeAdministrator(admin: DemoAdministrator, bcryptCost: number): Promise<User> {
  const hasher = bcryptHasher(bcryptCost);
  const answerHasher = bcryptHasher(Math.max(4, bcryptCost - 2));
  const { password, duty, ...person } = admin;
  return {
    ...person,
    duties: [{ duty, ptjCode: admin.ptjCode, startsOn: START }],
    status: 'ACTIVE',
    registeredAt: '2020-01-02T01:00:00.000Z',
    activatedAt: '2020-01-02T02:00:00.000Z',
    passwordHash: await hasher.hash(password),
    securityAnswers: await Promise.all(
      DEMO_ANSWERS.map(async ({ questionId, answer }) => ({
        questionId,
        answerHash: await answerHasher.hash(normaliseAnswer(answer)),
      })),
    ),
    activationSends: [],
    sendRevision: 0,
  };
}

/**
 * Registers the demo people unless they are there already (a kept `DATA_DIR` has them): the
 * administrators' passwords and answers are hashed only for those still to register, so a
 * restart costs no bcrypt work.
 */
export async function registerDemoUsers(
  directory: UserDirectory,
  users: Pick<UserRepository, 'get'>,
  bcryptCost: number,
): Promise<void> {
  const missing = async (icNumber: string) => (await users.get(icNumber)) === undefined;
  const people: User[] = [];
  if (await missing(DEMO_USER.icNumber)) {
    people.push({
      ...DEMO_USER,
      duties: [{ duty: 'PENYEDIA', ptjCode: DEMO_USER.ptjCode, startsOn: START }],
      status: 'PENDING',
      activationSends: [],
      sendRevision: 0,
    });
  }
  for (const admin of [DEMO_SYSTEM_ADMIN, DEMO_PTJ_ADMIN]) {
    if (await missing(admin.icNumber)) people.push(await activeAdministrator(admin, bcryptCost));
  }
  for (const user of people) {
    try {
      await directory.apply({ after: user, fields: [], audit: seedAudit(user) });
    } catch (error) {
      // Registered meanwhile by another start on the same data: it is there, which is the point.
      if (!(error instanceof UserExistsError)) throw error;
    }
  }
}
