import { randomInt } from 'node:crypto';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PTJ_ADMIN, DEMO_SYSTEM_ADMIN } from '../../functions/local/demo-users.ts';
import { call, latestToken, mailsTo, post } from '../integration/client.ts';
import { activationBody, PASSWORD, registrationBody } from '../support/fixtures.ts';
import {
  checkState,
  closePage,
  DESKTOP,
  NARROW,
  sharedBrowser,
  signInThroughForm,
  stack,
} from './support.ts';

const browser = sharedBrowser();

const signIn = (userId: string, password: string, viewport = DESKTOP) =>
  signInThroughForm(browser(), userId, password, viewport);

const adminId = (admin: typeof DEMO_SYSTEM_ADMIN) => `${admin.agencyCode}:${admin.icNumber}`;
const SYSTEM_ADMIN_ID = adminId(DEMO_SYSTEM_ADMIN);
const PTJ_ADMIN_ID = adminId(DEMO_PTJ_ADMIN);

const bearer = () => ({ headers: { authorization: `Bearer ${stack.adminApiKey}` } });
const newIcNumber = () => `880303${String(randomInt(1_000_000)).padStart(6, '0')}`;
const usersPath = (userId: string, tail = '') => `/api/admin/users/${encodeURIComponent(userId)}${tail}`;

interface Duty {
  duty: string;
  ptjCode: string;
  approvalLimit?: number;
  startsOn?: string;
  endsOn?: string;
}

/** A fresh officer of PTJ 1001 (pending), with a name of their own, registered by automation (at once). */
async function officer(name: string, duties: Duty[] = [], ptjCode = '1001') {
  const icNumber = newIcNumber();
  const email = `r${icNumber}@example.gov.my`;
  const answer = await call(
    'POST',
    '/api/admin/users',
    registrationBody({ icNumber, email, name, ptjCode, duties }),
    bearer(),
  );
  if (answer.status !== 201)
    throw new Error(`register failed: ${answer.status} ${JSON.stringify(answer.body)}`);
  return { icNumber, email, userId: `kth:${icNumber}` };
}

/** The user as it now stands, read by automation (not through the page under test). */
async function storedStatus(userId: string): Promise<unknown> {
  const answer = await call('GET', usersPath(userId), undefined, bearer());
  return answer.status === 200 ? (answer.body.user as { status: string }).status : answer.status;
}

/** An API call from the signed-in page, with its session, as the console's own scripts make them. */
function fromPage(page: Page, method: string, path: string, body?: unknown) {
  return page.evaluate(
    async ({ method, path, body }) => {
      const response = await fetch(path, {
        method,
        headers: { 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return { status: response.status, body: await response.json() };
    },
    { method, path, body },
  );
}

/** The card of the request about this user. */
const card = (page: Page, userId: string): Locator =>
  page.locator('.request', { has: page.locator(`a[href="/admin/user#${encodeURIComponent(userId)}"]`) });

/** The before and after cells of one field of a card's changes. */
function change(request: Locator, field: string) {
  const row = request.locator('.request-changes tbody tr', {
    has: request.page().getByRole('rowheader', { name: field }),
  });
  return { before: row.locator('td').nth(0), after: row.locator('td').nth(1) };
}

async function openRequests(page: Page): Promise<void> {
  await page.waitForURL(/\/admin$/);
  await page.goto(`${stack.url}/admin/requests`);
}

const isFocused = (locator: Locator) => locator.evaluate((el) => el === document.activeElement);

describe('requests page (four eyes)', () => {
  it('lets a PTJ administrator follow their requests while a system administrator rejects one with a reason and approves another', async () => {
    const kept = await officer('ALI BIN ABU');
    const leaving = await officer('SITI BINTI HASSAN');
    const ptj = await signIn(PTJ_ADMIN_ID, DEMO_PTJ_ADMIN.password);
    await openRequests(ptj.page);
    for (const target of [kept, leaving]) {
      const asked = await fromPage(ptj.page, 'POST', usersPath(target.userId, '/deactivate'), {
        reason: 'Bertukar ke PTJ lain',
      });
      expect(asked.status).toBe(202);
    }
    await ptj.page.reload();

    const own = card(ptj.page, leaving.userId);
    await own.waitFor();
    expect(await own.locator('.request-status').textContent()).toBe('Menunggu Kelulusan');
    expect(await own.locator('.request-own').textContent()).toBe('Permohonan anda');
    expect(await own.locator('h2').textContent()).toBe('Nyah aktif akaun: SITI BINTI HASSAN');
    expect(await ptj.page.locator('#requests-list button').count()).toBe(0);
    expect(await ptj.page.locator('#requests-intro').textContent()).toContain('Hanya Pentadbir Sistem');
    await checkState(ptj.page, 'console-requests-ptj');

    const sys = await signIn(SYSTEM_ADMIN_ID, DEMO_SYSTEM_ADMIN.password);
    await openRequests(sys.page);
    const rejected = card(sys.page, kept.userId);
    await rejected.waitFor();
    expect(await rejected.locator('.details').textContent()).toContain(PTJ_ADMIN_ID);
    expect(await rejected.locator('.request-own').count()).toBe(0);
    expect(await change(rejected, 'Status').before.textContent()).toContain('Belum Diaktifkan');
    expect(await change(rejected, 'Status').after.textContent()).toContain('Dinyahaktifkan');
    expect(await change(rejected, 'Sebab').before.textContent()).toContain('Tiada');
    expect(await change(rejected, 'Sebab').after.textContent()).toContain('Bertukar ke PTJ lain');
    await checkState(sys.page, 'console-requests-queue');

    // A second tab, still showing the request as pending once the first has approved it.
    const secondTab = await sys.context.newPage();
    await secondTab.goto(`${stack.url}/admin/requests`);
    const late = card(secondTab, leaving.userId);
    await late.getByRole('button', { name: 'Lulus', exact: true }).waitFor();

    await rejected.getByRole('button', { name: 'Tolak', exact: true }).click();
    const reason = sys.page.locator('#decision-reason');
    expect(await isFocused(reason)).toBe(true);
    expect(await sys.page.locator('#decision-text').textContent()).toContain('akan ditolak');
    await sys.page.getByRole('button', { name: 'Ya, Tolak' }).click();
    expect(await sys.page.locator('#decision-reason-error').textContent()).toContain(
      'sekurang-kurangnya 3 aksara',
    );
    expect(await reason.getAttribute('aria-invalid')).toBe('true');
    expect(await isFocused(reason)).toBe(true);
    await checkState(sys.page, 'console-requests-reject-confirm');

    await reason.fill('Pegawai masih bertugas di PTJ ini');
    await sys.page.getByRole('button', { name: 'Ya, Tolak' }).click();
    const rejectedResult = rejected.getByRole('status');
    await expect.poll(() => rejectedResult.textContent()).toBe('Permohonan telah ditolak.');
    expect(await isFocused(rejectedResult)).toBe(true);
    expect(await rejected.locator('.request-status').textContent()).toBe('Ditolak');
    expect(await rejected.locator('.details').textContent()).toContain('Pegawai masih bertugas di PTJ ini');
    expect(await rejected.locator('.details').textContent()).toContain(SYSTEM_ADMIN_ID);
    expect(await rejected.getByRole('button').count()).toBe(0);
    await checkState(sys.page, 'console-requests-rejected');

    const approved = card(sys.page, leaving.userId);
    await approved.getByRole('button', { name: 'Lulus', exact: true }).click();
    expect(await sys.page.locator('#decision-text').textContent()).toContain(
      'akan dinyahaktifkan dan semua sesinya tamat',
    );
    expect(await sys.page.locator('#decision-reason').isHidden()).toBe(true);
    await checkState(sys.page, 'console-requests-approve-confirm');
    await sys.page.getByRole('button', { name: 'Ya, Luluskan' }).click();
    await expect.poll(() => approved.getByRole('status').textContent()).toBe('Permohonan telah diluluskan.');
    expect(await approved.locator('.request-status').textContent()).toBe('Diluluskan');
    expect(await approved.getByRole('button').count()).toBe(0);
    await checkState(sys.page, 'console-requests-approved');

    expect(await storedStatus(leaving.userId)).toBe('DISABLED');
    expect(await storedStatus(kept.userId)).toBe('PENDING');

    await late.getByRole('button', { name: 'Lulus', exact: true }).click();
    await secondTab.getByRole('button', { name: 'Ya, Luluskan' }).click();
    await expect
      .poll(() => late.getByRole('alert').textContent())
      .toBe('Permohonan ini telah pun diputuskan oleh pentadbir lain.');
    expect(await late.getByRole('button').count()).toBe(0);
    await checkState(secondTab, 'console-requests-decided');
    await secondTab.close();

    await ptj.page.getByLabel('Status').selectOption('REJECTED');
    await ptj.page.getByRole('button', { name: 'Papar' }).click();
    const seen = card(ptj.page, kept.userId);
    await expect.poll(() => seen.locator('.request-status').textContent()).toBe('Ditolak');
    expect(new URL(ptj.page.url()).search).toBe('?status=REJECTED');
    expect(await seen.locator('.details').textContent()).toContain('Pegawai masih bertugas di PTJ ini');
    expect(await ptj.page.locator('#requests-list .request-status').allTextContents()).not.toContain(
      'Menunggu Kelulusan',
    );
    await checkState(ptj.page, 'console-requests-ptj-rejected');
    await closePage(sys);
    await closePage(ptj);
  }, 240_000);

  it('shows a duties change and a registration before and after at 320 px, and approving the registration registers the officer', async () => {
    const moving = await officer('AHMAD BIN ISMAIL', [{ duty: 'PENYEDIA', ptjCode: '1001' }]);
    const newcomer = { icNumber: newIcNumber(), name: 'NUR FATIMAH BINTI YUSOF' };
    const newcomerEmail = `r${newcomer.icNumber}@example.gov.my`;
    const newcomerId = `kth:${newcomer.icNumber}`;
    const ptj = await signIn(PTJ_ADMIN_ID, DEMO_PTJ_ADMIN.password, NARROW);
    await openRequests(ptj.page);
    const duties = await fromPage(ptj.page, 'PUT', usersPath(moving.userId, '/duties'), {
      duties: [
        { duty: 'PERTANYAAN', ptjCode: '1001' },
        { duty: 'PELULUS', ptjCode: '1001', approvalLimit: 50000, endsOn: '2027-12-31' },
      ],
    });
    expect(duties.status).toBe(202);
    const registration = await fromPage(ptj.page, 'POST', '/api/admin/users', {
      ...registrationBody({ icNumber: newcomer.icNumber, name: newcomer.name, email: newcomerEmail }),
      duties: [{ duty: 'PENYEDIA', ptjCode: '1001' }],
    });
    expect(registration.status).toBe(202);
    await ptj.page.reload();
    await card(ptj.page, newcomerId).waitFor();
    await card(ptj.page, moving.userId).waitFor();
    await checkState(ptj.page, 'console-requests-ptj', true);

    const sys = await signIn(SYSTEM_ADMIN_ID, DEMO_SYSTEM_ADMIN.password, NARROW);
    await openRequests(sys.page);
    const dutiesCard = card(sys.page, moving.userId);
    await dutiesCard.waitFor();
    const dutiesChange = change(dutiesCard, 'Tugas');
    expect(await dutiesChange.before.textContent()).toMatch(
      /Penyedia · PTJ 1001 · mulai \d\d\/\d\d\/\d{4} dibuang/,
    );
    const after = await dutiesChange.after.textContent();
    expect(after).toMatch(/Pertanyaan · PTJ 1001 · mulai \d\d\/\d\d\/\d{4} baharu/);
    expect(after).toMatch(
      /Pelulus · PTJ 1001 · had RM 50,000\.00 · \d\d\/\d\d\/\d{4} hingga 31\/12\/2027 baharu/,
    );
    const registerCard = card(sys.page, newcomerId);
    expect(await registerCard.locator('h2').textContent()).toBe(
      'Pendaftaran pengguna: NUR FATIMAH BINTI YUSOF',
    );
    expect(await change(registerCard, 'Emel').before.textContent()).toContain('Tiada');
    expect(await change(registerCard, 'Emel').after.textContent()).toContain(newcomerEmail);
    expect(await change(registerCard, 'Status').after.textContent()).toContain('Belum Diaktifkan');
    await checkState(sys.page, 'console-requests-queue', true);

    const reject = dutiesCard.getByRole('button', { name: 'Tolak', exact: true });
    await reject.click();
    await sys.page.locator('#decision-reason').fill('  ');
    await sys.page.getByRole('button', { name: 'Ya, Tolak' }).click();
    expect(await sys.page.locator('#decision-reason-error').textContent()).toContain(
      'sekurang-kurangnya 3 aksara',
    );
    await checkState(sys.page, 'console-requests-reject-confirm', true);
    await sys.page.getByRole('button', { name: 'Batal' }).click();
    expect(await sys.page.locator('#decision-confirm').isHidden()).toBe(true);
    expect(await isFocused(reject)).toBe(true);

    const secondTab = await sys.context.newPage();
    await secondTab.goto(`${stack.url}/admin/requests`);
    const late = card(secondTab, newcomerId);
    await late.getByRole('button', { name: 'Lulus', exact: true }).waitFor();

    await registerCard.getByRole('button', { name: 'Lulus', exact: true }).click();
    expect(await sys.page.locator('#decision-text').textContent()).toContain('emel pengaktifan');
    await checkState(sys.page, 'console-requests-approve-confirm', true);
    await sys.page.getByRole('button', { name: 'Ya, Luluskan' }).click();
    await expect
      .poll(() => registerCard.getByRole('status').textContent())
      .toBe('Permohonan telah diluluskan.');
    await checkState(sys.page, 'console-requests-approved', true);
    expect(await storedStatus(newcomerId)).toBe('PENDING');
    await expect.poll(async () => (await mailsTo(newcomerEmail)).length).toBe(1);

    await late.getByRole('button', { name: 'Lulus', exact: true }).click();
    await secondTab.getByRole('button', { name: 'Ya, Luluskan' }).click();
    await expect
      .poll(() => late.getByRole('alert').textContent())
      .toBe('Permohonan ini telah pun diputuskan oleh pentadbir lain.');
    await checkState(secondTab, 'console-requests-decided', true);
    await secondTab.close();

    await sys.page.getByRole('button', { name: 'English' }).click();
    expect(await dutiesCard.locator('.request-status').textContent()).toBe('Awaiting Approval');
    expect(await dutiesCard.locator('h2').textContent()).toBe('Duties change: AHMAD BIN ISMAIL');
    expect(await change(dutiesCard, 'Duties').after.textContent()).toMatch(
      /Approver · PTJ 1001 · limit RM 50,000\.00 · \d\d\/\d\d\/\d{4} to 31\/12\/2027 new/,
    );
    expect(await registerCard.getByRole('status').textContent()).toBe('The request has been approved.');
    await checkState(sys.page, 'console-requests-english', true);
    await closePage(sys);
    await closePage(ptj);
  }, 240_000);

  it('tells a PTJ administrator whose PTJ has no requests that there are none', async () => {
    const ptjCode = `R${randomInt(1_000_000)}`;
    const admin = await officer('ZAINAB BINTI OMAR', [{ duty: 'PENTADBIR_PTJ', ptjCode }], ptjCode);
    const activated = await post('/api/activation/activate', activationBody(await latestToken(admin.email)));
    expect(activated.status).toBe(200);
    const tp = await signIn(admin.userId, PASSWORD);
    await openRequests(tp.page);

    await tp.page.locator('#requests-empty').waitFor();
    expect(await tp.page.locator('#requests-empty').textContent()).toBe(
      'Tiada permohonan dengan status ini.',
    );
    expect(await tp.page.locator('#requests-list').isHidden()).toBe(true);
    await checkState(tp.page, 'console-requests-empty');
    await tp.page.setViewportSize(NARROW);
    await checkState(tp.page, 'console-requests-empty', true);
    await closePage(tp);
  }, 120_000);
});
