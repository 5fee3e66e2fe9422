// A narrated video of a scenario: asked for with its options, followed live as the worker makes
// it (server-sent events), played with its captions track, then the day's quota (one video in
// this run's stack) explained, the list, and deleting it.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { askQuestion, launch, person, registerAccount, signIn, visit, webUrl } from './support.mjs';

// Rendering runs espeak-ng and ffmpeg on a shared machine: minutes, not seconds, at worst.
const renderTimeout = 300_000;
let browser;
let carol;
let account;
let scenarioId;
let videoUrl;

before(async () => {
  browser = await launch();
  account = await registerAccount('carol', 'Carol');
  carol = await person(browser);
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
