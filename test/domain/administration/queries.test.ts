import { describe, expect, it } from 'vitest';
import { ForbiddenError, ValidationError } from '../../../functions/domain/errors.ts';
import {
  makeAuditQueries,
  makeListUsers,
  makeProgress,
} from '../../../functions/domain/use-cases/administration/queries.ts';
import { rejectionOf } from '../../support/fakes.ts';
import { activeUser, OFFICER } from '../../support/fixtures.ts';
import { adminWorld, OTHER_PTJ_OFFICER, ptjAdmin, systemAdmin } from './admin-world.ts';

describe('makeListUsers', () => {
  it("narrows a PTJ administrator's list to their PTJs, and a system administrator's to none", async () => {
    // Arrange
    const world = adminWorld();
    world.seedOfficers();
    const list = makeListUsers(world.deps);

    // Act
    const mine = await list(ptjAdmin(), {});
    const filterOfMine = world.directory.lastFilter;
    const all = await list(systemAdmin(), {});

    // Assert
    expect(filterOfMine?.ptjCodes).toEqual(['1001']);
    expect(mine.items.map((u) => u.userId)).toEqual([OFFICER.userId]);
    expect(world.directory.lastFilter?.ptjCodes).toBeUndefined();
    expect(all.items).toHaveLength(2);
  });

  it('refuses a PTJ administrator a PTJ outside their scope', async () => {
    // Arrange
    const world = adminWorld();
    const list = makeListUsers(world.deps);

    // Act / Assert
    await rejectionOf(list(ptjAdmin(), { ptjCode: '2002' }), ForbiddenError);
    expect(world.audit.events()).toEqual(['ACCESS_REFUSED']);
  });

  it('turns dormantDays into the instant before which the last sign-in must lie', async () => {
    // Arrange
    const world = adminWorld();
    world.users.put(activeUser({ lastLoginAt: '2023-11-01T00:00:00.000Z' }));
    world.users.put(
      activeUser({
        ...OTHER_PTJ_OFFICER,
        name: 'LIM',
        ptjCode: '1001',
        lastLoginAt: '2024-02-20T00:00:00.000Z',
      }),
    );
    const list = makeListUsers(world.deps);

    // Act
    const dormant = await list(systemAdmin(), { dormantDays: 90 });

    // Assert
    expect(world.directory.lastFilter?.inactiveSince).toBe('2023-12-02T01:00:00.000Z');
    expect(dormant.items.map((u) => u.userId)).toEqual([OFFICER.userId]);
  });

  it('searches by IC prefix (dashes ignored, at least 6 digits) or by name prefix (as names are stored)', async () => {
    // Arrange
    const world = adminWorld();
    world.seedOfficers();
    const list = makeListUsers(world.deps);

    // Act
    const byIc = await list(systemAdmin(), { q: '900101-14' });
    const icFilter = world.directory.lastFilter;
    const byName = await list(systemAdmin(), { q: ' nur  aisyah' });
    const nameFilter = world.directory.lastFilter;

    // Assert
    expect(icFilter?.icPrefix).toBe('90010114');
    expect(nameFilter?.namePrefix).toBe('NUR AISYAH');
    expect(byIc.items.map((u) => u.userId)).toEqual([OFFICER.userId]);
    expect(byName.items.map((u) => u.userId)).toEqual([OFFICER.userId]);
  });

  it('refuses too short a search with Q_TOO_SHORT', async () => {
    // Arrange
    const world = adminWorld();
    const list = makeListUsers(world.deps);

    // Act
    const digits = await rejectionOf(list(systemAdmin(), { q: '90010' }), ValidationError);
    const letters = await rejectionOf(list(systemAdmin(), { q: 'n' }), ValidationError);

    // Assert
    expect(digits.errors).toEqual([{ path: 'q', code: 'Q_TOO_SHORT' }]);
    expect(letters.errors).toEqual([{ path: 'q', code: 'Q_TOO_SHORT' }]);
  });

  it('pages by 25 unless told, never more than 100, and shows no hash or token', async () => {
    // Arrange
    const world = adminWorld();
    world.seedOfficers({ activationTokenHash: 'a-hash' });
    const list = makeListUsers(world.deps);
    const pages: number[] = [];
    const original = world.directory.list.bind(world.directory);
    world.directory.list = async (filter, page) => {
      pages.push(page.limit);
      return original(filter, page);
    };

    // Act
    const first = await list(systemAdmin(), {});
    await list(systemAdmin(), { limit: 500 });

    // Assert
    expect(pages).toEqual([25, 100]);
    expect(JSON.stringify(first.items)).not.toMatch(/hash|token/i);
  });
});

describe('makeAuditQueries', () => {
  it("reads one officer's trail, newest first, within scope only", async () => {
    // Arrange
    const world = adminWorld();
    world.seedOfficers();
    await world.audit.record({
      at: '2024-02-01T00:00:00.000Z',
      event: 'SIGN_IN_FAILED',
      actor: 'anonymous',
      target: { icNumber: OFFICER.icNumber, userId: OFFICER.userId, ptjCode: '1001' },
      outcome: 'FAILURE',
    });
    await world.audit.record({
      at: '2024-02-02T00:00:00.000Z',
      event: 'SIGN_IN_SUCCEEDED',
      actor: OFFICER.userId,
      target: { icNumber: OFFICER.icNumber, userId: OFFICER.userId, ptjCode: '1001' },
      outcome: 'SUCCESS',
    });
    const queries = makeAuditQueries(world.deps);

    // Act
    const trail = await queries.forUser(ptjAdmin(), OFFICER.userId, {});

    // Assert
    expect(trail.items.map((r) => r.event)).toEqual(['SIGN_IN_SUCCEEDED', 'SIGN_IN_FAILED']);
    await rejectionOf(queries.forUser(ptjAdmin(), OTHER_PTJ_OFFICER.userId, {}), ForbiddenError);
  });

  it("limits a PTJ administrator's search to their PTJs, and refuses another PTJ", async () => {
    // Arrange
    const world = adminWorld();
    const queries = makeAuditQueries(world.deps);

    // Act
    await queries.search(ptjAdmin(), { event: 'USER_UPDATED', from: '2024-01-01T00:00:00Z' });
    const searched = world.audit.lastSearch;
    await queries.search(systemAdmin(), { actor: 'kth:820202085522' });

    // Assert
    expect(searched).toEqual({ ptjCodes: ['1001'], event: 'USER_UPDATED', from: '2024-01-01T00:00:00Z' });
    expect(world.audit.lastSearch).toEqual({ actor: 'kth:820202085522' });
    await rejectionOf(queries.search(ptjAdmin(), { ptjCode: '2002' }), ForbiddenError);
  });

  it("searches one user's records by user ID or bare IC number, within a PTJ administrator's PTJs", async () => {
    // Arrange
    const world = adminWorld();
    const about = (who: { icNumber: string; userId: string }, ptjCode: string, at: string) =>
      world.audit.record({
        at,
        event: 'USER_UPDATED',
        actor: 'automation:test',
        target: { icNumber: who.icNumber, userId: who.userId, ptjCode },
        outcome: 'SUCCESS',
      });
    await about(OFFICER, '1001', '2024-03-01T00:00:00.000Z');
    await about(OFFICER, '1001', '2024-03-05T00:00:00.000Z');
    await about(OTHER_PTJ_OFFICER, '2002', '2024-03-02T00:00:00.000Z');
    const queries = makeAuditQueries(world.deps);

    // Act
    const byUserId = await queries.search(ptjAdmin(), {
      userId: OFFICER.userId,
      from: '2024-03-02T00:00:00Z',
    });
    const filterOfMine = world.audit.lastSearch;
    const byIc = await queries.search(systemAdmin(), { userId: OFFICER.icNumber });
    const otherPtj = await queries.search(ptjAdmin(), { userId: OTHER_PTJ_OFFICER.userId });

    // Assert
    expect(filterOfMine).toEqual({
      icNumber: OFFICER.icNumber,
      ptjCodes: ['1001'],
      from: '2024-03-02T00:00:00Z',
    });
    expect(byUserId.items.map((r) => r.at.slice(0, 10))).toEqual(['2024-03-05']);
    expect(byIc.items.map((r) => r.at.slice(0, 10))).toEqual(['2024-03-05', '2024-03-01']);
    expect(otherPtj.items).toEqual([]);
  });

  it('refuses a malformed user ID as a validation error at userId, reading nothing', async () => {
    // Arrange
    const world = adminWorld();
    const queries = makeAuditQueries(world.deps);

    // Act
    const error = await rejectionOf(queries.search(systemAdmin(), { userId: 'kth:12345' }), ValidationError);

    // Assert
    expect(error.errors).toEqual([{ path: 'userId', code: 'USER_ID_INVALID' }]);
    expect(world.audit.lastSearch).toBeUndefined();
  });
});

describe('makeProgress', () => {
  it('shows a system administrator every PTJ and every agency', async () => {
    // Arrange
    const world = adminWorld();
    world.seedOfficers();
    const progress = makeProgress(world.deps);

    // Act
    const byPtj = await progress(systemAdmin(), 'ptj');
    const byAgency = await progress(systemAdmin(), 'agency');

    // Assert
    expect(byPtj.items).toEqual([
      { ptjCode: '1001', registered: 1, active: 0, pending: 1, disabled: 0 },
      { ptjCode: '2002', registered: 1, active: 1, pending: 0, disabled: 0 },
    ]);
    expect(byAgency.items).toEqual([
      { agencyCode: 'kth', registered: 2, active: 1, pending: 1, disabled: 0 },
    ]);
  });

  it("shows a PTJ administrator their PTJs' rows only, and no agency view", async () => {
    // Arrange
    const world = adminWorld();
    world.seedOfficers();
    const progress = makeProgress(world.deps);

    // Act
    const mine = await progress(ptjAdmin(), 'ptj');

    // Assert
    expect(mine.items).toEqual([{ ptjCode: '1001', registered: 1, active: 0, pending: 1, disabled: 0 }]);
    await rejectionOf(progress(ptjAdmin(), 'agency'), ForbiddenError);
  });
});
