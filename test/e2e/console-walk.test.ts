import { randomInt } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DEMO_PTJ_ADMIN, DEMO_SYSTEM_ADMIN } from '../../functions/local/demo-users.ts';
import { call, mailsTo } from '../integration/client.ts';
import { PASSWORD } from '../support/fixtures.ts';
import {
  activationLink,
  activeOfficer,
  checkState,
  closePage,
  fillQuestions,
  openPage,
  sharedBrowser,
  signInThroughForm,
  stack,
} from './support.ts';

const browser = sharedBrowser();

const SYSTEM_ADMIN_ID = `${DEMO_SYSTEM_ADMIN.agencyCode}:${DEMO_SYSTEM_ADMIN.icNumber}`;
const PTJ_ADMIN_ID = `${DEMO_PTJ_ADMIN.agencyCode}:${DEMO_PTJ_ADMIN.icNumber}`;
const bearer = { headers: { authorization: `Bearer ${stack.adminApiKey}` } };

/** PTJ 1001's counts as the API gives them (other tests add officers to it all the time). */
async function ptj1001(): Promise<{ registered: number; active: number; pending: number }> {
  const answer = await call('GET', '/api/admin/progress?by=ptj', undefined, bearer);
  const items = answer.body.items as {
    ptjCode: string;
    registered: number;
    active: number;
    pending: number;
  }[];
  const row = items.find((item) => item.ptjCode === '1001');
  if (!row) throw new Error('no PTJ 1001 in the progress');
  return row;
}

describe('the console walked end to end', () => {
  it('a PTJ administrator registers an officer, the system administrator approves it in the queue, the officer activates from the e-mail, and the progress counts them', async () => {
    const icNumber = `860606${String(randomInt(1_000_000)).padStart(6, '0')}`;
    const userId = `kth:${icNumber}`;
    const email = `jalan${icNumber}@example.gov.my`;

    // 1. The PTJ administrator registers the officer: it waits for approval, and no e-mail goes out.
    const ptj = await signInThroughForm(browser(), PTJ_ADMIN_ID, DEMO_PTJ_ADMIN.password);
    await ptj.page.waitForURL(/\/admin$/);
    await ptj.page.getByRole('link', { name: 'Daftar Pengguna' }).click();
    await ptj.page.locator('#register-form').waitFor();
    await ptj.page.getByLabel('No Kad Pengenalan').fill(icNumber);
    await ptj.page.getByLabel('Kod Agensi').fill('kth');
    await ptj.page.getByLabel('Nama', { exact: true }).fill('Pegawai Ujian Jalan');
    await ptj.page.getByLabel('Emel', { exact: true }).fill(email);
    await ptj.page.getByRole('button', { name: 'Hantar Untuk Kelulusan' }).click();
    await expect
      .poll(() => ptj.page.locator('#register-result-heading').textContent())
      .toBe('Dihantar Untuk Kelulusan');
    expect(await mailsTo(email)).toEqual([]);
    await ptj.page.getByRole('link', { name: 'Lihat permohonan' }).click();
    const asked = ptj.page.locator('.request', { hasText: 'PEGAWAI UJIAN JALAN' });
    await asked.waitFor();
    expect(await asked.locator('.request-status').textContent()).toBe('Menunggu Kelulusan');
    expect(await asked.getByRole('button', { name: 'Lulus', exact: true }).count()).toBe(0);
    await checkState(ptj.page, 'console-walk-ptj-requests');
    const before = await ptj1001();

    // 2. The system administrator approves it in the queue: the officer is registered and e-mailed.
    const sys = await signInThroughForm(browser(), SYSTEM_ADMIN_ID, DEMO_SYSTEM_ADMIN.password);
    await sys.page.waitForURL(/\/admin$/);
    await sys.page.getByRole('link', { name: 'Permohonan' }).click();
    const queued = sys.page.locator('.request', { hasText: 'PEGAWAI UJIAN JALAN' });
    await queued.getByRole('button', { name: 'Lulus', exact: true }).click();
    await sys.page.getByRole('button', { name: 'Ya, Luluskan' }).click();
    await expect.poll(() => queued.getByRole('status').textContent()).toBe('Permohonan telah diluluskan.');
    await checkState(sys.page, 'console-walk-approved');
    expect((await ptj1001()).pending).toBe(before.pending + 1);

    // The PTJ administrator's list now shows it approved.
    await ptj.page.getByLabel('Status', { exact: true }).selectOption({ label: 'Diluluskan' });
    await ptj.page.getByRole('button', { name: 'Papar' }).click();
    await expect.poll(() => asked.locator('.request-status').textContent()).toBe('Diluluskan');
    await closePage(ptj);

    // 3. The officer finds the activation e-mail in the local inbox and activates from its link.
    await expect.poll(async () => (await mailsTo(email)).length).toBe(1);
    const officer = await openPage(browser());
    await officer.page.goto(await activationLink(email));
    await officer.page.locator('#step-questions').waitFor();
    expect(await officer.page.locator('#user-name').textContent()).toBe('PEGAWAI UJIAN JALAN');
    await fillQuestions(officer.page);
    await officer.page.getByRole('button', { name: 'Seterusnya' }).click();
    await officer.page.getByLabel('Kata Laluan', { exact: true }).fill(PASSWORD);
    await officer.page.getByLabel('Ulang Kata Laluan').fill(PASSWORD);
    await officer.page.getByRole('button', { name: 'Selesai' }).click();
    await officer.page.locator('#success-text').waitFor();
    await closePage(officer);

    // 4. The progress page counts them: active in PTJ 1001, and no longer among those to remind.
    const after = await ptj1001();
    expect(after.active).toBe(before.active + 1);
    await sys.page.getByRole('link', { name: 'Kemajuan Pengaktifan' }).click();
    const row = sys.page.locator('#progress-rows tr[data-code="1001"]');
    await row.waitFor();
    // The cells: registered, active, pending, deactivated, % activated.
    expect(Number(await row.locator('td').nth(1).textContent())).toBe(after.active);
    expect(Number(await row.locator('td').nth(2).textContent())).toBe(after.pending);
    await checkState(sys.page, 'console-walk-progress');
    await sys.page.getByRole('button', { name: 'Lihat senarai pengguna belum diaktifkan PTJ 1001' }).click();
    await sys.page.locator('#pending-rows tr').first().waitFor();
    expect(await sys.page.locator('#pending-rows tr td:nth-child(2)').allTextContents()).not.toContain(
      userId,
    );
    await closePage(sys);
  });

  it("ends a deactivated officer's session at once: their next page shows the login form", async () => {
    const officer = await activeOfficer();
    const officerTab = await signInThroughForm(browser(), officer.icNumber, PASSWORD);
    await officerTab.page.locator('#session-view').waitFor();

    const adminTab = await signInThroughForm(browser(), SYSTEM_ADMIN_ID, DEMO_SYSTEM_ADMIN.password);
    const { page } = adminTab;
    await page.waitForURL(/\/admin$/);
    await page.goto(`${stack.url}/admin/user#${officer.userId}`);
    await page.locator('#user-view').waitFor();
    await page.getByRole('button', { name: 'Nyah Aktif' }).click();
    await page.getByLabel('Sebab').fill('Bersara wajib');
    await page.getByRole('button', { name: 'Ya, Teruskan' }).click();
    await expect.poll(() => page.locator('#user-status').getAttribute('data-status')).toBe('DISABLED');
    await closePage(adminTab);

    // The officer's tab still shows the signed-in view; anything it asks of the API is refused now.
    await officerTab.page.reload();
    await officerTab.page.locator('#login-view').waitFor();
    expect(await officerTab.page.locator('#session-view').isHidden()).toBe(true);
    await checkState(officerTab.page, 'console-walk-deactivated-officer');
    const session = await officerTab.page.evaluate(async () => (await fetch('/api/auth/session')).status);
    expect(session).toBe(401);
    await closePage(officerTab);
  });
});
