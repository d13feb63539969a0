import { describe, expect, it } from 'vitest';
import { routes } from '../../functions/api/routes.ts';
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

describe('the API reference page', () => {
  it('shows every route of the table with its answers, readable on a phone, axe clean, and links the document', async () => {
    const tp = await openPage(browser(), DESKTOP);
    const { page } = tp;

    const response = await page.goto(`${stack.url}/docs/api`);
    expect(response?.status()).toBe(200);
    const headings = await page.locator('.api-operation h3').allTextContents();
    for (const route of routes) expect(headings).toContain(`${route.method} ${route.path}`);
    await screenshot(page, 'api-reference');
    await expectAccessible(page, 'api-reference');

    await page.setViewportSize(NARROW);
    await expectNoHorizontalScroll(page);
    await screenshot(page, 'api-reference-320');

    const document = await page.request.get(`${stack.url}/api/openapi.json`);
    expect((await document.json()).openapi).toBe('3.1.0');
    await closePage(tp);
  });
});
