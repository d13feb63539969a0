import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { ProgressAnswer } from '../../functions/handlers/admin.schema.ts';
import {
  DEMO_PTJ_ADMIN,
  DEMO_SYSTEM_ADMIN,
  type DemoAdministrator,
} from '../../functions/local/demo-users.ts';
import { call } from '../integration/client.ts';
import {
  activeOfficer,
  checkBothWidths,
  closePage,
  DESKTOP,
  newOfficer,
  sharedBrowser,
  signInThroughForm,
  stack,
} from './support.ts';

const browser = sharedBrowser();

type Item = ProgressAnswer['items'][number];

/** What the API counts (with the bearer key: every PTJ and agency), to compare the page with. */
async function apiProgress(by: 'ptj' | 'agency'): Promise<Item[]> {
  const answer = await call('GET', `/api/admin/progress?by=${by}`, undefined, {
    headers: { authorization: `Bearer ${stack.adminApiKey}` },
  });
  expect(answer.status).toBe(200);
  return (answer.body as ProgressAnswer).items;
}

function apiRow(items: Item[], code: string): Item {
  const found = items.find((item) => (item.ptjCode ?? item.agencyCode) === code);
  if (!found) throw new Error(`no progress row ${code} in the API's answer`);
  return found;
}

/** Active ÷ (active + pending), rounded down, as the page must show it. */
const percentOf = ({ active, pending }: Item) => `${Math.floor((active * 100) / (active + pending))}%`;

/** The table row of `code` as figures, and the chart row's percentage. */
async function shownRow(page: Page, code: string) {
  const row = page.locator(`#progress-rows tr[data-code="${code}"]`);
  const [registered, active, pending, disabled, percent] = await row.locator('td').allTextContents();
  return {
    registered: Number(registered),
    active: Number(active),
    pending: Number(pending),
    disabled: Number(disabled),
    percent,
    chartPercent: await page.locator(`#progress-bars li[data-code="${code}"] .bar-percent`).textContent(),
  };
}

function expectRowAsCounted(shown: Awaited<ReturnType<typeof shownRow>>, counted: Item): void {
  expect(shown).toEqual({
    registered: counted.registered,
    active: counted.active,
    pending: counted.pending,
    disabled: counted.disabled,
    percent: percentOf(counted),
    chartPercent: percentOf(counted),
  });
}

/** The console's progress page, signed in through the login form as `admin`. */
async function progressPage(admin: DemoAdministrator, query = '', viewport = DESKTOP) {
  const tp = await signInThroughForm(
    browser(),
    `${admin.agencyCode}:${admin.icNumber}`,
    admin.password,
    viewport,
  );
  await tp.page.waitForURL(/\/admin$/);
  await tp.page.goto(`${stack.url}/admin/progress${query}`);
  return tp;
}

/** Every user of the pending list, page after page: the user ID, and where the name links to. */
async function pendingUsers(page: Page): Promise<Map<string, string | null>> {
  const users = new Map<string, string | null>();
  const idCells = page.locator('#pending-rows tr td:nth-child(2)');
  for (;;) {
    await page.locator('#pending-rows tr').first().waitFor();
    const onPage = await idCells.allTextContents();
    const links = await page
      .locator('#pending-rows tr a')
      .evaluateAll((all) => all.map((a) => a.getAttribute('href')));
    for (const [i, id] of onPage.entries()) users.set(id, links[i] ?? null);
    const next = page.locator('#pending-next');
    if (await next.isHidden()) return users;
    await next.click();
    await expect.poll(() => idCells.first().textContent()).not.toBe(onPage[0]);
  }
}

const progressCalls = (url: URL) => url.pathname === '/api/admin/progress';

describe('activation progress page', () => {
  it("shows a system administrator each PTJ's numbers as the API counts them", async () => {
    await newOfficer();
    await activeOfficer();
    const tp = await progressPage(DEMO_SYSTEM_ADMIN);
    const { page } = tp;
    await page.locator('#progress-rows tr[data-code="1001"]').waitFor();

    const counted = await apiProgress('ptj');
    expectRowAsCounted(await shownRow(page, '1001'), apiRow(counted, '1001'));
    const sum = (key: 'registered' | 'active' | 'pending') =>
      String(counted.reduce((total, item) => total + item[key], 0));
    expect(await page.locator('#total-registered').textContent()).toBe(sum('registered'));
    expect(await page.locator('#total-active').textContent()).toBe(sum('active'));
    expect(await page.locator('#total-pending').textContent()).toBe(sum('pending'));
    expect(await page.locator('#progress-caption').textContent()).toBe('Kemajuan pengaktifan setiap PTJ');
    expect(await page.locator('#progress-by').isVisible()).toBe(true);
    await checkBothWidths(page, 'console-progress');
    await closePage(tp);
  });

  it("lists by keyboard a PTJ's officers still to activate, keeps the PTJ in the address, and opens each one's page", async () => {
    const pending = await newOfficer();
    const active = await activeOfficer();
    const tp = await progressPage(DEMO_SYSTEM_ADMIN);
    const { page } = tp;

    // By keyboard: the row's button opens the PTJ's pending officers, and focus goes to them.
    const list = page.getByRole('button', { name: 'Lihat senarai pengguna belum diaktifkan PTJ 1001' });
    await list.focus();
    await page.keyboard.press('Enter');
    await page.locator('#pending-view').waitFor();
    expect(await page.locator('#pending-heading').textContent()).toBe('Belum Diaktifkan: PTJ 1001');
    expect(await page.locator('#pending-heading').evaluate((el) => el === document.activeElement)).toBe(true);
    expect(new URL(page.url()).searchParams.get('ptj')).toBe('1001');
    const listed = await pendingUsers(page);
    expect(listed.get(pending.userId)).toBe(`/admin/user#${encodeURIComponent(pending.userId)}`);
    expect(listed.has(active.userId)).toBe(false);
    await checkBothWidths(page, 'console-progress-pending');

    // The address keeps the chosen PTJ: a reload lists it again; a name opens the user.
    await page.reload();
    await page.locator('#pending-rows tr').first().waitFor();
    expect(await page.locator('#pending-heading').textContent()).toBe('Belum Diaktifkan: PTJ 1001');
    expect(await list.getAttribute('aria-current')).toBe('true');
    const first = page.locator('#pending-rows tr').first();
    const firstId = await first.locator('td').nth(1).textContent();
    await first.getByRole('link').click();
    await page.waitForURL(/\/admin\/user#/);
    expect(decodeURIComponent(new URL(page.url()).hash)).toBe(`#${firstId}`);
    await closePage(tp);
  });

  it("pages through a PTJ's officers still to activate, forward and back", async () => {
    // More than one page (25) of fresh pending officers in PTJ 1001, one after another (the
    // browser tests share two cores; the API's own concurrency is tested in test/integration).
    const fresh = [];
    for (let i = 0; i < 26; i++) fresh.push(await newOfficer());
    const tp = await progressPage(DEMO_SYSTEM_ADMIN, '?ptj=1001');
    const { page } = tp;
    await page.locator('#pending-rows tr').first().waitFor();
    const firstPage = await page.locator('#pending-rows tr td:nth-child(2)').allTextContents();
    expect(firstPage).toHaveLength(25);
    expect(await page.locator('#pending-previous').isHidden()).toBe(true);

    const listed = await pendingUsers(page);
    for (const officer of fresh) expect(listed.has(officer.userId)).toBe(true);
    expect(listed.size).toBe(apiRow(await apiProgress('ptj'), '1001').pending);

    // Back by keyboard to the first page; there the button is gone and focus is on the list's heading.
    const idCells = page.locator('#pending-rows tr td:nth-child(2)');
    const previous = page.locator('#pending-previous');
    while (await previous.isVisible()) {
      const before = await idCells.first().textContent();
      await previous.focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => idCells.first().textContent()).not.toBe(before);
    }
    expect(await idCells.allTextContents()).toEqual(firstPage);
    expect(await page.locator('#pending-heading').evaluate((el) => el === document.activeElement)).toBe(true);

    // The users list pages by keyboard too, and keeps focus where it was (or on its heading).
    await page.goto(`${stack.url}/admin?ptjCode=1001&status=PENDING`);
    const userIds = page.locator('#users-rows tr td:nth-child(2)');
    await userIds.first().waitFor();
    const usersNext = page.locator('#users-next');
    const before = await userIds.first().textContent();
    await usersNext.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => userIds.first().textContent()).not.toBe(before);
    const focused = await page.evaluate(() => document.activeElement?.id);
    expect(focused).toBe((await usersNext.isVisible()) ? 'users-next' : 'users-heading');
    await closePage(tp);
  });

  it('counts per agency on request, by keyboard, the choice kept in the address', async () => {
    const tp = await progressPage(DEMO_SYSTEM_ADMIN, '?ptj=1001');
    const { page } = tp;
    await page.locator('#pending-rows tr').first().waitFor();

    // The radio buttons by keyboard: the arrow moves from PTJ to agency.
    await page.getByRole('radio', { name: 'PTJ' }).focus();
    await page.keyboard.press('ArrowRight');
    await page.locator('#progress-rows tr[data-code="kth"]').waitFor();
    expect(new URL(page.url()).search).toBe('?by=agency');
    expect(await page.getByRole('radio', { name: 'Agensi (Jabatan)' }).isChecked()).toBe(true);
    expect(await page.locator('#pending-view').isHidden()).toBe(true);
    expect(await page.locator('#progress-code-heading').textContent()).toBe('Agensi');
    expect(await page.locator('#progress-caption').textContent()).toBe(
      'Kemajuan pengaktifan setiap agensi (jabatan)',
    );
    expectRowAsCounted(await shownRow(page, 'kth'), apiRow(await apiProgress('agency'), 'kth'));
    expect(await page.locator('#progress-rows button').count()).toBe(0);
    await checkBothWidths(page, 'console-progress-agency');
    await closePage(tp);
  });

  it('opens the agency view from its address, and switches it to English', async () => {
    const tp = await progressPage(DEMO_SYSTEM_ADMIN, '?by=agency');
    const { page } = tp;
    await page.locator('#progress-rows tr[data-code="kth"]').waitFor();
    expect(await page.getByRole('radio', { name: 'Agensi (Jabatan)' }).isChecked()).toBe(true);

    await page.getByRole('button', { name: 'English' }).click();
    expect(await page.locator('#progress-caption').textContent()).toBe(
      'Activation progress per agency (department)',
    );
    expect(await page.locator('#progress-code-heading').textContent()).toBe('Agency');
    await closePage(tp);
  });

  it('orders the rows by code on request, lagging PTJs first by default', async () => {
    await newOfficer();
    const tp = await progressPage(DEMO_SYSTEM_ADMIN);
    const { page } = tp;
    await page.locator('#progress-rows tr').first().waitFor();
    const shownCodes = () =>
      page.locator('#progress-rows tr').evaluateAll((rows) => rows.map((r) => r.dataset.code));
    const counted = (await apiProgress('ptj')).filter((item) => item.registered > 0);
    const share = (item: Item) =>
      item.active + item.pending === 0 ? 101 : Math.floor((item.active * 100) / (item.active + item.pending));
    const shares = (await shownCodes()).map((code) => share(apiRow(counted, code ?? '')));
    expect(shares).toEqual([...shares].sort((a, b) => a - b));

    await page.getByLabel('Susunan').selectOption('code');
    expect(await shownCodes()).toEqual(counted.map((item) => item.ptjCode).sort());
    expect(new URL(page.url()).searchParams.get('sort')).toBe('code');
    const chartCodes = await page
      .locator('#progress-bars li')
      .evaluateAll((rows) => rows.map((r) => r.dataset.code));
    expect(chartCodes).toEqual(await shownCodes());
    await closePage(tp);
  });

  it('shows a PTJ administrator their PTJ alone, with no agency view even when the address asks for it', async () => {
    await newOfficer();
    const tp = await progressPage(DEMO_PTJ_ADMIN, '?by=agency');
    const { page } = tp;
    await page.locator('#progress-rows tr').first().waitFor();

    expect(
      await page.locator('#progress-rows tr').evaluateAll((rows) => rows.map((r) => r.dataset.code)),
    ).toEqual(['1001']);
    expectRowAsCounted(await shownRow(page, '1001'), apiRow(await apiProgress('ptj'), '1001'));
    expect(await page.locator('#progress-by').isHidden()).toBe(true);
    expect(await page.getByRole('radio').count()).toBe(0);
    expect(await page.locator('#progress-message').textContent()).toBe('');
    expect(new URL(page.url()).search).toBe('');
    await checkBothWidths(page, 'console-progress-ptj-admin');
    await closePage(tp);
  });

  it('says so when no one is registered yet', async () => {
    const tp = await progressPage(DEMO_SYSTEM_ADMIN, '', DESKTOP);
    const { page } = tp;
    await page.route(progressCalls, (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ items: [] }) }),
    );
    await page.reload();
    await page.locator('#progress-empty').waitFor();
    expect(await page.locator('#progress-empty').textContent()).toBe('Tiada pengguna berdaftar lagi.');
    expect(await page.locator('#progress-results').isHidden()).toBe(true);
    await checkBothWidths(page, 'console-progress-empty');
    await closePage(tp);
  });

  it('shows a failure of the API in words', async () => {
    const tp = await progressPage(DEMO_SYSTEM_ADMIN);
    const { page } = tp;
    await page.route(progressCalls, (route) =>
      route.fulfill({
        status: 503,
        contentType: 'application/problem+json',
        body: JSON.stringify({ status: 503, code: 'SERVICE_UNAVAILABLE' }),
      }),
    );
    await page.reload();
    await expect
      .poll(() => page.locator('#progress-message').textContent())
      .toBe('Perkhidmatan tidak tersedia buat sementara waktu. Sila cuba semula sebentar lagi.');
    expect(await page.locator('#progress-results').isHidden()).toBe(true);
    await checkBothWidths(page, 'console-progress-failed');
    await closePage(tp);
  });
});

describe('users list counts per status', () => {
  /** The counts line as figures. */
  async function shownCounts(page: Page) {
    return {
      active: Number(await page.locator('#count-active').textContent()),
      pending: Number(await page.locator('#count-pending').textContent()),
      disabled: Number(await page.locator('#count-disabled').textContent()),
    };
  }

  const summed = (items: Item[]) => ({
    active: items.reduce((total, item) => total + item.active, 0),
    pending: items.reduce((total, item) => total + item.pending, 0),
    disabled: items.reduce((total, item) => total + item.disabled, 0),
  });

  it("counts every user a system administrator sees, then the filter's PTJ alone", async () => {
    await newOfficer();
    const tp = await signInThroughForm(
      browser(),
      `${DEMO_SYSTEM_ADMIN.agencyCode}:${DEMO_SYSTEM_ADMIN.icNumber}`,
      DEMO_SYSTEM_ADMIN.password,
    );
    const { page } = tp;
    await page.waitForURL(/\/admin$/);
    await page.locator('#users-counts').waitFor();
    const counted = await apiProgress('ptj');
    expect(await page.locator('#users-counts-scope').textContent()).toBe('Bilangan semua pengguna:');
    expect(await shownCounts(page)).toEqual(summed(counted));
    await checkBothWidths(page, 'console-users-counts');

    await page.getByLabel('PTJ', { exact: true }).fill('1001');
    await page.getByRole('button', { name: 'Cari' }).click();
    await expect
      .poll(() => page.locator('#users-counts-scope').textContent())
      .toBe('Bilangan pengguna PTJ 1001:');
    expect(await shownCounts(page)).toEqual(summed([apiRow(counted, '1001')]));
    await closePage(tp);
  });

  it("counts a PTJ administrator's own PTJ when no PTJ is asked for", async () => {
    const tp = await signInThroughForm(
      browser(),
      `${DEMO_PTJ_ADMIN.agencyCode}:${DEMO_PTJ_ADMIN.icNumber}`,
      DEMO_PTJ_ADMIN.password,
    );
    const { page } = tp;
    await page.waitForURL(/\/admin$/);
    await page.locator('#users-counts').waitFor();
    expect(await shownCounts(page)).toEqual(summed([apiRow(await apiProgress('ptj'), '1001')]));
    await closePage(tp);
  });
});
