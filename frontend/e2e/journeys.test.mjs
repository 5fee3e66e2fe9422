// The web app as people use it, in a real browser against a real stack: from the front door
// through signing up, verifying, asking in English and Vietnamese as the scenario streams,
// history, the account and the admin's pages, with the keyboard where it matters.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { launch, mailTo, person, screenshotDir, uniqueEmail, visit, webUrl } from './support.mjs';

const password = 'Imagine-Another-Past-2026';
const figures = {};
let browser;
let ada;
/** The title of the scenario asked in Vietnamese, which the language filter finds alone. */
let vietnameseTitle;
const adaEmail = uniqueEmail('ada');

before(async () => {
  browser = await launch();
  ada = await person(browser);
});

after(async () => {
  writeFileSync(path.join(screenshotDir, '..', 'e2e-figures.json'), `${JSON.stringify(figures, null, 2)}\n`);
  await browser?.close();
});

/** Time from pressing the button to the first streamed text painted, as the page measured it. */
async function firstTextMilliseconds(page) {
  const handle = await page.waitForFunction(() => {
    const entry = performance.getEntriesByName('whatif:first-text')[0];
    return entry ? entry.duration : undefined;
  });
  return Math.round(await handle.jsonValue());
}

async function askAndWatch(page, question) {
  await page.getByLabel(/Your question|Câu hỏi của bạn/).fill(question);
  await page.getByRole('button', { name: /Imagine it|Hình dung/ }).click();
  // The first section appears while the rest is still being written.
  const result = page.locator('article.result');
  await result.locator('.scenario-title').waitFor();
  const firstText = await firstTextMilliseconds(page);
  await page.getByRole('button', { name: /Write it again|Viết lại/ }).waitFor();
  assert.equal(await result.getAttribute('aria-busy'), 'false');
  return { firstText, title: (await result.locator('.scenario-title').textContent()) ?? '' };
}

test('the front door sends each browser to its language', async () => {
  const visitor = await person(browser, { locale: 'vi-VN' });
  await visitor.page.goto(webUrl);
  await visitor.page.waitForURL(/\/vi$/);
  assert.equal(await visitor.page.getAttribute('html', 'lang'), 'vi');
  await visitor.page.getByRole('heading', { level: 1, name: 'Nếu như…?' }).waitFor();
  await visit(visitor.page, 'ask-vi-anonymous');
  visitor.assertClean();
  await visitor.context.close();
});

test('an unknown path shows the 404 page', async () => {
  const response = await ada.page.goto(`${webUrl}/no/such/page`);
  assert.equal(response?.status(), 404);
  await ada.page.getByRole('heading', { level: 1 }).waitFor();
  await visit(ada.page, 'not-found');
});

test('a new person signs up and verifies the address from the mail', async () => {
  const { page } = ada;
  await page.goto(`${webUrl}/en/sign-up`);
  await visit(page, 'sign-up');
  await page.getByLabel('Display name').fill('Ada');
  await page.getByLabel('Email address').fill(adaEmail);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByText('Welcome! We sent you an email').waitFor();
  await page.getByText('not verified yet').waitFor();
  await visit(page, 'account-welcome');

  const mail = await mailTo(adaEmail, 'email-verification');
  // The link names the page without a language; it forwards to the remembered one.
  assert.match(mail.link, /\/verify-email\?token=/);
  await page.goto(mail.link);
  await page.waitForURL(/\/en\/verify-email\?token=/);
  await page.getByText('Your email address is verified').waitFor();
  await visit(page, 'verify-email');
  ada.assertClean();
});

test('asking in English streams the scenario section by section', async () => {
  const { page } = ada;
  await page.goto(`${webUrl}/en`);
  await page.getByRole('button', { name: 'Surprise me' }).waitFor();
  await visit(page, 'ask');
  const english = await askAndWatch(page, 'What if the printing press had been invented in ancient Rome?');
  figures.firstStreamedTextMs = { english: english.firstText };
  assert.ok(english.title.length > 0);
  await page.getByRole('heading', { name: 'Timeline' }).waitFor();
  await visit(page, 'ask-result');

  await page.getByRole('button', { name: 'Add to favourites' }).click();
  await page.getByRole('button', { name: 'Remove from favourites' }).waitFor();
  ada.assertClean();
});

test('asking in Vietnamese writes a Vietnamese scenario on the Vietnamese page', async () => {
  const { page } = ada;
  await page.goto(`${webUrl}/vi`);
  await page.getByRole('button', { name: 'Gợi ý bất ngờ' }).waitFor();
  const vietnamese = await askAndWatch(page, 'Nếu như nhà Trần không đánh thắng quân Nguyên Mông thì sao?');
  figures.firstStreamedTextMs.vietnamese = vietnamese.firstText;
  vietnameseTitle = vietnamese.title.trim();
  assert.match(vietnamese.title, /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i);
  await page.getByRole('heading', { name: 'Dòng thời gian' }).waitFor();
  await visit(page, 'ask-result-vi');
  ada.assertClean();
});

test('history finds a scenario without its accents, filters by language, and bulk favouriting can be undone', async () => {
  const { page } = ada;
  await page.goto(`${webUrl}/en/history`);
  await page.getByText(/^Showing \d+$/).waitFor();
  await visit(page, 'history');
  const items = page
    .getByRole('list', { name: 'Scenarios' })
    .getByRole('listitem')
    .filter({ has: page.getByRole('checkbox') });
  assert.equal(await items.count(), 2);

  await page.getByLabel('Search titles and questions').fill('nha tran');
  await page.getByText('Showing 1', { exact: true }).waitFor();
  await page.getByLabel('Search titles and questions').fill('');
  await page.getByText('Showing 2', { exact: true }).waitFor();

  await page.getByLabel('Favourites', { exact: true }).selectOption('true');
  await page.getByText('Showing 1', { exact: true }).waitFor();
  await page.getByLabel('Favourites', { exact: true }).selectOption('');
  await page.getByText('Showing 2', { exact: true }).waitFor();

  const language = page.getByRole('combobox', { name: 'Language', exact: true });
  await language.selectOption('vi');
  await page.getByText('Showing 1', { exact: true }).waitFor();
  await items.getByRole('link', { name: vietnameseTitle, exact: true }).waitFor();
  await language.selectOption('');
  await page.getByText('Showing 2', { exact: true }).waitFor();

  await page.getByLabel('Select all shown').check();
  await page
    .getByRole('region', { name: 'Actions on the selected scenarios' })
    .getByRole('button', { name: 'Favourite', exact: true })
    .click();
  await page
    .locator('.toast')
    .getByText(/added to favourites/)
    .waitFor();
  await visit(page, 'history-bulk');
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.getByLabel('Favourites', { exact: true }).selectOption('true');
  await page.getByText('Showing 1', { exact: true }).waitFor();
  ada.assertClean();
});

test('a scenario opens whole, with its rating and tags', async () => {
  const { page } = ada;
  await page.goto(`${webUrl}/en/history`);
  await page.getByRole('list', { name: 'Scenarios' }).getByRole('link').first().click();
  await page.waitForURL(/\/en\/scenario\?id=/);
  await page.getByRole('heading', { name: 'About this scenario' }).waitFor();
  await page.getByLabel('4 ★').click();
  await page.getByText('Rated 4 out of 5.').waitFor();
  await page.getByLabel('Your tags, separated by commas').fill('rome, printing');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByText('Tags saved.').waitFor();
  await visit(page, 'scenario');
  ada.assertClean();
});

test('the keyboard alone reaches the content and asks a question', async () => {
  const { page } = ada;
  await page.goto(`${webUrl}/en`);
  await page.getByRole('button', { name: 'Surprise me' }).waitFor();
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Skip to content');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');
  // Tab into the question box, type, and send it with Ctrl+Enter.
  for (let step = 0; step < 10; step += 1) {
    if ((await page.evaluate(() => document.activeElement?.id)) === 'question') break;
    await page.keyboard.press('Tab');
  }
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'question');
  await page.keyboard.type('What if Ada Lovelace had built the Analytical Engine?');
  await page.keyboard.press('Control+Enter');
  await page.getByRole('button', { name: 'Write it again' }).waitFor();
  ada.assertClean();
});

test('the account page lists sessions; signing out returns to the sign-in link', async () => {
  const { page } = ada;
  await page.goto(`${webUrl}/en/account`);
  await page.getByRole('heading', { name: 'Where you are signed in' }).waitFor();
  await page.getByText('(this device)').waitFor();
  await visit(page, 'account');
  await page.getByRole('button', { name: 'Sign out on this device' }).click();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sign in' }).waitFor();

  // A page that needs a session sends to sign in, and back again afterwards.
  await page.goto(`${webUrl}/en/history`);
  await page.waitForURL(/\/en\/sign-in\?next=/);
  await visit(page, 'sign-in');
  await page.getByLabel('Email address').fill(adaEmail);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/en\/history$/);
  ada.assertClean();
});

test('forgotten password: the mailed link sets a new one', async () => {
  const visitor = await person(browser);
  const { page } = visitor;
  await page.goto(`${webUrl}/en/forgot-password`);
  await page.getByLabel('Email address').fill(adaEmail);
  await page.getByRole('button', { name: 'Send the link' }).click();
  await page.getByText('a link is on its way').waitFor();
  await visit(page, 'forgot-password');
  const mail = await mailTo(adaEmail, 'password-reset');
  await page.goto(mail.link);
  await page.waitForURL(/\/en\/reset-password\?token=/);
  await page.getByLabel('New password', { exact: true }).fill(`${password}!`);
  await page.getByLabel('Repeat the new password').fill(`${password}!`);
  await visit(page, 'reset-password');
  await page.getByRole('button', { name: 'Save the new password' }).click();
  await page.getByText('Your password has changed').waitFor();
  visitor.assertClean();
  await visitor.context.close();
});

test('an admin finds the new account and makes it a moderator', async () => {
  const admin = await person(browser);
  const { page } = admin;
  await page.goto(`${webUrl}/en/sign-in?next=${encodeURIComponent('/en/admin')}`);
  await page.getByLabel('Email address').fill(process.env.E2E_ADMIN_EMAIL);
  await page.getByLabel('Password').fill(process.env.E2E_ADMIN_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/en\/admin$/);
  await page.getByRole('heading', { name: 'Administration' }).waitFor();
  await page.getByLabel('Email or name').fill(adaEmail);
  await page.getByRole('button', { name: 'Search' }).click();
  await page
    .getByRole('cell', { name: new RegExp(adaEmail.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) })
    .waitFor();
  await page.getByRole('checkbox', { name: /Moderator/ }).click();
  await page.getByText('Roles of Ada saved.').waitFor();
  await visit(page, 'admin');
  admin.assertClean();
  await admin.context.close();
});

test('reduced motion stops the placeholders from shimmering', async () => {
  const calm = await person(browser, { reducedMotion: 'reduce' });
  await calm.page.goto(`${webUrl}/en`);
  await calm.page.getByRole('button', { name: 'Surprise me' }).waitFor();
  const duration = await calm.page.evaluate(() => {
    const probe = document.createElement('span');
    probe.className = 'pending-line';
    document.body.append(probe);
    const value = getComputedStyle(probe).animationDuration;
    probe.remove();
    return value;
  });
  assert.equal(duration, '1e-05s');
  calm.assertClean();
  await calm.context.close();
});
