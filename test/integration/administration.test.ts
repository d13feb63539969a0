import { describe, expect, it } from 'vitest';
import { malaysiaDate } from '../../functions/domain/malaysia-time.ts';
import {
  auditPage,
  decisionAnswer,
  requestAnswer,
  userAnswer,
  userPage,
} from '../../functions/handlers/admin.schema.ts';
import {
  DEMO_PTJ_ADMIN,
  DEMO_SYSTEM_ADMIN,
  type DemoAdministrator,
} from '../../functions/local/demo-users.ts';
import { OFFICER, PASSWORD } from '../support/fixtures.ts';
import {
  type ApiAnswer,
  activatedUser,
  call,
  latestToken,
  mailsTo,
  newIcNumber,
  post,
  stack,
} from './client.ts';

/**
 * The administration API over HTTP, against the local stack: the seeded system administrator and
 * PTJ administrator sign in on the login route like any officer; automation uses the bearer key.
 */

const AUTOMATION = { authorization: `Bearer ${stack.adminApiKey}` };

async function signIn(userId: string, password: string): Promise<Record<string, string>> {
  const login = await post('/api/auth/login', { userId, password });
  if (login.status !== 200) throw new Error(`sign-in failed: ${login.status} ${JSON.stringify(login.body)}`);
  const cookie = /(__Host-ispeks-session=[^;]+)/.exec(login.headers.get('set-cookie') ?? '')?.[1];
  if (!cookie) throw new Error('no session cookie');
  return { cookie };
}

const asAdmin = (admin: DemoAdministrator) => signIn(`${admin.agencyCode}:${admin.icNumber}`, admin.password);

const admin = (
  headers: Record<string, string>,
  method: string,
  path: string,
  body?: unknown,
): Promise<ApiAnswer> => call(method, path, body, { headers });

const user = (answer: ApiAnswer) => answer.body.user as Record<string, unknown> & { userId: string };
const request = (answer: ApiAnswer) => answer.body.request as Record<string, unknown> & { id: string };

let ptjSerial = 0;
/** A PTJ code of this test run alone, so lists and counters see only this test's users. */
function newPtj(): string {
  ptjSerial += 1;
  return `T${(process.pid % 10_000).toString().padStart(4, '0')}${ptjSerial}`;
}

function registration(ptjCode: string, overrides: Record<string, unknown> = {}) {
  const icNumber = newIcNumber();
  return {
    icNumber,
    agencyCode: OFFICER.agencyCode,
    ptjCode,
    name: `PEGAWAI ${icNumber.slice(-4)}`,
    email: `a${icNumber}@example.gov.my`,
    ...overrides,
  };
}

/** Every item of a list, page by page (`limit` per page), and how many pages it took. */
async function allPages<T>(path: string, limit: number): Promise<{ items: T[]; pages: number }> {
  const items: T[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = await admin(
      AUTOMATION,
      'GET',
      `${path}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    expect(page.status).toBe(200);
    items.push(...(page.body.items as T[]));
    cursor = page.body.nextCursor as string | undefined;
    pages += 1;
  } while (cursor && pages < 10);
  return { items, pages };
}

const yesterday = () => malaysiaDate(new Date(Date.now() - 86_400_000));

describe('administration: who may call', () => {
  it('answers 401 without a session or key, and 401 with a wrong key', async () => {
    const none = await call('GET', '/api/admin/users');
    const wrongKey = await admin({ authorization: `Bearer ${'x'.repeat(40)}` }, 'GET', '/api/admin/users');

    expect([none.status, none.body.code]).toEqual([401, 'UNAUTHENTICATED']);
    expect([wrongKey.status, wrongKey.body.code]).toEqual([401, 'UNAUTHENTICATED']);
  });

  it('refuses an officer without an administrator duty with 403', async () => {
    const officer = await activatedUser();
    const session = await signIn(officer.userId, PASSWORD);

    const answer = await admin(session, 'GET', '/api/admin/users');

    expect([answer.status, answer.body.code]).toEqual([403, 'FORBIDDEN']);
  });

  it("keeps a PTJ administrator out of another PTJ's user: 403 with no detail, for reads and changes", async () => {
    const other = newPtj();
    const registered = await admin(AUTOMATION, 'POST', '/api/admin/users', registration(other));
    const { userId } = user(registered);
    const ptjAdmin = await asAdmin(DEMO_PTJ_ADMIN);

    const read = await admin(ptjAdmin, 'GET', `/api/admin/users/${userId}`);
    const change = await admin(ptjAdmin, 'PATCH', `/api/admin/users/${userId}`, { name: 'NAMA LAIN' });
    const list = await admin(ptjAdmin, 'GET', `/api/admin/users?ptjCode=${other}`);
    const audit = await admin(ptjAdmin, 'GET', `/api/admin/users/${userId}/audit`);

    for (const answer of [read, change, list, audit]) {
      expect([answer.status, answer.body.code]).toEqual([403, 'FORBIDDEN']);
      expect(JSON.stringify(answer.body)).not.toContain(userId.split(':')[1]);
      expect(JSON.stringify(answer.body)).not.toContain('PEGAWAI');
    }
  });

  it('no longer lets an acting PTJ administrator in once the acting duty has ended', async () => {
    const officer = await activatedUser();
    const ptj = newPtj();
    const gave = await admin(AUTOMATION, 'PUT', `/api/admin/users/${officer.userId}/duties`, {
      duties: [{ duty: 'PENTADBIR_PTJ', ptjCode: ptj, startsOn: '2020-01-01', endsOn: yesterday() }],
    });
    expect(gave.status).toBe(200);
    const session = await signIn(officer.userId, PASSWORD);

    const answer = await admin(session, 'GET', `/api/admin/users?ptjCode=${ptj}`);

    expect([answer.status, answer.body.code]).toEqual([403, 'FORBIDDEN']);
  });
});

describe('administration: four eyes', () => {
  it("takes a PTJ administrator's registration into effect only when a system administrator approves it", async () => {
    const ptjAdmin = await asAdmin(DEMO_PTJ_ADMIN);
    const systemAdmin = await asAdmin(DEMO_SYSTEM_ADMIN);
    const body = registration(DEMO_PTJ_ADMIN.ptjCode);

    const asked = await admin(ptjAdmin, 'POST', '/api/admin/users', body);
    const before = await admin(systemAdmin, 'GET', `/api/admin/users/${body.icNumber}`);
    const queue = await admin(systemAdmin, 'GET', '/api/admin/requests?status=PENDING&limit=100');
    const approved = await admin(systemAdmin, 'POST', `/api/admin/requests/${request(asked).id}/approve`);
    const after = await admin(systemAdmin, 'GET', `/api/admin/users/${body.icNumber}`);

    expect(asked.status).toBe(202);
    expect(requestAnswer.safeParse(asked.body).error).toBeUndefined();
    expect(decisionAnswer.safeParse(approved.body).error).toBeUndefined();
    expect(request(asked)).toMatchObject({
      kind: 'REGISTER',
      status: 'PENDING',
      requestedBy: `${DEMO_PTJ_ADMIN.agencyCode}:${DEMO_PTJ_ADMIN.icNumber}`,
    });
    expect(before.status).toBe(404);
    expect((queue.body.items as { id: string }[]).map((r) => r.id)).toContain(request(asked).id);
    expect(approved.status).toBe(200);
    expect(request(approved)).toMatchObject({ status: 'APPROVED' });
    expect(user(after)).toMatchObject({ status: 'PENDING', ptjCode: DEMO_PTJ_ADMIN.ptjCode });
    expect((await mailsTo(body.email)).length).toBe(1);
  });

  it('refuses a second decision, a rejection without a reason, and lets nobody decide their own request', async () => {
    const officer = await activatedUser();
    const requester = await admin(AUTOMATION, 'PUT', `/api/admin/users/${officer.userId}/duties`, {
      duties: [{ duty: 'PENTADBIR_PTJ', ptjCode: OFFICER.ptjCode }],
    });
    expect(requester.status).toBe(200);
    const session = await signIn(officer.userId, PASSWORD);
    const asked = await admin(session, 'POST', '/api/admin/users', registration(OFFICER.ptjCode));
    expect(asked.status).toBe(202);
    // The requester is made a system administrator too: still not the one to decide their own request.
    await admin(AUTOMATION, 'PUT', `/api/admin/users/${officer.userId}/duties`, {
      duties: [
        { duty: 'PENTADBIR_PTJ', ptjCode: OFFICER.ptjCode },
        { duty: 'PENTADBIR_SISTEM', ptjCode: OFFICER.ptjCode },
      ],
    });

    const own = await admin(session, 'POST', `/api/admin/requests/${request(asked).id}/approve`);
    const noReason = await admin(AUTOMATION, 'POST', `/api/admin/requests/${request(asked).id}/reject`, {});
    const rejected = await admin(AUTOMATION, 'POST', `/api/admin/requests/${request(asked).id}/reject`, {
      reason: 'Bukan pegawai PTJ ini',
    });
    const again = await admin(AUTOMATION, 'POST', `/api/admin/requests/${request(asked).id}/approve`);

    expect([own.status, own.body.code]).toEqual([403, 'OWN_REQUEST']);
    expect([noReason.status, noReason.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(rejected.status).toBe(200);
    expect(request(rejected)).toMatchObject({ status: 'REJECTED', reason: 'Bukan pegawai PTJ ini' });
    expect([again.status, again.body.code]).toEqual([409, 'REQUEST_DECIDED']);
  });

  it('lets exactly one of two concurrent approvals apply a request', async () => {
    const ptjAdmin = await asAdmin(DEMO_PTJ_ADMIN);
    const asked = await admin(ptjAdmin, 'POST', '/api/admin/users', registration(DEMO_PTJ_ADMIN.ptjCode));
    const systemAdmin = await asAdmin(DEMO_SYSTEM_ADMIN);

    const answers = await Promise.all([
      admin(systemAdmin, 'POST', `/api/admin/requests/${request(asked).id}/approve`),
      admin(AUTOMATION, 'POST', `/api/admin/requests/${request(asked).id}/approve`),
    ]);

    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
  });
});

describe('administration: lifecycle', () => {
  it('registers with duties at once for automation, and refuses conflicting and unknown duties', async () => {
    const ptj = newPtj();
    const good = registration(ptj, {
      duties: [{ duty: 'PELULUS', ptjCode: ptj, approvalLimit: 50_000 }],
    });
    const conflict = registration(ptj, {
      duties: [
        { duty: 'PENYEDIA', ptjCode: ptj },
        { duty: 'PELULUS', ptjCode: ptj, approvalLimit: 1000 },
      ],
    });
    const unknown = registration(ptj, { duties: [{ duty: 'RAJA', ptjCode: ptj }] });

    const created = await admin(AUTOMATION, 'POST', '/api/admin/users', good);
    const again = await admin(AUTOMATION, 'POST', '/api/admin/users', good);
    const refusedConflict = await admin(AUTOMATION, 'POST', '/api/admin/users', conflict);
    const refusedUnknown = await admin(AUTOMATION, 'POST', '/api/admin/users', unknown);

    expect(created.status).toBe(201);
    expect(userAnswer.safeParse(created.body).error).toBeUndefined();
    expect(created.headers.get('location')).toBe(
      `/api/admin/users/${encodeURIComponent(user(created).userId)}`,
    );
    expect(user(created).duties).toEqual([
      { duty: 'PELULUS', ptjCode: ptj, approvalLimit: 50_000, startsOn: malaysiaDate(new Date()) },
    ]);
    expect(JSON.stringify(created.body)).not.toMatch(/hash|token/i);
    expect([again.status, again.body.code]).toEqual([409, 'USER_EXISTS']);
    expect([refusedConflict.status, refusedConflict.body.code]).toEqual([409, 'DUTY_CONFLICT']);
    expect([refusedUnknown.status, refusedUnknown.body.code]).toEqual([400, 'DUTY_UNKNOWN']);
    expect((await mailsTo(good.email)).length).toBe(1);
  });

  it('ends a live session at deactivation, refuses sign-in as every failure is refused, and lets the officer back after reactivation', async () => {
    const officer = await activatedUser();
    const session = await signIn(officer.userId, PASSWORD);
    expect((await call('GET', '/api/auth/session', undefined, { headers: session })).status).toBe(200);

    const deactivated = await admin(AUTOMATION, 'POST', `/api/admin/users/${officer.userId}/deactivate`, {
      reason: 'Bertukar ke jabatan lain',
    });
    const sessionAfter = await call('GET', '/api/auth/session', undefined, { headers: session });
    const login = await post('/api/auth/login', { userId: officer.userId, password: PASSWORD });
    const twice = await admin(AUTOMATION, 'POST', `/api/admin/users/${officer.userId}/deactivate`, {
      reason: 'Sekali lagi',
    });
    const reactivated = await admin(AUTOMATION, 'POST', `/api/admin/users/${officer.userId}/reactivate`);
    const loginAgain = await post('/api/auth/login', { userId: officer.userId, password: PASSWORD });

    expect(deactivated.status).toBe(200);
    expect(user(deactivated)).toMatchObject({
      status: 'DISABLED',
      disabledReason: 'Bertukar ke jabatan lain',
    });
    expect(sessionAfter.status).toBe(401);
    // api.md: one answer for every failed sign-in, a deactivated account's included.
    expect([login.status, login.body.code]).toEqual([401, 'INVALID_CREDENTIALS']);
    expect([twice.status, twice.body.code]).toEqual([409, 'ALREADY_DISABLED']);
    expect(user(reactivated)).toMatchObject({ status: 'ACTIVE' });
    expect(loginAgain.status).toBe(200);
  });

  it('kills the pending activation link when the e-mail changes, and tells the old address', async () => {
    const body = registration(newPtj());
    await admin(AUTOMATION, 'POST', '/api/admin/users', body);
    const token = await latestToken(body.email);
    const newEmail = `baru${body.icNumber}@example.gov.my`;

    const changed = await admin(AUTOMATION, 'PATCH', `/api/admin/users/${body.icNumber}`, {
      email: newEmail,
    });
    const verify = await post('/api/activation/verify', { token });

    expect(changed.status).toBe(200);
    expect(user(changed).email).toBe(newEmail);
    expect([verify.status, verify.body.code]).toEqual([410, 'TOKEN_INVALID']);
    const oldMails = await mailsTo(body.email);
    expect(oldMails).toHaveLength(2);
    expect(oldMails[1]?.body.text).not.toContain(newEmail);
  });

  it('unlocks a locked officer and sends an administrator-started recovery e-mail, never a password', async () => {
    const officer = await activatedUser();
    for (let i = 0; i < 5; i += 1)
      await post('/api/auth/login', { userId: officer.userId, password: 'Salah!Kata123' });
    const locked = await admin(AUTOMATION, 'GET', `/api/admin/users/${officer.userId}`);

    const unlocked = await admin(AUTOMATION, 'POST', `/api/admin/users/${officer.userId}/unlock`);
    const login = await post('/api/auth/login', { userId: officer.userId, password: PASSWORD });
    const mailsBefore = (await mailsTo(officer.email)).length;
    const reset = await admin(AUTOMATION, 'POST', `/api/admin/users/${officer.userId}/password-reset`);

    expect(user(locked).status).toBe('LOCKED');
    expect(user(unlocked).status).toBe('ACTIVE');
    expect(login.status).toBe(200);
    expect(reset.status).toBe(200);
    expect(JSON.stringify(reset.body)).not.toMatch(/password"|token/i);
    const mails = await mailsTo(officer.email);
    expect(mails.length).toBe(mailsBefore + 1);
    expect(mails.at(-1)?.body.text).toContain('/account/recovery#token=');
  });

  it("shows each change in the user's audit trail with the right actor, newest first, never a secret", async () => {
    const ptjAdmin = await asAdmin(DEMO_PTJ_ADMIN);
    const body = registration(DEMO_PTJ_ADMIN.ptjCode);
    const asked = await admin(ptjAdmin, 'POST', '/api/admin/users', body);
    await admin(AUTOMATION, 'POST', `/api/admin/requests/${request(asked).id}/approve`);
    await admin(AUTOMATION, 'PATCH', `/api/admin/users/${body.icNumber}`, { name: 'NAMA BARU' });

    const trail = await admin(AUTOMATION, 'GET', `/api/admin/users/${body.icNumber}/audit?limit=50`);

    expect(trail.status).toBe(200);
    expect(auditPage.safeParse(trail.body).error).toBeUndefined();
    const items = trail.body.items as { event: string; actor: string; at: string; changes?: unknown }[];
    const ptjAdminId = `${DEMO_PTJ_ADMIN.agencyCode}:${DEMO_PTJ_ADMIN.icNumber}`;
    expect(items.map((i) => i.event)).toEqual(
      expect.arrayContaining(['REQUEST_CREATED', 'REQUEST_APPROVED', 'USER_REGISTERED', 'USER_UPDATED']),
    );
    expect(items.find((i) => i.event === 'REQUEST_CREATED')?.actor).toBe(ptjAdminId);
    expect(items.find((i) => i.event === 'USER_UPDATED')?.actor).toMatch(/^automation:/);
    expect(items.find((i) => i.event === 'USER_UPDATED')?.changes).toEqual({
      name: { before: body.name, after: 'NAMA BARU' },
    });
    expect(items.map((i) => i.at)).toEqual([...items.map((i) => i.at)].sort().reverse());
    expect(JSON.stringify(items)).not.toMatch(/hash|token|password/i);
  });
});

describe('administration: finding users', () => {
  it('lists the pending users of a PTJ over more than one page, each once, and counts them', async () => {
    const ptj = newPtj();
    const bodies = [0, 1, 2, 3, 4].map(() => registration(ptj));
    for (const body of bodies) await admin(AUTOMATION, 'POST', '/api/admin/users', body);

    const { items, pages } = await allPages<{ icNumber: string }>(
      `/api/admin/users?ptjCode=${ptj}&status=PENDING`,
      2,
    );
    const seen = items.map((u) => u.icNumber);
    const progress = await admin(AUTOMATION, 'GET', '/api/admin/progress?by=ptj');

    expect(pages).toBeGreaterThanOrEqual(3);
    expect(seen.sort()).toEqual(bodies.map((b) => b.icNumber).sort());
    const row = (progress.body.items as { ptjCode: string }[]).find((r) => r.ptjCode === ptj);
    expect(row).toMatchObject({ registered: 5, pending: 5, active: 0 });
  });

  it('registers 40 officers of one PTJ at once (a bulk import): every one answers 201 and the counters count each', async () => {
    const ptj = newPtj();
    const bodies = Array.from({ length: 40 }, () => registration(ptj));
    const answers = await Promise.all(
      bodies.map((body) => admin(AUTOMATION, 'POST', '/api/admin/users', body)),
    );

    expect(answers.map((a) => a.status)).toEqual(bodies.map(() => 201));
    const progress = await admin(AUTOMATION, 'GET', '/api/admin/progress?by=ptj');
    const row = (progress.body.items as { ptjCode: string }[]).find((r) => r.ptjCode === ptj);
    expect(row).toMatchObject({ registered: 40, pending: 40, active: 0 });
  });

  it('finds by IC prefix and by name prefix, and refuses a forged cursor with a clear code', async () => {
    const ptj = newPtj();
    const body = registration(ptj, { name: 'ZULKIFLI BIN ZAKARIA' });
    await admin(AUTOMATION, 'POST', '/api/admin/users', body);

    const byIc = await admin(AUTOMATION, 'GET', `/api/admin/users?q=${body.icNumber.slice(0, 10)}&limit=100`);
    expect(userPage.safeParse(byIc.body).error).toBeUndefined();
    const byName = await admin(AUTOMATION, 'GET', `/api/admin/users?ptjCode=${ptj}&q=zulk`);
    const forged = await admin(AUTOMATION, 'GET', '/api/admin/users?cursor=bm90LWEtY3Vyc29y');

    expect((byIc.body.items as { icNumber: string }[]).map((u) => u.icNumber)).toContain(body.icNumber);
    expect((byName.body.items as { icNumber: string }[]).map((u) => u.icNumber)).toEqual([body.icNumber]);
    expect([forged.status, forged.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(forged.body.errors).toEqual([{ path: 'cursor', code: 'CURSOR_INVALID' }]);
  });

  it("searches a PTJ's audit trail newest first over more than one page", async () => {
    const ptj = newPtj();
    for (let i = 0; i < 3; i += 1) await admin(AUTOMATION, 'POST', '/api/admin/users', registration(ptj));

    const { items: seen, pages } = await allPages<{ at: string; event: string }>(
      `/api/admin/audit?ptjCode=${ptj}&event=USER_REGISTERED`,
      2,
    );

    expect(pages).toBe(2);
    expect(seen.map((r) => r.event)).toEqual(['USER_REGISTERED', 'USER_REGISTERED', 'USER_REGISTERED']);
    expect(seen.map((r) => r.at)).toEqual([...seen.map((r) => r.at)].sort().reverse());
  });

  it("searches one user's audit trail by user ID with the other filters; a PTJ administrator sees nothing of another PTJ's user", async () => {
    const mine = registration(DEMO_PTJ_ADMIN.ptjCode);
    const theirs = registration(newPtj());
    for (const body of [mine, theirs]) {
      await admin(AUTOMATION, 'POST', '/api/admin/users', body);
      await admin(AUTOMATION, 'POST', `/api/admin/users/${body.icNumber}/deactivate`, {
        reason: 'Bertukar ke jabatan lain',
      });
    }
    const ptjAdmin = await asAdmin(DEMO_PTJ_ADMIN);
    const mineId = `${mine.agencyCode}:${mine.icNumber}`;
    const since = new Date(Date.now() - 3_600_000).toISOString();

    const all = await admin(AUTOMATION, 'GET', `/api/admin/audit?userId=${mineId}`);
    const byIc = await admin(
      AUTOMATION,
      'GET',
      `/api/admin/audit?userId=${mine.icNumber}&event=USER_DEACTIVATED`,
    );
    const later = await admin(
      AUTOMATION,
      'GET',
      `/api/admin/audit?userId=${mineId}&from=2099-01-01T00:00:00Z`,
    );
    const earlier = await admin(AUTOMATION, 'GET', `/api/admin/audit?userId=${mineId}&from=${since}`);
    const ofMine = await admin(ptjAdmin, 'GET', `/api/admin/audit?userId=${mineId}`);
    const ofTheirs = await admin(ptjAdmin, 'GET', `/api/admin/audit?userId=${theirs.icNumber}`);
    const theirsAsSystem = await admin(AUTOMATION, 'GET', `/api/admin/audit?userId=${theirs.icNumber}`);
    const malformed = await admin(AUTOMATION, 'GET', '/api/admin/audit?userId=kth:12345');

    const events = (answer: ApiAnswer) => (answer.body.items as { event: string }[]).map((r) => r.event);
    expect(all.status).toBe(200);
    expect(auditPage.safeParse(all.body).error).toBeUndefined();
    // Registration and its e-mail may share an instant: their order is not asserted.
    expect(events(all)[0]).toBe('USER_DEACTIVATED');
    expect([...events(all)].sort()).toEqual(['ACTIVATION_EMAIL_SENT', 'USER_DEACTIVATED', 'USER_REGISTERED']);
    const targets = (all.body.items as { target: { icNumber: string } }[]).map((r) => r.target.icNumber);
    expect(new Set(targets)).toEqual(new Set([mine.icNumber]));
    expect(events(byIc)).toEqual(['USER_DEACTIVATED']);
    expect(events(later)).toEqual([]);
    expect(events(earlier)).toEqual(events(all));
    expect(events(ofMine)).toEqual(events(all));
    expect([ofTheirs.status, events(ofTheirs)]).toEqual([200, []]);
    expect(events(theirsAsSystem)).toContain('USER_DEACTIVATED');
    expect([malformed.status, malformed.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(malformed.body.errors).toEqual([{ path: 'userId', code: 'USER_ID_INVALID' }]);
  });

  it('names the duty catalogue in Malay and English', async () => {
    const answer = await admin(AUTOMATION, 'GET', '/api/admin/duties');

    expect((answer.body.items as { code: string }[]).map((d) => d.code)).toEqual([
      'PENYEDIA',
      'PENYEMAK',
      'PELULUS',
      'PERTANYAAN',
      'PENTADBIR_PTJ',
      'PENTADBIR_SISTEM',
    ]);
    expect((answer.body.items as { name: unknown }[])[2]?.name).toEqual({ ms: 'Pelulus', en: 'Approver' });
  });
});
