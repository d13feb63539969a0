import { describe, expect, it } from 'vitest';
import {
  closePage,
  DESKTOP,
  expectAccessible,
  fillQuestions,
  officerWithLink,
  openPage,
  screenshot,
  sharedBrowser,
  stack,
} from './support.ts';

const browser = sharedBrowser();

describe('language switch', () => {
  it('shows English on request, remembers it on the next pages, and switches back to Malay', async () => {
    const tp = await openPage(browser(), DESKTOP);
    const { page } = tp;
    const lang = () => page.evaluate(() => document.documentElement.lang);

    await page.goto(stack.url);
    expect(await lang()).toBe('ms');
    await page.getByRole('button', { name: 'English' }).click();
    expect(await lang()).toBe('en');
    expect(await page.locator('.app-subtitle').textContent()).toBe(
      'State Government Accrual Accounting System (iSPEKS)',
    );
    expect(await page.title()).toBe('Log In | iSPEKS');
    expect(await page.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByLabel('ID Card Number').count()).toBe(1);
    await screenshot(page, 'login-en');
    await expectAccessible(page, 'login-en');

    await page.getByRole('link', { name: 'here', exact: true }).click();
    await page.waitForURL('**/account/request');
    await expect.poll(lang).toBe('en');
    expect(await page.locator('h1').textContent()).toBe('Account Activation E-mail');
    expect(await page.getByLabel("State your account's user ID").count()).toBe(1);
    await screenshot(page, 'request-en');

    await page.goto(`${stack.url}/account/recovery`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Forgot Password');
    expect(await page.locator('#request-intro').textContent()).toBe(
      "A link to reset your password will be sent to your account's registered e-mail.",
    );
    expect(await page.getByLabel("State your account's user ID").count()).toBe(1);
    await screenshot(page, 'recovery-request-en');
    await expectAccessible(page, 'recovery-en');

    // The activation page: questions in the page language, re-translated in place on a switch.
    const officer = await officerWithLink();
    await page.goto(officer.link);
    await page.locator('#step-questions').waitFor();
    expect(await page.locator('#questions-heading').textContent()).toBe('Security Questions Setup');
    await fillQuestions(page);
    const firstQuestion = page.locator('#question-rows select').first();
    expect(await firstQuestion.locator('option:checked').textContent()).toBe("Your mother's name?");
    await page.getByRole('button', { name: 'Bahasa Melayu' }).click();
    expect(await lang()).toBe('ms');
    expect(await firstQuestion.locator('option:checked').textContent()).toBe('Nama Ibu?');
    expect(await page.locator('#questions-heading').textContent()).toBe('Tetapan Soalan Keselamatan');

    await page.goto(stack.url);
    await expect
      .poll(() => page.locator('label[for="login-user-id"]').textContent())
      .toBe('No Kad Pengenalan');
    expect(await lang()).toBe('ms');
    await closePage(tp);
  });
});
