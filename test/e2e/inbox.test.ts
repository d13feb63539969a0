import { describe, expect, it } from 'vitest';
import { officerWithLink, sharedBrowser, stack } from './support.ts';

const browser = sharedBrowser();

describe('the local stack inbox', () => {
  it('opens the activation page in a window of its own from the button in the e-mail', async () => {
    const officer = await officerWithLink();
    // The inbox and the pages are two loopback origins; nothing else is reachable here anyway.
    const context = await browser().newContext();
    const inbox = await context.newPage();
    await inbox.goto(stack.inboxUrl);
    const mail = inbox.locator('.email-inner', { hasText: officer.email });
    await mail.getByRole('button', { name: 'Toggle HTML view' }).click();

    const [page] = await Promise.all([
      context.waitForEvent('page'),
      mail.frameLocator('iframe').getByRole('link', { name: 'Pengaktifan Akaun', exact: true }).click(),
    ]);

    await page.locator('#step-questions').waitFor();
    expect(page.url()).toBe(`${stack.url}/account/activation`);
    expect(await page.locator('#user-ic-number').textContent()).toBe(officer.icNumber);
    await context.close();
  });
});
