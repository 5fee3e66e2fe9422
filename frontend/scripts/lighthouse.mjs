// Lighthouse (the npm package) against the built site as it is served, in Debian's Chromium:
// performance, accessibility, best practices and SEO per page, recorded in
// reports/lighthouse/ and printed. Accessibility must reach the floor below; performance is
// recorded, not asserted (it measures this machine as much as the site).
// A signed-in page is audited too when E2E_ADMIN_EMAIL and E2E_ADMIN_PASSWORD name an account
// (make web-e2e makes one): the same Chromium signs in through the sign-in page first, and that
// audit keeps the browser's storage (the session's refresh cookie and its flag).
//   WEB_URL=http://localhost:3007 npm run lighthouse     (against make dev)
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const webUrl = process.env.WEB_URL;
if (!webUrl) {
  process.stderr.write('lighthouse: set WEB_URL to the served site (make dev serves it on its web port)\n');
  process.exit(2);
}
const reportDir = path.join(process.env.REPORT_DIR ?? path.join(root, 'reports'), 'lighthouse');
mkdirSync(reportDir, { recursive: true });

const account =
  process.env.E2E_ADMIN_EMAIL && process.env.E2E_ADMIN_PASSWORD
    ? { email: process.env.E2E_ADMIN_EMAIL, password: process.env.E2E_ADMIN_PASSWORD }
    : undefined;
const pages = [
  ['ask-en', '/en'],
  ['ask-vi', '/vi'],
  ['sign-in', '/en/sign-in'],
  ['sign-up', '/vi/sign-up'],
  ...(account ? [['history-signed-in', '/en/history', { signedIn: true }]] : []),
];
if (!account)
  process.stdout.write('lighthouse: no E2E_ADMIN_EMAIL/E2E_ADMIN_PASSWORD, so no signed-in page\n');

/** Signs in through the sign-in page in Lighthouse's own Chromium, so its cookie jar holds the session. */
async function signIn(port) {
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  try {
    const page = await browser.contexts()[0].newPage();
    await page.goto(`${webUrl}/en/sign-in?next=${encodeURIComponent('/en/history')}`);
    await page.getByLabel('Email address').fill(account.email);
    await page.getByLabel('Password').fill(account.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.pathname === '/en/history');
    await page.close();
  } finally {
    // Only the connection goes; the browser stays for Lighthouse.
    await browser.close();
  }
}
const accessibilityFloor = 0.95;
const categories = ['performance', 'accessibility', 'best-practices', 'seo'];

const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  chromeFlags: [
    '--headless=new',
    '--no-sandbox',
    '--disable-gpu',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
const summary = [];
try {
  for (const [name, route, { signedIn = false } = {}] of pages) {
    if (signedIn) await signIn(chrome.port);
    const result = await lighthouse(`${webUrl}${route}`, {
      port: chrome.port,
      output: 'html',
      logLevel: 'error',
      onlyCategories: categories,
      // Lighthouse clears the origin's storage first; the session's flag lives there.
      ...(signedIn ? { disableStorageReset: true } : {}),
    });
    if (!result) throw new Error(`lighthouse gave no result for ${route}`);
    writeFileSync(path.join(reportDir, `${name}.html`), result.report);
    const scores = Object.fromEntries(
      categories.map((category) => [
        category,
        Math.round((result.lhr.categories[category]?.score ?? 0) * 100),
      ]),
    );
    const audits = result.lhr.audits;
    if (signedIn && new URL(result.lhr.finalDisplayedUrl).pathname !== route) {
      throw new Error(
        `lighthouse: ${route} was not audited signed in (it ended on ${result.lhr.finalDisplayedUrl})`,
      );
    }
    summary.push({
      page: route,
      ...scores,
      firstContentfulPaintMs: Math.round(audits['first-contentful-paint']?.numericValue ?? 0),
      largestContentfulPaintMs: Math.round(audits['largest-contentful-paint']?.numericValue ?? 0),
      totalBlockingTimeMs: Math.round(audits['total-blocking-time']?.numericValue ?? 0),
      cumulativeLayoutShift: Number((audits['cumulative-layout-shift']?.numericValue ?? 0).toFixed(3)),
    });
  }
} finally {
  await chrome.kill();
}

writeFileSync(path.join(reportDir, 'summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
process.stdout.write('lighthouse (mobile, simulated throttling):\n');
for (const row of summary) {
  process.stdout.write(
    `  ${row.page.padEnd(13)} performance ${row.performance}  accessibility ${row.accessibility}  best practices ${row['best-practices']}  SEO ${row.seo}  (FCP ${row.firstContentfulPaintMs} ms, LCP ${row.largestContentfulPaintMs} ms, TBT ${row.totalBlockingTimeMs} ms, CLS ${row.cumulativeLayoutShift})\n`,
  );
}
const below = summary.filter((row) => row.accessibility < accessibilityFloor * 100);
if (below.length > 0) {
  process.stderr.write(
    `lighthouse: accessibility below ${accessibilityFloor * 100} on ${below.map((row) => row.page).join(', ')}\n`,
  );
  process.exit(1);
}
