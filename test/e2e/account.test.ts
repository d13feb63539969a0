import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { NEW_PASSWORD, PASSWORD } from '../support/fixtures.ts';
import {
  activeOfficer,
  checkState,
  closePage,
  DESKTOP,
  NARROW,
  sharedBrowser,
  signInThroughForm,
  type TestPage,
} from './support.ts';

const browser = sharedBrowser();

/** A page of its own (own cookies) signed in as the officer through the login form. */
async function signedIn(icNumber: string, password: string, viewport = DESKTOP): Promise<TestPage> {
  const tp = await signInThroughForm(browser(), icNumber, password, viewport);
  await tp.page.locator('#session-view').waitFor();
  return tp;
}

function ruleStates(page: Page) {
  return page
    .locator('#new-password-rule-list li')
    .evaluateAll((items) => Object.fromEntries(items.map((li) => [li.dataset.code, li.dataset.state])));
}

/** After a reload: still signed in, or back at the login form. */
async function signedInAfterReload(page: Page): Promise<boolean> {
  await page.reload();
  await expect
    .poll(
      async () =>
        (await page.locator('#session-view').isVisible()) || (await page.locator('#login-form').isVisible()),
    )
    .toBe(true);
  // The session check answers after the page shows the login form: give it its moment.
  await page.waitForLoadState('networkidle');
  return page.locator('#session-view').isVisible();
}

describe('signed-in view: Tukar Kata Laluan and Log Keluar Semua Sesi', () => {
  it('changes the password with the live rule list, ends the other sessions and keeps this one', async () => {
    const officer = await activeOfficer();
    const other = await signedIn(officer.icNumber, PASSWORD);
    const tp = await signedIn(officer.icNumber, PASSWORD);
    const { page } = tp;
    await checkState(page, 'signed-in', false);

    await page.getByRole('button', { name: 'Tukar Kata Laluan' }).click();
    const current = page.getByLabel('Kata Laluan Semasa');
    expect(await current.evaluate((el) => el === document.activeElement)).toBe(true);
    const fresh = page.getByLabel('Kata Laluan Baharu', { exact: true });
    const repeat = page.getByLabel('Ulang Kata Laluan Baharu');
    const save = page.getByRole('button', { name: 'Simpan Kata Laluan' });
    expect(await save.isDisabled()).toBe(true);
    await checkState(page, 'change-password', false);

    // The officer's own name is judged from the session while typing.
    await fresh.fill('Aisyah!Kuat2024');
    await expect.poll(() => ruleStates(page)).toMatchObject({ PASSWORD_CONTAINS_PERSONAL_DATA: 'unmet' });
    expect(await save.isDisabled()).toBe(true);

    // The current password wrong: said at its field, and the form stays.
    await current.fill('Salah!Kata1aluan');
    await fresh.fill(NEW_PASSWORD);
    await repeat.fill(NEW_PASSWORD);
    await expect.poll(() => save.isEnabled()).toBe(true);
    await save.click();
    await expect
      .poll(() => page.locator('#current-password-error').textContent())
      .toBe('Kata Laluan Semasa tidak betul.');
    expect(await current.getAttribute('aria-invalid')).toBe('true');
    expect(await current.evaluate((el) => el === document.activeElement)).toBe(true);
    await checkState(page, 'change-password-wrong-current', false);

    // The new password equal to the current one: said at the new password's field.
    await current.fill(PASSWORD);
    await fresh.fill(PASSWORD);
    await repeat.fill(PASSWORD);
    await expect.poll(() => save.isEnabled()).toBe(true);
    await save.click();
    await expect
      .poll(() => page.locator('#new-password-error').textContent())
      .toBe('Kata laluan baharu mesti berbeza daripada kata laluan semasa.');

    await current.fill(PASSWORD);
    await fresh.fill(NEW_PASSWORD);
    await repeat.fill(NEW_PASSWORD);
    await page.getByLabel('Tunjuk Kata Laluan').check();
    expect(await current.getAttribute('type')).toBe('text');
    expect(await fresh.getAttribute('type')).toBe('text');
    await expect.poll(() => save.isEnabled()).toBe(true);
    await save.click();
    await expect
      .poll(() => page.locator('#change-status').textContent())
      .toBe(
        'Kata laluan anda telah berjaya ditukar. Sesi anda pada peranti lain telah ditamatkan; sesi ini diteruskan.',
      );
    expect(await page.locator('#change-form').isHidden()).toBe(true);
    expect(await current.inputValue()).toBe('');
    await checkState(page, 'change-password-done', false);

    expect(await signedInAfterReload(page)).toBe(true);
    expect(await signedInAfterReload(other.page)).toBe(false);
    await closePage(other);

    const again = await signedIn(officer.icNumber, NEW_PASSWORD);
    await closePage(again);
    await closePage(tp);
  });

  it('signs out of every session after a confirmation that says what will happen', async () => {
    const officer = await activeOfficer();
    const other = await signedIn(officer.icNumber, PASSWORD);
    const tp = await signedIn(officer.icNumber, PASSWORD);
    const { page } = tp;

    await page.getByRole('button', { name: 'Log Keluar Semua Sesi' }).click();
    const confirm = page.locator('#revoke-confirm-text');
    expect(await confirm.textContent()).toBe(
      'Semua sesi log masuk akaun anda akan ditamatkan, termasuk sesi ini. Anda perlu log masuk semula pada setiap peranti. Teruskan?',
    );
    expect(await confirm.evaluate((el) => el === document.activeElement)).toBe(true);
    await checkState(page, 'revoke-confirm', false);

    // Batal changes nothing.
    await page.getByRole('button', { name: 'Batal' }).click();
    expect(await page.locator('#revoke-confirm').isHidden()).toBe(true);
    expect(
      await page
        .getByRole('button', { name: 'Log Keluar Semua Sesi' })
        .evaluate((el) => el === document.activeElement),
    ).toBe(true);

    await page.getByRole('button', { name: 'Log Keluar Semua Sesi' }).click();
    await page.getByRole('button', { name: 'Ya, Log Keluar Semua Sesi' }).click();
    await page.locator('#login-form').waitFor();
    expect(await page.locator('#login-status').textContent()).toBe(
      'Anda telah log keluar daripada semua sesi pada setiap peranti.',
    );
    await checkState(page, 'revoked', false);

    expect(await signedInAfterReload(page)).toBe(false);
    expect(await signedInAfterReload(other.page)).toBe(false);
    await closePage(other);
    await closePage(tp);
  });

  it('shows the login form when the session has ended before the new password is saved', async () => {
    const officer = await activeOfficer();
    const other = await signedIn(officer.icNumber, PASSWORD);
    const tp = await signedIn(officer.icNumber, PASSWORD);
    const { page } = tp;
    await page.getByRole('button', { name: 'Tukar Kata Laluan' }).click();
    await page.getByLabel('Kata Laluan Semasa').fill(PASSWORD);
    await page.getByLabel('Kata Laluan Baharu', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('Ulang Kata Laluan Baharu').fill(NEW_PASSWORD);

    // Every session ends from another device meanwhile.
    await other.page.getByRole('button', { name: 'Log Keluar Semua Sesi' }).click();
    await other.page.getByRole('button', { name: 'Ya, Log Keluar Semua Sesi' }).click();
    await other.page.locator('#login-form').waitFor();

    await expect.poll(() => page.locator('#change-save').isEnabled()).toBe(true);
    await page.getByRole('button', { name: 'Simpan Kata Laluan' }).click();
    await page.locator('#login-form').waitFor();
    expect(await page.locator('#login-status').textContent()).toBe(
      'Sesi anda telah tamat. Sila log masuk semula.',
    );
    expect(await page.getByLabel('Kata Laluan Semasa').inputValue()).toBe('');
    await closePage(other);
    await closePage(tp);
  });

  it('fits a 320 px wide screen, and goes through with the keyboard only', async () => {
    const officer = await activeOfficer();
    const tp = await signedIn(officer.icNumber, PASSWORD, NARROW);
    const { page } = tp;
    await checkState(page, 'signed-in', true);

    const focused = () => page.evaluate(() => document.activeElement?.id);
    await page.locator('#change-open').focus();
    await page.keyboard.press('Enter');
    expect(await focused()).toBe('current-password');
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('new-password');
    await page.keyboard.type(NEW_PASSWORD);
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('new-password-confirmation');
    await page.keyboard.type(NEW_PASSWORD);
    await expect.poll(() => ruleStates(page)).toMatchObject({ PASSWORD_COMMON: 'met' });
    await checkState(page, 'change-password', true);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#change-status').textContent()).toContain('berjaya ditukar');
    expect(await focused()).toBe('change-status');

    await page.locator('#revoke-open').focus();
    await page.keyboard.press('Space');
    expect(await focused()).toBe('revoke-confirm-text');
    await checkState(page, 'revoke-confirm', true);
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('revoke-yes');
    await page.keyboard.press('Enter');
    await page.locator('#login-form').waitFor();
    expect(await focused()).toBe('login-user-id');
    await checkState(page, 'revoked', true);
    await closePage(tp);
  });
});
