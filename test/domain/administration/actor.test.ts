import { describe, expect, it } from 'vitest';
import { ForbiddenError, UnauthenticatedError } from '../../../functions/domain/errors.ts';
import { makeAdminActor } from '../../../functions/domain/use-cases/administration/actor.ts';
import { rejectionOf } from '../../support/fakes.ts';
import { adminWorld, PTJ_ADMIN, SYSTEM_ADMIN, TODAY, TOMORROW, YESTERDAY } from './admin-world.ts';

describe('makeAdminActor', () => {
  it('makes a signed-in Pentadbir Sistem a system administrator, named by their user ID', async () => {
    // Arrange
    const world = adminWorld();
    const sessionId = await world.signedIn(SYSTEM_ADMIN, [
      { duty: 'PENTADBIR_SISTEM', ptjCode: 'PN01', startsOn: '2020-01-01' },
    ]);
    const actors = makeAdminActor({ sessions: world.sessions, clock: world.clock });

    // Act
    const actor = await actors.fromSession(sessionId);

    // Assert
    expect(actor).toMatchObject({
      kind: 'administrator',
      userId: SYSTEM_ADMIN.userId,
      icNumber: SYSTEM_ADMIN.icNumber,
    });
    expect(actor.kind === 'administrator' && actor.scope.system).toBe(true);
  });

  it('gives a Pentadbir PTJ the PTJs of their current assignments only', async () => {
    // Arrange
    const world = adminWorld();
    const sessionId = await world.signedIn(PTJ_ADMIN, [
      { duty: 'PENTADBIR_PTJ', ptjCode: '1001', startsOn: '2020-01-01' },
      { duty: 'PENTADBIR_PTJ', ptjCode: '3003', startsOn: '2020-01-01', endsOn: YESTERDAY },
      { duty: 'PENYEDIA', ptjCode: '4004', startsOn: '2020-01-01' },
    ]);
    const actors = makeAdminActor({ sessions: world.sessions.caller, clock: world.clock });

    // Act
    const actor = await actors.fromSession(sessionId);

    // Assert
    expect(actor.kind === 'administrator' && [...actor.scope.ptjCodes]).toEqual(['1001']);
    expect(actor.kind === 'administrator' && actor.scope.system).toBe(false);
  });

  it('refuses an officer without an administrator duty', async () => {
    // Arrange
    const world = adminWorld();
    const sessionId = await world.signedIn(PTJ_ADMIN, [
      { duty: 'PENYEDIA', ptjCode: '1001', startsOn: '2020-01-01' },
    ]);
    const actors = makeAdminActor({ sessions: world.sessions, clock: world.clock });

    // Act / Assert
    await rejectionOf(actors.fromSession(sessionId), ForbiddenError);
  });

  it('no longer authorizes with an acting PENTADBIR_PTJ duty that ended yesterday', async () => {
    // Arrange
    const world = adminWorld();
    const sessionId = await world.signedIn(PTJ_ADMIN, [
      { duty: 'PENTADBIR_PTJ', ptjCode: '1001', startsOn: '2024-01-01', endsOn: YESTERDAY },
    ]);
    const actors = makeAdminActor({ sessions: world.sessions, clock: world.clock });

    // Act / Assert
    await rejectionOf(actors.fromSession(sessionId), ForbiddenError);
  });

  it('still authorizes on the last day of an acting duty, and not from the next Malaysian midnight', async () => {
    // Arrange
    const world = adminWorld();
    const acting = [
      { duty: 'PENTADBIR_PTJ' as const, ptjCode: '1001', startsOn: '2024-01-01', endsOn: TODAY },
    ];
    const actors = makeAdminActor({ sessions: world.sessions, clock: world.clock });

    // Act
    world.clock.set('2024-03-01T15:59:59.000Z'); // 11:59:59 PM on 1 March in Malaysia
    const today = await actors.fromSession(await world.signedIn(PTJ_ADMIN, acting));
    world.clock.set('2024-03-01T16:00:00.000Z'); // midnight in Malaysia: 2 March begins
    const after = await actors
      .fromSession(await world.signedIn(PTJ_ADMIN, acting))
      .catch((error: unknown) => error);

    // Assert
    expect(today.kind).toBe('administrator');
    expect(after).toBeInstanceOf(ForbiddenError);
  });

  it('grants nothing by a duty that starts tomorrow', async () => {
    // Arrange
    const world = adminWorld();
    const sessionId = await world.signedIn(PTJ_ADMIN, [
      { duty: 'PENTADBIR_PTJ', ptjCode: '1001', startsOn: TOMORROW },
    ]);
    const actors = makeAdminActor({ sessions: world.sessions, clock: world.clock });

    // Act / Assert
    await rejectionOf(actors.fromSession(sessionId), ForbiddenError);
  });

  it('answers UNAUTHENTICATED without a session or with an unknown one', async () => {
    // Arrange
    const world = adminWorld();
    const actors = makeAdminActor({ sessions: world.sessions, clock: world.clock });

    // Act / Assert
    await rejectionOf(actors.fromSession(undefined), UnauthenticatedError);
    await rejectionOf(actors.fromSession('no-such-session'), UnauthenticatedError);
  });

  it('names automation by its caller ARN', () => {
    // Arrange
    const world = adminWorld();
    const actors = makeAdminActor({ sessions: world.sessions, clock: world.clock });

    // Act
    const actor = actors.fromAutomation('arn:aws:iam::123456789012:role/integration');

    // Assert
    expect(actor).toEqual({ kind: 'automation', id: 'arn:aws:iam::123456789012:role/integration' });
  });
});
