import { randomInt } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { malaysiaDate } from '../../functions/domain/malaysia-time.ts';
import { DEMO_PTJ_ADMIN, DEMO_SYSTEM_ADMIN } from '../../functions/local/demo-users.ts';
import { call } from '../integration/client.ts';
import {
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
const AUTOMATION = { headers: { authorization: `Bearer ${stack.adminApiKey}` } };
const adminId = (admin: typeof DEMO_SYSTEM_ADMIN) => `${admin.agencyCode}:${admin.icNumber}`;

/** Signs in through the login form and opens the audit page (with `query`, as a link would). */
async function openAudit(admin: typeof DEMO_SYSTEM_ADMIN, query = '', viewport = DESKTOP) {
  const tp = await signInThroughForm(browser(), adminId(admin), admin.password, viewport);
  await tp.page.waitForURL(/\/admin$/);
  await tp.page.goto(`${stack.url}/admin/audit${query}`);
  await tp.page.locator('#audit-loading').waitFor({ state: 'hidden' });
  return tp;
}

/** A fresh officer (PTJ 1001) whom automation has deactivated: USER_REGISTERED, then USER_DEACTIVATED. */
async function deactivatedOfficer() {
  const officer = await newOfficer();
  const answer = await call(
    'POST',
    `/api/admin/users/${officer.userId}/deactivate`,
    { reason: 'Bertukar ke jabatan lain' },
    AUTOMATION,
  );
  if (answer.status !== 200) throw new Error(`deactivation failed: ${answer.status}`);
  return officer;
}

const rows = (page: Page) => page.locator('#audit-rows tr');
const events = (page: Page) =>
  rows(page).evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).dataset.event));
const rowOf = (page: Page, event: string) => page.locator(`#audit-rows tr[data-event="${event}"]`);

/** Presses Tab until the focused element matches `selector` (at most 40 times). */
async function tabUntil(page: Page, selector: string): Promise<void> {
  for (let i = 0; i < 40; i += 1) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`${selector} was not reached by Tab`);
}

/** Fills the filters by their visible labels and searches; waits for the answer. */
async function search(page: Page, filters: Record<string, string>): Promise<void> {
  for (const [label, value] of Object.entries(filters)) {
    if (label === 'Peristiwa' || label === 'Event') await page.getByLabel(label).selectOption(value);
    else await page.getByLabel(label, { exact: true }).fill(value);
  }
  const answered = page.waitForResponse((r) => r.url().includes('/api/admin/audit?'));
  await page.getByRole('button', { name: /^(Cari|Find)$/ }).click();
  await answered;
  await expect.poll(() => page.locator('#audit-filters').getAttribute('aria-busy')).toBe('false');
}

describe('console audit search', () => {
  it("finds a user's records by user ID, in Malay words and then in English", async () => {
    const officer = await deactivatedOfficer();
    const tp = await openAudit(DEMO_SYSTEM_ADMIN);
    const { page } = tp;
    await rows(page).first().waitFor();
    await checkState(page, 'console-audit');

    await search(page, { 'ID Pengguna': officer.userId });
    await expect.poll(() => events(page)).toContain('USER_DEACTIVATED');
    expect(await events(page)).toEqual(expect.arrayContaining(['USER_REGISTERED', 'USER_DEACTIVATED']));
    expect(new URL(page.url()).searchParams.get('userId')).toBe(officer.userId);
    const deactivated = rowOf(page, 'USER_DEACTIVATED');
    expect(await deactivated.locator('td').nth(1).textContent()).toContain('Akaun dinyahaktifkan');
    expect(await deactivated.locator('td').nth(2).textContent()).toContain('Berjaya');
    expect(await deactivated.locator('td').nth(6).textContent()).toContain(
      'Status: Belum Diaktifkan → Dinyahaktifkan',
    );
    expect(await deactivated.locator('td').nth(6).textContent()).toContain('Sebab: Bertukar ke jabatan lain');
    expect(await rowOf(page, 'USER_REGISTERED').locator('td').nth(1).textContent()).toContain(
      'Pengguna didaftarkan',
    );
    expect(await deactivated.getByRole('link').getAttribute('href')).toBe(
      `/admin/user#${encodeURIComponent(officer.userId)}`,
    );
    expect(await page.locator('#audit-rows').textContent()).not.toMatch(/USER_DEACTIVATED|\{"/);
    await checkState(page, 'console-audit-user');

    await page.getByRole('button', { name: 'English' }).click();
    expect(await page.locator('#audit-table th').nth(1).textContent()).toBe('Event');
    expect(await rowOf(page, 'USER_DEACTIVATED').locator('td').nth(1).textContent()).toContain(
      'Account deactivated',
    );
    expect(await rowOf(page, 'USER_DEACTIVATED').locator('td').nth(6).textContent()).toContain(
      'Status: Not Activated → Deactivated',
    );
    await checkState(page, 'console-audit-english');
    await closePage(tp);
  });

  it("narrows a user's records by event, by a date range and by PTJ, kept in the page address", async () => {
    const officer = await deactivatedOfficer();
    const tp = await openAudit(DEMO_SYSTEM_ADMIN, `?userId=${officer.userId}`);
    const { page } = tp;
    await expect.poll(() => events(page)).toContain('USER_DEACTIVATED');

    await search(page, { Peristiwa: 'Akaun dinyahaktifkan' });
    await expect.poll(() => events(page)).toEqual(['USER_DEACTIVATED']);
    expect(new URL(page.url()).searchParams.get('event')).toBe('USER_DEACTIVATED');

    const yesterday = malaysiaDate(new Date(Date.now() - 86_400_000));
    await search(page, { Peristiwa: 'Semua', 'Dari tarikh': yesterday, 'Hingga tarikh': yesterday });
    await page.locator('#audit-empty').waitFor();
    expect(await page.locator('#audit-empty').textContent()).toBe('Tiada rekod yang sepadan.');
    expect(await rows(page).count()).toBe(0);
    await checkState(page, 'console-audit-empty');

    const today = malaysiaDate(new Date());
    await search(page, { 'Dari tarikh': today, 'Hingga tarikh': today, PTJ: '1001' });
    await expect.poll(() => events(page)).toContain('USER_DEACTIVATED');
    expect(new URL(page.url()).searchParams.get('to')).toBe(today);

    await search(page, { PTJ: 'PN01' });
    await page.locator('#audit-empty').waitFor();
    expect(await rows(page).count()).toBe(0);
    await closePage(tp);
  });

  it('shows problems at their fields: a malformed user ID (from the API) and a range that ends before it starts', async () => {
    const tp = await openAudit(DEMO_SYSTEM_ADMIN);
    const { page } = tp;

    await search(page, { 'ID Pengguna': 'kth:12345' });
    expect(await page.locator('#filter-userId-error').textContent()).toContain('ID Pengguna tidak sah');
    expect(await page.locator('#filter-userId').getAttribute('aria-invalid')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('filter-userId');

    await page.getByLabel('ID Pengguna', { exact: true }).fill('');
    await page.getByLabel('Dari tarikh').fill('2026-03-02');
    await page.getByLabel('Hingga tarikh').fill('2026-03-01');
    await page.getByRole('button', { name: 'Cari' }).click();
    expect(await page.locator('#filter-to-error').textContent()).toBe(
      'Tarikh akhir mesti sama dengan atau selepas tarikh mula.',
    );
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('filter-to');
    expect(await page.locator('#filter-userId-error').textContent()).toBe('');
    expect(await page.locator('#audit-table').isHidden()).toBe(true);
    await checkState(page, 'console-audit-errors');
    await closePage(tp);
  });

  it('pages through more than one page of records, newest first, and back', async () => {
    const ptjCode = `A${randomInt(1_000_000).toString().padStart(6, '0')}`;
    for (let i = 0; i < 27; i += 1) {
      const icNumber = `880202${randomInt(1_000_000).toString().padStart(6, '0')}`;
      const body = {
        icNumber,
        agencyCode: 'kth',
        ptjCode,
        name: `PEGAWAI AUDIT ${i}`,
        email: `a${icNumber}@example.gov.my`,
      };
      const answer = await call('POST', '/api/admin/users', body, AUTOMATION);
      if (answer.status !== 201) throw new Error(`register failed: ${answer.status}`);
    }
    const tp = await openAudit(DEMO_SYSTEM_ADMIN, `?ptjCode=${ptjCode}&event=USER_REGISTERED`);
    const { page } = tp;
    const times = () =>
      page.locator('#audit-rows time').evaluateAll((els) => els.map((el) => el.getAttribute('datetime')));

    await expect.poll(() => rows(page).count()).toBe(25);
    const first = await times();
    expect(first).toEqual([...first].sort().reverse());
    expect(await page.getByLabel('PTJ', { exact: true }).inputValue()).toBe(ptjCode);
    expect(await page.getByLabel('Peristiwa').inputValue()).toBe('USER_REGISTERED');

    await page.getByRole('button', { name: 'Seterusnya' }).click();
    await expect.poll(() => rows(page).count()).toBe(2);
    const second = await times();
    expect((second[0] ?? '') <= (first.at(-1) ?? '')).toBe(true);
    expect(await page.getByRole('button', { name: 'Seterusnya' }).isHidden()).toBe(true);

    await page.getByRole('button', { name: 'Sebelumnya' }).click();
    await expect.poll(() => rows(page).count()).toBe(25);
    expect(await times()).toEqual(first);
    await closePage(tp);
  });

  it('shows a PTJ administrator nothing of a user of another PTJ, and refuses another PTJ at its field', async () => {
    const officer = await deactivatedOfficer();
    const tp = await openAudit(DEMO_PTJ_ADMIN);
    const { page } = tp;

    await search(page, { 'ID Pengguna': adminId(DEMO_SYSTEM_ADMIN) });
    await page.locator('#audit-empty').waitFor();
    expect(await rows(page).count()).toBe(0);
    expect(await page.locator('main').textContent()).not.toContain(DEMO_SYSTEM_ADMIN.name);

    await search(page, { 'ID Pengguna': officer.userId });
    await expect.poll(() => events(page)).toContain('USER_DEACTIVATED');

    await search(page, { 'ID Pengguna': '', PTJ: 'PN01' });
    expect(await page.locator('#filter-ptjCode-error').textContent()).toBe(
      'Anda hanya boleh mencari jejak PTJ anda sendiri.',
    );
    expect(await page.locator('#no-access').isHidden()).toBe(true);
    await checkState(page, 'console-audit-ptj-admin');
    await closePage(tp);
  });

  it('finds a user at 320 px by keyboard alone, without sideways scrolling, and opens them', async () => {
    const officer = await deactivatedOfficer();
    const tp = await openAudit(DEMO_SYSTEM_ADMIN, '', NARROW);
    const { page } = tp;
    await rows(page).first().waitFor();
    await checkState(page, 'console-audit', true);

    await tabUntil(page, '#filter-userId');
    await page.keyboard.type(officer.userId);
    await tabUntil(page, '#audit-filters button[type="submit"]');
    const answered = page.waitForResponse((r) => r.url().includes('/api/admin/audit?'));
    await page.keyboard.press('Enter');
    await answered;
    await expect.poll(() => events(page)).toContain('USER_DEACTIVATED');
    await checkState(page, 'console-audit-user', true);

    const userLink = `/admin/user#${encodeURIComponent(officer.userId)}`;
    await tabUntil(page, `#audit-rows a[href="${userLink}"]`);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/admin\/user#/);
    await closePage(tp);
  });

  it('shows no records and problems at their fields at 320 px, without sideways scrolling', async () => {
    const tp = await openAudit(
      DEMO_SYSTEM_ADMIN,
      '?userId=880202000001&from=2020-01-01&to=2020-01-01',
      NARROW,
    );
    const { page } = tp;
    await page.locator('#audit-empty').waitFor();
    await checkState(page, 'console-audit-empty', true);

    await search(page, { 'ID Pengguna': 'kth:12345' });
    await page.locator('#filter-userId-error').getByText('ID Pengguna tidak sah', { exact: false }).waitFor();
    await checkState(page, 'console-audit-errors', true);
    await closePage(tp);
  });
});
