import { describe, expect, it } from 'vitest';
import { DEMO_PTJ_ADMIN, DEMO_SYSTEM_ADMIN } from '../../functions/local/demo-users.ts';
import { PASSWORD } from '../support/fixtures.ts';
import {
  activeOfficer,
  checkState,
  closePage,
  DESKTOP,
  NARROW,
  newOfficer,
  openPage,
  sharedBrowser,
  signInThroughForm,
  stack,
} from './support.ts';

const browser = sharedBrowser();

/** Signs in through the login form, as any officer does. */
const signIn = (userId: string, password: string, viewport = DESKTOP) =>
  signInThroughForm(browser(), userId, password, viewport);

const adminId = (admin: typeof DEMO_SYSTEM_ADMIN) => `${admin.agencyCode}:${admin.icNumber}`;

describe('administration console', () => {
  it('takes a system administrator to the users, finds a new officer by IC number and deactivates them', async () => {
    const officer = await newOfficer();
    const tp = await signIn(adminId(DEMO_SYSTEM_ADMIN), DEMO_SYSTEM_ADMIN.password);
    const { page } = tp;
    await page.waitForURL(/\/admin$/);
    await page.locator('#users-rows tr').first().waitFor();
    await checkState(page, 'console-users');

    await page.getByLabel('No Kad Pengenalan atau nama').fill(officer.icNumber);
    await page.getByRole('button', { name: 'Cari' }).click();
    await expect.poll(() => page.locator('#users-rows tr').count()).toBe(1);
    expect(page.url()).toContain(`q=${officer.icNumber}`);
    const row = page.locator('#users-rows tr');
    expect(await row.locator('td').nth(1).textContent()).toBe(officer.userId);
    expect(await row.locator('[data-status]').textContent()).toBe('Belum Diaktifkan');

    await row.getByRole('link').click();
    await page.waitForURL(/\/admin\/user#/);
    await page.locator('#user-view').waitFor();
    expect(await page.locator('#user-userId').textContent()).toBe(officer.userId);
    await page.locator('#audit-rows li').first().waitFor();
    await checkState(page, 'console-user');

    await page.getByRole('button', { name: 'Nyah Aktif' }).click();
    const reason = page.getByLabel('Sebab');
    expect(await reason.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await page.locator('#action-confirm-text').textContent()).toContain('akan dinyahaktifkan');
    await page.getByRole('button', { name: 'Ya, Teruskan' }).click();
    expect(await page.locator('#action-reason-error').textContent()).toContain('sekurang-kurangnya 3 aksara');
    await checkState(page, 'console-deactivate-confirm');

    await reason.fill('Bertukar ke jabatan lain');
    await page.getByRole('button', { name: 'Ya, Teruskan' }).click();
    await expect.poll(() => page.locator('#action-status').textContent()).toBe('Akaun telah dinyahaktifkan.');
    expect(await page.locator('#user-status').getAttribute('data-status')).toBe('DISABLED');
    expect(await page.locator('#user-status').textContent()).toBe('Dinyahaktifkan');
    expect(await page.locator('#user-disabledReason').textContent()).toBe('Bertukar ke jabatan lain');
    expect(await page.getByRole('button', { name: 'Aktifkan Semula' }).isVisible()).toBe(true);
    await expect.poll(() => page.locator('#audit-rows').textContent()).toContain('Akaun dinyahaktifkan');
    await checkState(page, 'console-deactivated');

    await page.getByRole('button', { name: 'English' }).click();
    expect(await page.locator('#user-status').textContent()).toBe('Deactivated');
    expect(await page.locator('#action-status').textContent()).toBe('The account has been deactivated.');
    await closePage(tp);
  });

  it('shows the users and one user at 320 px without sideways scrolling', async () => {
    const officer = await newOfficer();
    const tp = await signIn(adminId(DEMO_SYSTEM_ADMIN), DEMO_SYSTEM_ADMIN.password, NARROW);
    const { page } = tp;
    await page.waitForURL(/\/admin$/);
    await page.locator('#users-rows tr').first().waitFor();
    await checkState(page, 'console-users', true);

    await page.goto(`${stack.url}/admin/user#${officer.userId}`);
    await page.locator('#audit-rows li').first().waitFor();
    await checkState(page, 'console-user', true);
    await closePage(tp);
  });

  it('shows a PTJ administrator "no access", and nothing of a user of another PTJ', async () => {
    const tp = await signIn(adminId(DEMO_PTJ_ADMIN), DEMO_PTJ_ADMIN.password);
    const { page } = tp;
    await page.waitForURL(/\/admin$/);

    await page.goto(`${stack.url}/admin/user#${adminId(DEMO_SYSTEM_ADMIN)}`);
    await page.locator('#no-access').waitFor();
    expect(await page.locator('#no-access-heading').textContent()).toBe('Tiada Akses');
    expect(await page.locator('#user-view').isHidden()).toBe(true);
    expect(await page.locator('main').textContent()).not.toContain(DEMO_SYSTEM_ADMIN.name);
    await checkState(page, 'console-no-access');
    await closePage(tp);
  });

  it('never shows the console link to an officer without an administrator duty, and sends them no further', async () => {
    const officer = await activeOfficer();
    const tp = await signIn(officer.icNumber, PASSWORD);
    const { page } = tp;
    await page.locator('#session-view').waitFor();
    expect(await page.locator('#console-link').isHidden()).toBe(true);
    expect(new URL(page.url()).pathname).toBe('/');

    await page.goto(`${stack.url}/admin`);
    await page.locator('#no-access').waitFor();
    await checkState(page, 'console-officer-no-access');
    await closePage(tp);
  });

  it('sends a visitor without a session to the login page, and after sign-in back to the user they had opened', async () => {
    const officer = await newOfficer();
    const tp = await openPage(browser());
    const { page } = tp;
    await page.goto(`${stack.url}/admin/user#${officer.userId}`);
    await page.waitForURL((url) => url.pathname === '/');
    await page.locator('#login-form').waitFor();

    await page.getByLabel('No Kad Pengenalan').fill(adminId(DEMO_SYSTEM_ADMIN));
    await page.getByLabel('Kata Laluan', { exact: true }).fill(DEMO_SYSTEM_ADMIN.password);
    await page.getByRole('button', { name: 'Log Masuk' }).click();
    await page.waitForURL(/\/admin\/user#/);
    await page.locator('#user-view').waitFor();
    expect(await page.locator('#user-userId').textContent()).toBe(officer.userId);
    await closePage(tp);
  });

  it('never follows a sign-in "next" off the console: another site is ignored for the first page', async () => {
    const tp = await openPage(browser());
    const { page } = tp;
    await page.goto(`${stack.url}/?next=${encodeURIComponent('//evil.example/admin')}`);
    await page.getByLabel('No Kad Pengenalan').fill(adminId(DEMO_SYSTEM_ADMIN));
    await page.getByLabel('Kata Laluan', { exact: true }).fill(DEMO_SYSTEM_ADMIN.password);
    await page.getByRole('button', { name: 'Log Masuk' }).click();
    await page.waitForURL((url) => url.pathname === '/admin');
    expect(new URL(page.url()).origin).toBe(new URL(stack.url).origin);
    await closePage(tp);
  });
});
