// A narrated video of a scenario: asked for with its options, followed live as the worker makes
// it (server-sent events), played with its captions track, then the day's quota (one video in
// this run's stack) explained, the list, and deleting it. Then a video of someone else's
// protected share, made from the share's page, withdrawn when its owner withdraws the link.
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

// Rendering runs espeak-ng and ffmpeg on a shared machine: minutes, not seconds, at worst.
const renderTimeout = 300_000;
const sharePassword = 'mekong-1900';
let browser;
let carol;
let dave;
let account;
let daveAccount;
let scenarioId;
let videoUrl;

before(async () => {
  browser = await launch();
  [account, daveAccount] = await Promise.all([
    registerAccount('carol', 'Carol'),
    registerAccount('dave', 'Dave'),
  ]);
  carol = await person(browser);
  dave = await person(browser, { userAgent: personUserAgent });
});

after(async () => {
  await browser?.close();
});

test('Carol asks for a video, watches its progress and plays it with captions', async () => {
  const { page } = carol;
  await signIn(page, account);
  scenarioId = await askQuestion(page, 'What if the Mekong delta had been drained for farmland in 1900?');
  await page.goto(`${webUrl}/en/scenario?id=${encodeURIComponent(scenarioId)}`);
  await page.getByRole('button', { name: 'Make a video' }).click();
  const dialog = page.getByRole('dialog', { name: 'Make a video' });
  await dialog.getByLabel('Short summary (about 30 s)').check();
  await visit(page, 'video-dialog');
  await dialog.getByRole('button', { name: 'Make the video' }).click();
  await page.waitForURL(/\/en\/video\?id=/);
  videoUrl = page.url();

  // Progress arrives as events while the worker goes through its stages.
  const player = page.locator('video.video-player');
  await page.getByRole('progressbar').or(player).first().waitFor();
  await player.waitFor({ timeout: renderTimeout });
  await page.getByText('Ready', { exact: true }).waitFor();
  await page.waitForFunction(
    () => (document.querySelector('video.video-player')?.readyState ?? 0) >= 1,
    undefined,
    {
      timeout: 30_000,
    },
  );
  const captions = await page.locator('video.video-player track').getAttribute('src');
  assert.ok(captions);
  const vtt = await page.evaluate(async (src) => (await fetch(src)).text(), captions);
  assert.match(vtt, /^WEBVTT/);
  assert.equal(await page.locator('video.video-player track').getAttribute('kind'), 'captions');
  // The player asks for its files over CORS (what S3's presigned links need) and its captions load.
  assert.equal(await player.getAttribute('crossorigin'), 'anonymous');
  await page.waitForFunction(
    () => document.querySelector('video.video-player track')?.readyState === 2,
    undefined,
    { timeout: 30_000 },
  );
  await page.getByRole('link', { name: 'Download the video' }).waitFor();
  await visit(page, 'video');
  carol.assertClean();
});

test('a second video today is refused with the quota explained, and the list deletes the first', async () => {
  const { page } = carol;
  await page.goto(`${webUrl}/en/scenario?id=${encodeURIComponent(scenarioId)}`);
  await page.getByRole('button', { name: 'Make a video' }).click();
  const dialog = page.getByRole('dialog', { name: 'Make a video' });
  await dialog.getByRole('button', { name: 'Make the video' }).click();
  await dialog
    .getByRole('alert')
    .getByText(/You have made today’s 1 videos\. You can make another in /)
    .waitFor();
  await visit(page, 'video-quota');
  await dialog.getByRole('button', { name: 'Close' }).click();

  await page.goto(`${webUrl}/en/videos`);
  const list = page.getByRole('list', { name: 'Videos' });
  await list.getByText('Ready').waitFor();
  await visit(page, 'videos');
  await list.getByRole('button', { name: /^Delete/ }).click();
  await page
    .getByRole('dialog', { name: 'Delete this video?' })
    .getByRole('button', { name: 'Delete' })
    .click();
  await page.getByText('No video yet.').waitFor();
  const gone = await page.goto(videoUrl);
  assert.equal(gone?.status(), 200);
  // Wait for the page's own answer (Next.js's route announcer is an alert too).
  await page.getByRole('alert').getByText('We could not find that. It may have been deleted.').waitFor();
  await page.goto(`${webUrl}/vi/videos`);
  await page.getByText('Chưa có video nào.').waitFor();
  await visit(page, 'videos-vi');
  carol.assertClean();
});

/** Carol's own call to the sharing API, as her share dialog and her shares page make it. */
async function asCarol(path, body) {
  const response = await fetch(`${webUrl}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${account.accessToken}`, 'content-type': 'application/json' },
    body: JSON.stringify(body ?? {}),
  });
  const text = await response.text();
  assert.ok(response.ok, `${path}: ${response.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}

test("Dave makes a video of Carol's protected share from its page; withdrawing the link withdraws it", async () => {
  const share = await asCarol('/api/v1/shares', { scenarioId, password: sharePassword });
  const { page } = dave;
  // Signed out, Dave opens the link and its password, reads it, and asks for a video of it.
  await page.goto(`${webUrl}/s/${share.slug}`);
  await page.getByLabel('Password').fill(sharePassword);
  await page.getByRole('button', { name: 'Open' }).click();
  await page.getByRole('link', { name: 'Make a video of it' }).click();
  // The web app asks him to sign in first and brings him back to the same request.
  await page.waitForURL(/\/en\/sign-in\?next=/);
  await page.getByLabel('Email address').fill(daveAccount.email);
  await page.getByLabel('Password').fill(daveAccount.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${webUrl}/en/videos?share=${share.slug}`);
  const dialog = page.getByRole('dialog', { name: 'Make a video of this shared scenario' });
  await dialog.getByRole('button', { name: 'Make the video' }).click();
  // The page kept no session, so the app asks for the link's password again, in the dialog.
  await dialog
    .getByRole('alert')
    .getByText('This shared scenario is protected: enter the link’s password.')
    .waitFor();
  const password = dialog.getByLabel('The link’s password');
  assert.ok(
    await password.evaluate((field) => field === document.activeElement),
    'the password box takes the focus',
  );
  await password.fill('not-it');
  await dialog.getByRole('button', { name: 'Make the video' }).click();
  await dialog.getByRole('alert').getByText('That is not the link’s password.').waitFor();
  await visit(page, 'video-share-dialog');
  await password.fill(sharePassword);
  await dialog.getByRole('button', { name: 'Make the video' }).click();
  await page.waitForURL(/\/en\/video\?id=/);
  const shareVideoUrl = page.url();
  await page.getByRole('link', { name: 'Open the shared scenario' }).waitFor();

  // Carol withdraws the link while the video is made: the progress ends with the reason.
  await asCarol(`/api/v1/shares/${share.slug}/revoke`);
  const withdrawn =
    'This video is no longer available: the person who shared the scenario has withdrawn the link.';
  await page.getByRole('alert').getByText(withdrawn).waitFor({ timeout: renderTimeout });
  await visit(page, 'video-withdrawn');
  // Read afresh (a 410 now), in Vietnamese too.
  await page.reload();
  await page.getByRole('alert').getByText(withdrawn).waitFor();
  await page.goto(shareVideoUrl.replace('/en/', '/vi/'));
  await page
    .getByRole('alert')
    .getByText('Video này không còn xem được: người chia sẻ kịch bản đã thu hồi liên kết.')
    .waitFor();
  await visit(page, 'video-withdrawn-vi');

  // A new request for the withdrawn link says why it cannot be made.
  await page.goto(`${webUrl}/en/videos?share=${share.slug}`);
  const again = page.getByRole('dialog', { name: 'Make a video of this shared scenario' });
  await again.getByRole('button', { name: 'Make the video' }).click();
  await again
    .getByRole('alert')
    .getByText(
      'This shared scenario is no longer available: the person who shared it has withdrawn the link.',
    )
    .waitFor();
  await again.getByRole('button', { name: 'Close' }).click();
  await again.waitFor({ state: 'hidden' });
  await page.waitForFunction(() => document.activeElement?.textContent === 'Your videos');
  await page.waitForURL(`${webUrl}/en/videos`);
  const list = page.getByRole('list', { name: 'Videos' });
  await list.getByText('Withdrawn').waitFor();
  await list.getByText(/Of a shared scenario/).waitFor();

  // What is left to do with it: delete it.
  await page.goto(shareVideoUrl);
  await page.getByRole('button', { name: 'Delete' }).click();
  await page
    .getByRole('dialog', { name: 'Delete this video?' })
    .getByRole('button', { name: 'Delete' })
    .click();
  await page.waitForURL(`${webUrl}/en/videos`);
  await page.getByText('No video yet.').waitFor();
  dave.assertClean();
});
