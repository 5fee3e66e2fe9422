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
