// What every browser test shares: Debian's Chromium driven by playwright-core, axe on every
// page visited, screenshots at desktop and phone sizes, a watch on content-security-policy
// violations and script errors, and the scratch outbox the user service mails into.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium } from 'playwright-core';

export const webUrl = process.env.WEB_URL ?? fail('WEB_URL');
export const outbox = process.env.OUTBOX_DIR ?? fail('OUTBOX_DIR');
const reportDir = process.env.REPORT_DIR ?? path.resolve('reports');
export const screenshotDir = path.join(reportDir, 'screenshots');
mkdirSync(screenshotDir, { recursive: true });

function fail(name) {
  throw new Error(`${name} is not set: run the end-to-end tests with make web-e2e`);
}

export const desktop = { width: 1280, height: 800 };
export const phone = { width: 390, height: 844 };

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * A browser context (one person: cookies, storage) whose pages record what must never happen:
 * a script error, a console error, a blocked resource under the content security policy.
 */
export async function person(browser, options = {}) {
  const context = await browser.newContext({ viewport: desktop, locale: 'en-GB', ...options });
  const faults = [];
  const watch = (page) => {
    page.on('pageerror', (error) => faults.push(`script error on ${page.url()}: ${error.message}`));
    page.on('console', (message) => {
      const text = message.text();
      if (/Content Security Policy|Refused to (execute|load|apply)/i.test(text)) {
        faults.push(`CSP violation on ${page.url()}: ${text}`);
      }
    });
  };
  context.on('page', watch);
  const page = await context.newPage();
  return {
    context,
    page,
    faults,
    assertClean() {
      assert.deepEqual(faults, [], 'no script errors and no content-security-policy violations');
    },
  };
}

/** axe-core over the page as it stands: no serious or critical violation. */
export async function assertAccessible(page, name) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const serious = results.violations.filter((violation) =>
    ['serious', 'critical'].includes(violation.impact),
  );
  assert.deepEqual(
    serious.map(
      (violation) =>
        `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join('; ')})`,
    ),
    [],
    `axe finds no serious or critical violation on ${name}`,
  );
}

/** A page as people see it: checked by axe, then photographed at desktop and phone sizes. */
export async function visit(page, name) {
  await page.waitForLoadState('load');
  await assertAccessible(page, name);
  const size = page.viewportSize() ?? desktop;
  await page.screenshot({ path: path.join(screenshotDir, `${name}-desktop.png`), fullPage: true });
  await page.setViewportSize(phone);
  await page.screenshot({ path: path.join(screenshotDir, `${name}-phone.png`), fullPage: true });
  await assertAccessible(page, `${name} (phone)`);
  await page.setViewportSize(size);
}

/** The newest mail of a kind to an address, once the user service has written it. */
export async function mailTo(address, kind, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const mails = [];
    for (const file of await readdir(outbox)) {
      if (!file.endsWith('.json')) continue;
      const mail = JSON.parse(await readFile(path.join(outbox, file), 'utf8'));
      if (mail.to === address && mail.kind === kind) mails.push(mail);
    }
    if (mails.length > 0) return mails.sort((a, b) => a.sentAt.localeCompare(b.sentAt)).at(-1);
    if (Date.now() > deadline) throw new Error(`no ${kind} mail to ${address} within ${timeoutMs} ms`);
    // The mail is written in the background; look again shortly.
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export function uniqueEmail(who) {
  return `e2e-${who}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}@example.com`;
}

export const password = 'Imagine-Another-Past-2026';

/** A browser's own User-Agent without "Headless", so share views count as a person's. */
export const personUserAgent =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36';

/** An account made through the API, as a quick start for journeys that are not about signing up. */
export async function registerAccount(who, displayName) {
  const email = uniqueEmail(who);
  const response = await fetch(`${webUrl}/api/v1/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password, displayName }),
  });
  const text = await response.text();
  assert.equal(response.status, 201, `registering ${email}: ${text}`);
  const answer = JSON.parse(text);
  return { email, password, displayName, id: answer.user.id, accessToken: answer.accessToken };
}

/** Signs in through the sign-in page and waits to land where `next` says. */
export async function signIn(page, account, next = '/en') {
  await page.goto(`${webUrl}/en/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByLabel('Email address').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname + url.search === next);
}

/** Asks a question on the ask page and waits for the saved scenario; returns its id. */
export async function askQuestion(page, question, lang = 'en') {
  await page.goto(`${webUrl}/${lang}`);
  await page.getByLabel(/Your question|Câu hỏi của bạn/).fill(question);
  await page.getByRole('button', { name: /Imagine it|Hình dung/ }).click();
  const open = page.getByRole('link', { name: /^(Open|Mở)$/ });
  await open.waitFor();
  const href = await open.getAttribute('href');
  return new URL(href, webUrl).searchParams.get('id');
}
