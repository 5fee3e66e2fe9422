import { eventually } from '../../../test/support/eventually';
import { type SharingHarness, browserAgent, startSharing } from './support/sharing-harness';

let sharing: SharingHarness;

beforeAll(async () => {
  sharing = await startSharing({ COUNTRY_HEADER: 'cloudfront-viewer-country' });
});

afterAll(async () => {
  await sharing?.stop();
});

interface Analytics {
  views: number;
  days: Array<{ date: string; views: number }>;
  via: Record<string, number>;
  referrers: Array<{ domain: string; views: number }>;
  countries: Array<{ country: string; views: number }>;
  shares?: number;
}

async function figures(token: string, slug?: string): Promise<Analytics> {
  const answer = await sharing.call<Analytics>(
    'GET',
    slug ? `/api/v1/shares/${slug}/analytics` : '/api/v1/shares/analytics',
    {
      token,
    },
  );
  expect(answer.status).toBe(200);
  return answer.body;
}

/** A visitor: one client address (as the gateway forwards it) and one browser. */
function visit(
  slug: string,
  visitor: string,
  options: { via?: string; referer?: string; country?: string; agent?: string } = {},
) {
  return sharing.browse(`/s/${slug}${options.via ? `?via=${options.via}` : ''}`, {
    'x-forwarded-for': visitor,
    'user-agent': options.agent ?? browserAgent,
    ...(options.referer ? { referer: options.referer } : {}),
    ...(options.country ? { 'cloudfront-viewer-country': options.country } : {}),
  });
}

test('views are unique per visitor per day: a replayed request counts once', async () => {
  const owner = sharing.newUser();
  const share = await sharing.share(owner.token, { scenarioId: sharing.saveScenario(owner.userId).id });
  await Promise.all(Array.from({ length: 5 }, () => visit(share.slug, '10.0.0.1', { via: 'x' })));
  await visit(share.slug, '10.0.0.2');
  await visit(share.slug, '10.0.0.2', { agent: `${browserAgent} Other` });
  const counted = await eventually(async () => {
    const now = await figures(owner.token, share.slug);
    expect(now.views).toBe(3);
    return now;
  });
  expect(counted.via['x']).toBe(1);
  expect(counted.days).toEqual([{ date: new Date().toISOString().slice(0, 10), views: 3 }]);
  const listed = await sharing.call<{ items: Array<{ views: number }> }>('GET', '/api/v1/shares', {
    token: owner.token,
  });
  expect(listed.body.items[0]!.views).toBe(3);
});

test('crawlers and scripts are not counted', async () => {
  const owner = sharing.newUser();
  const share = await sharing.share(owner.token, { scenarioId: sharing.saveScenario(owner.userId).id });
  const crawlers = [
    'facebookexternalhit/1.1',
    'Twitterbot/1.0',
    'Googlebot/2.1 (+http://www.google.com/bot.html)',
    'curl/8.5.0',
  ];
  for (const [index, agent] of crawlers.entries()) {
    expect((await visit(share.slug, `10.1.0.${index}`, { agent })).status).toBe(200);
  }
  await visit(share.slug, '10.1.1.1');
  await eventually(async () => expect((await figures(owner.token, share.slug)).views).toBe(1));
  // Still one after every crawler request has long been answered.
  expect((await figures(owner.token, share.slug)).views).toBe(1);
});

test('platforms, referring domains and countries are counted; no address is stored', async () => {
  const owner = sharing.newUser();
  const share = await sharing.share(owner.token, { scenarioId: sharing.saveScenario(owner.userId).id });
  await visit(share.slug, '198.51.100.1', {
    via: 'facebook',
    referer: 'https://www.facebook.com/some/post?id=1',
    country: 'VN',
  });
  await visit(share.slug, '198.51.100.2', { via: 'whatsapp', country: 'vn' });
  await visit(share.slug, '198.51.100.3', {
    via: 'bogus',
    referer: 'https://news.example.org/a',
    country: 'XX',
  });
  await visit(share.slug, '198.51.100.4', { referer: 'http://share.test/s/elsewhere' });
  const counted = await eventually(async () => {
    const now = await figures(owner.token, share.slug);
    expect(now.views).toBe(4);
    return now;
  });
  expect(counted.via).toMatchObject({ facebook: 1, whatsapp: 1, other: 1, x: 0 });
  expect(counted.referrers).toEqual([
    { domain: 'facebook.com', views: 1 },
    { domain: 'news.example.org', views: 1 },
  ]);
  expect(counted.countries).toEqual([{ country: 'VN', views: 2 }]);
  const stored = JSON.stringify(await sharing.itemsMentioning(share.slug));
  expect(stored).not.toContain('198.51.100');
  expect(stored).not.toContain('/some/post');
});

test('the owner sees totals over all their shares for a range; a stranger sees neither', async () => {
  const owner = sharing.newUser();
  const one = await sharing.share(owner.token, { scenarioId: sharing.saveScenario(owner.userId).id });
  const two = await sharing.share(owner.token, { scenarioId: sharing.saveScenario(owner.userId).id });
  await visit(one.slug, '203.0.113.1');
  await visit(two.slug, '203.0.113.1');
  await visit(two.slug, '203.0.113.2');
  const totals = await eventually(async () => {
    const now = await figures(owner.token);
    expect(now.views).toBe(3);
    return now;
  });
  expect(totals.shares).toBe(2);
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  const past = await sharing.call<Analytics>(
    'GET',
    `/api/v1/shares/analytics?from=${yesterday}&to=${yesterday}`,
    {
      token: owner.token,
    },
  );
  expect(past.body.views).toBe(0);
  const backwards = await sharing.call('GET', `/api/v1/shares/analytics?from=2026-02-01&to=2026-01-01`, {
    token: owner.token,
  });
  expect(backwards.status).toBe(400);

  const stranger = sharing.newUser();
  expect((await figures(stranger.token)).views).toBe(0);
  expect(
    (await sharing.call('GET', `/api/v1/shares/${one.slug}/analytics`, { token: stranger.token })).status,
  ).toBe(404);
});
