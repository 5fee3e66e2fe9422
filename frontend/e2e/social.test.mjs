// The social side between two people and a moderator: Ada publishes a scenario; Ben finds it in
// the feed, likes it, comments, follows Ada (her post joins his following feed), blocks and
// unblocks her, and reports the post; the moderator hides it from the queue, with a reason, and
// it is gone for Ben while Ada sees it marked hidden.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { askQuestion, launch, person, registerAccount, signIn, visit, webUrl } from './support.mjs';

let browser;
let ada;
let ben;
let adaAccount;
let benAccount;
let postUrl;
let postTitle;

before(async () => {
  browser = await launch();
  [adaAccount, benAccount] = await Promise.all([
    registerAccount('ada', 'Ada'),
    registerAccount('ben', 'Ben'),
  ]);
  ada = await person(browser);
  ben = await person(browser);
});

after(async () => {
  await browser?.close();
});

test('Ada publishes a scenario to the feed with a caption', async () => {
  const { page } = ada;
  await signIn(page, adaAccount);
  const scenarioId = await askQuestion(page, 'What if the Silk Road had never closed?');
  await page.goto(`${webUrl}/en/scenario?id=${encodeURIComponent(scenarioId)}`);
  await page.getByRole('button', { name: 'Publish to the feed' }).click();
  const dialog = page.getByRole('dialog', { name: 'Publish to the feed' });
  await dialog.getByLabel('Caption (optional)').fill('Trade that never stopped.');
  await visit(page, 'publish-dialog');
  await dialog.getByRole('button', { name: 'Publish' }).click();
  await dialog.getByRole('link', { name: 'Open the post' }).click();
  await page.waitForURL(/\/en\/post\?id=/);
  postUrl = page.url();
  postTitle = (await page.locator('.post-title').textContent()) ?? '';
  assert.ok(postTitle.length > 0);
  await page.getByText('Trade that never stopped.').waitFor();
  ada.assertClean();
});

test('Ben finds the post in the feed, likes it and comments', async () => {
  const { page } = ben;
  await signIn(page, benAccount, '/en/feed');
  const card = page.locator('article.post-card').filter({ hasText: postTitle }).first();
  await card.waitFor();
  await visit(page, 'feed');
  await card.getByRole('button', { name: /^Like/ }).click();
  await card.getByRole('button', { name: /^Liked.* · 1$/ }).waitFor();
  await card.getByRole('link', { name: postTitle, exact: true }).click();
  await page.waitForURL(/\/en\/post\?id=/);
  await page.getByLabel('Your comment').fill('What a thought: silk all the way to Lisbon.');
  await page.getByRole('button', { name: 'Comment', exact: true }).click();
  const comments = page.getByRole('list', { name: 'Comments' });
  await comments.getByText('What a thought: silk all the way to Lisbon.').waitFor();
  // A reply sits under the comment it answers.
  await comments.getByRole('button', { name: 'Reply', exact: true }).first().click();
  await page.getByLabel('Your reply').fill('And paper money with it.');
  await page.getByRole('button', { name: 'Reply', exact: true }).last().click();
  await page.getByRole('list', { name: 'Replies' }).getByText('And paper money with it.').waitFor();
  await visit(page, 'post');
  ben.assertClean();
});

test('Ben follows Ada from her profile, sees her post in his following feed, then blocks and unblocks her', async () => {
  const { page } = ben;
  await page.goto(postUrl);
  await page.locator('article.post-card').getByRole('link', { name: 'Ada', exact: true }).click();
  await page.waitForURL(/\/en\/profile\?id=/);
  await page.getByRole('button', { name: 'Follow', exact: true }).click();
  await page.getByRole('button', { name: 'Unfollow' }).waitFor();
  await page.locator('.stats div').filter({ hasText: 'Followers' }).getByText('1', { exact: true }).waitFor();
  await visit(page, 'profile');

  await page.goto(`${webUrl}/en/feed`);
  await page.getByRole('button', { name: 'Following' }).click();
  await page.locator('article.post-card').filter({ hasText: postTitle }).waitFor();

  await page.goto(`${webUrl}/en/profile?id=${encodeURIComponent(adaAccount.id)}`);
  await page.getByRole('button', { name: 'Block' }).click();
  await page
    .getByRole('dialog', { name: 'Block this member?' })
    .getByRole('button', { name: 'Block' })
    .click();
  await page.getByText('You block this member.').waitFor();
  // A block ends the follow.
  await page.getByRole('button', { name: 'Follow', exact: true }).waitFor({ state: 'detached' });
  await page.getByRole('button', { name: 'Unblock' }).click();
  await page.getByRole('button', { name: 'Follow', exact: true }).waitFor();
  ben.assertClean();
});

test('Ben reports the post; a moderator hides it with a reason, and it is gone for everyone but Ada', async () => {
  await ben.page.goto(postUrl);
  await ben.page.getByRole('button', { name: 'Report the post' }).click();
  const report = ben.page.getByRole('dialog', { name: 'Report to the moderators' });
  await report.getByLabel('Reason').selectOption('misinformation');
  await report.getByRole('button', { name: 'Send the report' }).click();
  await report.getByText('Thank you. The moderators will look at it.').waitFor();

  const moderator = await person(browser);
  const { page } = moderator;
  await signIn(
    page,
    { email: process.env.E2E_ADMIN_EMAIL, password: process.env.E2E_ADMIN_PASSWORD },
    '/en/moderation',
  );
  await page.getByRole('heading', { name: 'Moderation queue' }).waitFor();
  const postId = new URL(postUrl).searchParams.get('id');
  const item = page
    .getByRole('list', { name: 'Cases in the queue' })
    .getByRole('listitem')
    .filter({ hasText: postId });
  await item.getByText(/Misinformation 1/).waitFor();
  await item.getByRole('button', { name: /^Review/ }).click();
  await item.getByRole('link', { name: 'Open the post' }).waitFor();
  await item.getByLabel('Hide').check();
  await item.getByLabel('Reason', { exact: true }).fill('Presents invention as established fact.');
  await visit(page, 'moderation');
  await item.getByRole('button', { name: 'Record the decision' }).click();
  await item.getByRole('listitem').filter({ hasText: 'Presents invention as established fact.' }).waitFor();

  await page.getByLabel('Show cases').selectOption('hidden');
  await page.getByRole('list', { name: 'Cases in the queue' }).getByText(postId, { exact: true }).waitFor();

  await ben.page.goto(postUrl);
  await ben.page.getByRole('alert').getByText('We could not find that. It may have been deleted.').waitFor();
  await ben.page.locator('article.post-card').waitFor({ state: 'detached' });
  await ada.page.goto(postUrl);
  await ada.page.locator('article.post-card').getByText('Hidden by moderators').waitFor();
  await page.goto(`${webUrl}/vi/moderation`);
  await page.getByRole('heading', { name: 'Hàng đợi kiểm duyệt' }).waitFor();
  await visit(page, 'moderation-vi');
  moderator.assertClean();
  ben.assertClean();
  ada.assertClean();
  await moderator.context.close();
});

test('the feed and the moderation queue in Vietnamese', async () => {
  await ben.page.goto(`${webUrl}/vi/feed`);
  await ben.page.getByRole('heading', { name: 'Người khác đã hình dung gì' }).waitFor();
  await visit(ben.page, 'feed-vi');
  await ben.page.goto(`${webUrl}/vi/profile?id=${encodeURIComponent(adaAccount.id)}`);
  await ben.page.getByRole('button', { name: 'Theo dõi', exact: true }).waitFor();
  await visit(ben.page, 'profile-vi');
  ben.assertClean();
});
