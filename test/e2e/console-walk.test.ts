import { describe, expect, it } from 'vitest';
import { DEMO_SYSTEM_ADMIN } from '../../functions/local/demo-users.ts';
import { PASSWORD } from '../support/fixtures.ts';
import { activeOfficer, checkState, closePage, sharedBrowser, signInThroughForm, stack } from './support.ts';

const browser = sharedBrowser();

const SYSTEM_ADMIN_ID = `${DEMO_SYSTEM_ADMIN.agencyCode}:${DEMO_SYSTEM_ADMIN.icNumber}`;

describe('the console walked end to end', () => {
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
