import { describe, expect, it } from 'vitest';
import { OFFICER } from '../support/fixtures.ts';
import {
  activeOfficer,
  closePage,
  DESKTOP,
  expectAccessible,
  officerWithLink,
  openPage,
  screenshot,
  sharedBrowser,
  stack,
} from './support.ts';

const browser = sharedBrowser();

/** A problem+json answer, as the API gives when a dependency is down. */
function problem(status: number, code: string, retryAfterSeconds: number) {
  return {
    status,
    contentType: 'application/problem+json',
    headers: { 'Retry-After': String(retryAfterSeconds) },
    body: JSON.stringify({ type: 'about:blank', title: code, status, detail: code, code }),
  };
}

describe('messages for answers the happy path never shows', () => {
  it('the login page gives one generic failure, then the lock with its wait in minutes', async () => {
    const officer = await activeOfficer();
    const tp = await openPage(browser(), DESKTOP);
    const { page } = tp;
    await page.goto(stack.url);
    await page.getByLabel('No Kad Pengenalan').fill(officer.icNumber);
    const message = page.locator('#login-message');

    for (let attempt = 1; attempt <= 5; attempt += 1) {
      await page.getByLabel('Kata Laluan', { exact: true }).fill(`Salah!Kata${attempt}Laluan`);
      await page.getByRole('button', { name: 'Log Masuk' }).click();
      await expect.poll(() => message.textContent()).not.toBe('');
      if (attempt < 5) {
        expect(await message.textContent()).toBe('No Kad Pengenalan atau Kata Laluan tidak sah.');
        await page.evaluate(() => {
          document.getElementById('login-message')?.replaceChildren();
        });
      }
    }
    expect(await message.textContent()).toBe(
      'Akaun anda telah dikunci kerana terlalu banyak cubaan yang gagal. Sila cuba semula selepas 15 minit.',
    );
    await screenshot(page, 'login-locked');
    await expectAccessible(page, 'login-locked');
    await closePage(tp);
  });

  it('says to try again shortly when the service is unavailable, and recovers on retry', async () => {
    const officer = await officerWithLink();
    const tp = await openPage(browser(), DESKTOP);
    const { page } = tp;
    await page.route('**/api/activation/verify', (route) =>
      route.fulfill(problem(503, 'SERVICE_UNAVAILABLE', 5)),
    );

    await page.goto(officer.link);
    await page.locator('#problem-view').waitFor();
    expect(await page.locator('#problem-heading').textContent()).toBe('Perkhidmatan Tidak Tersedia');
    expect(await page.locator('#problem-body').textContent()).toBe(
      'Perkhidmatan tidak tersedia buat sementara waktu. Sila cuba semula sebentar lagi.',
    );
    await expectAccessible(page, 'activation-unavailable');

    await page.unroute('**/api/activation/verify');
    await page.getByRole('button', { name: 'Cuba Lagi' }).click();
    await page.locator('#step-questions').waitFor();
    await closePage(tp);
  });

  it('gives a neutral confirmation when enumeration protection hides the address', async () => {
    const tp = await openPage(browser(), DESKTOP);
    const { page } = tp;
    await page.route('**/api/activation/resend', (route) =>
      route.fulfill({ status: 202, json: { sentTo: null, expiresInSeconds: 1800 } }),
    );
    await page.goto(`${stack.url}/account/request`);
    await page.getByLabel('Sila nyatakan ID Pengguna akaun anda').fill(OFFICER.userId);
    await page.getByRole('button', { name: 'Hantar' }).click();
    await page.locator('#resend-sent').waitFor();
    expect((await page.locator('#resend-sent-text').textContent())?.trim()).toBe(
      'Sekiranya ID Pengguna ini berdaftar dan belum diaktifkan, emel pengaktifan akaun telah dihantar ke emel berdaftar akaun tersebut.',
    );
    await closePage(tp);
  });

  it('points an already active officer to the login page and password recovery', async () => {
    const officer = await activeOfficer();
    const tp = await openPage(browser(), DESKTOP);
    const { page } = tp;
    await page.goto(`${stack.url}/account/request`);
    await page.getByLabel('Sila nyatakan ID Pengguna akaun anda').fill(officer.userId);
    await page.getByRole('button', { name: 'Hantar' }).click();
    const message = page.locator('#resend-message');
    await expect.poll(() => message.textContent()).toContain('Akaun ini telah pun diaktifkan.');
    expect(await message.getByRole('link', { name: 'Lupa Kata Laluan' }).getAttribute('href')).toBe(
      '/account/recovery',
    );
    await expectAccessible(page, 'request-already-active');
    await closePage(tp);
  });
});
