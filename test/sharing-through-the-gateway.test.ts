import { randomUUID } from 'node:crypto';
import { service } from '@what-if/catalog';
import type { Scenario } from '@what-if/contracts';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { type ApiCall, apiClient } from './support/api-client';
import { eventually } from './support/eventually';
import { type FakeIdentity, startFakeIdentity } from './support/fake-identity';
import { type StandInReceiver, startStandInReceiver } from './support/purge-receivers';
import { type TestStores, provisionStores } from './support/service-chassis';
import { deadPort } from './support/stores';
import {
  type GatewayInFront,
  type ServiceProcess,
  startGatewayInFront,
  startServiceProcess,
} from './support/service-processes';
import { signAccessToken } from './support/tokens';

/**
 * Sharing as a person meets it, each service in its own process behind the real gateway:
 * generation writes a scenario into history, its owner shares it, anyone opens the link, and
 * deleting the scenario reaches sharing through history's purge relay. Only the user service
 * is a stand-in (its JWKS and session answers), and video a stand-in purge receiver. The views
 * of a share reach social's trending through sharing's signal outbox.
 */
let identity: FakeIdentity;
const stores: TestStores[] = [];
const running: ServiceProcess[] = [];
let gateway: GatewayInFront;
let call: ApiCall;
let sharingEnv: Record<string, string>;
let sharing: ServiceProcess;
let video: StandInReceiver;
const browser =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36';

async function start(
  name: 'history' | 'generation' | 'sharing' | 'social',
  env: Record<string, string>,
  own?: TestStores,
) {
  const provisioned = own ?? (await provisionStores(service(name).stores));
  if (!own) stores.push(provisioned);
  const started = await startServiceProcess(name, { env: { ...provisioned.env, ...env } });
  running.push(started);
  await eventually(async () => expect((await fetch(`${started.url}/health/ready`)).status).toBe(200));
  return started;
}

/** A user the user-service stand-in knows: an account a month old, so its reports count in full. */
function newUser(roles = ['user']) {
  const userId = randomUUID();
  identity.profiles.set(userId, {
    id: userId,
    username: null,
    displayName: 'Someone',
    bio: '',
    avatarUrl: null,
    joinedAt: new Date(Date.now() - 30 * 24 * 3_600_000).toISOString(),
  });
  return { userId, token: signAccessToken(identity.signingKey, { sub: userId, roles }) };
}

beforeAll(async () => {
  identity = await startFakeIdentity();
  video = await startStandInReceiver('video');
  // Fixed ports for sharing and social, chosen now: history relays deleted scenarios to both,
  // and sharing must come back where history and the gateway expect it.
  const sharingUrl = `http://127.0.0.1:${await deadPort()}`;
  const socialUrl = `http://127.0.0.1:${await deadPort()}`;
  const history = await start('history', {
    USER_SERVICE_URL: identity.url,
    SHARING_SERVICE_URL: sharingUrl,
    SOCIAL_SERVICE_URL: socialUrl,
    VIDEO_SERVICE_URL: video.url,
    PURGE_RELAY_POLL_MS: '500',
  });
  const generation = await start('generation', {
    USER_SERVICE_URL: identity.url,
    HISTORY_SERVICE_URL: history.url,
  });
  const sharingStores = await provisionStores(service('sharing').stores);
  stores.push(sharingStores);
  sharingEnv = {
    ...sharingStores.env,
    PORT: new URL(sharingUrl).port,
    USER_SERVICE_URL: identity.url,
    HISTORY_SERVICE_URL: history.url,
    SOCIAL_SERVICE_URL: socialUrl,
    SCENARIO_CACHE_SECONDS: '1',
    PURGE_RELAY_POLL_MS: '500',
  };
  sharing = await start('sharing', sharingEnv, sharingStores);
  const social = await start('social', {
    PORT: new URL(socialUrl).port,
    USER_SERVICE_URL: identity.url,
    HISTORY_SERVICE_URL: history.url,
    SHARING_SERVICE_URL: sharingUrl,
    PURGE_RELAY_POLL_MS: '500',
    // Every first page of trending ranks afresh, so the views sharing reports show at once.
    TRENDING_REFRESH_SECONDS: '0',
  });
  gateway = await startGatewayInFront(
    {
      user: identity.url,
      history: history.url,
      generation: generation.url,
      sharing: sharing.url,
      social: social.url,
    },
    // Reporters come from networks of their own, as if behind one proxy (X-Forwarded-For).
    { TRUSTED_PROXY_COUNT: '1' },
  );
  call = apiClient(gateway.url);
  // Five processes start one after another; on a busy machine that takes longer than one test.
}, 120_000);

afterAll(async () => {
  await gateway?.stop();
  for (const started of running.reverse()) await started.stop();
  for (const own of stores) await own.cleanup();
  await identity?.close();
  await video?.close();
});

async function generated(token: string): Promise<Scenario> {
  const answer = await call<Scenario>('POST', '/api/v1/scenarios', {
    token,
    body: { question: 'What if the printing press had been invented in Rome?' },
    headers: { accept: 'application/json' },
  });
  expect(answer.status).toBe(201);
  return answer.body;
}

async function share(token: string, body: Record<string, unknown>) {
  const answer = await call<{ slug: string; url: string; qrCodeUrl: string }>('POST', '/api/v1/shares', {
    token,
    body,
  });
  expect(answer.status).toBe(201);
  return answer.body;
}

const browse = (path: string) => fetch(`${gateway.url}${path}`, { headers: { 'user-agent': browser } });

test('a signed-in user shares a scenario; anyone opens the page, its preview and its QR code through the gateway', async () => {
  const owner = newUser();
  const scenario = await generated(owner.token);
  const link = await share(owner.token, { scenarioId: scenario.id });

  const page = await browse(`/s/${link.slug}`);
  expect(page.status).toBe(200);
  const html = await page.text();
  expect(html).toContain(scenario.title);
  expect(html).toMatch(/<meta name="twitter:card" content="summary_large_image"\s*\/?>/);
  // The page's own policy replaces the gateway's API policy, which would block its stylesheet.
  expect(page.headers.get('content-security-policy')).toContain('style-src');
  expect(page.headers.get('strict-transport-security')).toContain('max-age');

  const image = await browse(`/s/${link.slug}/og.png`);
  const png = PNG.sync.read(Buffer.from(await image.arrayBuffer()));
  expect([png.width, png.height]).toEqual([1200, 630]);

  const qr = PNG.sync.read(Buffer.from(await (await browse(`/s/${link.slug}/qr.png`)).arrayBuffer()));
  expect(jsQR(new Uint8ClampedArray(qr.data), qr.width, qr.height)?.data).toBe(`${link.url}?via=qr`);

  await eventually(async () => {
    const figures = await call<{ views: number }>('GET', `/api/v1/shares/${link.slug}/analytics`, {
      token: owner.token,
    });
    expect(figures.body.views).toBe(1);
  });
});

test('a stranger can neither read, change nor delete my share through the gateway, nor share my scenario', async () => {
  const owner = newUser();
  const stranger = newUser();
  const scenario = await generated(owner.token);
  const link = await share(owner.token, { scenarioId: scenario.id });
  for (const [method, path, body] of [
    ['GET', `/api/v1/shares/${link.slug}`],
    ['PATCH', `/api/v1/shares/${link.slug}`, { visibility: 'public' }],
    ['POST', `/api/v1/shares/${link.slug}/revoke`],
    ['DELETE', `/api/v1/shares/${link.slug}`],
    ['GET', `/api/v1/shares/${link.slug}/analytics`],
    ['POST', '/api/v1/shares', { scenarioId: scenario.id }],
  ] as Array<[string, string, unknown?]>) {
    expect([method, path, (await call(method, path, { token: stranger.token, body })).status]).toEqual([
      method,
      path,
      404,
    ]);
  }
  expect((await browse(`/s/${link.slug}`)).status).toBe(200);
});

test('a revoked link answers 410 through the gateway', async () => {
  const owner = newUser();
  const link = await share(owner.token, { scenarioId: (await generated(owner.token)).id });
  await call('POST', `/api/v1/shares/${link.slug}/revoke`, { token: owner.token });
  expect((await browse(`/s/${link.slug}`)).status).toBe(410);
});

test("deleting the scenario while sharing is down: once sharing is back its share no longer shows it, and history's relayed purge then removes it", async () => {
  const owner = newUser();
  const scenario = await generated(owner.token);
  const link = await share(owner.token, { scenarioId: scenario.id });
  expect((await browse(`/s/${link.slug}`)).status).toBe(200);

  await sharing.stop();
  running.splice(running.indexOf(sharing), 1);
  expect((await call('DELETE', `/api/v1/scenarios/${scenario.id}`, { token: owner.token })).status).toBe(204);
  sharing = await start('sharing', sharingEnv, { env: {}, relays: {}, cleanup: async () => undefined });

  // Sharing asks history for the scenario and answers 410 while the purge is still on its way; the
  // relay may also have delivered it already in the moment sharing became ready (then the share is
  // gone and its link answers 404). Either way the page no longer shows the scenario. The 410 on its
  // own is sharing's page test ("once history no longer has the scenario").
  const page = await browse(`/s/${link.slug}`);
  expect([410, 404]).toContain(page.status);
  expect(await page.text()).not.toContain(scenario.title);
  // History's outbox kept the instruction while sharing was down and retries it (backoff up to
  // 30 s): the share itself goes, so its link is unknown, not merely withdrawn.
  await eventually(async () => {
    expect((await browse(`/s/${link.slug}`)).status).toBe(404);
    const mine = await call<{ items: Array<{ slug: string }> }>('GET', '/api/v1/shares', {
      token: owner.token,
    });
    expect(mine.body.items.map((item) => item.slug)).not.toContain(link.slug);
  }, 60_000);
  expect(video.acknowledged().map((purge) => purge['subjectId'])).toContain(scenario.id);
}, 90_000);

test('deleting a published scenario takes its post out of the feed: social hears of it from history', async () => {
  const owner = newUser();
  const scenario = await generated(owner.token);
  const post = await call<{ id: string }>('POST', '/api/v1/social/posts', {
    token: owner.token,
    body: { scenarioId: scenario.id, caption: 'look at this' },
  });
  expect(post.status).toBe(201);
  expect((await call('GET', `/api/v1/social/posts/${post.body.id}`)).status).toBe(200);
  expect((await call('DELETE', `/api/v1/scenarios/${scenario.id}`, { token: owner.token })).status).toBe(204);
  await eventually(async () => {
    expect((await call('GET', `/api/v1/social/posts/${post.body.id}`)).status).toBe(404);
    const latest = await call<{ items: Array<{ id: string }> }>('GET', '/api/v1/feed?limit=50');
    expect(latest.body.items.map((item) => item.id)).not.toContain(post.body.id);
  }, 30_000);
}, 60_000);

test("a share's views lift its scenario's post in social's trending, and deleting the share takes them out again", async () => {
  const owner = newUser();
  const scenario = await generated(owner.token);
  const post = await call<{ id: string }>('POST', '/api/v1/social/posts', {
    token: owner.token,
    body: { scenarioId: scenario.id },
  });
  expect(post.status).toBe(201);
  const trending = async () =>
    (
      await call<{ items: Array<{ id: string }> }>('GET', '/api/v1/feed/trending?window=1d&limit=50')
    ).body.items.map((item) => item.id);
  // No like, comment, share or view: not trending.
  expect(await trending()).not.toContain(post.body.id);

  const link = await share(owner.token, { scenarioId: scenario.id });
  // Three people open the link (one twice, one a crawler that does not count), through the gateway.
  for (const visitor of ['10.60.0.1', '10.60.0.2', '10.60.0.2', '10.60.0.3'])
    await fetch(`${gateway.url}/s/${link.slug}`, {
      headers: { 'user-agent': browser, 'x-forwarded-for': visitor },
    });
  await fetch(`${gateway.url}/s/${link.slug}`, {
    headers: { 'user-agent': 'Twitterbot/1.0', 'x-forwarded-for': '10.60.0.4' },
  });
  // Sharing's relay tells social within a few seconds; social ranks the post on its share and views.
  await eventually(async () => expect(await trending()).toContain(post.body.id), 30_000);

  expect((await call('DELETE', `/api/v1/shares/${link.slug}`, { token: owner.token })).status).toBe(204);
  // The share's purge reaches social: its share and views no longer count.
  await eventually(async () => expect(await trending()).not.toContain(post.body.id), 30_000);
}, 90_000);

test('deleting the scenario while sharing is up: its shares stop answering, then are gone', async () => {
  const owner = newUser();
  const scenario = await generated(owner.token);
  const link = await share(owner.token, { scenarioId: scenario.id });
  expect((await browse(`/s/${link.slug}`)).status).toBe(200);
  expect((await call('DELETE', `/api/v1/scenarios/${scenario.id}`, { token: owner.token })).status).toBe(204);
  // History relays the scenario's purge at once: the share is deleted (404). Had the purge been
  // late, the read-time check would already answer 410; either way nothing is shown.
  await eventually(async () => {
    expect((await browse(`/s/${link.slug}`)).status).toBe(404);
    expect((await browse(`/s/${link.slug}/og.png`)).status).toBe(404);
  }, 30_000);
});

test("five people's reports hide a share everywhere until a moderator restores it through social's queue", async () => {
  const owner = newUser();
  const link = await share(owner.token, { scenarioId: (await generated(owner.token)).id });
  expect((await browse(`/s/${link.slug}`)).status).toBe(200);

  // Five established accounts (the user service says they joined a month ago), each from a
  // network of its own: each counts as one full voice, and five reach the threshold.
  for (let index = 1; index <= 5; index += 1) {
    const reported = await call('POST', `/api/v1/shares/${link.slug}/reports`, {
      token: newUser().token,
      body: { reason: 'spam' },
      headers: { 'x-forwarded-for': `198.51.${index}.7` },
    });
    expect(reported.status).toBe(202);
  }
  // Sharing's outbox takes the reports to social; social hides the share and tells sharing.
  await eventually(async () => {
    const page = await browse(`/s/${link.slug}`);
    expect(page.status).toBe(410);
    expect(await page.text()).toContain('hidden while moderators review');
  }, 30_000);

  const moderator = newUser(['moderator']);
  const hidden = await call<{ items: Array<{ caseId: string; target: { id: string }; voices: number }> }>(
    'GET',
    '/api/v1/social/moderation/cases?status=hidden&limit=50',
    { token: moderator.token },
  );
  const found = hidden.body.items.find((item) => item.target.id === link.slug);
  expect(found?.voices).toBe(5);
  const restored = await call('POST', `/api/v1/social/moderation/cases/${found!.caseId}/decisions`, {
    token: moderator.token,
    body: { action: 'restore', reason: 'Reviewed: not spam' },
  });
  expect(restored.status).toBe(200);
  await eventually(async () => expect((await browse(`/s/${link.slug}`)).status).toBe(200), 30_000);
}, 90_000);
