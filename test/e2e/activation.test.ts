import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expireToken, forgetEarlierSends, mailsTo } from '../integration/client.ts';
import { GOOD_ANSWERS, goodAnswerTo, OFFICER, PASSWORD } from '../support/fixtures.ts';
import {
  activationLink,
  checkState,
  closePage,
  DESKTOP,
  expectAccessible,
  fillQuestions,
  NARROW,
  newOfficer,
  officerWithLink,
  openPage,
  screenshot,
  sharedBrowser,
  stack,
  tokenOf,
} from './support.ts';

const browser = sharedBrowser();

/** The live list: the source's five rules in its words, then the two the server judges. */
const RULE_CODES = [
  'PASSWORD_TOO_SHORT',
  'PASSWORD_NO_LOWER',
  'PASSWORD_NO_UPPER',
  'PASSWORD_NO_DIGIT',
  'PASSWORD_NO_SPECIAL',
  'PASSWORD_COMMON',
  'PASSWORD_CONTAINS_PERSONAL_DATA',
];
const RULE_TEXTS = [
  'Panjang aksara mesti tidak kurang daripada 12.',
  'Mesti mengandungi aksara berhuruf kecil.',
  'Mesti mengandungi aksara berhuruf besar.',
  'Mesti mengandungi aksara bernombor.',
  'Mesti mengandungi aksara khas.',
  'Bukan kata laluan yang biasa digunakan.',
  "Tidak mengandungi No Kad Pengenalan, nama anda atau perkataan 'iSPEKS'.",
];

/** The list's state for every rule, by code. */
function ruleStates(page: Page) {
  return page
    .locator('#password-rule-list li')
    .evaluateAll((items) => Object.fromEntries(items.map((li) => [li.dataset.code, li.dataset.state])));
}

/** Screenshot, axe and (on a narrow screen) the no-horizontal-scroll check for one page state. */

/** From the login page's "di sini" link to the success screen, as an officer does it. */
async function activateThroughPages(page: Page, narrow: boolean) {
  const officer = await newOfficer();

  await page.goto(stack.url);
  await expect.poll(() => page.locator('#login-form').isVisible()).toBe(true);
  await checkState(page, 'login', narrow);

  await page.getByRole('link', { name: 'di sini' }).click();
  await page.waitForURL('**/account/request');
  await expect.poll(() => page.locator('h1').textContent()).toBe('Emel Pengaktifan Akaun');
  await checkState(page, 'request', narrow);

  await page.getByLabel('Sila nyatakan ID Pengguna akaun anda').fill(officer.userId);
  await page.getByRole('button', { name: 'Hantar' }).click();
  const sent = page.locator('#resend-sent-text');
  await sent.waitFor();
  expect(await sent.textContent()).toMatch(
    /^Emel pengaktifan akaun telah dihantar ke emel berdaftar anda : u\*+\d@example\.gov\.my$/,
  );
  expect(await page.locator('#resend-form').isHidden()).toBe(true);
  expect(await page.getByRole('link', { name: 'Kembali Ke Log Masuk' }).count()).toBe(1);
  await checkState(page, 'request-sent', narrow);

  const link = await activationLink(officer.email);
  await page.goto(link);
  await page.locator('#step-questions').waitFor();
  expect(page.url()).toBe(`${stack.url}/account/activation`);
  expect(await page.locator('#user-ic-number').textContent()).toBe(officer.icNumber);
  expect(await page.locator('#user-name').textContent()).toBe(OFFICER.name);
  expect(await page.locator('#user-email').textContent()).toBe(officer.email);
  expect(await page.locator('#user-registered-at').textContent()).toMatch(
    /^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2} [AP]M$/,
  );
  expect(await page.getByText('Anda perlu memilih TIGA(3) soalan keselamatan dibawah :').isVisible()).toBe(
    true,
  );
  expect(await page.locator('#next').isDisabled()).toBe(true);
  await checkState(page, 'activation-questions', narrow);

  await fillQuestions(page);
  await page.getByRole('button', { name: 'Seterusnya' }).click();
  await page.locator('#step-password').waitFor();
  expect(await page.locator('#progress-questions').getAttribute('class')).toContain('done');
  // Every rule is listed, with its state, before anything is typed.
  expect(await page.locator('#password-rule-list .rule-text').allTextContents()).toEqual(RULE_TEXTS);
  expect(await ruleStates(page)).toEqual(Object.fromEntries(RULE_CODES.map((code) => [code, 'unmet'])));
  expect(await page.locator('#password-rules-summary').textContent()).toBe('0 daripada 7 syarat dipenuhi.');
  await checkState(page, 'activation-password', narrow);

  await page.getByLabel('Kata Laluan', { exact: true }).fill(PASSWORD);
  await page.getByLabel('Ulang Kata Laluan').fill(PASSWORD);
  await expect
    .poll(() => ruleStates(page))
    .toEqual(Object.fromEntries(RULE_CODES.map((code) => [code, 'met'])));
  expect(await page.locator('#password-rules').getAttribute('class')).toContain('rules-ok');
  await page.getByRole('button', { name: 'Selesai' }).click();
  const success = page.locator('#success-text');
  await success.waitFor();
  expect(await success.textContent()).toBe(
    'Tahniah. Akaun anda telah berjaya diaktifkan. Anda boleh log masuk ke sistem.',
  );
  expect(await page.locator('.step.done').count()).toBe(2);
  await checkState(page, 'activation-success', narrow);
  return { ...officer, link };
}

describe('activation pages', () => {
  it('take a new officer from the login page through the e-mail to an active account, then sign in and out', async () => {
    const tp = await openPage(browser(), DESKTOP);
    const { page } = tp;

    const officer = await activateThroughPages(page, false);

    // The used link now says the account is active, with the way to log in.
    await page.goto(officer.link);
    await page.locator('#problem-view').waitFor();
    expect(await page.locator('#problem-heading').textContent()).toBe('Akaun Telah Diaktifkan');
    expect(await page.locator('#problem-active').isVisible()).toBe(true);

    await page.goto(stack.url);
    await page.getByLabel('No Kad Pengenalan').fill(officer.icNumber);
    await page.getByLabel('Kata Laluan', { exact: true }).fill('Salah!Kata1aluan');
    await page.getByRole('button', { name: 'Log Masuk' }).click();
    await expect
      .poll(() => page.locator('#login-message').textContent())
      .toBe('No Kad Pengenalan atau Kata Laluan tidak sah.');

    await page.getByLabel('Kata Laluan', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Log Masuk' }).click();
    await page.locator('#session-view').waitFor();
    expect(await page.locator('#session-name').textContent()).toBe(OFFICER.name);
    expect(await page.locator('#session-user-id').textContent()).toBe(officer.userId);
    await checkState(page, 'signed-in', false);

    await page.reload();
    await page.locator('#session-view').waitFor();

    await page.getByRole('button', { name: 'Log Keluar', exact: true }).click();
    await page.locator('#login-form').waitFor();
    expect(await page.locator('#login-status').textContent()).toBe('Anda telah log keluar.');
    await page.reload();
    await expect.poll(() => page.locator('#login-form').isVisible()).toBe(true);
    expect(await page.locator('#session-view').isHidden()).toBe(true);
    await closePage(tp);
  });

  it('work on a 320 px wide screen without horizontal scrolling', async () => {
    const tp = await openPage(browser(), NARROW);
    const { page } = tp;
    await activateThroughPages(page, true);

    const expired = await officerWithLink();
    await expireToken(tokenOf(expired.link));
    await page.goto(expired.link);
    await page.locator('#problem-view').waitFor();
    await checkState(page, 'activation-expired', true);
    await closePage(tp);
  });

  it('show an expired link as expired, and send a new e-mail from right there', async () => {
    const tp = await openPage(browser(), DESKTOP);
    const { page } = tp;
    const officer = await officerWithLink();
    await expireToken(tokenOf(officer.link));

    await page.goto(officer.link);
    await page.locator('#problem-view').waitFor();
    expect(await page.locator('#problem-heading').textContent()).toBe('Pautan Telah Tamat Tempoh');
    expect(page.url()).toBe(`${stack.url}/account/activation`);
    await checkState(page, 'activation-expired', false);

    // Within the resend cooldown the page says how long to wait.
    await page.getByLabel('Sila nyatakan ID Pengguna akaun anda').fill(officer.userId);
    await page.getByRole('button', { name: 'Hantar' }).click();
    await expect
      .poll(() => page.locator('#resend-message').textContent())
      .toMatch(
        /^Emel pengaktifan telah dihantar baru-baru ini\. Sila cuba semula selepas (1 minit|\d+ saat)\.$/,
      );

    await forgetEarlierSends(officer.icNumber);
    await page.getByRole('button', { name: 'Hantar' }).click();
    await page.locator('#resend-sent-text').waitFor();
    expect(await page.locator('#resend-sent-text').textContent()).toContain(
      'Emel pengaktifan akaun telah dihantar ke emel berdaftar anda :',
    );
    expect(await mailsTo(officer.email)).toHaveLength(2);

    await page.goto(await activationLink(officer.email));
    await page.locator('#step-questions').waitFor();
    await closePage(tp);
  });

  it('say which problem a link has: missing, not valid, or an unknown user ID', async () => {
    const tp = await openPage(browser(), DESKTOP);
    const { page } = tp;

    await page.goto(`${stack.url}/account/activation`);
    await page.locator('#problem-view').waitFor();
    expect(await page.locator('#problem-heading').textContent()).toBe('Pautan Tidak Lengkap');
    expect(await page.locator('#problem-resend').isVisible()).toBe(true);

    await page.goto(`${stack.url}/account/activation#token=${'x'.repeat(43)}`);
    await expect.poll(() => page.locator('#problem-heading').textContent()).toBe('Pautan Tidak Sah');
    expect(page.url()).toBe(`${stack.url}/account/activation`);

    await page.getByLabel('Sila nyatakan ID Pengguna akaun anda').fill('kth:880202999999');
    await page.getByRole('button', { name: 'Hantar' }).click();
    const fieldError = page.locator('#resend-user-id-error');
    await expect.poll(() => fieldError.textContent()).toContain('Tiada akaun iSPEKS berdaftar');
    expect(await page.locator('#resend-user-id').getAttribute('aria-invalid')).toBe('true');

    await page.getByLabel('Sila nyatakan ID Pengguna akaun anda').fill('bukan-id');
    await page.getByRole('button', { name: 'Hantar' }).click();
    await expect.poll(() => fieldError.textContent()).toContain('ID Pengguna tidak sah');
    await closePage(tp);
  });

  it('keep Selesai disabled while a rule is broken, show every rule with its state, and show a server refusal at the field when the live check fails', async () => {
    const tp = await openPage(browser(), DESKTOP);
    const { page } = tp;
    const officer = await officerWithLink();
    await page.goto(officer.link);
    await page.locator('#step-questions').waitFor();
    await fillQuestions(page);
    await page.getByRole('button', { name: 'Seterusnya' }).click();

    const password = page.getByLabel('Kata Laluan', { exact: true });
    const confirmation = page.getByLabel('Ulang Kata Laluan');
    const finish = page.getByRole('button', { name: 'Selesai' });
    await password.fill('abc');
    await confirmation.fill('abc');
    await expect
      .poll(() => ruleStates(page))
      .toEqual({
        PASSWORD_TOO_SHORT: 'unmet',
        PASSWORD_NO_LOWER: 'met',
        PASSWORD_NO_UPPER: 'unmet',
        PASSWORD_NO_DIGIT: 'unmet',
        PASSWORD_NO_SPECIAL: 'unmet',
        PASSWORD_COMMON: 'met',
        PASSWORD_CONTAINS_PERSONAL_DATA: 'met',
      });
    // Met and unmet differ in shape and in words, not only in colour.
    const shortRule = page.locator('#password-rule-list li[data-code="PASSWORD_TOO_SHORT"]');
    expect(await shortRule.textContent()).toBe(
      '✗Belum dipenuhi: Panjang aksara mesti tidak kurang daripada 12.',
    );
    const lowerRule = page.locator('#password-rule-list li[data-code="PASSWORD_NO_LOWER"]');
    expect(await lowerRule.textContent()).toBe('✓Dipenuhi: Mesti mengandungi aksara berhuruf kecil.');
    expect(await page.locator('#password-rules-summary').textContent()).toBe('3 daripada 7 syarat dipenuhi.');
    // The screen reader hears the summary once the officer pauses.
    await expect
      .poll(() => page.locator('#password-rules-live').textContent())
      .toBe('3 daripada 7 syarat dipenuhi.');
    expect(await finish.isDisabled()).toBe(true);
    await screenshot(page, 'activation-password-weak');
    await expectAccessible(page, 'activation-password-weak');

    await password.fill('Durian!Musang9');
    await expect
      .poll(() => ruleStates(page))
      .toEqual(Object.fromEntries(RULE_CODES.map((code) => [code, 'met'])));
    expect(await finish.isDisabled()).toBe(true); // the repetition differs
    await confirmation.fill('Durian!Musang8');
    await confirmation.blur();
    expect(await page.locator('#password-confirmation-error').textContent()).toBe(
      'Kata Laluan dan Ulang Kata Laluan tidak sepadan.',
    );

    // The server's rules while typing: a common password (its list, which the page never loads),
    // then the officer's own name and the system's name (seen at once by the page itself).
    await password.fill('Password123!');
    await expect.poll(() => ruleStates(page)).toMatchObject({ PASSWORD_COMMON: 'unmet' });
    await password.fill('Ispeks!2024Kuat');
    await confirmation.fill('Ispeks!2024Kuat');
    await expect
      .poll(() => ruleStates(page))
      .toMatchObject({ PASSWORD_COMMON: 'met', PASSWORD_CONTAINS_PERSONAL_DATA: 'unmet' });
    expect(await finish.isDisabled()).toBe(true);
    await screenshot(page, 'activation-password-personal');

    // Should the live check fail, the rule says it cannot be checked, and the server judges at the end.
    await page.route('**/api/password-policy/check', (route) => route.abort());
    await password.fill('Password123!');
    await confirmation.fill('Password123!');
    await expect.poll(() => ruleStates(page)).toMatchObject({ PASSWORD_COMMON: 'unknown' });
    expect(
      await page.locator('#password-rule-list li[data-state="unknown"]').first().textContent(),
    ).toContain('(belum dapat disemak; akan disemak semasa dihantar)');
    await screenshot(page, 'activation-password-unchecked');
    expect(await finish.isEnabled()).toBe(true);
    await finish.click();
    await expect
      .poll(() => page.locator('#password-error').textContent())
      .toBe('Kata laluan ini terlalu biasa dan mudah diteka. Sila pilih kata laluan lain.');
    expect(await password.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#step-password').isVisible()).toBe(true);
    await expectAccessible(page, 'activation-password-refused');
    await page.unroute('**/api/password-policy/check');

    await password.fill(PASSWORD);
    await confirmation.fill(PASSWORD);
    await finish.click();
    await page.locator('#success-text').waitFor();
    await closePage(tp);
  });

  it('send the officer back to the questions when the server refuses an answer (one equal to the password)', async () => {
    const tp = await openPage(browser(), DESKTOP);
    const { page } = tp;
    const officer = await officerWithLink();
    await page.goto(officer.link);
    await page.locator('#step-questions').waitFor();
    await fillQuestions(page, [
      ...GOOD_ANSWERS.slice(0, 2),
      { questionId: 'favourite-colour', answer: PASSWORD },
    ]);
    await page.getByRole('button', { name: 'Seterusnya' }).click();
    await page.getByLabel('Kata Laluan', { exact: true }).fill(PASSWORD);
    await page.getByLabel('Ulang Kata Laluan').fill(PASSWORD);
    await page.getByRole('button', { name: 'Selesai' }).click();

    await page.locator('#step-questions').waitFor();
    const answer = page.getByLabel('Jawapan 3');
    expect(await answer.getAttribute('aria-invalid')).toBe('true');
    expect(await answer.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await page.locator('#progress-questions').getAttribute('aria-current')).toBe('step');
    await expectAccessible(page, 'activation-questions-refused');

    await answer.fill(goodAnswerTo('favourite-colour'));
    await page.getByRole('button', { name: 'Seterusnya' }).click();
    await page.getByRole('button', { name: 'Selesai' }).click();
    await page.locator('#success-text').waitFor();
    await closePage(tp);
  });

  it('refuse duplicate questions and answers, and need exactly three rows', async () => {
    const tp = await openPage(browser(), DESKTOP);
    const { page } = tp;
    const officer = await officerWithLink();
    await page.goto(officer.link);
    await page.locator('#step-questions').waitFor();
    const next = page.getByRole('button', { name: 'Seterusnya' });

    await fillQuestions(page, [
      { questionId: 'mother-name', answer: 'Siti Aminah' },
      { questionId: 'mother-name', answer: 'Proton Saga' },
      { questionId: 'favourite-colour', answer: 'Hijau Muda' },
    ]);
    expect(await page.getByLabel('Soalan 2', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#question-rows tr').nth(1).locator('.field-error').first().textContent()).toBe(
      'Soalan ini telah dipilih. Sila pilih soalan yang berbeza.',
    );
    expect(await next.isDisabled()).toBe(true);
    await screenshot(page, 'activation-questions-duplicate');
    await expectAccessible(page, 'activation-questions-duplicate');

    await page.getByLabel('Soalan 2', { exact: true }).selectOption('first-car');
    await page.getByLabel('Jawapan 3').fill('siti  AMINAH');
    await page.getByLabel('Jawapan 3').blur();
    expect(await page.getByLabel('Jawapan 3').getAttribute('aria-invalid')).toBe('true');
    expect(await next.isDisabled()).toBe(true);
    await page.getByLabel('Jawapan 3').fill('Hijau Muda');
    expect(await next.isEnabled()).toBe(true);

    // Three rows: no room for another, and Padam is a secondary action, not a red one.
    expect(await page.getByRole('button', { name: 'Tambah Soalan' }).count()).toBe(0);
    const padam = page.getByRole('button', { name: 'Padam soalan 2' });
    expect(await padam.getAttribute('class')).toContain('button-secondary');
    expect(await padam.getAttribute('class')).not.toContain('button-danger');

    await padam.click();
    expect(await page.locator('#question-rows tr').count()).toBe(2);
    expect(await page.locator('#questions-count-error').textContent()).toBe(
      'Anda perlu tepat TIGA(3) soalan; kini ada 2. Tekan Tambah Soalan untuk menambah satu baris.',
    );
    expect(await next.isDisabled()).toBe(true);
    await screenshot(page, 'activation-questions-row-removed');
    await expectAccessible(page, 'activation-questions-row-removed');
    await page.getByRole('button', { name: 'Tambah Soalan' }).click();
    expect(
      await page.getByLabel('Soalan 3', { exact: true }).evaluate((el) => el === document.activeElement),
    ).toBe(true);
    await page.getByLabel('Soalan 3', { exact: true }).selectOption('birth-town');
    await page.getByLabel('Jawapan 3').fill('Kuala Terengganu');
    expect(await next.isEnabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Tambah Soalan' }).count()).toBe(0);
    await closePage(tp);
  });

  it('keep the question table steady on a desktop when an error appears under a field', async () => {
    const tp = await openPage(browser(), DESKTOP);
    const { page } = tp;
    const officer = await officerWithLink();
    await page.goto(officer.link);
    await page.locator('#step-questions').waitFor();
    await fillQuestions(page);
    const widths = () =>
      page
        .locator('#question-rows tr')
        .first()
        .locator('select, input, button')
        .evaluateAll((els) => els.map((el) => Math.round(el.getBoundingClientRect().width)));
    const before = await widths();

    // A long error under row 2's question and answer.
    await page.getByLabel('Soalan 2', { exact: true }).selectOption('mother-name');
    await page.getByLabel('Jawapan 2').fill('a');
    await page.getByLabel('Jawapan 2').blur();
    expect(await page.getByLabel('Jawapan 2').getAttribute('aria-invalid')).toBe('true');

    expect(await widths()).toEqual(before);
    const select = page.getByLabel('Soalan 1', { exact: true });
    // The chosen question is shown whole.
    expect(await select.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    await screenshot(page, 'activation-questions-errors');
    await closePage(tp);
  });

  it('keep what was typed when the link expires at Selesai, and hand the questions and answers to the new link in another tab', async () => {
    const tp = await openPage(browser(), DESKTOP);
    const { page } = tp;
    const officer = await officerWithLink();
    await page.goto(officer.link);
    await page.locator('#step-questions').waitFor();
    await fillQuestions(page);
    await page.getByRole('button', { name: 'Seterusnya' }).click();
    await page.getByLabel('Kata Laluan', { exact: true }).fill(PASSWORD);
    await page.getByLabel('Ulang Kata Laluan').fill(PASSWORD);
    await expireToken(tokenOf(officer.link));
    await expect.poll(() => page.locator('#finish').isEnabled()).toBe(true);
    await page.getByRole('button', { name: 'Selesai' }).click();

    const notice = page.locator('#expired-notice');
    await notice.waitFor();
    expect(await page.locator('#expired-text').textContent()).toContain(
      'Pautan pengaktifan ini telah tamat tempoh semasa anda mengisi borang.',
    );
    expect(await page.locator('#expired-text').evaluate((el) => el === document.activeElement)).toBe(true);
    // Nothing typed is lost.
    expect(await page.getByLabel('Kata Laluan', { exact: true }).inputValue()).toBe(PASSWORD);
    expect(
      await page
        .locator('#question-rows input')
        .evaluateAll((els) => els.map((el) => (el as HTMLInputElement).value)),
    ).toEqual(GOOD_ANSWERS.map((a) => a.answer));
    await screenshot(page, 'activation-expired-in-place');
    await expectAccessible(page, 'activation-expired-in-place');

    await forgetEarlierSends(officer.icNumber);
    await page.getByRole('button', { name: 'Hantar Pautan Baharu' }).click();
    await expect
      .poll(() => page.locator('#new-link-status').textContent())
      .toBe(
        `Emel pengaktifan yang baharu telah dihantar ke ${officer.email}. Buka pautan dalam emel tersebut dan biarkan tab ini terbuka sehingga soalan dan jawapan anda dibawa ke tab baharu.`,
      );
    const newLink = await activationLink(officer.email);
    expect(newLink).not.toBe(officer.link);

    // The officer opens the new e-mail's link: a new tab of the same browser.
    const second = await tp.context.newPage();
    await second.goto(newLink);
    await second.locator('#draft-message').waitFor();
    expect(
      await second.locator('#question-rows tr').evaluateAll((rows) =>
        rows.map((tr) => ({
          questionId: tr.querySelector('select')?.value,
          answer: tr.querySelector('input')?.value,
        })),
      ),
    ).toEqual(GOOD_ANSWERS);
    expect(await second.getByRole('button', { name: 'Seterusnya' }).isEnabled()).toBe(true);
    await screenshot(second, 'activation-draft-received');
    await expectAccessible(second, 'activation-draft-received');

    // The old tab lets go of the draft and says where the work went on.
    await page.locator('#handed-over').waitFor();
    expect(await page.locator('#question-rows input').count()).toBe(0);
    expect(await page.getByLabel('Kata Laluan', { exact: true }).inputValue()).toBe('');
    expect(await page.locator('#step-password').isHidden()).toBe(true);
    await screenshot(page, 'activation-handed-over');
    await expectAccessible(page, 'activation-handed-over');

    await second.getByRole('button', { name: 'Seterusnya' }).click();
    await second.getByLabel('Kata Laluan', { exact: true }).fill(PASSWORD);
    await second.getByLabel('Ulang Kata Laluan').fill(PASSWORD);
    await expect.poll(() => second.locator('#finish').isEnabled()).toBe(true);
    await second.getByRole('button', { name: 'Selesai' }).click();
    await second.locator('#success-text').waitFor();
    await closePage(tp);
  });
});
