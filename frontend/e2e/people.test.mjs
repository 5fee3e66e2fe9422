// People by name: Nia picks a username (Omar cannot take it too), publishes, and Omar sees her
// name on the post, finds it by searching and in trending, opens her profile by @username, and
// the like he gave is still shown as his on the next visit.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { askQuestion, launch, person, registerAccount, signIn, visit, webUrl } from './support.mjs';

let browser;
let nia;
let omar;
let niaAccount;
let omarAccount;
// Unique per run: the stack's database outlives no run, but the name must not clash within one.
const username = `nia_${Date.now().toString(36)}`;
let postTitle;

before(async () => {
  browser = await launch();
  [niaAccount, omarAccount] = await Promise.all([
    registerAccount('nia', 'Nia Tran'),
    registerAccount('omar', 'Omar'),
  ]);
  nia = await person(browser);
  omar = await person(browser);
});

after(async () => {
  await browser?.close();
});

async function setUsername(page, name) {
  await page.goto(`${webUrl}/en/account`);
  const profile = page.getByRole('region', { name: 'Profile' });
  await profile.getByLabel('Username').fill(name);
  await profile.getByRole('button', { name: 'Save' }).click();
}

test('Nia picks a username; Omar is told it is taken', async () => {
  await signIn(nia.page, niaAccount, '/en/account');
  await setUsername(nia.page, `@${username.toUpperCase()}`);
  await nia.page.getByRole('region', { name: 'Profile' }).getByText('Your profile is saved.').waitFor();
  // Stored as the service keeps it: lower case, without the @.
  assert.equal(await nia.page.getByLabel('Username').inputValue(), username);
  await visit(nia.page, 'account-username');

  await signIn(omar.page, omarAccount, '/en/account');
  await setUsername(omar.page, username);
  await omar.page.getByRole('alert').getByText('That username is taken; choose another.').waitFor();
  nia.assertClean();
  omar.assertClean();
});

test('Omar sees Nia by name on her post, likes it, and the like is his on the next visit', async () => {
  const scenarioId = await askQuestion(nia.page, 'What if the Champa kingdom had ruled the whole coast?');
  await nia.page.goto(`${webUrl}/en/scenario?id=${encodeURIComponent(scenarioId)}`);
  await nia.page.getByRole('button', { name: 'Publish to the feed' }).click();
  const dialog = nia.page.getByRole('dialog', { name: 'Publish to the feed' });
  await dialog.getByRole('button', { name: 'Publish' }).click();
  await dialog.getByRole('link', { name: 'Open the post' }).click();
  await nia.page.waitForURL(/\/en\/post\?id=/);
  postTitle = ((await nia.page.locator('.post-title').textContent()) ?? '').trim();

  const { page } = omar;
  await page.goto(`${webUrl}/en/feed`);
  const card = page.locator('article.post-card').filter({ hasText: postTitle }).first();
  await card.getByRole('link', { name: `Nia Tran @${username}` }).waitFor();
  await card.getByRole('button', { name: /^Like/ }).click();
  await card.getByRole('button', { name: /^Liked.* · 1$/ }).waitFor();
  await page.reload();
  await card.getByRole('button', { name: /^Liked.* · 1$/ }).waitFor();
  assert.equal(await card.getByRole('button', { name: /^Liked/ }).getAttribute('aria-pressed'), 'true');
  omar.assertClean();
});

test('Omar finds the post by searching without accents, and in trending', async () => {
  const { page } = omar;
  await page.goto(`${webUrl}/en/feed`);
  await page.getByLabel('Search posts').fill('champa kingdom');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await page.getByRole('heading', { name: 'Posts matching “champa kingdom”' }).waitFor();
  await page.locator('article.post-card').filter({ hasText: postTitle }).waitFor();
  await visit(page, 'feed-search');
  await page.getByLabel('Search posts').fill('');
  await page.getByRole('heading', { level: 2, name: /Posts matching/ }).waitFor({ state: 'detached' });

  await page.getByRole('button', { name: 'Trending', exact: true }).click();
  await page.getByRole('button', { name: 'Today', exact: true }).click();
  // The ranking is computed afresh for each first page in this stack: the liked post ranks today.
  await page.locator('article.post-card').filter({ hasText: postTitle }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Today' }).getAttribute('aria-pressed'), 'true');
  await visit(page, 'feed-trending');
  omar.assertClean();
});

test('a profile opens by @username with the name, handle and joining date', async () => {
  const { page } = omar;
  await page.goto(`${webUrl}/en/profile?u=${encodeURIComponent(`@${username}`)}`);
  await page.getByRole('heading', { level: 1, name: 'Nia Tran' }).waitFor();
  await page.getByText(new RegExp(`^@${username} · .*joined `)).waitFor();
  await page.getByRole('button', { name: 'Follow', exact: true }).waitFor();
  await page.locator('article.post-card').filter({ hasText: postTitle }).waitFor();
  await visit(page, 'profile-by-username');
  await page.goto(`${webUrl}/vi/profile?u=${encodeURIComponent(username)}`);
  await page.getByText(/tham gia /).waitFor();
  await visit(page, 'profile-by-username-vi');
  omar.assertClean();
});

test('Nia’s bell counts Omar’s like as it happens; the notification opens the post and is read', async () => {
  const { page } = nia;
  await page.goto(`${webUrl}/en/feed`);
  // The count arrives over the notifications stream, without reloading.
  const bell = page.getByRole('link', { name: /^Notifications, \d+ unread$/ });
  await bell.waitFor();
  await visit(page, 'bell-unread');
  await bell.click();
  await page.waitForURL(/\/en\/notifications$/);
  const list = page.getByRole('list', { name: 'Your notifications' });
  const liked = list.getByRole('link', { name: 'Omar liked your post' });
  await liked.waitFor();
  await visit(page, 'notifications');
  await liked.click();
  await page.waitForURL(/\/en\/post\?id=/);
  await page.goto(`${webUrl}/en/notifications`);
  await page.getByRole('button', { name: 'Mark all as read' }).click();
  // Every one read: the bell says so at once, and the stream agrees.
  await page.getByRole('link', { name: 'Notifications', exact: true }).waitFor();
  await page.getByRole('button', { name: 'Mark all as read' }).waitFor({ state: 'detached' });

  await page.goto(`${webUrl}/vi/notifications`);
  await page.getByRole('link', { name: 'Omar đã thích bài đăng của bạn' }).waitFor();
  await visit(page, 'notifications-vi');
  nia.assertClean();
});

test('the leaderboard ranks Nia by her points, and her profile shows her level and achievements', async () => {
  const { page } = nia;
  await page.goto(`${webUrl}/en/leaderboard`);
  await page.getByText(/^You are number \d+ with \d+ points\.$/).waitFor();
  const mine = page.locator('tr[aria-current="true"]');
  await mine.getByRole('link', { name: 'You' }).waitFor();
  await page.getByRole('button', { name: 'Last 7 days' }).click();
  await page.getByText(/^You are number \d+ with \d+ points\.$/).waitFor();
  await visit(page, 'leaderboard');

  await page.goto(`${webUrl}/en/profile?u=${encodeURIComponent(username)}`);
  await page.getByRole('heading', { name: 'Experience' }).waitFor();
  await page.getByText(/^Level \d+: \d+ points; the next level at \d+$/).waitFor();
  await page.getByRole('heading', { name: 'Achievements' }).waitFor();
  await visit(page, 'profile-experience');
  await page.goto(`${webUrl}/vi/leaderboard`);
  await page.getByRole('heading', { level: 1, name: 'Bảng xếp hạng' }).waitFor();
  await visit(page, 'leaderboard-vi');
  nia.assertClean();
});

test('Omar mentions Nia in a comment: her @name links to her profile, and she is told', async () => {
  const { page } = omar;
  await page.goto(`${webUrl}/en/feed`);
  await page
    .locator('article.post-card')
    .filter({ hasText: postTitle })
    .first()
    .getByRole('link', { name: postTitle, exact: true })
    .click();
  await page.waitForURL(/\/en\/post\?id=/);
  // Her name in any case resolves; a name nobody has stays plain text.
  const text = `Ask @${username.toUpperCase()} about the coast, not @nobody_${Date.now().toString(36)}.`;
  await page.getByLabel('Your comment').fill(text);
  await page.getByRole('button', { name: 'Comment', exact: true }).click();
  const comment = page
    .getByRole('list', { name: 'Comments' })
    .getByRole('listitem')
    .filter({ hasText: text });
  const mention = comment.getByRole('link', { name: `@${username.toUpperCase()}`, exact: true });
  await mention.waitFor();
  assert.equal(await comment.locator('.comment-body a').count(), 1, 'only the resolved name is a link');
  await visit(page, 'comment-mention');
  await mention.click();
  await page.waitForURL(/\/en\/profile\?id=/);
  await page.getByRole('heading', { level: 1, name: 'Nia Tran' }).waitFor();

  await nia.page.goto(`${webUrl}/en/notifications`);
  const told = nia.page
    .getByRole('list', { name: 'Your notifications' })
    .getByRole('link', { name: 'Omar mentioned you' });
  await told.click();
  // It opens the comment in its post, scrolled to and focused.
  await nia.page.waitForURL(/\/en\/post\?id=.*#comment-/);
  await nia.page.waitForFunction((words) => document.activeElement?.textContent?.includes(words), text);
  await nia.page.goto(`${webUrl}/vi/notifications`);
  await nia.page.getByRole('link', { name: 'Omar đã nhắc đến bạn' }).waitFor();
  omar.assertClean();
  nia.assertClean();
});
