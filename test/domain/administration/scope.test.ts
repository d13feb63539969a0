import { describe, expect, it } from 'vitest';
import { ForbiddenError, UserNotFoundError } from '../../../functions/domain/errors.ts';
import {
  makeRegister,
  makeSetDuties,
  makeUnlock,
  makeUpdateUser,
} from '../../../functions/domain/use-cases/administration/changes.ts';
import { makeGetUser } from '../../../functions/domain/use-cases/administration/queries.ts';
import { rejectionOf } from '../../support/fakes.ts';
import { OFFICER } from '../../support/fixtures.ts';
import {
  AUTOMATION,
  adminWorld,
  OTHER_PTJ_OFFICER,
  PTJ_ADMIN,
  ptjAdmin,
  systemAdmin,
  TODAY,
} from './admin-world.ts';

describe('the scope of an administrator', () => {
  it('lets a PTJ administrator read a user of their PTJ, by agency:IC or by the bare IC', async () => {
    // Arrange
    const world = adminWorld();
    world.seedOfficers();
    const getUser = makeGetUser(world.deps);

    // Act
    const byId = await getUser(ptjAdmin(), OFFICER.userId);
    const byIc = await getUser(ptjAdmin(), '900101-14-5678');

    // Assert
    expect(byId.userId).toBe(OFFICER.userId);
    expect(byIc.userId).toBe(OFFICER.userId);
    expect(byId).not.toHaveProperty('passwordHash');
  });

  it('answers FORBIDDEN, with nothing about the user, for a user of another PTJ, and records the refusal', async () => {
    // Arrange
    const world = adminWorld();
    world.seedOfficers();
    const getUser = makeGetUser(world.deps);

    // Act
    const error = await rejectionOf(getUser(ptjAdmin(), OTHER_PTJ_OFFICER.userId), ForbiddenError);

    // Assert
    expect(error.message).not.toContain(OTHER_PTJ_OFFICER.icNumber);
    expect(world.audit.entries).toEqual([
      expect.objectContaining({
        event: 'ACCESS_REFUSED',
        actor: PTJ_ADMIN.userId,
        outcome: 'REFUSED',
        target: expect.objectContaining({ icNumber: OTHER_PTJ_OFFICER.icNumber, ptjCode: '2002' }),
      }),
    ]);
  });

  it('answers USER_NOT_FOUND for an unknown user, and for an agency that is not the stored one', async () => {
    // Arrange
    const world = adminWorld();
    world.seedOfficers();
    const getUser = makeGetUser(world.deps);

    // Act / Assert
    await rejectionOf(getUser(ptjAdmin(), '851212105555'), UserNotFoundError);
    await rejectionOf(getUser(systemAdmin(), `jpn:${OFFICER.icNumber}`), UserNotFoundError);
  });

  it('lets a system administrator and automation act on every user', async () => {
    // Arrange
    const world = adminWorld();
    world.seedOfficers();
    const unlock = makeUnlock(world.deps);

    // Act
    const bySystem = await unlock(systemAdmin(), OTHER_PTJ_OFFICER.userId);
    const byAutomation = await unlock(AUTOMATION, OTHER_PTJ_OFFICER.userId);

    // Assert
    expect(bySystem.kind).toBe('done');
    expect(byAutomation.kind).toBe('done');
  });

  it('refuses a PTJ administrator the registration of an officer into another PTJ', async () => {
    // Arrange
    const world = adminWorld();
    const register = makeRegister(world.deps);

    // Act
    await rejectionOf(
      register(ptjAdmin(), {
        icNumber: '860606104321',
        agencyCode: 'kth',
        ptjCode: '2002',
        name: 'Siti',
        email: 'siti@example.gov.my',
      }),
      ForbiddenError,
    );

    // Assert
    expect(world.requests.requests.size).toBe(0);
    expect(world.audit.events()).toEqual(['ACCESS_REFUSED']);
  });

  it('refuses a PTJ administrator moving their officer to a PTJ outside their scope', async () => {
    // Arrange
    const world = adminWorld();
    world.seedOfficers();
    const update = makeUpdateUser(world.deps);

    // Act / Assert
    await rejectionOf(update(ptjAdmin(), OFFICER.userId, { ptjCode: '2002' }), ForbiddenError);
    expect(world.requests.requests.size).toBe(0);
  });

  it('refuses a PTJ administrator a duty in another PTJ, and PENTADBIR_SISTEM anywhere', async () => {
    // Arrange
    const world = adminWorld();
    world.seedOfficers();
    const setDuties = makeSetDuties(world.deps);
    const held = { duty: 'PENYEDIA', ptjCode: '1001', startsOn: '2020-09-14' };

    // Act / Assert
    await rejectionOf(
      setDuties(ptjAdmin(), OFFICER.userId, [held, { duty: 'PERTANYAAN', ptjCode: '2002' }]),
      ForbiddenError,
    );
    await rejectionOf(
      setDuties(ptjAdmin(), OFFICER.userId, [held, { duty: 'PENTADBIR_SISTEM', ptjCode: '1001' }]),
      ForbiddenError,
    );
    expect(world.audit.entries.map((e) => e.detail)).toEqual(['duty-out-of-scope', 'grant-system-duty']);
  });

  it('refuses a PTJ administrator the removal of a duty another PTJ gave, but keeps it through their own change', async () => {
    // Arrange
    const world = adminWorld();
    const otherPtjDuty = { duty: 'PENYEMAK' as const, ptjCode: '2002', startsOn: '2020-01-01' };
    world.seedOfficers({ duties: [otherPtjDuty] });
    const setDuties = makeSetDuties(world.deps);

    // Act
    await rejectionOf(
      setDuties(ptjAdmin(), OFFICER.userId, [{ duty: 'PERTANYAAN', ptjCode: '1001' }]),
      ForbiddenError,
    );
    const kept = await setDuties(ptjAdmin(), OFFICER.userId, [
      otherPtjDuty,
      { duty: 'PERTANYAAN', ptjCode: '1001' },
    ]);

    // Assert
    expect(kept).toMatchObject({
      kind: 'requested',
      request: {
        changes: {
          duties: { after: [otherPtjDuty, { duty: 'PERTANYAAN', ptjCode: '1001', startsOn: TODAY }] },
        },
      },
    });
  });
});
