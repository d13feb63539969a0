import { randomInt } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  DEMO_PTJ_ADMIN,
  DEMO_SYSTEM_ADMIN,
  type DemoAdministrator,
} from '../../functions/local/demo-users.ts';
import { mailsTo } from '../integration/client.ts';
import {
  checkBothWidths,
  checkState,
  closePage,
  DESKTOP,
  NARROW,
  newOfficer,
  sharedBrowser,
  signInThroughForm,
  stack,
} from './support.ts';

const browser = sharedBrowser();
/** A test that checks each state at both widths (axe twice per state) needs longer than the default. */
const EVERY_STATE_TWICE = 180_000;

/** A fresh fictional MyKad number (born 7 July 1987), as `newOfficer` makes them. */
const freshIcNumber = () => `870707${String(randomInt(1_000_000)).padStart(6, '0')}`;
/** As people write it: 870707-14-1234. */
const dashed = (ic: string) => `${ic.slice(0, 6)}-${ic.slice(6, 8)}-${ic.slice(8)}`;

/** The register page, signed in through the login form as `admin`. */
async function registerPage(admin: DemoAdministrator, viewport = DESKTOP) {
  const tp = await signInThroughForm(
    browser(),
    `${admin.agencyCode}:${admin.icNumber}`,
    admin.password,
    viewport,
  );
  await tp.page.waitForURL(/\/admin$/);
  await tp.page.goto(`${stack.url}/admin/register`);
  await tp.page.locator('#register-form').waitFor();
  return tp;
}

async function fillOfficer(
  page: Page,
  officer: { icNumber: string; name: string; email: string; agencyCode?: string; ptjCode?: string },
): Promise<void> {
  await page.getByLabel('No Kad Pengenalan').fill(officer.icNumber);
  await page.getByLabel('Kod Agensi').fill(officer.agencyCode ?? 'kth');
  if (officer.ptjCode !== undefined) await page.getByLabel('Kod PTJ').fill(officer.ptjCode);
  await page.getByLabel('Nama', { exact: true }).fill(officer.name);
  await page.getByLabel('Emel', { exact: true }).fill(officer.email);
}

const isFocused = (page: Page, selector: string) =>
  page.locator(selector).evaluate((el) => el === document.activeElement);

/** Counts the registrations the page sends. */
function countRegistrations(page: Page): () => number {
  let sent = 0;
  page.on('request', (request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/admin/users') sent += 1;
  });
  return () => sent;
}

describe('console: register a user', () => {
  it(
    'registers an officer with an approver duty that ends, e-mails the activation link, and the user page shows the end date',
    async () => {
      const ic = freshIcNumber();
      const email = `daftar${ic}@example.gov.my`;
      const tp = await registerPage(DEMO_SYSTEM_ADMIN);
      const { page } = tp;
      expect(await page.locator('#register-what').textContent()).toContain('didaftarkan serta-merta');
      expect(await page.getByLabel('Kod PTJ').inputValue()).toBe('');
      await checkBothWidths(page, 'console-register');

      await fillOfficer(page, { icNumber: dashed(ic), name: 'Pegawai Ujian Daftar', email, ptjCode: '1001' });
      await page.getByRole('button', { name: 'Tambah Tugas' }).click();
      const row = page.getByRole('group', { name: 'Tugas 1' });
      expect(await isFocused(page, '#duty-rows select')).toBe(true);
      expect(await row.getByLabel('PTJ').inputValue()).toBe('1001');
      expect(await row.getByLabel('Had Kelulusan (RM)').isVisible()).toBe(false);
      await row.getByLabel('Tugas', { exact: true }).selectOption('PELULUS');
      await row.getByLabel('Had Kelulusan (RM)').fill('50,000');
      await row.getByLabel('Tarikh Tamat').fill('2030-12-31');
      await checkBothWidths(page, 'console-register-filled');

      await page.getByRole('button', { name: 'Daftar', exact: true }).click();
      await page.locator('#register-result').waitFor();
      expect(await page.locator('#register-result-heading').textContent()).toBe('Pengguna Telah Didaftarkan');
      expect(await isFocused(page, '#register-result-heading')).toBe(true);
      expect(await page.locator('#register-result-text').textContent()).toBe(
        `Pengguna telah didaftarkan. Emel pengaktifan telah dihantar ke ${email}.`,
      );
      expect(await page.locator('#register-form').isHidden()).toBe(true);
      await checkBothWidths(page, 'console-register-done');

      await expect
        .poll(async () => (await mailsTo(email)).map((mail) => mail.body.text).join('\n'))
        .toMatch(/\/account\/activation#token=[A-Za-z0-9_-]+/);

      await page.getByRole('link', { name: 'Lihat maklumat PEGAWAI UJIAN DAFTAR' }).click();
      await page.waitForURL(/\/admin\/user#/);
      await page.locator('#user-view').waitFor();
      expect(await page.locator('#user-userId').textContent()).toBe(`kth:${ic}`);
      const duty = page.locator('#duties-rows tr');
      expect(await duty.count()).toBe(1);
      const cells = await duty.locator('td').allTextContents();
      expect(cells[0]).toBe('Pelulus');
      expect(cells[1]).toBe('1001');
      expect(cells[2]).toBe('50,000.00');
      // The end date as the user page writes dates (ISO, or the Malaysian day/month/year).
      expect(cells[4]).toMatch(/^(2030-12-31|31\/12\/2030)$/);
      await closePage(tp);
    },
    EVERY_STATE_TWICE,
  );

  it(
    'checks the MyKad birth date before sending, and shows the server’s field problems at their fields',
    async () => {
      const tp = await registerPage(DEMO_SYSTEM_ADMIN);
      const { page } = tp;
      const registrations = countRegistrations(page);
      const icError = page.locator('#register-icNumber-error');

      // The page's own check: 881302 would be a birthday in a 13th month. Nothing is sent.
      await fillOfficer(page, {
        icNumber: '881302-14-1234',
        name: 'Pegawai Ujian',
        email: 'ujian@example.gov.my',
      });
      await page.getByLabel('Kod PTJ').fill('1001');
      await page.getByRole('button', { name: 'Daftar', exact: true }).click();
      expect(await icError.textContent()).toContain('mesti tarikh lahir yang wujud');
      expect(await page.getByLabel('No Kad Pengenalan').getAttribute('aria-invalid')).toBe('true');
      expect(await isFocused(page, '#register-icNumber')).toBe(true);
      expect(registrations()).toBe(0);

      // The server's checks: an empty name and an address that is none, at their fields.
      await page.getByLabel('No Kad Pengenalan').fill(dashed(freshIcNumber()));
      await page.getByLabel('Nama', { exact: true }).fill('');
      await page.getByLabel('Emel', { exact: true }).fill('bukan-emel');
      await page.getByRole('button', { name: 'Daftar', exact: true }).click();
      const nameError = page.locator('#register-name-error');
      await expect
        .poll(() => nameError.textContent())
        .toBe('Sila masukkan nama, sekurang-kurangnya 2 aksara.');
      expect(await page.locator('#register-email-error').textContent()).toBe(
        'Sila masukkan alamat emel yang sah, contoh nama@agensi.gov.my.',
      );
      expect(await page.getByLabel('Emel', { exact: true }).getAttribute('aria-invalid')).toBe('true');
      expect(await icError.textContent()).toBe('');
      expect(await isFocused(page, '#register-name')).toBe(true);
      expect(registrations()).toBe(1);
      await checkBothWidths(page, 'console-register-errors');

      // A duty row's problem, by its path (duties.0.endsOn), at that row's field.
      await page.getByLabel('Nama', { exact: true }).fill('Pegawai Ujian');
      await page.getByLabel('Emel', { exact: true }).fill('ujian@example.gov.my');
      await page.getByRole('button', { name: 'Tambah Tugas' }).click();
      const row = page.getByRole('group', { name: 'Tugas 1' });
      await row.getByLabel('Tugas', { exact: true }).selectOption('PENYEDIA');
      await row.getByLabel('Tarikh Mula').fill('2030-01-10');
      await row.getByLabel('Tarikh Tamat').fill('2030-01-01');
      await page.getByRole('button', { name: 'Daftar', exact: true }).click();
      const endsError = row.locator('.field-error').last();
      await expect
        .poll(() => endsError.textContent())
        .toBe('Tarikh tamat tidak boleh lebih awal daripada tarikh mula.');
      expect(await row.getByLabel('Tarikh Tamat').evaluate((el) => el === document.activeElement)).toBe(true);
      await checkBothWidths(page, 'console-register-duty-error');
      await row.getByRole('button', { name: 'Buang Tugas 1' }).click();
      expect(await isFocused(page, '#duty-add')).toBe(true);
      expect(await page.locator('#duty-empty').isVisible()).toBe(true);

      // The server is the authority on the number: its verdict shows at the field even when the
      // page's own check let the number through (here the number is changed on the way).
      await page.route('**/api/admin/users', async (route) => {
        const body = JSON.parse(route.request().postData() ?? '{}');
        await route.continue({ postData: JSON.stringify({ ...body, icNumber: '880231141234' }) });
      });
      await page.getByRole('button', { name: 'Daftar', exact: true }).click();
      await expect.poll(() => icError.textContent()).toContain('No Kad Pengenalan tidak sah');
      expect(await isFocused(page, '#register-icNumber')).toBe(true);
      await page.unroute('**/api/admin/users');

      // A number already registered: said at its field.
      const existing = await newOfficer();
      await page.getByLabel('No Kad Pengenalan').fill(existing.icNumber);
      await page.getByRole('button', { name: 'Daftar', exact: true }).click();
      await expect
        .poll(() => icError.textContent())
        .toBe('Pengguna dengan No Kad Pengenalan ini telah didaftarkan.');
      expect(await isFocused(page, '#register-icNumber')).toBe(true);
      expect(await page.locator('#register-message').textContent()).toBe('');
      await checkBothWidths(page, 'console-register-exists');
      await closePage(tp);
    },
    EVERY_STATE_TWICE,
  );

  it(
    "sends a PTJ administrator's registration for approval, with their PTJ filled in, and starts again on request",
    async () => {
      const ic = freshIcNumber();
      const tp = await registerPage(DEMO_PTJ_ADMIN);
      const { page } = tp;
      expect(await page.getByLabel('Kod PTJ').inputValue()).toBe(DEMO_PTJ_ADMIN.ptjCode);
      expect(await page.locator('#register-what').textContent()).toContain('untuk kelulusan');
      await checkBothWidths(page, 'console-register-ptj');

      await fillOfficer(page, {
        icNumber: ic,
        name: 'Pegawai Ujian PTJ',
        email: `ptj${ic}@example.gov.my`,
      });
      await page.getByRole('button', { name: 'Hantar Untuk Kelulusan' }).click();
      await page.locator('#register-result').waitFor();
      expect(await page.locator('#register-result-heading').textContent()).toBe('Dihantar Untuk Kelulusan');
      expect(await isFocused(page, '#register-result-heading')).toBe(true);
      expect(await page.locator('#register-result-text').textContent()).toContain(
        'Pendaftaran PEGAWAI UJIAN PTJ telah dihantar untuk kelulusan Pentadbir Sistem.',
      );
      const link = page.getByRole('link', { name: 'Lihat permohonan' });
      expect(new URL(await link.evaluate((a) => (a as HTMLAnchorElement).href)).pathname).toBe(
        '/admin/requests',
      );
      await checkBothWidths(page, 'console-register-requested');
      expect(await mailsTo(`ptj${ic}@example.gov.my`)).toEqual([]);

      await page.getByRole('button', { name: 'Daftar Pengguna Lain' }).click();
      expect(await page.locator('#register-form').isVisible()).toBe(true);
      expect(await isFocused(page, '#register-icNumber')).toBe(true);
      expect(await page.getByLabel('No Kad Pengenalan').inputValue()).toBe('');
      expect(await page.getByLabel('Kod PTJ').inputValue()).toBe(DEMO_PTJ_ADMIN.ptjCode);
      await closePage(tp);
    },
    EVERY_STATE_TWICE,
  );

  it('shows the form in English, with a duty row, at 320 px', async () => {
    const tp = await registerPage(DEMO_SYSTEM_ADMIN, NARROW);
    const { page } = tp;
    await page.getByRole('button', { name: 'English' }).click();
    expect(await page.locator('#register-heading').textContent()).toBe('Register a User');
    await page.getByRole('button', { name: 'Add a Duty' }).click();
    const row = page.getByRole('group', { name: 'Duty 1' });
    await row.getByLabel('Duty', { exact: true }).selectOption('PELULUS');
    expect(await row.getByLabel('Duty', { exact: true }).locator('option:checked').textContent()).toBe(
      'Approver',
    );
    expect(await page.getByLabel('Agency Code').isVisible()).toBe(true);
    expect(await page.locator('#register-what').textContent()).toBe(
      'The officer is registered at once and the activation e-mail is sent to their address.',
    );
    await page.getByRole('button', { name: 'Register', exact: true }).click();
    expect(await page.locator('#register-icNumber-error').textContent()).toBe('Enter the ID card number.');
    await checkState(page, 'console-register-en', true);
    await closePage(tp);
  });
});
