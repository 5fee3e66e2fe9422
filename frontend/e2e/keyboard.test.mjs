// The social, sharing, video and moderation flows, search, trending, notifications and the
// leaderboard with the keyboard alone: Tab and Shift+Tab to move, Enter or Space to press, the
// arrow keys inside a radio group or a list box, Escape to leave. Every control reached shows
// its focus; a dialog keeps the focus inside while it is open and gives it back to what opened
// it; axe checks each state along the way.
// Kim writes and publishes; Lee reads, likes, comments, follows and reports; a moderator decides.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  askQuestion,
  assertAccessible,
  launch,
  person,
  registerAccount,
  signIn,
  visit,
  webUrl,
} from './support.mjs';

let browser;
let kim;
let lee;
let kimAccount;
let leeAccount;
let scenarioUrl;
let postUrl;
let postTitle;

before(async () => {
  browser = await launch();
  [kimAccount, leeAccount] = await Promise.all([
    registerAccount('kim', 'Kim'),
    registerAccount('lee', 'Lee'),
  ]);
  kim = await person(browser, { permissions: ['clipboard-read', 'clipboard-write'] });
  lee = await person(browser);
});

after(async () => {
  await browser?.close();
});

const isFocused = (locator) => locator.evaluate((element) => element === document.activeElement);

/**
 * Lets the page draw two frames: a component that moves the focus once its change is drawn
 * (`requestAnimationFrame`) has done so by then, however loaded the machine is.
 */
const framesDrawn = (page) =>
  page.evaluate(
    () =>
      new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(undefined)))),
  );

/** The focused control shows it: `:focus-visible` with an outline (on it, or on its chip). */
async function assertFocusVisible(page) {
  const seen = await page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return 'nothing has focus';
    const drawn = element.closest('.chip') ?? element;
    const style = getComputedStyle(drawn);
    const outlined = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    if (!element.matches(':focus-visible')) return `${element.outerHTML.slice(0, 80)} is not :focus-visible`;
    return outlined || style.boxShadow !== 'none' ? '' : `${element.outerHTML.slice(0, 80)} has no outline`;
  });
  assert.equal(seen, '', 'the focused control shows its focus');
}

/** Tab (or Shift+Tab) until `target` has the focus, as a keyboard user moves through a page. */
async function tabTo(page, target, { back = false, max = 60 } = {}) {
  await target.waitFor();
  for (let presses = 0; presses <= max; presses += 1) {
    if (await isFocused(target)) {
      await assertFocusVisible(page);
      return;
    }
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  assert.fail(`${target} is not reached within ${max} presses of ${back ? 'Shift+Tab' : 'Tab'}`);
}

/** Tab and Shift+Tab go round the open dialog's controls and never leave it. */
async function assertFocusTrapped(page, dialog) {
  const inside = () => dialog.evaluate((node) => node.contains(document.activeElement));
  assert.ok(await inside(), 'the dialog takes the focus when it opens');
  const seen = new Set();
  for (const key of [...Array(25).fill('Tab'), ...Array(25).fill('Shift+Tab')]) {
    await page.keyboard.press(key);
    assert.ok(await inside(), `focus stays in the dialog after ${key}`);
    seen.add(await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 60)));
  }
  assert.ok(seen.size > 1, 'Tab moves between the dialog’s controls');
}

test('Kim shares a scenario with the keyboard: the dialog keeps the focus and gives it back', async () => {
  const { page } = kim;
  await signIn(page, kimAccount);
  const scenarioId = await askQuestion(page, 'What if the Hanseatic League had become a republic?');
  scenarioUrl = `${webUrl}/en/scenario?id=${encodeURIComponent(scenarioId)}`;
  await page.goto(scenarioUrl);
  const share = page.getByRole('button', { name: 'Share', exact: true });
  await tabTo(page, share);
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Share this scenario' });
  await dialog.waitFor();
  await assertFocusTrapped(page, dialog);
  await assertAccessible(page, 'share dialog by keyboard');

  await tabTo(page, dialog.getByRole('button', { name: 'Create the link' }));
  await page.keyboard.press('Enter');
  const copy = dialog.getByRole('button', { name: 'Copy link' });
  await tabTo(page, copy);
  await page.keyboard.press('Enter');
  await dialog.getByText('Link copied.').waitFor();
  assert.match(await page.evaluate(() => navigator.clipboard.readText()), /\/s\/[A-Za-z0-9_-]+\?via=copy$/);
  await assertFocusTrapped(page, dialog);
  await assertAccessible(page, 'share link by keyboard');

  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  assert.ok(await isFocused(share), 'closing the dialog gives the focus back to Share');
  kim.assertClean();
});

test('Kim publishes with the keyboard, edits the caption and tags, and follows a tag to its feed', async () => {
  const { page } = kim;
  await page.goto(scenarioUrl);
  const publish = page.getByRole('button', { name: 'Publish to the feed' });
  await tabTo(page, publish);
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Publish to the feed' });
  await dialog.waitFor();
  await assertFocusTrapped(page, dialog);
  await tabTo(page, dialog.getByLabel('Caption (optional)'));
  await page.keyboard.type('Merchants without a king.');
  await tabTo(page, dialog.getByLabel('Tags, separated by commas'));
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('hansa, baltic');
  await tabTo(page, dialog.getByRole('button', { name: 'Publish', exact: true }));
  await page.keyboard.press('Enter');
  const open = dialog.getByRole('link', { name: 'Open the post' });
  await tabTo(page, open);
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/en\/post\?id=/);
  postUrl = page.url();
  postTitle = (await page.locator('.post-title').textContent()) ?? '';
  await page.getByText('Merchants without a king.').waitFor();

  const edit = page.getByRole('button', { name: 'Edit the post' });
  await tabTo(page, edit);
  await page.keyboard.press('Enter');
  const editor = page.getByRole('dialog', { name: 'Edit the post' });
  await editor.waitFor();
  await assertFocusTrapped(page, editor);
  await assertAccessible(page, 'edit post dialog');
  await tabTo(page, editor.getByLabel('Caption (optional)'));
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('Merchants, and no king at all.');
  await tabTo(page, editor.getByLabel('Tags, separated by commas'));
  await page.keyboard.press('End');
  await page.keyboard.type(', trade');
  await tabTo(page, editor.getByRole('button', { name: 'Save the changes' }));
  await page.keyboard.press('Enter');
  await editor.waitFor({ state: 'hidden' });
  assert.ok(await isFocused(edit), 'the focus returns to Edit the post');
  const card = page.locator('article.post-card');
  await card.getByText('Merchants, and no king at all.').waitFor();
  await card.getByText(/· edited/).waitFor();
  assert.deepEqual(await card.getByRole('list', { name: 'Tags' }).getByRole('listitem').allTextContents(), [
    'hansa',
    'baltic',
    'trade',
  ]);

  await tabTo(page, card.getByRole('link', { name: 'Posts tagged baltic' }), { back: true });
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/en\/feed\?tag=baltic$/);
  await page.getByRole('heading', { level: 1, name: 'Posts tagged “baltic”' }).waitFor();
  await page.locator('article.post-card').filter({ hasText: postTitle }).waitFor();
  await visit(page, 'feed-tag');
  kim.assertClean();
});

test('Lee likes, comments, replies and edits the comment with the keyboard, then follows Kim', async () => {
  const { page } = lee;
  await signIn(page, leeAccount, '/en/feed');
  const card = page.locator('article.post-card').filter({ hasText: postTitle }).first();
  await tabTo(page, card.getByRole('button', { name: /^Like/ }));
  await page.keyboard.press('Enter');
  const liked = card.getByRole('button', { name: /^Liked.* · 1$/ });
  await liked.waitFor();
  assert.ok(await isFocused(liked), 'the Like button keeps the focus while the like is sent');
  await tabTo(page, card.getByRole('link', { name: postTitle, exact: true }), { back: true });
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/en\/post\?id=/);

  const newComment = page.getByLabel('Your comment');
  await tabTo(page, newComment);
  await page.keyboard.type('A republic of ports would have outlived the empires.');
  await tabTo(page, page.getByRole('button', { name: 'Comment', exact: true }));
  await page.keyboard.press('Enter');
  const comments = page.getByRole('list', { name: 'Comments' });
  const mine = comments.getByRole('listitem').filter({ hasText: 'A republic of ports' }).first();
  await mine.waitFor();
  assert.ok(await isFocused(newComment), 'the focus goes back to the emptied comment box');

  const reply = mine.getByRole('button', { name: 'Reply', exact: true }).first();
  await tabTo(page, reply);
  await page.keyboard.press('Enter');
  await tabTo(page, page.getByLabel('Your reply'));
  await page.keyboard.type('Or been swallowed by them sooner.');
  await tabTo(page, mine.locator('form').getByRole('button', { name: 'Reply', exact: true }));
  await page.keyboard.press('Enter');
  await page.getByRole('list', { name: 'Replies' }).getByText('Or been swallowed by them sooner.').waitFor();
  assert.ok(await isFocused(reply), 'the reply form closes and gives the focus back to Reply');

  // Editing in place: Enter opens it with the text focused, Escape leaves it unchanged.
  const edit = mine.getByRole('button', { name: 'Edit', exact: true }).first();
  await tabTo(page, edit);
  await page.keyboard.press('Enter');
  const field = mine.getByLabel('Edit your comment');
  await field.waitFor();
  assert.ok(await isFocused(field), 'the comment’s text takes the focus');
  await page.keyboard.press('Escape');
  await field.waitFor({ state: 'detached' });
  await framesDrawn(page);
  assert.ok(await isFocused(edit), 'Escape gives the focus back to Edit');
  await page.keyboard.press('Enter');
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type(' At least for a while.');
  await tabTo(page, mine.getByRole('button', { name: 'Save', exact: true }));
  await page.keyboard.press('Enter');
  await mine
    .getByText('A republic of ports would have outlived the empires. At least for a while.')
    .waitFor();
  await mine
    .getByText(/· edited/)
    .first()
    .waitFor();
  await framesDrawn(page);
  assert.ok(await isFocused(edit), 'saving gives the focus back to Edit');
  await visit(page, 'post-keyboard');

  const author = page.locator('article.post-card').getByRole('link', { name: 'Kim', exact: true });
  await tabTo(page, author, { back: true });
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/en\/profile\?id=/);
  const follow = page.getByRole('button', { name: 'Follow', exact: true });
  await tabTo(page, follow);
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Unfollow', exact: true }).waitFor();
  assert.ok(
    await isFocused(page.getByRole('button', { name: 'Unfollow', exact: true })),
    'the button keeps the focus as it turns into Unfollow',
  );
  lee.assertClean();
});

test('Lee searches the posts and ranks what is trending with the keyboard', async () => {
  const { page } = lee;
  await page.goto(`${webUrl}/en/feed`);
  const box = page.getByRole('searchbox', { name: 'Search posts' });
  await tabTo(page, box);
  await page.keyboard.type('hanseatic republic');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Posts matching “hanseatic republic”' }).waitFor();
  const found = page.locator('article.post-card').filter({ hasText: postTitle });
  await found.waitFor();
  assert.ok(await isFocused(box), 'the search box keeps the focus');
  // What the search found is said politely, since the focus stays in the box.
  await page.getByRole('status').filter({ hasText: 'Posts matching “hanseatic republic”: 1' }).waitFor();
  await assertAccessible(page, 'search by keyboard');
  await tabTo(page, found.getByRole('link', { name: postTitle, exact: true }));

  // Escape empties the box, and the feeds come back.
  await tabTo(page, box, { back: true });
  await page.keyboard.press('Escape');
  const trending = page.getByRole('button', { name: 'Trending', exact: true });
  await tabTo(page, trending);
  await page.keyboard.press('Enter');
  assert.equal(await trending.getAttribute('aria-pressed'), 'true');
  assert.ok(await isFocused(trending), 'Trending keeps the focus as it is pressed');
  const today = page.getByRole('group', { name: 'Trending over' }).getByRole('button', { name: 'Today' });
  await tabTo(page, today);
  await page.keyboard.press('Space');
  assert.equal(await today.getAttribute('aria-pressed'), 'true');
  assert.ok(await isFocused(today), 'Today keeps the focus as it is pressed');
  await page.locator('article.post-card').filter({ hasText: postTitle }).waitFor();
  await visit(page, 'feed-trending-keyboard');
  lee.assertClean();
});

test('Kim reads her notifications, marks them read and ranks the leaderboard with the keyboard', async () => {
  const { page } = kim;
  await page.goto(`${webUrl}/en`);
  const bell = page.getByRole('link', { name: /^Notifications, \d+ unread$/ });
  await tabTo(page, bell);
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/en\/notifications$/);
  const list = page.getByRole('list', { name: 'Your notifications' });
  // Who did what, by name (one batched read of the names on the page).
  const liked = list.getByRole('link', { name: 'Lee liked your post' });
  await tabTo(page, liked);
  await list.getByRole('link', { name: 'Lee followed you' }).waitFor();
  await visit(page, 'notifications-keyboard');

  const markAll = page.getByRole('button', { name: 'Mark all as read' });
  await tabTo(page, markAll, { back: true });
  await page.keyboard.press('Enter');
  await markAll.waitFor({ state: 'detached' });
  await page.getByRole('link', { name: 'Notifications', exact: true }).waitFor();
  await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
  assert.equal(
    await page.evaluate(() => document.activeElement?.textContent),
    'Notifications',
    'the button went; the focus moves to the page’s heading, not to nowhere',
  );

  // A preference is a checkbox: Space changes and saves it, and the focus stays.
  const likes = page.getByRole('checkbox', { name: 'Likes' });
  await tabTo(page, likes);
  await page.keyboard.press('Space');
  await page.getByText('Saved.').waitFor();
  assert.equal(await likes.isChecked(), false);
  assert.ok(await isFocused(likes), 'the checkbox keeps the focus while it saves');
  await page.keyboard.press('Space');
  await page.waitForFunction(() => document.querySelector('input[type=checkbox]:focus')?.checked === true);

  await page.goto(`${webUrl}/en/leaderboard`);
  const week = page
    .getByRole('group', { name: 'Points earned' })
    .getByRole('button', { name: 'Last 7 days' });
  await tabTo(page, week);
  await page.keyboard.press('Enter');
  assert.equal(await week.getAttribute('aria-pressed'), 'true');
  assert.ok(await isFocused(week), 'the period keeps the focus as it is pressed');
  await page.getByText(/^You are number \d+ with \d+ points\.$/).waitFor();
  const table = page.getByRole('table', { name: 'Last 7 days' });
  const lee = table.getByRole('link', { name: 'Lee', exact: true });
  await tabTo(page, lee);
  await table.getByRole('link', { name: 'You', exact: true }).waitFor();
  await visit(page, 'leaderboard-keyboard');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/en\/profile\?id=/);
  await page.getByRole('heading', { level: 1, name: 'Lee' }).waitFor();
  kim.assertClean();
});

test('reports go through the report dialog with the keyboard, and the focus comes back', async () => {
  // Lee reports Kim's post.
  await lee.page.goto(postUrl);
  const reportPost = lee.page.getByRole('button', { name: 'Report the post' });
  await tabTo(lee.page, reportPost);
  await lee.page.keyboard.press('Enter');
  const dialog = lee.page.getByRole('dialog', { name: 'Report to the moderators' });
  await dialog.waitFor();
  await assertFocusTrapped(lee.page, dialog);
  const reason = dialog.getByLabel('Reason');
  await tabTo(lee.page, reason);
  // Spam, Harassment, Hate, Violence, Sexual content, Misinformation.
  for (let step = 0; step < 5; step += 1) await lee.page.keyboard.press('ArrowDown');
  assert.equal(await reason.inputValue(), 'misinformation');
  await tabTo(lee.page, dialog.getByRole('button', { name: 'Send the report' }));
  await lee.page.keyboard.press('Enter');
  await dialog.getByText('Thank you. The moderators will look at it.').waitFor();
  await assertAccessible(lee.page, 'report sent');
  await lee.page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  assert.ok(await isFocused(reportPost), 'the focus returns to Report the post');

  // Kim reports Lee's comment on her post.
  const { page } = kim;
  await page.goto(postUrl);
  const comment = page
    .getByRole('list', { name: 'Comments' })
    .getByRole('listitem')
    .filter({ hasText: 'A republic of ports' })
    .first();
  const reportComment = comment.getByRole('button', { name: 'Report', exact: true }).first();
  await tabTo(page, reportComment);
  await page.keyboard.press('Enter');
  const commentDialog = page.getByRole('dialog', { name: 'Report to the moderators' });
  await tabTo(page, commentDialog.getByRole('button', { name: 'Send the report' }));
  await page.keyboard.press('Enter');
  await commentDialog.getByText('Thank you. The moderators will look at it.').waitFor();
  await page.keyboard.press('Escape');
  await commentDialog.waitFor({ state: 'hidden' });
  assert.ok(await isFocused(reportComment), 'the focus returns to the comment’s Report');
  lee.assertClean();
  kim.assertClean();
});

test('the moderator opens a reported comment in its post and decides on the post with the keyboard', async () => {
  const moderator = await person(browser);
  const { page } = moderator;
  await signIn(
    page,
    { email: process.env.E2E_ADMIN_EMAIL, password: process.env.E2E_ADMIN_PASSWORD },
    '/en/moderation',
  );
  const postId = new URL(postUrl).searchParams.get('id');
  const cases = page.getByRole('list', { name: 'Cases in the queue' }).getByRole('listitem');
  const commentCase = cases.filter({ has: page.locator('code', { hasText: `${postId}:` }) });
  const postCase = cases.filter({ has: page.getByText(postId, { exact: true }) });

  // The comment's case links to the comment on its post's page, which scrolls to it and focuses it.
  await tabTo(page, commentCase.getByRole('button', { name: /^Review/ }));
  await page.keyboard.press('Enter');
  const openComment = commentCase.getByRole('link', { name: 'Open the comment in its post' });
  await tabTo(page, openComment);
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/en\/post\?id=.*#comment-/);
  await page.waitForFunction(() => document.activeElement?.id.startsWith('comment-'));
  assert.match(
    await page.evaluate(() => document.activeElement?.textContent ?? ''),
    /A republic of ports would have outlived the empires/,
  );
  await assertAccessible(page, 'reported comment in its post');

  await page.goto(`${webUrl}/en/moderation`);
  const review = postCase.getByRole('button', { name: /^Review/ });
  await tabTo(page, review);
  await page.keyboard.press('Enter');
  await postCase.getByRole('link', { name: 'Open the post' }).waitFor();
  // Tab lands on the group's chosen radio; the arrow keys choose another.
  await tabTo(page, postCase.getByLabel('Hide'));
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowUp');
  assert.ok(await postCase.getByLabel('Hide').isChecked());
  await tabTo(page, postCase.getByLabel('Reason', { exact: true }));
  await page.keyboard.type('States a guess about the Hansa as settled history.');
  await tabTo(page, postCase.getByRole('button', { name: 'Record the decision' }));
  await page.keyboard.press('Enter');
  const recorded = postCase
    .getByRole('listitem')
    .filter({ hasText: 'States a guess about the Hansa as settled history.' });
  await recorded.waitFor();
  await page.waitForFunction(() => document.activeElement?.closest('.audit-trail') !== null);
  assert.ok(await isFocused(recorded), 'the focus moves to the decision just recorded');
  await assertAccessible(page, 'moderation decision by keyboard');
  moderator.assertClean();
  await moderator.context.close();
});

test('Kim asks for a video with the keyboard and cancels it while it is made', async () => {
  const { page } = kim;
  await page.goto(scenarioUrl);
  const make = page.getByRole('button', { name: 'Make a video' });
  await tabTo(page, make);
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Make a video' });
  await dialog.waitFor();
  await assertFocusTrapped(page, dialog);
  await tabTo(page, dialog.getByRole('button', { name: 'Make the video' }));
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/en\/video\?id=/);

  // Rendering takes many seconds; the Cancel button is there from the first progress.
  await tabTo(page, page.getByRole('button', { name: 'Cancel', exact: true }));
  await page.keyboard.press('Enter');
  const canceled = page.getByText('This video was cancelled.');
  await canceled.waitFor();
  await page.waitForFunction(() => document.activeElement?.textContent === 'This video was cancelled.');
  await page.getByText('Cancelled', { exact: true }).waitFor();
  await visit(page, 'video-canceled');

  await page.goto(`${webUrl}/en/videos`);
  await page.getByRole('list', { name: 'Videos' }).getByText('Cancelled').waitFor();
  kim.assertClean();
});
