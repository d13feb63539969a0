import { describe, expect, it } from 'vitest';
import {
  AccountDisabledError,
  AlreadyActiveError,
  AlreadyDisabledError,
  NotDisabledError,
  ResendCooldownError,
  ServiceUnavailableError,
  UserExistsError,
  ValidationError,
} from '../../../functions/domain/errors.ts';
import { guessSubject } from '../../../functions/domain/guess-budget.ts';
import { hashToken } from '../../../functions/domain/token.ts';
import {
  makeDeactivate,
  makeReactivate,
  makeRegister,
  makeSendActivation,
  makeStartPasswordReset,
  makeUnlock,
  makeUpdateUser,
} from '../../../functions/domain/use-cases/administration/changes.ts';
import { rejectionOf, tokenFromLink } from '../../support/fakes.ts';
import { activeUser, OFFICER } from '../../support/fixtures.ts';
import { AUTOMATION, adminWorld, NOW, ptjAdmin, SYSTEM_ADMIN, systemAdmin, TODAY } from './admin-world.ts';

const NEW_OFFICER = {
  icNumber: '860606-10-4321',
  agencyCode: 'kth',
  ptjCode: '1001',
  name: '  Siti   binti Musa ',
  email: ' Siti.Musa@Example.GOV.my ',
};

describe('makeRegister', () => {
  it('registers at once for a system administrator: normalised, PENDING, audited with the actor', async () => {
    // Arrange
    const world = adminWorld();
    const register = makeRegister(world.deps);

    // Act
    const outcome = await register(systemAdmin(), NEW_OFFICER);

    // Assert
    expect(outcome).toMatchObject({
      kind: 'done',
      user: {
        userId: 'kth:860606104321',
        name: 'SITI BINTI MUSA',
        email: 'siti.musa@example.gov.my',
        status: 'PENDING',
        registeredAt: NOW,
      },
    });
    expect(world.users.stored('860606104321').status).toBe('PENDING');
    const entry = world.audit.entries.find((e) => e.event === 'USER_REGISTERED');
    expect(entry).toMatchObject({
      actor: SYSTEM_ADMIN.userId,
      outcome: 'SUCCESS',
      target: { ptjCode: '1001' },
    });
    expect(entry?.changeRequestId).toBeUndefined();
  });

  it('sends the activation e-mail when the registration takes effect', async () => {
    // Arrange
    const world = adminWorld();
    const register = makeRegister(world.deps);

    // Act
    await register(AUTOMATION, NEW_OFFICER);

    // Assert
    expect(world.mailer.sent).toHaveLength(1);
    expect(world.mailer.sent[0]).toMatchObject({ kind: 'activation', to: 'siti.musa@example.gov.my' });
    expect(world.audit.entries.find((e) => e.event === 'ACTIVATION_EMAIL_SENT')?.actor).toBe(
      `automation:${(AUTOMATION as { id: string }).id}`,
    );
  });

  it('keeps the registration and answers the user when the e-mail cannot be sent, and reports it', async () => {
    // Arrange
    const world = adminWorld();
    world.mailer.failNextSend(new ServiceUnavailableError('E-mail'));
    const register = makeRegister(world.deps);

    // Act
    const outcome = await register(systemAdmin(), NEW_OFFICER);

    // Assert
    expect(outcome.kind).toBe('done');
    expect(world.users.stored('860606104321').status).toBe('PENDING');
    expect(world.reports.map((r) => r.what)).toEqual([
      'activation e-mail not sent after registration (send-activation sends it)',
    ]);
  });

  it('takes the agency from the ID when agencyCode is not given, and refuses two that differ', async () => {
    // Arrange
    const world = adminWorld();
    const register = makeRegister(world.deps);

    // Act
    const outcome = await register(systemAdmin(), {
      ...NEW_OFFICER,
      icNumber: 'jpn:860606104321',
      agencyCode: undefined,
    });
    const clash = await rejectionOf(
      register(systemAdmin(), { ...NEW_OFFICER, icNumber: 'jpn:870707104321', agencyCode: 'kth' }),
      ValidationError,
    );

    // Assert
    expect(outcome).toMatchObject({ kind: 'done', user: { userId: 'jpn:860606104321', agencyCode: 'jpn' } });
    expect(clash.errors).toEqual([{ path: 'agencyCode', code: 'AGENCY_MISMATCH' }]);
  });

  it('refuses a taken IC number with USER_EXISTS', async () => {
    // Arrange
    const world = adminWorld();
    world.seedOfficers();
    const register = makeRegister(world.deps);

    // Act / Assert
    await rejectionOf(
      register(systemAdmin(), { ...NEW_OFFICER, icNumber: OFFICER.icNumber }),
      UserExistsError,
    );
  });

  it('gives the duties, each starting today unless told otherwise', async () => {
    // Arrange
    const world = adminWorld();
    const register = makeRegister(world.deps);

    // Act
    await register(systemAdmin(), {
      ...NEW_OFFICER,
      duties: [{ duty: 'PELULUS', ptjCode: '1001', approvalLimit: 50_000 }],
    });

    // Assert
    expect(world.users.stored('860606104321').duties).toEqual([
      { duty: 'PELULUS', ptjCode: '1001', approvalLimit: 50_000, startsOn: TODAY },
    ]);
  });
});

describe('makeUpdateUser', () => {
  it('cancels every outstanding link when the e-mail changes, and tells the old address', async () => {
    // Arrange
    const world = adminWorld();
    world.seedOfficers();
    await world.sendLink(world.users.stored(OFFICER.icNumber), 'ACTIVATION');
    const link = world.mailer.sent[0];
    const oldToken = tokenFromLink(link && 'link' in link ? link.link : '');
    const update = makeUpdateUser(world.deps);

    // Act
    const outcome = await update(systemAdmin(), OFFICER.userId, { email: 'Aisyah.Baru@Example.gov.my' });

    // Assert
    expect(outcome).toMatchObject({ kind: 'done', user: { email: 'aisyah.baru@example.gov.my' } });
    expect(world.users.stored(OFFICER.icNumber).activationTokenHash).toBeUndefined();
    expect(await world.links.find(hashToken(oldToken))).toBeUndefined();
    expect(world.mailer.sent.at(-1)).toEqual({
      kind: 'email-changed',
      to: OFFICER.email,
      name: OFFICER.name,
      newEmailMasked: 'a*********u@example.gov.my',
      changedAt: NOW,
    });
  });

  it('records the before and after of each changed field, with the actor', async () => {
    // Arrange
    const world = adminWorld();
    world.seedOfficers();
    const update = makeUpdateUser(world.deps);

    // Act
    await update(systemAdmin(), OFFICER.icNumber, { name: 'Nur Aisyah Ahmad', ptjCode: OFFICER.ptjCode });

    // Assert
    const entry = world.audit.entries.find((e) => e.event === 'USER_UPDATED');
    expect(entry).toMatchObject({
      actor: SYSTEM_ADMIN.userId,
      changes: { name: { before: OFFICER.name, after: 'NUR AISYAH AHMAD' } },
    });
    expect(Object.keys(entry?.changes ?? {})).toEqual(['name']);
    expect(world.mailer.sent).toEqual([]);
  });

  it('writes and records nothing when nothing really changes', async () => {
    // Arrange
    const world = adminWorld();
    world.seedOfficers();
    const update = makeUpdateUser(world.deps);

    // Act
    const outcome = await update(systemAdmin(), OFFICER.userId, { name: OFFICER.name.toLowerCase() });

    // Assert
    expect(outcome.kind).toBe('done');
    expect(world.directory.changes).toEqual([]);
    expect(world.audit.entries).toEqual([]);
  });
});

describe('makeDeactivate', () => {
  it('disables the account with the reason, ends every session and cancels every link', async () => {
    // Arrange
    const world = adminWorld();
    world.users.put(activeUser({ sessionEpoch: 3, recoveryTokenHash: 'r-hash' }));
    const deactivate = makeDeactivate(world.deps);

    // Act
    const outcome = await deactivate(systemAdmin(), OFFICER.userId, '  Bertukar ke jabatan lain ');

    // Assert
    const stored = world.users.stored(OFFICER.icNumber);
    expect(outcome).toMatchObject({
      kind: 'done',
      user: { status: 'DISABLED', disabledReason: 'Bertukar ke jabatan lain' },
    });
    expect(stored).toMatchObject({
      status: 'DISABLED',
      statusBeforeDisable: 'ACTIVE',
      disabledAt: NOW,
      sessionEpoch: 4,
    });
    expect(stored.recoveryTokenHash).toBeUndefined();
    expect(world.directory.changes[0]).toMatchObject({ endSessions: true, cancelLinks: true });
    expect(world.audit.entries.at(-1)).toMatchObject({
      event: 'USER_DEACTIVATED',
      actor: SYSTEM_ADMIN.userId,
    });
  });

  it('requires a reason', async () => {
    // Arrange
    const world = adminWorld();
    world.seedOfficers();
    const deactivate = makeDeactivate(world.deps);

    // Act
    const error = await rejectionOf(deactivate(systemAdmin(), OFFICER.userId, '   '), ValidationError);

    // Assert
    expect(error.errors).toEqual([{ path: 'reason', code: 'REQUIRED' }]);
  });

  it('refuses an account already deactivated', async () => {
    // Arrange
    const world = adminWorld();
    world.users.put(activeUser({ status: 'DISABLED', statusBeforeDisable: 'ACTIVE' }));
    const deactivate = makeDeactivate(world.deps);

    // Act / Assert
    await rejectionOf(deactivate(systemAdmin(), OFFICER.userId, 'Bersara'), AlreadyDisabledError);
  });
});

describe('makeReactivate', () => {
  it('puts the account back as it was before, without the deactivation fields', async () => {
    // Arrange
    const world = adminWorld();
    world.users.put(
      activeUser({
        status: 'DISABLED',
        statusBeforeDisable: 'ACTIVE',
        disabledAt: NOW,
        disabledReason: 'Cuti panjang',
      }),
    );
    const reactivate = makeReactivate(world.deps);

    // Act
    const outcome = await reactivate(systemAdmin(), OFFICER.userId);

    // Assert
    const stored = world.users.stored(OFFICER.icNumber);
    expect(outcome).toMatchObject({ kind: 'done', user: { status: 'ACTIVE' } });
    expect(stored.disabledAt).toBeUndefined();
    expect(stored.disabledReason).toBeUndefined();
    expect(stored.statusBeforeDisable).toBeUndefined();
    expect(world.audit.entries.at(-1)).toMatchObject({
      event: 'USER_REACTIVATED',
      changes: { status: { before: 'DISABLED', after: 'ACTIVE' } },
    });
  });

  it('refuses an account that is not deactivated', async () => {
    // Arrange
    const world = adminWorld();
    world.seedOfficers();
    const reactivate = makeReactivate(world.deps);

    // Act / Assert
    await rejectionOf(reactivate(systemAdmin(), OFFICER.userId), NotDisabledError);
  });
});

describe('makeUnlock', () => {
  it('lifts the sign-in and recovery guess budgets and the mirrored lock, at once even for a PTJ administrator', async () => {
    // Arrange
    const world = adminWorld();
    world.users.put(activeUser({ lockedUntil: '2024-03-01T01:10:00.000Z' }));
    for (const kind of ['signin', 'recovery'] as const) {
      world.guesses.states.set(guessSubject(kind, OFFICER.icNumber), {
        count: 0,
        generation: 1,
        lockedUntil: Date.parse(NOW) + 600_000,
      });
    }
    const unlock = makeUnlock(world.deps);

    // Act
    const outcome = await unlock(ptjAdmin(), OFFICER.userId);

    // Assert
    expect(outcome).toMatchObject({ kind: 'done', user: { status: 'ACTIVE' } });
    expect(world.users.stored(OFFICER.icNumber).lockedUntil).toBeUndefined();
    expect(world.guesses.states.size).toBe(0);
    expect(world.audit.entries.at(-1)).toMatchObject({ event: 'USER_UNLOCKED', actor: 'kth:820202085522' });
  });
});

describe('makeStartPasswordReset', () => {
  it('sends the officer the recovery e-mail and records who started it; nobody sees a password', async () => {
    // Arrange
    const world = adminWorld();
    world.users.put(activeUser());
    const reset = makeStartPasswordReset(world.deps);

    // Act
    const outcome = await reset(systemAdmin(), OFFICER.userId);

    // Assert
    expect(outcome.kind).toBe('done');
    expect(world.mailer.sent).toHaveLength(1);
    expect(world.mailer.sent[0]).toMatchObject({ kind: 'recovery', to: OFFICER.email });
    expect(world.audit.events()).toEqual(['RECOVERY_EMAIL_SENT', 'PASSWORD_RESET_STARTED']);
    expect(world.audit.entries.every((e) => e.actor === SYSTEM_ADMIN.userId)).toBe(true);
    expect(JSON.stringify(outcome)).not.toMatch(/password|token/i);
  });

  it('refuses a pending account: it gets the activation e-mail instead', async () => {
    // Arrange
    const world = adminWorld();
    world.seedOfficers();
    const reset = makeStartPasswordReset(world.deps);

    // Act
    const error = await rejectionOf(reset(systemAdmin(), OFFICER.userId), ValidationError);

    // Assert
    expect(error.errors).toEqual([{ path: 'status', code: 'ACCOUNT_PENDING' }]);
    expect(error.message).toContain('send-activation');
  });

  it('refuses a deactivated account', async () => {
    // Arrange
    const world = adminWorld();
    world.users.put(activeUser({ status: 'DISABLED' }));
    const reset = makeStartPasswordReset(world.deps);

    // Act / Assert
    await rejectionOf(reset(systemAdmin(), OFFICER.userId), AccountDisabledError);
  });
});

describe('makeSendActivation', () => {
  it('sends the activation e-mail to a pending officer at once, even for a PTJ administrator', async () => {
    // Arrange
    const world = adminWorld();
    world.seedOfficers();
    const send = makeSendActivation(world.deps);

    // Act
    const outcome = await send(ptjAdmin(), OFFICER.userId);

    // Assert
    expect(outcome.kind).toBe('done');
    expect(world.mailer.sent[0]).toMatchObject({ kind: 'activation', to: OFFICER.email });
    expect(world.audit.entries.at(-1)).toMatchObject({
      event: 'ACTIVATION_EMAIL_SENT',
      actor: 'kth:820202085522',
    });
  });

  it('refuses an active account with ALREADY_ACTIVE', async () => {
    // Arrange
    const world = adminWorld();
    world.users.put(activeUser());
    const send = makeSendActivation(world.deps);

    // Act / Assert
    await rejectionOf(send(systemAdmin(), OFFICER.userId), AlreadyActiveError);
  });

  it('is paced as the officer’s own: a second e-mail within the cooldown is RESEND_COOLDOWN', async () => {
    // Arrange
    const world = adminWorld();
    world.seedOfficers();
    const send = makeSendActivation(world.deps);
    await send(systemAdmin(), OFFICER.userId);

    // Act
    const error = await rejectionOf(send(systemAdmin(), OFFICER.userId), ResendCooldownError);

    // Assert
    expect(error.retryAfterSeconds).toBe(60);
  });
});
