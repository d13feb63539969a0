import { describe, expect, it } from 'vitest';
import {
  AlreadyDisabledError,
  DutyConflictError,
  ForbiddenError,
  OwnRequestError,
  RequestDecidedError,
  RequestNotFoundError,
  UserExistsError,
} from '../../../functions/domain/errors.ts';
import {
  makeDeactivate,
  makeRegister,
  makeSetDuties,
  makeStartPasswordReset,
  makeUpdateUser,
} from '../../../functions/domain/use-cases/administration/changes.ts';
import {
  makeDecideRequest,
  makeListRequests,
} from '../../../functions/domain/use-cases/administration/requests.ts';
import { rejectionOf } from '../../support/fakes.ts';
import { activeUser, OFFICER } from '../../support/fixtures.ts';
import {
  AUTOMATION,
  administrator,
  adminWorld,
  OTHER_SYSTEM_ADMIN,
  otherSystemAdmin,
  PTJ_ADMIN,
  ptjAdmin,
  SYSTEM_ADMIN,
  systemAdmin,
} from './admin-world.ts';

const NEW_OFFICER = {
  icNumber: '860606104321',
  agencyCode: 'kth',
  ptjCode: '1001',
  name: 'Siti binti Musa',
  email: 'siti@example.gov.my',
};

describe('four eyes: a PTJ administrator asks', () => {
  it('turns a registration into a PENDING request, with its changes and target, and registers nobody', async () => {
    // Arrange
    const world = adminWorld();
    const register = makeRegister(world.deps);

    // Act
    const outcome = await register(ptjAdmin(), NEW_OFFICER);

    // Assert
    expect(outcome.kind).toBe('requested');
    const request = outcome.kind === 'requested' ? outcome.request : undefined;
    expect(request).toMatchObject({
      kind: 'REGISTER',
      status: 'PENDING',
      requestedBy: PTJ_ADMIN.userId,
      target: {
        icNumber: '860606104321',
        userId: 'kth:860606104321',
        name: 'SITI BINTI MUSA',
        ptjCode: '1001',
      },
      changes: {
        name: { before: null, after: 'SITI BINTI MUSA' },
        email: { before: null, after: 'siti@example.gov.my' },
      },
    });
    expect(request?.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(request).not.toHaveProperty('payload');
    expect(request).not.toHaveProperty('requestedByIc');
    expect(world.users.users.has('860606104321')).toBe(false);
    expect(world.mailer.sent).toEqual([]);
    expect(world.audit.entries).toEqual([
      expect.objectContaining({
        event: 'REQUEST_CREATED',
        actor: PTJ_ADMIN.userId,
        outcome: 'REQUESTED',
        changeRequestId: request?.id,
      }),
    ]);
  });

  it('stores exactly what to apply', async () => {
    // Arrange
    const world = adminWorld();
    world.seedOfficers();
    const update = makeUpdateUser(world.deps);

    // Act
    const outcome = await update(ptjAdmin(), OFFICER.userId, {
      email: ' New@Example.gov.my',
      name: OFFICER.name,
    });

    // Assert
    const id = outcome.kind === 'requested' ? outcome.request.id : '';
    expect(world.requests.requests.get(id)?.payload).toEqual({
      kind: 'UPDATE',
      icNumber: OFFICER.icNumber,
      update: { email: 'new@example.gov.my' },
    });
    expect(world.users.stored(OFFICER.icNumber).email).toBe(OFFICER.email);
  });

  it('validates in full when asking: a duty conflict or a taken IC is refused at once', async () => {
    // Arrange
    const world = adminWorld();
    world.seedOfficers();
    const setDuties = makeSetDuties(world.deps);
    const register = makeRegister(world.deps);

    // Act / Assert
    await rejectionOf(
      setDuties(ptjAdmin(), OFFICER.userId, [
        { duty: 'PENYEDIA', ptjCode: '1001' },
        { duty: 'PELULUS', ptjCode: '1001' },
      ]),
      DutyConflictError,
    );
    await rejectionOf(register(ptjAdmin(), { ...NEW_OFFICER, icNumber: OFFICER.icNumber }), UserExistsError);
    expect(world.requests.requests.size).toBe(0);
  });

  it('applies at once when four eyes are switched off', async () => {
    // Arrange
    const world = adminWorld({ fourEyes: false });
    const register = makeRegister(world.deps);

    // Act
    const outcome = await register(ptjAdmin(), NEW_OFFICER);

    // Assert
    expect(outcome.kind).toBe('done');
    expect(world.users.stored('860606104321').status).toBe('PENDING');
  });

  it('asks for a password reset too, sending nothing until it is approved', async () => {
    // Arrange
    const world = adminWorld();
    world.users.put(activeUser());
    const reset = makeStartPasswordReset(world.deps);

    // Act
    const outcome = await reset(ptjAdmin(), OFFICER.userId);

    // Assert
    expect(outcome).toMatchObject({ kind: 'requested', request: { kind: 'PASSWORD_RESET' } });
    expect(world.mailer.sent).toEqual([]);
  });
});

describe('four eyes: a system administrator decides', () => {
  async function requested(world = adminWorld()) {
    const outcome = await makeRegister(world.deps)(ptjAdmin(), NEW_OFFICER);
    if (outcome.kind !== 'requested') throw new Error('expected a request');
    return { world, id: outcome.request.id };
  }

  it('applies an approved registration through the same path: registered, e-mailed, audited with the request', async () => {
    // Arrange
    const { world, id } = await requested();
    const decide = makeDecideRequest(world.deps);

    // Act
    const decision = await decide.approve(systemAdmin(), id);

    // Assert
    expect(decision.request).toMatchObject({ id, status: 'APPROVED', decidedBy: SYSTEM_ADMIN.userId });
    expect(decision.user).toMatchObject({ userId: 'kth:860606104321', status: 'PENDING' });
    expect(world.users.stored('860606104321').name).toBe('SITI BINTI MUSA');
    expect(world.mailer.sent).toEqual([
      expect.objectContaining({ kind: 'activation', to: 'siti@example.gov.my' }),
    ]);
    expect(world.audit.events()).toEqual([
      'REQUEST_CREATED',
      'USER_REGISTERED',
      'ACTIVATION_EMAIL_SENT',
      'REQUEST_APPROVED',
    ]);
    expect(world.audit.entries.find((e) => e.event === 'USER_REGISTERED')).toMatchObject({
      actor: SYSTEM_ADMIN.userId,
      changeRequestId: id,
    });
    expect(world.requests.requests.get(id)?.status).toBe('APPROVED');
  });

  it('lets automation approve', async () => {
    // Arrange
    const { world, id } = await requested();

    // Act
    const decision = await makeDecideRequest(world.deps).approve(AUTOMATION, id);

    // Assert
    expect(decision.request.status).toBe('APPROVED');
  });

  it('refuses the requester their own request, even from another of their sessions', async () => {
    // Arrange
    const world = adminWorld();
    world.seedOfficers();
    const outcome = await makeDeactivate(world.deps)(ptjAdmin(), OFFICER.userId, 'Bersara');
    const id = outcome.kind === 'requested' ? outcome.request.id : '';
    // The same officer, later also holding PENTADBIR_SISTEM.
    const sameOfficer = administrator(PTJ_ADMIN, [
      { duty: 'PENTADBIR_SISTEM', ptjCode: 'PN01', startsOn: '2020-01-01' },
    ]);
    const decide = makeDecideRequest(world.deps);

    // Act / Assert
    await rejectionOf(decide.approve(sameOfficer, id), OwnRequestError);
    await rejectionOf(decide.reject(sameOfficer, id, 'Tidak perlu'), OwnRequestError);
    expect(world.users.stored(OFFICER.icNumber).status).toBe('PENDING');
  });

  it('refuses a system administrator a request recorded under their own name', async () => {
    // Arrange
    const world = adminWorld();
    world.requests.put({
      id: 'req-own',
      kind: 'REACTIVATE',
      status: 'PENDING',
      requestedBy: SYSTEM_ADMIN.userId,
      requestedByIc: SYSTEM_ADMIN.icNumber,
      requestedAt: '2024-03-01T00:00:00.000Z',
      target: { icNumber: OFFICER.icNumber, userId: OFFICER.userId, name: OFFICER.name, ptjCode: '1001' },
      changes: {},
      payload: { kind: 'REACTIVATE', icNumber: OFFICER.icNumber },
    });

    // Act / Assert
    await rejectionOf(makeDecideRequest(world.deps).approve(systemAdmin(), 'req-own'), OwnRequestError);
  });

  it('refuses a PTJ administrator the decision, and records the refusal', async () => {
    // Arrange
    const { world, id } = await requested();
    const otherPtjAdmin = administrator(
      { icNumber: '830303035533', userId: 'kth:830303035533', name: 'ALI' },
      [{ duty: 'PENTADBIR_PTJ', ptjCode: '1001', startsOn: '2020-01-01' }],
    );

    // Act
    await rejectionOf(makeDecideRequest(world.deps).approve(otherPtjAdmin, id), ForbiddenError);

    // Assert
    expect(world.audit.entries.at(-1)).toMatchObject({
      event: 'ACCESS_REFUSED',
      actor: 'kth:830303035533',
      outcome: 'REFUSED',
    });
    expect(world.requests.requests.get(id)?.status).toBe('PENDING');
  });

  it('refuses a request already decided, and an unknown one', async () => {
    // Arrange
    const { world, id } = await requested();
    const decide = makeDecideRequest(world.deps);
    await decide.approve(systemAdmin(), id);

    // Act / Assert
    const error = await rejectionOf(decide.approve(otherSystemAdmin(), id), RequestDecidedError);
    await rejectionOf(decide.reject(otherSystemAdmin(), id, 'Lewat'), RequestDecidedError);
    await rejectionOf(decide.approve(otherSystemAdmin(), 'no-such-request'), RequestNotFoundError);
    expect(error.status).toBe('APPROVED');
  });

  it('rejects with a reason: nothing applied, the rejection recorded', async () => {
    // Arrange
    const { world, id } = await requested();

    // Act
    const decision = await makeDecideRequest(world.deps).reject(
      otherSystemAdmin(),
      id,
      ' Maklumat tidak lengkap ',
    );

    // Assert
    expect(decision.request).toMatchObject({
      status: 'REJECTED',
      decidedBy: OTHER_SYSTEM_ADMIN.userId,
      reason: 'Maklumat tidak lengkap',
    });
    expect(world.users.users.has('860606104321')).toBe(false);
    expect(world.mailer.sent).toEqual([]);
    expect(world.audit.events()).toEqual(['REQUEST_CREATED', 'REQUEST_REJECTED']);
    expect(world.audit.entries.at(-1)).toMatchObject({
      actor: OTHER_SYSTEM_ADMIN.userId,
      changeRequestId: id,
    });
  });

  it('re-validates against the user as it is now, and gives the request back when applying fails', async () => {
    // Arrange
    const world = adminWorld();
    world.seedOfficers();
    const outcome = await makeDeactivate(world.deps)(ptjAdmin(), OFFICER.userId, 'Bersara');
    const id = outcome.kind === 'requested' ? outcome.request.id : '';
    await makeDeactivate(world.deps)(systemAdmin(), OFFICER.userId, 'Bertukar');
    const decide = makeDecideRequest(world.deps);

    // Act
    await rejectionOf(decide.approve(otherSystemAdmin(), id), AlreadyDisabledError);

    // Assert
    expect(world.requests.requests.get(id)?.status).toBe('PENDING');
    expect(world.requests.claims.has(id)).toBe(false);
    expect(world.users.stored(OFFICER.icNumber).disabledReason).toBe('Bertukar');
    const rejected = await decide.reject(otherSystemAdmin(), id, 'Sudah dinyahaktifkan');
    expect(rejected.request.status).toBe('REJECTED');
  });

  it('applies an approved e-mail change with its notice to the old address', async () => {
    // Arrange
    const world = adminWorld();
    world.seedOfficers();
    const outcome = await makeUpdateUser(world.deps)(ptjAdmin(), OFFICER.userId, {
      email: 'baru@example.gov.my',
    });
    const id = outcome.kind === 'requested' ? outcome.request.id : '';

    // Act
    const decision = await makeDecideRequest(world.deps).approve(systemAdmin(), id);

    // Assert
    expect(decision.user?.email).toBe('baru@example.gov.my');
    expect(world.mailer.sent).toEqual([
      expect.objectContaining({ kind: 'email-changed', to: OFFICER.email }),
    ]);
    expect(world.audit.entries.find((e) => e.event === 'USER_UPDATED')).toMatchObject({
      actor: SYSTEM_ADMIN.userId,
      changeRequestId: id,
      changes: { email: { before: OFFICER.email, after: 'baru@example.gov.my' } },
    });
  });
});

describe('makeListRequests', () => {
  it("shows a PTJ administrator only their PTJs' requests, and a system administrator all", async () => {
    // Arrange
    const world = adminWorld();
    await makeRegister(world.deps)(ptjAdmin(), NEW_OFFICER);
    const otherPtjAdmin = administrator(
      { icNumber: '830303035533', userId: 'kth:830303035533', name: 'ALI' },
      [{ duty: 'PENTADBIR_PTJ', ptjCode: '2002', startsOn: '2020-01-01' }],
    );
    await makeRegister(world.deps)(otherPtjAdmin, {
      ...NEW_OFFICER,
      icNumber: '870707104321',
      ptjCode: '2002',
    });
    const list = makeListRequests(world.deps);

    // Act
    const mine = await list(ptjAdmin(), { status: 'PENDING' });
    const all = await list(systemAdmin(), {});

    // Assert
    expect(mine.items.map((r) => r.target.ptjCode)).toEqual(['1001']);
    expect(all.items).toHaveLength(2);
    expect(all.items[0]).not.toHaveProperty('payload');
  });
});
