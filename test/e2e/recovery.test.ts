import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expireToken, mailsTo, post } from '../integration/client.ts';
import { NEW_PASSWORD, OFFICER } from '../support/fixtures.ts';
import {
  activeOfficer,
  answerFor,
  checkState,
  closePage,
  DESKTOP,
  expectAccessible,
  forgetEarlierRecoverySends,
  NARROW,
  openPage,
  recoveryLink,
  screenshot,
  sharedBrowser,
  stack,
  tokenOf,
} from './support.ts';

const browser = sharedBrowser();

/** Meets every rule, holds none of the test officer's data, differs from the activation password. */
const NEUTRAL_SENT =
  'Sekiranya ID Pengguna ini berdaftar dan aktif, emel yang mengandungi pautan untuk menetapkan semula kata laluan telah dihantar ke emel berdaftar akaun tersebut. Sekiranya akaun belum diaktifkan, emel pengaktifan akaun dihantar sebagai gantinya.';

/** Screenshot, axe and (on a narrow screen) the no-horizontal-scroll check for one page state. */

/** The heading of the problem the page shows, once it shows one. */
async function problemHeading(page: Page): Promise<string | null> {
  await page.locator('#problem-view').waitFor();
  return page.locator('#problem-heading').textContent();
}

/** Types into both answer fields: the right answers, or wrong ones. */
async function answerQuestions(page: Page, right: boolean): Promise<void> {
  const fields = page.locator('#answer-fields input');
  await expect.poll(() => fields.count()).toBe(2);
  for (const i of [0, 1]) {
    const input = fields.nth(i);
    const question = (await page.locator(`label[for="answer-${i + 1}"]`).textContent()) ?? '';
    await input.fill(right ? answerFor(question) : `Salah Jawapan ${i + 1}`);
  }
}

/** The list's state for every rule, by code. */
function ruleStates(page: Page) {
  return page
    .locator('#password-rule-list li')
    .evaluateAll((items) => Object.fromEntries(items.map((li) => [li.dataset.code, li.dataset.state])));
}

const ALL_MET = {
  PASSWORD_TOO_SHORT: 'met',
  PASSWORD_NO_LOWER: 'met',
  PASSWORD_NO_UPPER: 'met',
  PASSWORD_NO_DIGIT: 'met',
  PASSWORD_NO_SPECIAL: 'met',
  PASSWORD_COMMON: 'met',
  PASSWORD_CONTAINS_PERSONAL_DATA: 'met',
};

/** Lupa Kata Laluan from the login page to a new password, with one round of wrong answers. */
async function recoverThroughPages(page: Page, narrow: boolean) {
  const officer = await activeOfficer();

  await page.goto(stack.url);
  await page.getByRole('link', { name: 'Lupa Kata Laluan' }).click();
  await page.waitForURL('**/account/recovery');
  await expect.poll(() => page.locator('h1').textContent()).toBe('Lupa Kata Laluan');
  expect(await page.getByLabel('Sila nyatakan ID Pengguna akaun anda').getAttribute('placeholder')).toBe(
    'kth:123456789012',
  );
  expect(await page.getByRole('link', { name: 'Kembali Ke Log Masuk' }).isVisible()).toBe(true);
  await checkState(page, 'recovery-request', narrow);

  await page.getByLabel('Sila nyatakan ID Pengguna akaun anda').fill(officer.userId);
  await page.getByRole('button', { name: 'Hantar' }).click();
  const sent = page.locator('#resend-sent-text');
  await sent.waitFor();
  // Neutral: the page names no address, whatever the ID.
  expect((await sent.textContent())?.trim()).toBe(NEUTRAL_SENT);
  expect(await page.locator('#resend-validity').textContent()).toBe(
    'Sila ambil maklum bahawa pautan dalam emel sah dalam tempoh 30 minit sahaja.',
  );
  await checkState(page, 'recovery-sent', narrow);

  const link = await recoveryLink(officer.email);
  await page.goto(link);
  await page.locator('#step-questions').waitFor();
  expect(page.url()).toBe(`${stack.url}/account/recovery`);
  expect(await page.locator('#user-name').textContent()).toBe(OFFICER.name);
  expect(await page.getByText('Sila jawab DUA(2) soalan keselamatan berikut :').isVisible()).toBe(true);
  expect(await page.locator('#next').isDisabled()).toBe(true);
  await checkState(page, 'recovery-questions', narrow);

  // Wrong answers first: the server says so only when the new password is sent.
  await answerQuestions(page, false);
  await page.getByRole('button', { name: 'Seterusnya' }).click();
  await page.locator('#step-password').waitFor();
  expect(await page.locator('#progress-questions').getAttribute('class')).toContain('done');
  await checkState(page, 'recovery-password', narrow);

  const password = page.getByLabel('Kata Laluan', { exact: true });
  await password.fill(NEW_PASSWORD);
  await page.getByLabel('Ulang Kata Laluan').fill(NEW_PASSWORD);
  await expect.poll(() => ruleStates(page)).toEqual(ALL_MET);
  expect(await page.locator('#password-rules-summary').textContent()).toBe(
    'Kata laluan anda menepati semua syarat.',
  );
  await checkState(page, 'recovery-password-filled', narrow);

  await page.getByRole('button', { name: 'Selesai' }).click();
  await expect
    .poll(() => page.locator('#answers-message').textContent())
    .toBe(
      'Satu atau lebih jawapan tidak betul. Sila semak jawapan anda dan cuba lagi. Terlalu banyak cubaan yang salah akan mengunci akaun anda buat sementara.',
    );
  expect(await page.locator('#step-questions').isVisible()).toBe(true);
  expect(await page.locator('#answer-1').evaluate((el) => el === document.activeElement)).toBe(true);
  await checkState(page, 'recovery-answers-wrong', narrow);

  await answerQuestions(page, true);
  await page.getByRole('button', { name: 'Seterusnya' }).click();
  await page.locator('#step-password').waitFor();
  // The password typed before the wrong answers is still there.
  expect(await password.inputValue()).toBe(NEW_PASSWORD);
  await page.getByRole('button', { name: 'Selesai' }).click();

  const success = page.locator('#success-text');
  await success.waitFor();
  expect(await success.textContent()).toBe(
    'Kata laluan anda telah berjaya ditetapkan semula. Anda boleh log masuk ke sistem.',
  );
  expect(await page.locator('.step.done').count()).toBe(2);
  await checkState(page, 'recovery-done', narrow);

  await page.getByRole('link', { name: 'Log Masuk' }).click();
  await page.waitForURL(`${stack.url}/`);
  await page.getByLabel('No Kad Pengenalan').fill(officer.icNumber);
  await page.getByLabel('Kata Laluan', { exact: true }).fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'Log Masuk' }).click();
  await page.locator('#session-view').waitFor();
  return { ...officer, link };
}

describe('recovery page (Lupa Kata Laluan)', () => {
  it('takes an officer from Lupa Kata Laluan through the e-mail, a wrong answer and a new password to signing in', async () => {
    const tp = await openPage(browser(), DESKTOP);
    const { page } = tp;
    const officer = await recoverThroughPages(page, false);

    // The link is spent: opening it again says so, with the form for a new one.
    await page.goto(officer.link);
    expect(await problemHeading(page)).toBe('Pautan Tidak Sah');
    expect(await page.locator('#resend-form').isVisible()).toBe(true);
    await checkState(page, 'recovery-used', false);
    await page.setViewportSize(NARROW);
    await checkState(page, 'recovery-used', true);
    await closePage(tp);
  });

  it('works on a 320 px wide screen without horizontal scrolling', async () => {
    const tp = await openPage(browser(), NARROW);
    await recoverThroughPages(tp.page, true);
    await closePage(tp);
  });

  it('shows an expired link as expired, with the ID already in place when this tab asked for the link', async () => {
    const tp = await openPage(browser(), DESKTOP);
    const { page } = tp;
    const officer = await activeOfficer();

    await page.goto(`${stack.url}/account/recovery`);
    await page.getByLabel('Sila nyatakan ID Pengguna akaun anda').fill(officer.userId);
    await page.getByRole('button', { name: 'Hantar' }).click();
    await page.locator('#resend-sent').waitFor();
    const link = await recoveryLink(officer.email);
    await expireToken(tokenOf(link));

    // The mail's link opened in this same tab: only the fragment changes.
    await page.goto(link);
    expect(await problemHeading(page)).toBe('Pautan Telah Tamat Tempoh');
    expect(page.url()).toBe(`${stack.url}/account/recovery`);
    const field = page.getByLabel('Sila nyatakan ID Pengguna akaun anda');
    expect(await field.inputValue()).toBe(officer.userId);
    await checkState(page, 'recovery-expired', false);

    const before = (await mailsTo(officer.email)).length;
    await forgetEarlierRecoverySends(officer.icNumber);
    await page.getByRole('button', { name: 'Hantar' }).click();
    await page.locator('#resend-sent').waitFor();
    await expect.poll(async () => (await mailsTo(officer.email)).length).toBe(before + 1);
    await checkState(page, 'recovery-expired-sent', false);
    await page.setViewportSize(NARROW);
    await checkState(page, 'recovery-expired-sent', true);

    const fresh = await recoveryLink(officer.email);
    expect(fresh).not.toBe(link);
    await page.goto(fresh);
    await page.locator('#step-questions').waitFor();
    await closePage(tp);
  });

  it('asks for the ID in place when an expired link is opened in a new tab', async () => {
    const tp = await openPage(browser(), NARROW);
    const { page } = tp;
    const officer = await activeOfficer();
    await post('/api/recovery/request', { userId: officer.userId });
    const link = await recoveryLink(officer.email);
    await expireToken(tokenOf(link));

    await page.goto(link);
    expect(await problemHeading(page)).toBe('Pautan Telah Tamat Tempoh');
    expect(await page.getByLabel('Sila nyatakan ID Pengguna akaun anda').inputValue()).toBe('');
    await checkState(page, 'recovery-expired', true);
    await page.getByLabel('Sila nyatakan ID Pengguna akaun anda').fill(officer.userId);
    await page.getByRole('button', { name: 'Hantar' }).click();
    await page.locator('#resend-sent').waitFor();
    await closePage(tp);
  });

  it('locks after five rounds of wrong answers and says how long to wait', async () => {
    const tp = await openPage(browser(), DESKTOP);
    const { page } = tp;
    const officer = await activeOfficer();
    await post('/api/recovery/request', { userId: officer.userId });
    await page.goto(await recoveryLink(officer.email));
    await page.locator('#step-questions').waitFor();

    for (let round = 1; round <= 5; round += 1) {
      await answerQuestions(page, false);
      await page.getByRole('button', { name: 'Seterusnya' }).click();
      if (round === 1) {
        await page.getByLabel('Kata Laluan', { exact: true }).fill(NEW_PASSWORD);
        await page.getByLabel('Ulang Kata Laluan').fill(NEW_PASSWORD);
      }
      await expect.poll(() => page.locator('#finish').isEnabled()).toBe(true);
      await page.getByRole('button', { name: 'Selesai' }).click();
      if (round < 5) {
        await expect.poll(() => page.locator('#answers-message').textContent()).toContain('tidak betul');
      }
    }

    await expect
      .poll(() => page.locator('#problem-heading').textContent())
      .toBe('Akaun Dikunci Buat Sementara');
    expect(await page.locator('#problem-body').textContent()).toMatch(
      /Sila cuba semula selepas (\d+ minit|1 minit)\./,
    );
    expect(await page.locator('#reset-view').isHidden()).toBe(true);
    expect(await page.getByRole('link', { name: 'Kembali Ke Log Masuk' }).isVisible()).toBe(true);
    await checkState(page, 'recovery-locked', false);
    await page.setViewportSize(NARROW);
    await checkState(page, 'recovery-locked', true);
    await closePage(tp);
  });

  it('says a link is not valid, and that the service is down with a retry', async () => {
    const tp = await openPage(browser(), DESKTOP);
    const { page } = tp;
    await page.goto(`${stack.url}/account/recovery#token=${'x'.repeat(43)}`);
    expect(await problemHeading(page)).toBe('Pautan Tidak Sah');
    await checkState(page, 'recovery-invalid', false);

    const officer = await activeOfficer();
    await post('/api/recovery/request', { userId: officer.userId });
    await page.route('**/api/recovery/verify', (route) =>
      route.fulfill({
        status: 503,
        contentType: 'application/problem+json',
        headers: { 'Retry-After': '5' },
        body: JSON.stringify({ status: 503, code: 'SERVICE_UNAVAILABLE', title: 'Service Unavailable' }),
      }),
    );
    await page.goto(await recoveryLink(officer.email));
    await expect
      .poll(() => page.locator('#problem-heading').textContent())
      .toBe('Perkhidmatan Tidak Tersedia');
    await checkState(page, 'recovery-unavailable', false);
    await page.setViewportSize(NARROW);
    await checkState(page, 'recovery-unavailable', true);
    await page.unroute('**/api/recovery/verify');
    await page.getByRole('button', { name: 'Cuba Lagi' }).click();
    await page.locator('#step-questions').waitFor();
    await closePage(tp);
  });

  it('refuses a malformed ID at the field', async () => {
    const tp = await openPage(browser(), DESKTOP);
    const { page } = tp;
    await page.goto(`${stack.url}/account/recovery`);
    await page.getByLabel('Sila nyatakan ID Pengguna akaun anda').fill('bukan-id');
    await page.getByRole('button', { name: 'Hantar' }).click();
    await expect
      .poll(() => page.locator('#resend-user-id-error').textContent())
      .toContain('ID Pengguna tidak sah');
    expect(await page.locator('#resend-user-id').getAttribute('aria-invalid')).toBe('true');
    await closePage(tp);
  });

  it('goes through with the keyboard only, and shows the questions in English after a switch', async () => {
    const tp = await openPage(browser(), DESKTOP);
    const { page } = tp;
    const officer = await activeOfficer();
    const focused = () => page.evaluate(() => document.activeElement?.id ?? document.activeElement?.tagName);

    await page.goto(stack.url);
    await page.locator('#login-form').waitFor();
    for (let presses = 0; presses < 10; presses += 1) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => document.activeElement?.getAttribute('href') === '/account/recovery'))
        break;
    }
    await page.keyboard.press('Enter');
    await page.waitForURL('**/account/recovery');
    for (let presses = 0; presses < 10 && (await focused()) !== 'resend-user-id'; presses += 1) {
      await page.keyboard.press('Tab');
    }
    await page.keyboard.type(officer.userId);
    await page.keyboard.press('Enter');
    await page.locator('#resend-sent').waitFor();
    expect(await focused()).toBe('resend-sent-text');

    await page.goto(await recoveryLink(officer.email));
    await page.locator('#step-questions').waitFor();

    await page.getByRole('button', { name: 'English' }).click();
    expect(await page.locator('#questions-heading').textContent()).toBe('Security Questions');
    const label = (await page.locator('label[for="answer-1"]').textContent()) ?? '';
    await page.setViewportSize(NARROW);
    await checkState(page, 'recovery-questions-en', true);
    await page.setViewportSize(DESKTOP);
    expect(["Your mother's name?", 'Your first car?', 'Your favourite colour?']).toContain(label);
    await screenshot(page, 'recovery-questions-en');
    await expectAccessible(page, 'recovery-questions-en');

    await page.locator('#answer-1').focus();
    await page.keyboard.type(answerFor(label));
    await page.keyboard.press('Tab');
    await page.keyboard.type(answerFor((await page.locator('label[for="answer-2"]').textContent()) ?? ''));
    await page.keyboard.press('Enter');
    await page.locator('#step-password').waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('password-heading');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('password');
    await page.keyboard.type(NEW_PASSWORD);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('password-confirmation');
    await page.keyboard.type(NEW_PASSWORD);
    await expect.poll(() => page.locator('#finish').isEnabled()).toBe(true);
    await page.keyboard.press('Enter');
    await page.locator('#success-text').waitFor();
    expect(await page.locator('#success-text').textContent()).toBe(
      'Your password has been reset. You can log in to the system.',
    );
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('success-text');
    await closePage(tp);
  });
});
