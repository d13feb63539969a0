import { randomInt } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { AxeBuilder } from '@axe-core/playwright';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import type { AnswerInput } from '../../functions/domain/security-answers.ts';
import { SECURITY_QUESTIONS } from '../../functions/domain/security-questions.ts';
import { usersTable } from '../../functions/tables.ts';
import { db, latestToken, mailsTo, post, registerUser, stack } from '../integration/client.ts';
import { activationBody, GOOD_ANSWERS, goodAnswerTo } from '../support/fixtures.ts';

export { stack };

export const SCREENSHOTS = 'test-artifacts/screenshots';
export const DESKTOP = { width: 1280, height: 800 };
export const NARROW = { width: 320, height: 640 };

/** The system's Chromium, never a downloaded one. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface TestPage {
  page: Page;
  context: BrowserContext;
  /** Requests that left the local stack's origin (refused, and a failure of the page). */
  foreignRequests: string[];
  /** CSP violations and uncaught script errors. */
  pageProblems: string[];
}

/**
 * A fresh context (own cookies and localStorage) that may only reach the local stack on
 * loopback: any other request is aborted and recorded.
 */
/** One Chromium per test file: launched before its tests, closed after them. */
export function sharedBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('the browser has not been launched');
    return browser;
  };
}

export async function openPage(browser: Browser, viewport = DESKTOP): Promise<TestPage> {
  const context = await browser.newContext({ viewport, serviceWorkers: 'block' });
  const origin = new URL(stack.url).origin;
  const foreignRequests: string[] = [];
  const pageProblems: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (new URL(url).origin === origin) return route.continue();
    foreignRequests.push(url);
    return route.abort();
  });
  const page = await context.newPage();
  page.on('console', (msg) => {
    if (/Content Security Policy/i.test(msg.text())) pageProblems.push(msg.text());
  });
  page.on('pageerror', (error) => pageProblems.push(error.message));
  return { page, context, foreignRequests, pageProblems };
}

/** Closes the context after checking that the page stayed on its origin and obeyed the CSP. */
export async function closePage(tp: TestPage): Promise<void> {
  await tp.context.close();
  expect(tp.foreignRequests).toEqual([]);
  expect(tp.pageProblems).toEqual([]);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: true });
}

/** One state of a page: its screenshot (name-320 when narrow), no sideways scroll when narrow, and axe. */
export async function checkState(page: Page, name: string, narrow = false): Promise<void> {
  await screenshot(page, narrow ? `${name}-320` : name);
  if (narrow) await expectNoHorizontalScroll(page);
  await expectAccessible(page, name);
}

/** One state at desktop width and at 320 px (screenshots, axe, no sideways scroll), back to desktop. */
export async function checkBothWidths(page: Page, name: string): Promise<void> {
  await checkState(page, name);
  await page.setViewportSize(NARROW);
  await checkState(page, name, true);
  await page.setViewportSize(DESKTOP);
}

/** A page of its own (own cookies) that signs in through the login form, as any officer does. */
export async function signInThroughForm(
  browser: Browser,
  userId: string,
  password: string,
  viewport = DESKTOP,
): Promise<TestPage> {
  const tp = await openPage(browser, viewport);
  await tp.page.goto(stack.url);
  await tp.page.getByLabel('No Kad Pengenalan').fill(userId);
  await tp.page.getByLabel('Kata Laluan', { exact: true }).fill(password);
  await tp.page.getByRole('button', { name: 'Log Masuk' }).click();
  return tp;
}

/** axe-core on the page as it stands: zero violations, or a readable list of them. */
export async function expectAccessible(page: Page, state: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const found = violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(found, `axe violations in state "${state}"`).toEqual([]);
}

/** The page has no horizontal scroll at its current width. */
export async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const { scrollWidth, width } = await page.evaluate(() => ({
    scrollWidth: document.scrollingElement?.scrollWidth ?? 0,
    width: window.innerWidth,
  }));
  expect(scrollWidth).toBeLessThanOrEqual(width);
}

const newIcNumber = () => `880202${String(randomInt(1_000_000)).padStart(6, '0')}`;

/** A fresh fictional officer, registered through the admin API with the bearer key; free to ask for an e-mail at once. */
export function newOfficer() {
  return registerUser(newIcNumber());
}

/** The link to `page` in the newest mail to `email` that has one, as the officer would click it. */
async function linkInMail(email: string, page: 'activation' | 'recovery'): Promise<string> {
  const pattern = new RegExp(`(http://\\S+/account/${page}#token=[A-Za-z0-9_-]+)`);
  const links = (await mailsTo(email)).map((mail) => pattern.exec(mail.body.text)?.[1]);
  const link = links.filter((found) => found !== undefined).pop();
  if (!link) throw new Error(`no ${page} link in the mails to ${email}`);
  return link;
}

/** The activation link of the newest mail to `email`, as the officer would click it. */
export const activationLink = (email: string) => linkInMail(email, 'activation');

/** The recovery (*Lupa Kata Laluan*) link of the newest mail to `email` that has one. */
export const recoveryLink = (email: string) => linkInMail(email, 'recovery');

/**
 * Moves the user's earlier recovery e-mails out of the pacing window, as if time had passed: a
 * request within the cooldown is answered alike (202) but sends nothing.
 */
export async function forgetEarlierRecoverySends(icNumber: string): Promise<void> {
  await db.send(
    new UpdateCommand({
      TableName: usersTable.localName,
      Key: { icNumber },
      UpdateExpression: 'SET recoverySends = :none',
      ExpressionAttributeValues: { ':none': [] },
    }),
  );
}

/** The token a link carries in its fragment. */
export const tokenOf = (link: string) => new URL(link).hash.replace('#token=', '');

/** An officer with a fresh activation e-mail (the registration's own), and its link. */
export async function officerWithLink() {
  // The registration sends the activation e-mail, and its pacing stands (a resend now must wait).
  const officer = await registerUser(newIcNumber(), { paced: true });
  return { ...officer, link: await activationLink(officer.email) };
}

/** An officer whose account is active (activated through the API), with PASSWORD and GOOD_ANSWERS. */
export async function activeOfficer() {
  const officer = await officerWithLink();
  const activated = await post('/api/activation/activate', activationBody(await latestToken(officer.email)));
  if (activated.status !== 200) throw new Error(`activation failed: ${activated.status}`);
  return officer;
}

/** The answer to a question as `activeOfficer` set it, by the question's Malay or English text. */
export function answerFor(questionText: string): string {
  const text = questionText.trim();
  const question = SECURITY_QUESTIONS.find((q) => q.text.ms === text || q.text.en === text);
  if (!question) throw new Error(`no such question "${questionText}"`);
  return goodAnswerTo(question.id);
}

/** Fills the question rows (by mouse and typing, as most officers would). */
export async function fillQuestions(
  page: Page,
  answers: readonly Readonly<AnswerInput>[] = GOOD_ANSWERS,
): Promise<void> {
  const rows = page.locator('#question-rows tr');
  for (const [i, { questionId, answer }] of answers.entries()) {
    await rows.nth(i).locator('select').selectOption(questionId);
    await rows.nth(i).locator('input').fill(answer);
  }
}
