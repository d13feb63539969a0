import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { malaysiaDate } from '../../functions/domain/malaysia-time.ts';
import { DEMO_PTJ_ADMIN, DEMO_SYSTEM_ADMIN } from '../../functions/local/demo-users.ts';
import { call, mailsTo, post } from '../integration/client.ts';
import {
  activeOfficer,
  checkBothWidths,
  closePage,
  newOfficer,
  recoveryLink,
  sharedBrowser,
  signInThroughForm,
  stack,
} from './support.ts';

const browser = sharedBrowser();

/** Each test walks many states, each with axe at two widths: more than the default minute on a busy machine. */
const SLOW = 180_000;
/** A server round trip on a machine shared with other test runs: give it time before calling it failed. */
const WAIT = { timeout: 15_000 };

const adminId = (admin: typeof DEMO_SYSTEM_ADMIN) => `${admin.agencyCode}:${admin.icNumber}`;

/** A Malaysian day `days` from today, as the API takes it (`YYYY-MM-DD`) and as the page writes it. */
function day(days: number) {
  const iso = malaysiaDate(new Date(Date.now() + days * 24 * 60 * 60 * 1000));
  const [y, m, d] = iso.split('-');
  return { iso, shown: `${d}/${m}/${y}` };
}

/** The administrator signed in through the login form, on the page of the user `userId`. */
async function openUser(admin: typeof DEMO_SYSTEM_ADMIN, userId: string) {
  const tp = await signInThroughForm(browser(), adminId(admin), admin.password);
  await tp.page.waitForURL(/\/admin$/);
  await tp.page.goto(`${stack.url}/admin/user#${userId}`);
  await tp.page.locator('#user-view').waitFor();
  await tp.page.locator('#audit-rows li').first().waitFor();
  return tp;
}

/** Sets the officer's duties through the API with the bearer key, as automation would. */
async function setDuties(userId: string, duties: unknown[]): Promise<void> {
  const answer = await call(
    'PUT',
    `/api/admin/users/${userId}/duties`,
    { duties },
    {
      headers: { authorization: `Bearer ${stack.adminApiKey}` },
    },
  );
  if (answer.status !== 200) throw new Error(`set duties: ${answer.status} ${JSON.stringify(answer.body)}`);
}

const dutyRow = (page: Page, name: string) => page.locator('#duties-rows tr', { hasText: name });

describe('administration console: one user', () => {
  it(
    "lets a system administrator edit an officer's name and e-mail: field errors at the field, a confirmation naming the cancelled links, the details and audit trail updated",
    async () => {
      const officer = await newOfficer();
      const newEmail = `baru${officer.icNumber}@example.gov.my`;
      const mailsToOldAddress = (await mailsTo(officer.email)).length;
      const tp = await openUser(DEMO_SYSTEM_ADMIN, officer.userId);
      const { page } = tp;

      await page.getByRole('button', { name: 'Kemas Kini Maklumat' }).click();
      const name = page.getByLabel('Nama', { exact: true });
      expect(await name.evaluate((el) => el === document.activeElement)).toBe(true);
      expect(await name.inputValue()).toBe('NUR AISYAH BINTI AHMAD');
      await checkBothWidths(page, 'console-user-edit');

      await name.fill('Siti Mariam binti Yusof');
      await page.getByLabel('Emel', { exact: true }).fill('bukan-emel');
      await page.getByRole('button', { name: 'Semak' }).click();
      await page.getByRole('button', { name: 'Ya, Simpan' }).click();
      await expect
        .poll(() => page.locator('#edit-email-error').textContent(), WAIT)
        .toContain('alamat emel yang sah');
      expect(await page.locator('#edit-email').evaluate((el) => el === document.activeElement)).toBe(true);
      expect(await page.locator('#edit-confirm').isHidden()).toBe(true);
      await checkBothWidths(page, 'console-user-edit-error');

      await page.getByLabel('Emel', { exact: true }).fill(newEmail);
      await page.getByRole('button', { name: 'Semak' }).click();
      const confirm = page.locator('#edit-confirm');
      await confirm.waitFor();
      expect(await page.locator('#edit-changes').textContent()).toContain(
        'Nama: NUR AISYAH BINTI AHMAD → SITI MARIAM BINTI YUSOF',
      );
      expect(await page.locator('#edit-changes').textContent()).toContain(
        `Emel: ${officer.email} → ${newEmail}`,
      );
      const emailNote = await page.locator('#edit-email-note').textContent();
      expect(emailNote).toContain(
        'pautan pengaktifan dan Lupa Kata Laluan yang belum digunakan akan dibatalkan',
      );
      expect(emailNote).toContain(`alamat lama (${officer.email}) akan dimaklumkan`);
      expect(await page.locator('#edit-approval-note').isHidden()).toBe(true);
      await checkBothWidths(page, 'console-user-edit-confirm');

      await page.getByRole('button', { name: 'Ya, Simpan' }).click();
      await expect
        .poll(() => page.locator('#edit-status').textContent(), WAIT)
        .toBe('Maklumat pengguna telah dikemas kini.');
      expect(await page.locator('#user-name').textContent()).toBe('SITI MARIAM BINTI YUSOF');
      expect(await page.locator('#user-email').textContent()).toBe(newEmail);
      expect(await page.locator('#edit-form').isHidden()).toBe(true);
      await expect
        .poll(() => page.locator('#audit-rows li').first().textContent(), WAIT)
        .toContain('Maklumat pengguna dikemas kini · Berjaya');
      expect(await page.locator('#audit-rows li').first().textContent()).toContain(
        `Emel: ${officer.email} → ${newEmail}`,
      );
      await expect.poll(async () => (await mailsTo(officer.email)).length, WAIT).toBe(mailsToOldAddress + 1);
      await checkBothWidths(page, 'console-user-edited');

      await page.getByRole('button', { name: 'English' }).click();
      expect(await page.locator('#audit-rows li').first().textContent()).toContain(
        'User details updated · Succeeded',
      );
      expect(await page.locator('#edit-status').textContent()).toBe("The user's details have been updated.");
      await closePage(tp);
    },
    SLOW,
  );

  it(
    'gives a duty with an end date, shows each duty in words as in force, ended or not yet started, ends one and withdraws another',
    async () => {
      const officer = await newOfficer();
      await setDuties(officer.userId, [
        { duty: 'PENYEMAK', ptjCode: '1001', startsOn: '2025-01-01', endsOn: '2025-06-30' },
        { duty: 'PERTANYAAN', ptjCode: '1001', startsOn: day(60).iso },
      ]);
      const tp = await openUser(DEMO_SYSTEM_ADMIN, officer.userId);
      const { page } = tp;
      expect(await dutyRow(page, 'Penyemak').locator('[data-state]').textContent()).toBe('Telah tamat');
      expect(await dutyRow(page, 'Penyemak').getByRole('button').count()).toBe(0);
      expect(await dutyRow(page, 'Pertanyaan').locator('[data-state]').textContent()).toBe('Belum bermula');

      await page.getByRole('button', { name: 'Beri Tugas' }).click();
      const duty = page.getByRole('combobox', { name: 'Tugas' });
      expect(await duty.evaluate((el) => el === document.activeElement)).toBe(true);
      expect(await page.locator('#give-limit-field').isHidden()).toBe(true);
      await duty.selectOption('PELULUS');
      expect(await page.locator('#give-limit-field').isVisible()).toBe(true);
      expect(await page.locator('#give-ptjCode').inputValue()).toBe('1001');
      expect(await page.getByLabel('Tarikh mula').inputValue()).toBe(day(0).iso);
      await page.getByLabel('Had Kelulusan (RM)').fill('50,000');
      await page.getByLabel('Tarikh tamat (jika ada)').fill(day(30).iso);
      await page.getByRole('button', { name: 'Semak' }).click();
      await page.locator('#give-confirm').waitFor();
      expect(await page.locator('#give-confirm-text').textContent()).toBe(
        `Tugas Pelulus dalam PTJ 1001 akan diberi kepada NUR AISYAH BINTI AHMAD, dari ${day(0).shown} hingga ${day(30).shown}.`,
      );
      expect(await page.locator('#give-limit-note').textContent()).toBe('Had kelulusan: RM 50,000.00.');
      await checkBothWidths(page, 'console-duty-give-confirm');

      await page.getByRole('button', { name: 'Ya, Beri Tugas' }).click();
      await expect.poll(() => page.locator('#duties-status').textContent(), WAIT).toBe('Tugas telah diberi.');
      const approver = dutyRow(page, 'Pelulus');
      expect(await approver.locator('td').allTextContents()).toEqual([
        'Pelulus',
        '1001',
        '50,000.00',
        day(0).shown,
        day(30).shown,
        'Berkuat kuasa',
        'Tamatkan',
      ]);
      // The setup's own record says "Tugas dikemas kini" too: wait for the one of this change.
      const given = page.locator('#audit-rows li').first();
      await expect
        .poll(() => given.textContent(), WAIT)
        .toContain(
          `Tugas diberi: Pelulus · PTJ 1001 · had RM 50,000.00 · ${day(0).shown} hingga ${day(30).shown}`,
        );
      expect(await given.locator('.audit-event').textContent()).toBe('Tugas dikemas kini · Berjaya');
      await checkBothWidths(page, 'console-duty-given');

      await page.getByRole('button', { name: 'Tamatkan tugas Pelulus, PTJ 1001' }).click();
      const endDate = page.getByLabel('Tarikh tamat', { exact: true });
      expect(await endDate.inputValue()).toBe(day(0).iso);
      expect(await page.locator('#end-text').textContent()).toContain(
        `Tugas Pelulus dalam PTJ 1001 bagi NUR AISYAH BINTI AHMAD akan tamat pada akhir hari ${day(0).shown}`,
      );
      await endDate.fill(day(-1).iso);
      await page.getByRole('button', { name: 'Ya, Tamatkan' }).click();
      await expect
        .poll(() => page.locator('#end-date-error').textContent(), WAIT)
        .toBe('Tarikh tamat tidak boleh lebih awal daripada tarikh mula.');
      expect(await endDate.evaluate((el) => el === document.activeElement)).toBe(true);
      await checkBothWidths(page, 'console-duty-end-error');

      await endDate.fill(day(0).iso);
      await page.getByRole('button', { name: 'Ya, Tamatkan' }).click();
      await expect
        .poll(() => page.locator('#duties-status').textContent(), WAIT)
        .toBe('Tarikh tamat tugas telah ditetapkan.');
      expect(await approver.locator('td').nth(4).textContent()).toBe(day(0).shown);
      const pelulus = (end: string) =>
        `Pelulus · PTJ 1001 · had RM 50,000.00 · ${day(0).shown} hingga ${end}`;
      await expect
        .poll(() => page.locator('#audit-rows li').first().textContent(), WAIT)
        .toContain(`Tugas diubah: ${pelulus(day(30).shown)} → ${pelulus(day(0).shown)}`);

      await page.getByRole('button', { name: 'Tarik balik tugas Pertanyaan, PTJ 1001' }).click();
      expect(await page.locator('#end-text').textContent()).toContain('belum bermula');
      expect(await page.locator('#end-date-field').isHidden()).toBe(true);
      await checkBothWidths(page, 'console-duty-withdraw-confirm');
      await page.getByRole('button', { name: 'Ya, Tarik Balik' }).click();
      await expect
        .poll(() => page.locator('#duties-status').textContent(), WAIT)
        .toBe('Tugas yang belum bermula telah ditarik balik.');
      expect(await dutyRow(page, 'Pertanyaan').count()).toBe(0);
      expect(await page.locator('#duties-rows tr').count()).toBe(2);
      await closePage(tp);
    },
    SLOW,
  );

  it(
    'names a segregation-of-duties conflict in words, at the give form',
    async () => {
      const officer = await newOfficer();
      await setDuties(officer.userId, [{ duty: 'PELULUS', ptjCode: '1001', approvalLimit: 10000 }]);
      const tp = await openUser(DEMO_SYSTEM_ADMIN, officer.userId);
      const { page } = tp;

      await page.getByRole('button', { name: 'Beri Tugas' }).click();
      await page.getByRole('combobox', { name: 'Tugas' }).selectOption('PENYEDIA');
      await page.getByRole('button', { name: 'Semak' }).click();
      await page.getByRole('button', { name: 'Ya, Beri Tugas' }).click();

      await expect
        .poll(() => page.locator('#give-message').textContent(), WAIT)
        .toContain('Pelulus dan Penyedia dalam PTJ 1001 bertindih tarikh.');
      expect(await page.locator('#give-message').textContent()).toContain('pengasingan tugas');
      expect(await page.locator('#give-message').textContent()).not.toContain('DUTY_CONFLICT');
      expect(await page.locator('#duties-rows tr').count()).toBe(1);
      await checkBothWidths(page, 'console-duty-conflict');
      await closePage(tp);
    },
    SLOW,
  );

  it(
    "sends a PTJ administrator's edit for approval and leaves the details as they were; a duty outside their PTJs is refused in words",
    async () => {
      const officer = await newOfficer();
      const tp = await openUser(DEMO_PTJ_ADMIN, officer.userId);
      const { page } = tp;

      await page.getByRole('button', { name: 'Kemas Kini Maklumat' }).click();
      await page.getByLabel('Nama', { exact: true }).fill('Siti Mariam binti Yusof');
      await page.getByRole('button', { name: 'Semak' }).click();
      expect(await page.locator('#edit-approval-note').textContent()).toContain('untuk kelulusan');
      await page.getByRole('button', { name: 'Ya, Simpan' }).click();

      await expect
        .poll(() => page.locator('#edit-status').textContent(), WAIT)
        .toContain('Permintaan telah dihantar untuk kelulusan Pentadbir Sistem.');
      expect(
        await page
          .locator('#edit-status')
          .getByRole('link', { name: 'Lihat Permohonan' })
          .getAttribute('href'),
      ).toBe('/admin/requests');
      expect(await page.locator('#user-name').textContent()).toBe('NUR AISYAH BINTI AHMAD');
      await expect
        .poll(() => page.locator('#audit-rows li').first().textContent(), WAIT)
        .toContain('Permohonan dihantar untuk kelulusan · Dimohon');
      await checkBothWidths(page, 'console-user-edit-requested');

      await page.getByRole('button', { name: 'Beri Tugas' }).click();
      const choices = await page.locator('#give-duty option').allTextContents();
      expect(choices).toContain('Pentadbir PTJ');
      expect(choices).not.toContain('Pentadbir Sistem');
      expect(await page.locator('#give-ptj-scope').textContent()).toBe('PTJ anda: 1001.');
      await page.getByRole('combobox', { name: 'Tugas' }).selectOption('PERTANYAAN');
      await page.locator('#give-ptjCode').fill('PN01');
      await page.getByRole('button', { name: 'Semak' }).click();
      await page.getByRole('button', { name: 'Ya, Beri Tugas' }).click();
      await expect
        .poll(() => page.locator('#give-message').textContent(), WAIT)
        .toBe('Anda tidak mempunyai akses untuk tindakan ini.');
      expect(await page.locator('#user-view').isVisible()).toBe(true);
      await checkBothWidths(page, 'console-duty-forbidden');
      await closePage(tp);
    },
    SLOW,
  );

  it(
    'sends the activation e-mail again (it arrives in the inbox), and says in words when it is too soon',
    async () => {
      const officer = await newOfficer();
      const before = (await mailsTo(officer.email)).length;
      const tp = await openUser(DEMO_SYSTEM_ADMIN, officer.userId);
      const { page } = tp;

      await page.getByRole('button', { name: 'Hantar Emel Pengaktifan' }).click();
      expect(await page.locator('#action-confirm-text').textContent()).toBe(
        `Emel pengaktifan baharu akan dihantar ke ${officer.email}. Teruskan?`,
      );
      await page.getByRole('button', { name: 'Ya, Teruskan' }).click();
      await expect
        .poll(() => page.locator('#action-status').textContent(), WAIT)
        .toBe('Emel pengaktifan telah dihantar.');
      await expect.poll(async () => (await mailsTo(officer.email)).length, WAIT).toBe(before + 1);
      expect((await mailsTo(officer.email)).at(-1)?.body.text).toMatch(/\/account\/activation#token=/);
      await expect
        .poll(() => page.locator('#audit-rows').textContent(), WAIT)
        .toContain('Emel pengaktifan dihantar');

      await page.getByRole('button', { name: 'Hantar Emel Pengaktifan' }).click();
      await page.getByRole('button', { name: 'Ya, Teruskan' }).click();
      await expect
        .poll(() => page.locator('#action-message').textContent(), WAIT)
        .toContain('Emel pengaktifan telah dihantar baru-baru ini. Sila cuba semula selepas');
      await checkBothWidths(page, 'console-user-resend-too-soon');
      await closePage(tp);
    },
    SLOW,
  );

  it(
    'unlocks an officer locked by wrong passwords, then starts a password reset whose e-mail arrives',
    async () => {
      const officer = await activeOfficer();
      const attempts = [];
      for (let i = 0; i < 5; i++) {
        attempts.push(
          (await post('/api/auth/login', { userId: officer.userId, password: 'Salah!Kata123' })).status,
        );
      }
      expect(attempts.at(-1)).toBe(423);
      const tp = await openUser(DEMO_SYSTEM_ADMIN, officer.userId);
      const { page } = tp;
      expect(await page.locator('#user-status').textContent()).toBe('Dikunci');
      await checkBothWidths(page, 'console-user-locked');

      await page.getByRole('button', { name: 'Buka Kunci' }).click();
      expect(await page.locator('#action-confirm-text').textContent()).toContain('akan dibuka serta-merta');
      await page.getByRole('button', { name: 'Ya, Teruskan' }).click();
      await expect
        .poll(() => page.locator('#action-status').textContent(), WAIT)
        .toBe('Kunci log masuk telah dibuka.');
      expect(await page.locator('#user-status').textContent()).toBe('Aktif');
      expect(await page.getByRole('button', { name: 'Buka Kunci' }).isHidden()).toBe(true);
      await expect
        .poll(() => page.locator('#audit-rows li').first().textContent(), WAIT)
        .toContain('Kunci log masuk dibuka · Berjaya');
      expect(
        (await post('/api/auth/login', { userId: officer.userId, password: 'Salah!Kata123' })).status,
      ).toBe(401);

      await page.getByRole('button', { name: 'Tetapkan Semula Kata Laluan' }).click();
      expect(await page.locator('#action-confirm-text').textContent()).toBe(
        `Emel Lupa Kata Laluan akan dihantar ke ${officer.email}. Teruskan?`,
      );
      await page.getByRole('button', { name: 'Ya, Teruskan' }).click();
      await expect
        .poll(() => page.locator('#action-status').textContent(), WAIT)
        .toBe('Emel untuk menetapkan semula kata laluan telah dihantar.');
      await expect
        .poll(() => recoveryLink(officer.email).catch(() => undefined), WAIT)
        .toMatch(/\/account\/recovery#token=/);
      await expect
        .poll(() => page.locator('#audit-rows li').first().textContent(), WAIT)
        .toContain('Penetapan semula kata laluan dimulakan');
      await checkBothWidths(page, 'console-user-reset-sent');
      await closePage(tp);
    },
    SLOW,
  );
});
