// Lighthouse (the npm package) against the built site as it is served, in Debian's Chromium:
// performance, accessibility, best practices and SEO per page, recorded in
// reports/lighthouse/ and printed. Accessibility must reach the floor below; performance is
// recorded, not asserted (it measures this machine as much as the site).
//   WEB_URL=http://localhost:3007 npm run lighthouse     (against make dev)
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const webUrl = process.env.WEB_URL;
if (!webUrl) {
  process.stderr.write('lighthouse: set WEB_URL to the served site (make dev serves it on its web port)\n');
  process.exit(2);
}
const reportDir = path.join(process.env.REPORT_DIR ?? path.join(root, 'reports'), 'lighthouse');
mkdirSync(reportDir, { recursive: true });

const pages = [
  ['ask-en', '/en'],
  ['ask-vi', '/vi'],
  ['sign-in', '/en/sign-in'],
  ['sign-up', '/vi/sign-up'],
];
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
  for (const [name, route] of pages) {
    const result = await lighthouse(`${webUrl}${route}`, {
      port: chrome.port,
      output: 'html',
      logLevel: 'error',
      onlyCategories: categories,
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
    `  ${row.page.padEnd(12)} performance ${row.performance}  accessibility ${row.accessibility}  best practices ${row['best-practices']}  SEO ${row.seo}  (FCP ${row.firstContentfulPaintMs} ms, LCP ${row.largestContentfulPaintMs} ms, TBT ${row.totalBlockingTimeMs} ms, CLS ${row.cumulativeLayoutShift})\n`,
  );
}
const below = summary.filter((row) => row.accessibility < accessibilityFloor * 100);
if (below.length > 0) {
  process.stderr.write(
    `lighthouse: accessibility below ${accessibilityFloor * 100} on ${below.map((row) => row.page).join(', ')}\n`,
  );
  process.exit(1);
}
