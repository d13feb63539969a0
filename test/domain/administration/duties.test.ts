import { describe, expect, it } from 'vitest';
import { DUTY_CATALOGUE } from '../../../functions/domain/duties.ts';
import { DutyConflictError, DutyUnknownError, ValidationError } from '../../../functions/domain/errors.ts';
import { makeSetDuties } from '../../../functions/domain/use-cases/administration/changes.ts';
import {
  dutyCatalogue,
  parseDutyConflicts,
} from '../../../functions/domain/use-cases/administration/duty-input.ts';
import { rejectionOf } from '../../support/fakes.ts';
import { OFFICER } from '../../support/fixtures.ts';
import { adminWorld, SYSTEM_ADMIN, systemAdmin, TODAY, TOMORROW, YESTERDAY } from './admin-world.ts';

function setUp(settings: Parameters<typeof adminWorld>[0] = {}) {
  const world = adminWorld(settings);
  world.seedOfficers();
  return { world, setDuties: makeSetDuties(world.deps) };
}

describe('makeSetDuties', () => {
  it('replaces the duties, each starting today unless told, and records the before and after', async () => {
    // Arrange
    const { world, setDuties } = setUp();

    // Act
    const outcome = await setDuties(systemAdmin(), OFFICER.userId, [
      { duty: 'PELULUS', ptjCode: '1001', approvalLimit: 50_000, endsOn: '2026-12-31' },
      { duty: 'PERTANYAAN', ptjCode: '1001', startsOn: TOMORROW },
    ]);

    // Assert
    const duties = [
      { duty: 'PELULUS', ptjCode: '1001', approvalLimit: 50_000, startsOn: TODAY, endsOn: '2026-12-31' },
      { duty: 'PERTANYAAN', ptjCode: '1001', startsOn: TOMORROW },
    ];
    expect(outcome).toMatchObject({ kind: 'done', user: { duties } });
    expect(world.audit.entries.at(-1)).toMatchObject({
      event: 'DUTIES_SET',
      actor: SYSTEM_ADMIN.userId,
      changes: {
        duties: { before: [{ duty: 'PENYEDIA', ptjCode: '1001', startsOn: '2020-09-14' }], after: duties },
      },
    });
  });

  it('refuses a code outside the catalogue with DUTY_UNKNOWN, naming the assignment', async () => {
    // Arrange
    const { setDuties } = setUp();

    // Act
    const error = await rejectionOf(
      setDuties(systemAdmin(), OFFICER.userId, [
        { duty: 'PERTANYAAN', ptjCode: '1001' },
        { duty: 'BENDAHARI', ptjCode: '1001' },
      ]),
      DutyUnknownError,
    );

    // Assert
    expect(error.errors).toEqual([{ path: 'duties.1.duty', code: 'DUTY_UNKNOWN' }]);
  });

  it('allows an approval limit only on PELULUS', async () => {
    // Arrange
    const { setDuties } = setUp();

    // Act
    const error = await rejectionOf(
      setDuties(systemAdmin(), OFFICER.userId, [{ duty: 'PENYEMAK', ptjCode: '1001', approvalLimit: 1000 }]),
      ValidationError,
    );

    // Assert
    expect(error.errors).toEqual([{ path: 'duties.0.approvalLimit', code: 'APPROVAL_LIMIT_NOT_ALLOWED' }]);
  });

  it('refuses an end before the start, including an end yesterday for a duty starting today', async () => {
    // Arrange
    const { setDuties } = setUp();

    // Act
    const error = await rejectionOf(
      setDuties(systemAdmin(), OFFICER.userId, [{ duty: 'PENYEMAK', ptjCode: '1001', endsOn: YESTERDAY }]),
      ValidationError,
    );

    // Assert
    expect(error.errors).toEqual([{ path: 'duties.0.endsOn', code: 'ENDS_BEFORE_START' }]);
  });

  it('refuses duties the segregation rule keeps apart in one PTJ at overlapping dates', async () => {
    // Arrange
    const { setDuties } = setUp();

    // Act
    const error = await rejectionOf(
      setDuties(systemAdmin(), OFFICER.userId, [
        { duty: 'PENYEDIA', ptjCode: '1001', endsOn: '2024-06-30' },
        { duty: 'PENYEMAK', ptjCode: '1001', startsOn: '2024-06-30' },
      ]),
      DutyConflictError,
    );

    // Assert
    expect(error.conflicts).toEqual([{ duties: ['PENYEDIA', 'PENYEMAK'], ptjCode: '1001' }]);
  });

  it('allows the same pair in different PTJs, or one after the other', async () => {
    // Arrange
    const { setDuties } = setUp();

    // Act
    const outcome = await setDuties(systemAdmin(), OFFICER.userId, [
      { duty: 'PENYEDIA', ptjCode: '1001', endsOn: '2024-06-30' },
      { duty: 'PELULUS', ptjCode: '1001', startsOn: '2024-07-01' },
      { duty: 'PELULUS', ptjCode: '2002' },
    ]);

    // Assert
    expect(outcome.kind).toBe('done');
  });

  it('follows the deployment setting: none keeps no pair apart', async () => {
    // Arrange
    const { setDuties } = setUp({ dutyConflicts: parseDutyConflicts('none') });

    // Act
    const outcome = await setDuties(systemAdmin(), OFFICER.userId, [
      { duty: 'PENYEDIA', ptjCode: '1001' },
      { duty: 'PELULUS', ptjCode: '1001' },
    ]);

    // Assert
    expect(outcome.kind).toBe('done');
  });
});

describe('parseDutyConflicts', () => {
  it('reads the pairs of the DUTY_CONFLICTS setting, and none as no pair', () => {
    // Act / Assert
    expect(parseDutyConflicts('PENYEDIA+PELULUS,PENYEDIA+PENYEMAK')).toEqual([
      ['PENYEDIA', 'PELULUS'],
      ['PENYEDIA', 'PENYEMAK'],
    ]);
    expect(parseDutyConflicts('none')).toEqual([]);
  });
});

describe('dutyCatalogue', () => {
  it('answers the catalogue and the pairs kept apart', () => {
    // Act
    const catalogue = dutyCatalogue(parseDutyConflicts('PENYEDIA+PELULUS'));

    // Assert
    expect(catalogue.items).toEqual(DUTY_CATALOGUE);
    expect(catalogue.conflicts).toEqual([['PENYEDIA', 'PELULUS']]);
  });
});
