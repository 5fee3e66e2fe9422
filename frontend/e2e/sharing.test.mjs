// Sharing as people do it: the owner makes a link with a password and an expiry, copies it and
// sees its QR code; someone signed out opens it, is asked for the password, reads it and
// reports it; the owner sees the view, changes the link, withdraws it and deletes it, and the
// link says so each time. The public page is the sharing service's own (no script on it).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  askQuestion,
  launch,
  person,
  personUserAgent,
  registerAccount,
  signIn,
  visit,
  webUrl,
} from './support.mjs';

const sharePassword = 'open-sesame';
let browser;
let owner;
let visitor;
let account;
let shareUrl;

before(async () => {
  browser = await launch();
  account = await registerAccount('sharer', 'Sharer');
  owner = await person(browser, { permissions: ['clipboard-read', 'clipboard-write'] });
  visitor = await person(browser, { userAgent: personUserAgent });
});

after(async () => {
  await browser?.close();
});

test('the owner shares a scenario with a password and an expiry, and copies the link', async () => {
  const { page } = owner;
  await signIn(page, account);
  const scenarioId = await askQuestion(page, 'What if the Library of Alexandria had never burned?');
  assert.ok(scenarioId);
  await page.getByRole('link', { name: 'Share', exact: true }).click();
  await page.waitForURL(/\/en\/scenario\?id=.*&action=share/);
  const dialog = page.getByRole('dialog', { name: 'Share this scenario' });
  await dialog.getByText('Anyone with the link').waitFor();
  await visit(page, 'share-dialog');

  await dialog.getByLabel('Protect it with a password').check();
  await dialog.getByLabel('Password', { exact: true }).fill('abc');
  await dialog.getByRole('button', { name: 'Create the link' }).click();
  await dialog.getByText('The password needs at least 4 characters.').waitFor();
  await dialog.getByLabel('Password', { exact: true }).fill(sharePassword);
  await dialog.getByLabel('The link stops working').selectOption('7');
  await dialog.getByRole('button', { name: 'Create the link' }).click();

  const link = dialog.getByLabel('Link', { exact: true });
  await link.waitFor();
  shareUrl = await link.inputValue();
  assert.ok(shareUrl.startsWith(`${webUrl}/s/`), `the link opens on this site: ${shareUrl}`);
  await dialog.getByText(/password protected · expires/).waitFor();
  // Each platform gets the link with ?via= naming it, for the owner's figures.
  const facebook = await dialog.getByRole('link', { name: /Facebook/ }).getAttribute('href');
  assert.match(decodeURIComponent(facebook ?? ''), /\/s\/[A-Za-z0-9_-]{12}\?via=facebook/);
  const qr = dialog.getByRole('img', { name: 'QR code that opens the link' });
  // The QR code is drawn once its image has loaded (the element appears before its pixels).
  await qr.evaluate((image) =>
    image.complete && image.naturalWidth > 0
      ? true
      : new Promise((resolve, reject) => {
          image.addEventListener('load', () => resolve(true), { once: true });
          image.addEventListener('error', () => reject(new Error('the QR code did not load')), {
            once: true,
          });
        }),
  );
  assert.ok(await qr.evaluate((image) => image.naturalWidth > 0), 'the QR code is drawn');

  await dialog.getByRole('button', { name: 'Copy link' }).click();
  await dialog.getByText('Link copied.').waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), `${shareUrl}?via=copy`);
  await visit(page, 'share-link');
  owner.assertClean();
});

test('someone signed out is asked for the password, reads the scenario and reports it', async () => {
  const { page } = visitor;
  const first = await page.goto(shareUrl);
  assert.equal(first?.status(), 200);
  await page.getByRole('heading', { name: 'A shared What If scenario' }).waitFor();
  await visit(page, 'share-page-password');

  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Open' }).click();
  await page.getByText('That password is not right.').waitFor();
  await page.getByLabel('Password').fill(sharePassword);
  await page.getByRole('button', { name: 'Open' }).click();
  await page.getByRole('heading', { name: 'Timeline' }).waitFor();
  await visit(page, 'share-page');

  await page.getByText('Report this share').click();
  await page.getByLabel('Reason').selectOption('misinformation');
  await page.getByLabel('Anything moderators should know (optional)').fill('Checking the report form.');
  await page.getByRole('button', { name: 'Send report' }).click();
  await page.getByText('Your report reached our moderators.').waitFor();
  await visit(page, 'share-page-reported');
  visitor.assertClean();
});

test('the owner sees the view, removes the password, then withdraws and deletes the link', async () => {
  const { page } = owner;
  await page.goto(`${webUrl}/en/shares`);
  const list = page.getByRole('list', { name: 'Share links' });
  const item = list.getByRole('listitem').first();
  await item.getByText('Live').waitFor();
  // The view is written just after the page was sent; it is there by the time the owner looks.
  await item.getByText(/Views: 1 · /).waitFor();
  await page.getByRole('heading', { name: 'Views of all your links' }).waitFor();
  await visit(page, 'shares');

  await item.getByRole('button', { name: /^Figures/ }).click();
  const figures = page.getByRole('dialog', { name: 'Views of this link' });
  await figures.getByText(/^Views from .*: 1$/).waitFor();
  await visit(page, 'share-analytics');
  await figures.getByRole('button', { name: 'Close' }).click();

  await item.getByRole('button', { name: /^Change/ }).click();
  const edit = page.getByRole('dialog', { name: 'Change the link' });
  await edit.getByLabel('Protect it with a password').uncheck();
  await edit.getByRole('button', { name: 'Save' }).click();
  await item.getByText('password protected').waitFor({ state: 'detached' });
  assert.equal((await visitor.page.goto(shareUrl))?.status(), 200);
  await visitor.page.getByRole('heading', { name: 'Timeline' }).waitFor();

  // Someone else arrives from a forum, in Vietnam as the edge says: the owner sees the site
  // (never the page) and the country.
  const reader = await person(browser, {
    userAgent: `${personUserAgent} Reader`,
    extraHTTPHeaders: { 'CloudFront-Viewer-Country': 'VN' },
  });
  await reader.page.goto(shareUrl, { referer: 'https://forum.example.org/t/hidden-path?u=42' });
  await reader.page.getByRole('heading', { name: 'Timeline' }).waitFor();
  await reader.context.close();
  // The view is written just after the page was sent, as above; reading the list again shows it.
  await page.reload();
  await item.getByText(/Views: 2 · /).waitFor();
  await item.getByRole('button', { name: /^Figures/ }).click();
  await figures.getByText(/^Views from .*: 2$/).waitFor();
  await figures.getByText('forum.example.org', { exact: true }).waitFor();
  await figures.getByText('Vietnam', { exact: true }).waitFor();
  assert.equal(await figures.getByText(/hidden-path/).count(), 0);
  await visit(page, 'share-analytics-referrers');
  await figures.getByRole('button', { name: 'Close' }).click();

  await item.getByRole('button', { name: /^Withdraw/ }).click();
  await page
    .getByRole('dialog', { name: 'Withdraw this link?' })
    .getByRole('button', { name: 'Withdraw' })
    .click();
  await item.getByText('Withdrawn').waitFor();
  assert.equal((await visitor.page.goto(shareUrl))?.status(), 410);
  await visitor.page.getByText('The person who shared this link has withdrawn it.').waitFor();
  await visit(visitor.page, 'share-page-withdrawn');

  await item.getByRole('button', { name: /^Delete/ }).click();
  await page
    .getByRole('dialog', { name: 'Delete this link?' })
    .getByRole('button', { name: 'Delete' })
    .click();
  await page.getByText('You have not shared anything yet.').waitFor();
  assert.equal((await visitor.page.goto(shareUrl))?.status(), 404);
  owner.assertClean();
  visitor.assertClean();
});

test('the shares page and the share dialog in Vietnamese', async () => {
  const { page } = owner;
  const scenarioId = await askQuestion(page, 'Nếu như Hồ Quý Ly cải cách thành công thì sao?', 'vi');
  await page.goto(`${webUrl}/vi/scenario?id=${encodeURIComponent(scenarioId)}&action=share`);
  const dialog = page.getByRole('dialog', { name: 'Chia sẻ kịch bản này' });
  await dialog.getByRole('button', { name: 'Tạo liên kết' }).click();
  await dialog.getByLabel('Liên kết', { exact: true }).waitFor();
  await visit(page, 'share-link-vi');
  await page.goto(`${webUrl}/vi/shares`);
  await page.getByRole('list', { name: 'Liên kết chia sẻ' }).getByText('Đang hoạt động').waitFor();
  await visit(page, 'shares-vi');
  owner.assertClean();
});
