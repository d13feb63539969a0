import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { dynamoAuditLog, dynamoAuditReader } from '#adapters/dynamodb-audit-log.ts';
import { dynamoLinkStore } from '#adapters/dynamodb-link-store.ts';
import { dynamoRequestStore } from '#adapters/dynamodb-request-store.ts';
import { dynamoUserDirectory } from '#adapters/dynamodb-user-directory.ts';
import type { AuditEntry, ChangeRequest, Page, PageRequest } from '#domain/administration.ts';
import {
  ChangedMeanwhileError,
  RequestDecidedError,
  UserExistsError,
  ValidationError,
} from '#domain/errors.ts';
import { linkRecord } from '#domain/links.ts';
import type { UserChange } from '#domain/ports.ts';
import type { User } from '#domain/user.ts';
import {
  attemptsTable,
  auditTable,
  progressTable,
  requestsTable,
  tokensTable,
  usersTable,
} from '../../functions/tables.ts';
import { pendingUser } from '../support/fixtures.ts';
import { db } from './client.ts';

const NOW = new Date('2030-06-15T04:00:00.000Z');
const options = { retentionDays: 30, requestId: () => 'req-1' };
const directory = dynamoUserDirectory(
  db,
  {
    users: usersTable.localName,
    tokens: tokensTable.localName,
    attempts: attemptsTable.localName,
    progress: progressTable.localName,
    audit: auditTable.localName,
  },
  options,
);
const links = dynamoLinkStore(db, {
  users: usersTable.localName,
  tokens: tokensTable.localName,
  attempts: attemptsTable.localName,
  progress: progressTable.localName,
});
const requests = dynamoRequestStore(
  db,
  { requests: requestsTable.localName, audit: auditTable.localName },
  options,
);
const auditLog = dynamoAuditLog(db, auditTable.localName, options);
const auditReader = dynamoAuditReader(db, auditTable.localName, { now: () => NOW });

const unique = () => Math.random().toString(36).slice(2, 8).toUpperCase();
/** A PTJ (and agency) code no other test uses: the tests share one database. */
const newCode = (prefix: string) => `${prefix}${unique()}`;
/** A six-digit IC head of this test's own, so an IC-prefix list sees only this test's officers. */
const newHead = () => String(100000 + Math.floor(Math.random() * 800000));
let serial = 0;
const newIc = (head = newHead()) => `${head}${String(++serial).padStart(6, '0')}`;

function officer(overrides: Partial<User> = {}): User {
  const icNumber = overrides.icNumber ?? newIc();
  return pendingUser({
    icNumber,
    email: `u${icNumber}@example.gov.my`,
    registeredAt: '2030-06-01T00:00:00.000Z',
    ...overrides,
  });
}

const audited = (event: AuditEntry['event'], user?: User): AuditEntry => ({
  at: NOW.toISOString(),
  event,
  actor: 'automation:test',
  outcome: 'SUCCESS',
  ...(user ? { target: { icNumber: user.icNumber, userId: user.icNumber, ptjCode: user.ptjCode } } : {}),
});

async function register(user: User): Promise<User> {
  await directory.apply({ after: user, fields: [], audit: [audited('USER_REGISTERED', user)] });
  return user;
}

/** Applies `patch` to `before` as an administrator's change does. */
async function change(before: User, patch: Partial<User>, more: Partial<UserChange> = {}): Promise<User> {
  const after = { ...before, ...patch };
  await directory.apply({
    before,
    after,
    fields: Object.keys(patch) as (keyof User)[],
    audit: [audited('USER_UPDATED', after)],
    ...more,
  });
  return after;
}

async function stored(icNumber: string) {
  const { Item } = await db.send(
    new GetCommand({ TableName: usersTable.localName, Key: { icNumber }, ConsistentRead: true }),
  );
  return Item;
}

async function progressOf(by: 'ptj' | 'agency', code: string) {
  return (await directory.progress(by)).find((row) => row.code === code);
}

/** Every page of a list, following the cursors. */
async function allPages<T>(read: (page: PageRequest) => Promise<Page<T>>, limit: number) {
  const pages: T[][] = [];
  let cursor: string | undefined;
  do {
    const page = await read({ limit, cursor });
    pages.push(page.items);
    cursor = page.nextCursor;
  } while (cursor && pages.length < 50);
  return pages;
}

const ics = (users: readonly User[]) => users.map((user) => user.icNumber);

describe('dynamoUserDirectory.apply', () => {
  it('registers a user with its index attributes, and refuses a second registration of the same IC', async () => {
    // Arrange
    const user = officer({ ptjCode: newCode('P') });

    // Act
    await register(user);
    const second = directory.apply({ after: { ...user, name: 'OTHER' }, fields: [], audit: [] });

    // Assert
    await expect(second).rejects.toBeInstanceOf(UserExistsError);
    expect(await stored(user.icNumber)).toMatchObject({
      name: user.name,
      entity: 'USER',
      nameKey: `${user.name}#${user.icNumber}`,
      icHead: user.icNumber.slice(0, 6),
    });
    expect((await stored(user.icNumber))?.lastActiveAt).toBeUndefined();
  });

  it('refuses a change of a field that changed since its before with ChangedMeanwhileError, and writes nothing of it', async () => {
    // Arrange
    const user = await register(officer({ ptjCode: newCode('P') }));
    await change(user, { name: 'NAMA BARU' });

    // Act
    const stale = change(user, { name: 'NAMA LAIN', email: 'stale@example.gov.my' });

    // Assert
    await expect(stale).rejects.toBeInstanceOf(ChangedMeanwhileError);
    expect(await stored(user.icNumber)).toMatchObject({
      name: 'NAMA BARU',
      nameKey: `NAMA BARU#${user.icNumber}`,
      email: user.email,
    });
  });

  it('refuses a change when the status moved meanwhile, even if the changed fields did not', async () => {
    // Arrange
    const user = await register(officer({ ptjCode: newCode('P') }));
    await change(user, { status: 'DISABLED', disabledAt: NOW.toISOString() });

    // Act
    const stale = change(user, { email: 'x@example.gov.my' });

    // Assert
    await expect(stale).rejects.toBeInstanceOf(ChangedMeanwhileError);
  });

  it('cancels the outstanding links of an e-mail change: the token item goes and the user holds no link', async () => {
    // Arrange
    const user = await register(officer({ ptjCode: newCode('P') }));
    const token = linkRecord(user, 'ACTIVATION', {
      tokenHash: `hash-${user.icNumber}`,
      issuedAt: NOW.toISOString(),
      expiresAt: new Date(NOW.getTime() + 3_600_000).toISOString(),
    });
    await links.replaceToken(user, token, [NOW.getTime()]);
    const before = (await stored(user.icNumber)) as User;

    // Act
    await change(before, { email: 'new@example.gov.my' }, { cancelLinks: true, endSessions: true });

    // Assert
    const { Item } = await db.send(
      new GetCommand({ TableName: tokensTable.localName, Key: { tokenHash: token.tokenHash } }),
    );
    expect(Item).toBeUndefined();
    const after = await stored(user.icNumber);
    expect(after).toMatchObject({ email: 'new@example.gov.my', sessionEpoch: 1 });
    expect(after?.activationTokenHash).toBeUndefined();
  });

  it('lifts a lock: deletes the guess budgets and the lock mirror', async () => {
    // Arrange
    const user = await register(officer({ ptjCode: newCode('P') }));
    const active = await change(user, { status: 'ACTIVE', activatedAt: NOW.toISOString() });
    await change(active, { lockedUntil: '2030-06-15T05:00:00.000Z' });
    const subject = `subject-${user.icNumber}`;
    await db.send(new PutCommand({ TableName: attemptsTable.localName, Item: { subject, count: 5 } }));
    const locked = (await stored(user.icNumber)) as User;

    // Act
    await directory.apply({
      before: locked,
      after: locked,
      fields: [],
      liftLocks: [subject],
      audit: [audited('USER_UNLOCKED', locked)],
    });

    // Assert
    const { Item } = await db.send(new GetCommand({ TableName: attemptsTable.localName, Key: { subject } }));
    expect(Item).toBeUndefined();
    expect((await stored(user.icNumber))?.lockedUntil).toBeUndefined();
  });

  it('moves the progress counters on registration, activation, deactivation and a PTJ move', async () => {
    // Arrange
    const [ptjA, ptjB, agency] = [newCode('P'), newCode('P'), newCode('A')];
    const user = officer({ ptjCode: ptjA, agencyCode: agency });

    // Act: registered, pending
    await register(user);
    const afterRegistration = await progressOf('ptj', ptjA);
    // Act: activated through the link, as the officer does
    const token = linkRecord(user, 'ACTIVATION', {
      tokenHash: `hash-${user.icNumber}`,
      issuedAt: NOW.toISOString(),
      expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
    });
    await links.replaceToken(user, token, []);
    await links.activate({ token, now: new Date(), passwordHash: 'h', securityAnswers: [] });
    const afterActivation = await progressOf('agency', agency);
    // Act: deactivated, then moved to another PTJ
    const active = (await stored(user.icNumber)) as User;
    const disabled = await change(active, { status: 'DISABLED', statusBeforeDisable: 'ACTIVE' });
    const afterDeactivation = await progressOf('ptj', ptjA);
    await change(disabled, { ptjCode: ptjB });

    // Assert
    expect(afterRegistration).toEqual({ code: ptjA, registered: 1, pending: 1, active: 0, disabled: 0 });
    expect(afterActivation).toEqual({ code: agency, registered: 1, pending: 0, active: 1, disabled: 0 });
    expect(afterDeactivation).toEqual({ code: ptjA, registered: 1, pending: 0, active: 0, disabled: 1 });
    expect(await progressOf('ptj', ptjA)).toEqual({
      code: ptjA,
      registered: 0,
      pending: 0,
      active: 0,
      disabled: 0,
    });
    expect(await progressOf('ptj', ptjB)).toEqual({
      code: ptjB,
      registered: 1,
      pending: 0,
      active: 0,
      disabled: 1,
    });
    expect(await progressOf('agency', agency)).toMatchObject({ registered: 1, active: 0, disabled: 1 });
    expect((await stored(user.icNumber))?.lastActiveAt).toBeUndefined();
  });

  it('writes the change and its audit records together', async () => {
    // Arrange
    const user = officer({ ptjCode: newCode('P') });

    // Act
    await register(user);

    // Assert
    const trail = await auditReader.forUser(user.icNumber, { limit: 10 });
    expect(trail.items).toEqual([
      expect.objectContaining({ event: 'USER_REGISTERED', requestId: 'req-1', id: expect.any(String) }),
    ]);
  });
});

describe('dynamoUserDirectory.list', () => {
  /** Registers `names` in a PTJ of their own; returns the PTJ and the users. */
  async function ptjWith(names: string[], overrides: Partial<User> = {}) {
    const ptjCode = newCode('P');
    const users = [];
    for (const name of names) users.push(await register(officer({ ptjCode, name, ...overrides })));
    return { ptjCode, users };
  }

  it('lists a PTJ in name order over several pages of two that join to the whole set without duplicates', async () => {
    // Arrange
    const { ptjCode, users } = await ptjWith(['EEE', 'AAA', 'CCC', 'BBB', 'DDD']);

    // Act
    const pages = await allPages((page) => directory.list({ ptjCodes: [ptjCode], now: NOW }, page), 2);

    // Assert
    expect(pages.length).toBeGreaterThan(2);
    expect(pages.every((page) => page.length <= 2)).toBe(true);
    expect(pages.flat().map((user) => user.name)).toEqual(['AAA', 'BBB', 'CCC', 'DDD', 'EEE']);
    expect(new Set(ics(pages.flat())).size).toBe(users.length);
  });

  it('lists several PTJs in turn, the cursor carrying on from one PTJ into the next', async () => {
    // Arrange
    const first = await ptjWith(['A1', 'A2', 'A3']);
    const second = await ptjWith(['B1', 'B2']);

    // Act
    const pages = await allPages(
      (page) => directory.list({ ptjCodes: [first.ptjCode, second.ptjCode], now: NOW }, page),
      2,
    );

    // Assert
    expect(pages.flat().map((user) => user.name)).toEqual(['A1', 'A2', 'A3', 'B1', 'B2']);
  });

  it('lists by status PENDING, only the pending officers', async () => {
    // Arrange
    const { ptjCode, users } = await ptjWith(['P1', 'P2', 'P3']);
    await change(users[1] as User, { status: 'ACTIVE', activatedAt: NOW.toISOString() });

    // Act
    const inPtj = await directory.list({ ptjCodes: [ptjCode], status: 'PENDING', now: NOW }, { limit: 10 });
    const everywhere = await allPages(
      (page) => directory.list({ status: 'PENDING', namePrefix: 'P', now: NOW }, page),
      100,
    );

    // Assert
    expect(inPtj.items.map((user) => user.name)).toEqual(['P1', 'P3']);
    expect(ics(everywhere.flat())).toEqual(expect.arrayContaining([users[0]?.icNumber, users[2]?.icNumber]));
    expect(ics(everywhere.flat())).not.toContain(users[1]?.icNumber);
  });

  it('lists the locked officers as LOCKED: active with a lock still running', async () => {
    // Arrange
    const { ptjCode, users } = await ptjWith(['L1', 'L2']);
    const [one, two] = await Promise.all(
      users.map((user) => change(user, { status: 'ACTIVE', activatedAt: NOW.toISOString() })),
    );
    await change(one as User, { lockedUntil: '2030-06-15T05:00:00.000Z' });
    await change(two as User, { lockedUntil: '2030-06-15T03:00:00.000Z' });

    // Act
    const locked = await directory.list({ ptjCodes: [ptjCode], status: 'LOCKED', now: NOW }, { limit: 10 });

    // Assert
    expect(locked.items.map((user) => user.name)).toEqual(['L1']);
  });

  it('lists dormant officers: active, with no sign-in or activation since the date', async () => {
    // Arrange
    const { ptjCode, users } = await ptjWith(['D1', 'D2', 'D3']);
    await change(users[0] as User, { status: 'ACTIVE', activatedAt: '2030-01-01T00:00:00.000Z' });
    await change(users[1] as User, { status: 'ACTIVE', activatedAt: '2030-06-01T00:00:00.000Z' });

    // Act
    const inPtj = await directory.list(
      { ptjCodes: [ptjCode], inactiveSince: '2030-03-01T00:00:00.000Z', now: NOW },
      { limit: 10 },
    );
    const everywhere = await allPages(
      (page) => directory.list({ inactiveSince: '2030-03-01T00:00:00.000Z', now: NOW }, page),
      100,
    );

    // Assert
    expect(inPtj.items.map((user) => user.name)).toEqual(['D1']);
    expect(ics(everywhere.flat())).toContain(users[0]?.icNumber);
    expect(ics(everywhere.flat())).not.toContain(users[1]?.icNumber);
    expect(ics(everywhere.flat())).not.toContain(users[2]?.icNumber);
  });

  it('lists by IC prefix', async () => {
    // Arrange
    const head = newHead();
    const a = await register(officer({ icNumber: `${head}140001`, ptjCode: newCode('P') }));
    const b = await register(officer({ icNumber: `${head}140002`, ptjCode: newCode('P') }));
    await register(officer({ icNumber: `${head}150003`, ptjCode: newCode('P') }));

    // Act
    const found = await directory.list({ icPrefix: `${head}14`, now: NOW }, { limit: 10 });

    // Assert
    expect(ics(found.items)).toEqual([a.icNumber, b.icNumber]);
  });

  it('lists by name prefix in name order', async () => {
    // Arrange
    const prefix = `ZZ${unique()}`;
    await ptjWith([`${prefix} SITI`, `${prefix} ALI`, `Y${prefix} NOT`]);

    // Act
    const pages = await allPages((page) => directory.list({ namePrefix: prefix, now: NOW }, page), 1);

    // Assert
    expect(pages.flat().map((user) => user.name)).toEqual([`${prefix} ALI`, `${prefix} SITI`]);
  });

  it('lists the holders of a duty today, filling each page up to the limit', async () => {
    // Arrange
    const ptjCode = newCode('P');
    const holds = [{ duty: 'PELULUS' as const, ptjCode, approvalLimit: 1000, startsOn: '2030-01-01' }];
    const ended = [{ duty: 'PELULUS' as const, ptjCode, startsOn: '2029-01-01', endsOn: '2030-06-14' }];
    for (const [name, duties] of [
      ['H1', holds],
      ['N1', ended],
      ['N2', []],
      ['H2', holds],
      ['N3', ended],
      ['H3', holds],
    ] as const) {
      await register(officer({ ptjCode, name, duties: [...duties] }));
    }

    // Act
    const first = await directory.list({ ptjCodes: [ptjCode], duty: 'PELULUS', now: NOW }, { limit: 2 });
    const rest = await directory.list(
      { ptjCodes: [ptjCode], duty: 'PELULUS', now: NOW },
      { limit: 2, cursor: first.nextCursor },
    );

    // Assert
    expect(first.items.map((user) => user.name)).toEqual(['H1', 'H2']);
    expect(rest.items.map((user) => user.name)).toEqual(['H3']);
  });

  it.each([
    ['not base64 JSON', '!!!'],
    ['a partition that does not exist', Buffer.from(JSON.stringify({ p: 7 })).toString('base64url')],
    [
      'a key into another PTJ',
      Buffer.from(JSON.stringify({ p: 0, k: { icNumber: '1', ptjCode: 'OTHER', nameKey: 'A#1' } })).toString(
        'base64url',
      ),
    ],
    [
      'a key of the wrong shape',
      Buffer.from(JSON.stringify({ p: 0, k: { icNumber: 1, ptjCode: 'X' } })).toString('base64url'),
    ],
  ])('refuses a forged cursor (%s) with CURSOR_INVALID', async (_, cursor) => {
    // Arrange
    const ptjCode = newCode('P');

    // Act
    const attempt = directory.list({ ptjCodes: [ptjCode], now: NOW }, { limit: 2, cursor });

    // Assert
    await expect(attempt).rejects.toBeInstanceOf(ValidationError);
    await expect(attempt).rejects.toMatchObject({ errors: [{ path: 'cursor', code: 'CURSOR_INVALID' }] });
  });
});

describe('dynamoRequestStore', () => {
  function newRequest(ptjCode: string, requestedAt: string): ChangeRequest {
    const icNumber = newIc();
    return {
      id: `r-${unique()}-${serial++}`,
      kind: 'DEACTIVATE',
      status: 'PENDING',
      requestedBy: 'PTJADMIN',
      requestedByIc: '800101015555',
      requestedAt,
      target: { icNumber, userId: icNumber, name: 'SITI', ptjCode },
      changes: { status: { before: 'ACTIVE', after: 'DISABLED' } },
      payload: { kind: 'DEACTIVATE', icNumber, reason: 'left' },
    };
  }
  const requestAudit = (request: ChangeRequest, event: AuditEntry['event']): AuditEntry => ({
    at: request.requestedAt,
    event,
    actor: request.requestedBy,
    target: {
      icNumber: request.target.icNumber,
      userId: request.target.userId,
      ptjCode: request.target.ptjCode,
    },
    outcome: 'REQUESTED',
    changeRequestId: request.id,
  });

  it('lets exactly one of two concurrent approvers claim a request', async () => {
    // Arrange
    const request = newRequest(newCode('P'), NOW.toISOString());
    await requests.create(request, requestAudit(request, 'REQUEST_CREATED'));

    // Act
    const results = await Promise.allSettled([
      requests.claim(request.id, 'ADMIN1', NOW),
      requests.claim(request.id, 'ADMIN2', NOW),
    ]);

    // Assert
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const lost = results.find((result) => result.status === 'rejected');
    expect(lost?.status === 'rejected' && lost.reason).toBeInstanceOf(RequestDecidedError);
    expect((await requests.get(request.id))?.status).toBe('PENDING');
  });

  it('lets another approver take over a claim older than five minutes (a crashed approver)', async () => {
    // Arrange
    const request = newRequest(newCode('P'), NOW.toISOString());
    await requests.create(request, requestAudit(request, 'REQUEST_CREATED'));
    await requests.claim(request.id, 'ADMIN1', NOW);

    // Act
    const taken = await requests.claim(request.id, 'ADMIN2', new Date(NOW.getTime() + 6 * 60_000));

    // Assert
    expect(taken).toMatchObject({ id: request.id, status: 'PENDING' });
  });

  it('approves only for the approver who claimed it, and a decided request cannot be claimed again', async () => {
    // Arrange
    const request = newRequest(newCode('P'), NOW.toISOString());
    await requests.create(request, requestAudit(request, 'REQUEST_CREATED'));
    await requests.claim(request.id, 'ADMIN1', NOW);
    const decision = { status: 'APPROVED' as const, by: 'ADMIN1', at: NOW };

    // Act
    const byOther = requests.decide(
      request.id,
      { ...decision, by: 'ADMIN2' },
      requestAudit(request, 'REQUEST_APPROVED'),
    );
    await expect(byOther).rejects.toBeInstanceOf(RequestDecidedError);
    await requests.decide(request.id, decision, requestAudit(request, 'REQUEST_APPROVED'));
    const again = requests.claim(request.id, 'ADMIN2', NOW);

    // Assert
    await expect(again).rejects.toMatchObject({ status: 'APPROVED' });
    expect(await requests.get(request.id)).toMatchObject({ status: 'APPROVED', decidedBy: 'ADMIN1' });
    const trail = await auditReader.forUser(request.target.icNumber, { limit: 10 });
    expect(trail.items.map((record) => record.event).sort()).toEqual(['REQUEST_APPROVED', 'REQUEST_CREATED']);
  });

  it('rejects a pending request with its reason, and releases a claimed one back to PENDING', async () => {
    // Arrange
    const ptjCode = newCode('P');
    const [rejected, released] = [
      newRequest(ptjCode, NOW.toISOString()),
      newRequest(ptjCode, NOW.toISOString()),
    ];
    for (const request of [rejected, released])
      await requests.create(request, requestAudit(request, 'REQUEST_CREATED'));
    await requests.claim(released.id, 'ADMIN1', NOW);

    // Act
    await requests.decide(
      rejected.id,
      { status: 'REJECTED', by: 'ADMIN1', at: NOW, reason: 'not needed' },
      requestAudit(rejected, 'REQUEST_REJECTED'),
    );
    await requests.release(released.id);

    // Assert
    expect(await requests.get(rejected.id)).toMatchObject({ status: 'REJECTED', reason: 'not needed' });
    expect(await requests.claim(released.id, 'ADMIN2', NOW)).toMatchObject({ status: 'PENDING' });
  });

  it('lists newest first, by PTJ with a status, and by status', async () => {
    // Arrange
    const ptjCode = newCode('P');
    const made = [];
    for (const day of ['01', '03', '02']) {
      const request = newRequest(ptjCode, `2030-06-${day}T00:00:00.000Z`);
      await requests.create(request, requestAudit(request, 'REQUEST_CREATED'));
      made.push(request);
    }
    await requests.decide(
      made[1]?.id as string,
      { status: 'REJECTED', by: 'A', at: NOW },
      requestAudit(made[1] as ChangeRequest, 'REQUEST_REJECTED'),
    );

    // Act
    const all = await allPages((page) => requests.list({ ptjCodes: [ptjCode] }, page), 2);
    const pending = await requests.list({ ptjCodes: [ptjCode], status: 'PENDING' }, { limit: 10 });
    const rejected = await allPages((page) => requests.list({ status: 'REJECTED' }, page), 100);

    // Assert
    expect(all.flat().map((request) => request.requestedAt.slice(8, 10))).toEqual(['03', '02', '01']);
    expect(pending.items.map((request) => request.requestedAt.slice(8, 10))).toEqual(['02', '01']);
    expect(rejected.flat().map((request) => request.id)).toContain(made[1]?.id);
  });
});

describe('dynamoAuditLog and dynamoAuditReader', () => {
  const entryAt = (
    at: string,
    icNumber: string,
    ptjCode: string,
    event: AuditEntry['event'] = 'USER_UPDATED',
  ): AuditEntry => ({
    at,
    event,
    actor: 'automation:test',
    target: { icNumber, userId: icNumber, ptjCode },
    outcome: 'SUCCESS',
  });

  it('never overwrites a record: a second put with the same id is refused', async () => {
    // Arrange
    const fixed = { bytes: (n: number) => new Uint8Array(n).fill(9) };
    const log = dynamoAuditLog(db, auditTable.localName, { ...options, random: fixed });
    const icNumber = newIc();
    await log.record(entryAt(NOW.toISOString(), icNumber, 'P'));

    // Act
    const second = log.record({ ...entryAt(NOW.toISOString(), icNumber, 'P'), detail: 'overwritten' });

    // Assert
    await expect(second).rejects.toBeInstanceOf(ConditionalCheckFailedException);
    const trail = await auditReader.forUser(icNumber, { limit: 10 });
    expect(trail.items).toHaveLength(1);
    expect(trail.items[0]?.detail).toBeUndefined();
  });

  it("reads an officer's trail newest first over pages", async () => {
    // Arrange
    const icNumber = newIc();
    for (const day of ['02', '05', '01', '04', '03']) {
      await auditLog.record(entryAt(`2030-05-${day}T00:00:00.000Z`, icNumber, 'P'));
    }

    // Act
    const pages = await allPages((page) => auditReader.forUser(icNumber, page), 2);

    // Assert
    expect(pages.flat().map((record) => record.at.slice(8, 10))).toEqual(['05', '04', '03', '02', '01']);
    expect(pages.flat()[0]).not.toHaveProperty('subject');
  });

  it('searches by PTJ, with an event filter and date bounds', async () => {
    // Arrange
    const ptjCode = newCode('P');
    const icNumber = newIc();
    await auditLog.record(entryAt('2030-04-01T00:00:00.000Z', icNumber, ptjCode));
    await auditLog.record(entryAt('2030-04-10T00:00:00.000Z', icNumber, ptjCode, 'USER_DEACTIVATED'));
    await auditLog.record(entryAt('2030-04-20T00:00:00.000Z', icNumber, ptjCode));
    await auditLog.record(entryAt('2030-04-20T00:00:00.000Z', newIc(), newCode('P')));

    // Act
    const all = await auditReader.search({ ptjCodes: [ptjCode] }, { limit: 10 });
    const updates = await auditReader.search(
      { ptjCodes: [ptjCode], event: 'USER_UPDATED', from: '2030-04-05', to: '2030-04-20' },
      { limit: 10 },
    );

    // Assert
    expect(all.items.map((record) => record.at.slice(5, 10))).toEqual(['04-20', '04-10', '04-01']);
    expect(updates.items.map((record) => record.at.slice(5, 10))).toEqual(['04-20']);
  });

  it("searches one officer's records by their IC number, with the event, actor, PTJ and date filters", async () => {
    // Arrange
    const icNumber = newIc();
    const ptjCode = newCode('P');
    const actor = `automation:${unique()}`;
    await auditLog.record(entryAt('2030-03-01T00:00:00.000Z', icNumber, ptjCode, 'USER_REGISTERED'));
    await auditLog.record({ ...entryAt('2030-03-02T00:00:00.000Z', icNumber, ptjCode), actor });
    await auditLog.record(entryAt('2030-03-03T00:00:00.000Z', icNumber, ptjCode, 'USER_DEACTIVATED'));
    await auditLog.record(entryAt('2030-03-04T00:00:00.000Z', icNumber, ptjCode));
    await auditLog.record(entryAt('2030-03-02T00:00:00.000Z', newIc(), ptjCode));

    // Act
    const all = await allPages((page) => auditReader.search({ icNumber }, page), 2);
    const updates = await auditReader.search({ icNumber, event: 'USER_UPDATED' }, { limit: 10 });
    const byActor = await auditReader.search({ icNumber, actor }, { limit: 10 });
    const inRange = await auditReader.search(
      { icNumber, from: '2030-03-02T00:00:00.000Z', to: '2030-03-03T00:00:00.000Z' },
      { limit: 10 },
    );
    const inMyPtj = await auditReader.search({ icNumber, ptjCodes: [ptjCode, 'ZZ99'] }, { limit: 10 });
    const inAnotherPtj = await auditReader.search({ icNumber, ptjCodes: [newCode('P')] }, { limit: 10 });

    // Assert
    const days = (records: { at: string }[]) => records.map((record) => record.at.slice(8, 10));
    expect(days(all.flat())).toEqual(['04', '03', '02', '01']);
    expect(days(updates.items)).toEqual(['04', '02']);
    expect(days(byActor.items)).toEqual(['02']);
    expect(days(inRange.items)).toEqual(['03', '02']);
    expect(days(inMyPtj.items)).toEqual(['04', '03', '02', '01']);
    expect(inAnotherPtj.items).toEqual([]);
  });

  it('searches by month, walking the months backwards from the end of the range', async () => {
    // Arrange
    const actor = `automation:${unique()}`;
    const icNumber = newIc();
    for (const at of ['2029-11-30T23:00:00.000Z', '2030-01-15T00:00:00.000Z', '2030-02-01T00:00:00.000Z']) {
      await auditLog.record({ ...entryAt(at, icNumber, newCode('P')), actor, event: 'DUTIES_SET' });
    }

    // Act
    const byMonth = await allPages(
      (page) => auditReader.search({ event: 'DUTIES_SET', from: '2029-11-01', to: '2030-02-28' }, page),
      100,
    );
    const byActor = await auditReader.search({ actor }, { limit: 2 });

    // Assert
    const mine = byMonth.flat().filter((record) => record.actor === actor);
    expect(mine.map((record) => record.at.slice(0, 10))).toEqual(['2030-02-01', '2030-01-15', '2029-11-30']);
    expect(byActor.items.map((record) => record.at.slice(0, 10))).toEqual(['2030-02-01', '2030-01-15']);
    expect(byActor.nextCursor).toBeDefined();
  });
});
