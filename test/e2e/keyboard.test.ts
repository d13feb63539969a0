import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { GOOD_ANSWERS, goodAnswerTo, PASSWORD } from '../support/fixtures.ts';
import {
  activationLink,
  closePage,
  DESKTOP,
  newOfficer,
  openPage,
  screenshot,
  sharedBrowser,
  stack,
} from './support.ts';

const browser = sharedBrowser();

const focusedMatches = (page: Page, selector: string) =>
  page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector);

/** Presses Tab (or Shift+Tab) until `selector` has the focus; fails if it is not reachable. */
async function tabTo(page: Page, selector: string, key: 'Tab' | 'Shift+Tab' = 'Tab'): Promise<void> {
  for (let presses = 0; presses < 40; presses += 1) {
    await page.keyboard.press(key);
    if (await focusedMatches(page, selector)) return;
  }
  throw new Error(`${selector} cannot be reached with ${key}`);
}

/** The focused element shows a focus ring. */
async function expectVisibleFocus(page: Page): Promise<void> {
  const outline = await page.evaluate(() => {
    const el = document.activeElement;
    return el ? getComputedStyle(el).outlineStyle : 'none';
  });
  expect(outline).not.toBe('none');
}

describe('keyboard only', () => {
  it('an officer requests the e-mail and activates with Tab, Shift+Tab, Enter, Space and typing', async () => {
    const tp = await openPage(browser(), DESKTOP);
    const { page } = tp;
    const officer = await newOfficer();

    await page.goto(stack.url);
    await tabTo(page, 'a[href="/account/request"]');
    await expectVisibleFocus(page);
    await page.keyboard.press('Enter');
    await page.waitForURL('**/account/request');

    await tabTo(page, '#resend-user-id');
    await expectVisibleFocus(page);
    await page.keyboard.type(officer.userId);
    await page.keyboard.press('Enter');
    await page.locator('#resend-sent').waitFor();
    expect(await focusedMatches(page, '#resend-sent-text')).toBe(true);

    await page.goto(await activationLink(officer.email));
    await page.locator('#step-questions').waitFor();

    // Row n gets the n-th question of the catalogue: ArrowDown on a closed select picks the next.
    for (const [row, { answer }] of GOOD_ANSWERS.entries()) {
      await tabTo(page, `#question-rows tr:nth-child(${row + 1}) select`);
      for (let i = 0; i <= row; i += 1) await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Tab');
      await page.keyboard.type(answer);
    }
    // Delete the third row with Enter on its Padam button, then add it back with Enter.
    await tabTo(page, '#question-rows tr:nth-child(3) button');
    await expectVisibleFocus(page);
    await page.keyboard.press('Enter');
    expect(await page.locator('#question-rows tr').count()).toBe(2);
    expect(await focusedMatches(page, '#add-row')).toBe(true);
    await page.keyboard.press('Enter');
    expect(await focusedMatches(page, '#question-rows tr:nth-child(3) select')).toBe(true);
    for (let i = 0; i < 3; i += 1) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Tab');
    await page.keyboard.type(goodAnswerTo('favourite-colour'));

    await tabTo(page, '#next');
    await screenshot(page, 'keyboard-questions');
    await page.keyboard.press('Enter');
    await page.locator('#step-password').waitFor();

    await tabTo(page, '#password');
    await page.keyboard.type(PASSWORD);
    await tabTo(page, '#password-confirmation');
    await page.keyboard.type(PASSWORD.slice(0, -1));
    await tabTo(page, '#show-password');
    await page.keyboard.press('Space');
    expect(await page.locator('#password').getAttribute('type')).toBe('text');
    await tabTo(page, '#password-confirmation', 'Shift+Tab');
    await page.keyboard.press('End'); // tabbing into a field selects its text
    await page.keyboard.type(PASSWORD.slice(-1));
    await tabTo(page, '#finish');
    await expectVisibleFocus(page);
    await screenshot(page, 'keyboard-password');
    await page.keyboard.press('Enter');
    await page.locator('#success-text').waitFor();
    expect(await focusedMatches(page, '#success-text')).toBe(true);

    await tabTo(page, '#step-done a[href="/"]');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${stack.url}/`);

    await page.locator('#login-form').waitFor();
    await tabTo(page, '#login-user-id');
    await page.keyboard.type(officer.icNumber);
    await page.keyboard.press('Tab');
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Enter');
    await page.locator('#session-view').waitFor();
    await tabTo(page, '#logout');
    await page.keyboard.press('Space');
    await page.locator('#login-form').waitFor();
    await closePage(tp);
  });
});
