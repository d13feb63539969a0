import { describe, expect, it } from 'vitest';
import {
  closePage,
  DESKTOP,
  expectAccessible,
  expectNoHorizontalScroll,
  NARROW,
  openPage,
  screenshot,
  sharedBrowser,
  stack,
} from './support.ts';

const browser = sharedBrowser();

describe('the 404 page', () => {
  it('answers an unknown path with 404 and the site’s own page, in Malay and English at once', async () => {
    const tp = await openPage(browser(), DESKTOP);
    const { page } = tp;

    const response = await page.goto(`${stack.url}/account/tiada-halaman`);
    expect(response?.status()).toBe(404);
    expect(await page.locator('h1').textContent()).toBe('Halaman Tidak Dijumpai');
    expect(await page.locator('[lang="en"] h2').textContent()).toBe('Page Not Found');
    expect(await page.title()).toBe('Halaman Tidak Dijumpai · Page Not Found | iSPEKS');
    await screenshot(page, 'not-found');
    await expectAccessible(page, 'not-found');

    await page.setViewportSize(NARROW);
    await screenshot(page, 'not-found-320');
    await expectNoHorizontalScroll(page);

    await page.getByRole('link', { name: /Kembali Ke Log Masuk/ }).click();
    await page.waitForURL(`${stack.url}/`);
    await page.locator('#login-form').waitFor();
    await closePage(tp);
  });
});
