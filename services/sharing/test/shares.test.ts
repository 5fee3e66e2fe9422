import { type SharingHarness, publicOrigin, startSharing } from './support/sharing-harness';

let sharing: SharingHarness;

beforeAll(async () => {
  sharing = await startSharing({ LOG_LEVEL: process.env['TEST_LOG_LEVEL'] ?? 'silent' });
});

afterAll(async () => {
  await sharing?.stop();
});

interface Share {
  slug: string;
  url: string;
  qrCodeUrl: string;
  expiresAt: string | null;
  hasPassword: boolean;
  visibility: string;
  status: string;
  views: number;
  title: string | null;
}

test('a share of my scenario answers its slug, full URL, expiry, password flag and QR code URL', async () => {
  const owner = sharing.newUser();
  const scenario = sharing.saveScenario(owner.userId);
  const expiresAt = new Date(Date.now() + 86_400_000).toISOString();
  const answer = await sharing.call<Share>('POST', '/api/v1/shares', {
    token: owner.token,
    body: { scenarioId: scenario.id, password: 'open sesame', expiresAt, visibility: 'public' },
  });
  expect(answer.status).toBe(201);
  expect(answer.body.slug).toMatch(/^[A-Za-z0-9_-]{12}$/);
  expect(answer.body).toMatchObject({
    url: `${publicOrigin}/s/${answer.body.slug}`,
    qrCodeUrl: `${publicOrigin}/s/${answer.body.slug}/qr.png`,
    expiresAt,
    hasPassword: true,
    visibility: 'public',
    status: 'live',
    views: 0,
  });
  expect(answer.headers.get('location')).toBe(`/api/v1/shares/${answer.body.slug}`);
  // The password itself is never answered back, hashed or not.
  expect(JSON.stringify(answer.body)).not.toContain('open sesame');
  const stored = await sharing.itemsMentioning(answer.body.slug);
  expect(JSON.stringify(stored)).not.toContain('open sesame');
  expect(JSON.stringify(stored)).toContain('$argon2id$');
});

test('slugs are distinct and carry no pattern', async () => {
  const owner = sharing.newUser();
  const scenario = sharing.saveScenario(owner.userId);
  const slugs = new Set<string>();
  for (let index = 0; index < 20; index += 1) {
    slugs.add((await sharing.share(owner.token, { scenarioId: scenario.id, another: true })).slug);
  }
  expect(slugs.size).toBe(20);
});

test('asking again answers the live share; another:true makes a second link', async () => {
  const owner = sharing.newUser();
  const scenario = sharing.saveScenario(owner.userId);
  const first = await sharing.share(owner.token, { scenarioId: scenario.id });
  const again = await sharing.call<Share>('POST', '/api/v1/shares', {
    token: owner.token,
    body: { scenarioId: scenario.id },
  });
  expect(again.status).toBe(200);
  expect(again.body.slug).toBe(first.slug);
  const second = await sharing.share(owner.token, { scenarioId: scenario.id, another: true });
  expect(second.slug).not.toBe(first.slug);
});

test('concurrent first shares of one scenario settle on one link', async () => {
  const owner = sharing.newUser();
  const scenario = sharing.saveScenario(owner.userId);
  const answers = await Promise.all(
    Array.from({ length: 5 }, () =>
      sharing.call<Share>('POST', '/api/v1/shares', {
        token: owner.token,
        body: { scenarioId: scenario.id },
      }),
    ),
  );
  expect(new Set(answers.map((answer) => answer.body.slug)).size).toBe(1);
  const listed = await sharing.call<{ items: Share[] }>('GET', '/api/v1/shares', { token: owner.token });
  expect(listed.body.items).toHaveLength(1);
});

test('a revoked share is replaced by a new one when I share the scenario again', async () => {
  const owner = sharing.newUser();
  const scenario = sharing.saveScenario(owner.userId);
  const first = await sharing.share(owner.token, { scenarioId: scenario.id });
  await sharing.call('POST', `/api/v1/shares/${first.slug}/revoke`, { token: owner.token });
  const next = await sharing.call<Share>('POST', '/api/v1/shares', {
    token: owner.token,
    body: { scenarioId: scenario.id },
  });
  expect(next.status).toBe(201);
  expect(next.body.slug).not.toBe(first.slug);
});

test("sharing someone else's scenario, or one not in history, answers 404 alike", async () => {
  const owner = sharing.newUser();
  const stranger = sharing.newUser();
  const scenario = sharing.saveScenario(owner.userId);
  const theirs = await sharing.call('POST', '/api/v1/shares', {
    token: stranger.token,
    body: { scenarioId: scenario.id },
  });
  const missing = await sharing.call('POST', '/api/v1/shares', {
    token: stranger.token,
    body: { scenarioId: 'no-such-scenario' },
  });
  expect(theirs.status).toBe(404);
  expect(missing.status).toBe(404);
  expect(theirs.body['type']).toBe(missing.body['type']);
});

test('an expiry in the past is refused, naming the field', async () => {
  const owner = sharing.newUser();
  const scenario = sharing.saveScenario(owner.userId);
  const answer = await sharing.call('POST', '/api/v1/shares', {
    token: owner.token,
    body: { scenarioId: scenario.id, expiresAt: '2020-01-01T00:00:00Z' },
  });
  expect(answer.status).toBe(400);
  expect(JSON.stringify(answer.body['errors'])).toContain('/body/expiresAt');
});

test('my list pages newest first with counts, and a stranger never sees it', async () => {
  const owner = sharing.newUser();
  const made: string[] = [];
  for (let index = 0; index < 5; index += 1) {
    const scenario = sharing.saveScenario(owner.userId);
    made.push((await sharing.share(owner.token, { scenarioId: scenario.id })).slug);
  }
  const first = await sharing.call<{ items: Share[]; nextCursor: string | null }>(
    'GET',
    '/api/v1/shares?limit=3',
    {
      token: owner.token,
    },
  );
  expect(first.body.items.map((item) => item.slug)).toEqual(made.slice(2).reverse());
  expect(first.body.items.every((item) => item.views === 0)).toBe(true);
  const second = await sharing.call<{ items: Share[]; nextCursor: string | null }>(
    'GET',
    `/api/v1/shares?limit=3&cursor=${first.body.nextCursor}`,
    { token: owner.token },
  );
  expect(second.body.items.map((item) => item.slug)).toEqual(made.slice(0, 2).reverse());
  expect(second.body.nextCursor).toBeNull();

  const stranger = sharing.newUser();
  const theirList = await sharing.call<{ items: Share[] }>('GET', '/api/v1/shares', {
    token: stranger.token,
  });
  expect(theirList.body.items).toEqual([]);
  // The owner's cursor moves nothing for someone else: it only positions within their own shares.
  const replayed = await sharing.call<{ items: Share[] }>(
    'GET',
    `/api/v1/shares?cursor=${first.body.nextCursor}`,
    {
      token: stranger.token,
    },
  );
  expect(replayed.body.items).toEqual([]);
});

test('every owner route answers a stranger exactly as a missing share (IDOR)', async () => {
  const owner = sharing.newUser();
  const stranger = sharing.newUser();
  const scenario = sharing.saveScenario(owner.userId);
  const share = await sharing.share(owner.token, { scenarioId: scenario.id, title: 'Mine' });
  const missing = 'AAAAAAAAAAAA';
  const routes: Array<[string, string, unknown?]> = [
    ['GET', ''],
    ['PATCH', '', { title: 'Stolen', visibility: 'public' }],
    ['POST', '/revoke'],
    ['GET', '/analytics'],
    ['DELETE', ''],
  ];
  for (const [method, suffix, body] of routes) {
    const theirs = await sharing.call(method, `/api/v1/shares/${share.slug}${suffix}`, {
      token: stranger.token,
      body,
    });
    const none = await sharing.call(method, `/api/v1/shares/${missing}${suffix}`, {
      token: stranger.token,
      body,
    });
    expect([method + suffix, theirs.status]).toEqual([method + suffix, 404]);
    expect(theirs.body['type']).toBe(none.body['type']);
    expect(String(theirs.body['detail'])).toContain(share.slug);
  }
  // Nothing the stranger sent changed anything.
  const mine = await sharing.call<Share>('GET', `/api/v1/shares/${share.slug}`, { token: owner.token });
  expect(mine.body).toMatchObject({ title: 'Mine', visibility: 'unlisted', status: 'live' });
  // And without a token the owner's API is closed.
  expect((await sharing.call('GET', `/api/v1/shares/${share.slug}`)).status).toBe(401);
  expect((await sharing.call('GET', '/api/v1/shares')).status).toBe(401);
});

test('an owner changes title, description, password, expiry and visibility, and clears them with null', async () => {
  const owner = sharing.newUser();
  const scenario = sharing.saveScenario(owner.userId);
  const share = await sharing.share(owner.token, { scenarioId: scenario.id });
  const expiresAt = new Date(Date.now() + 3_600_000).toISOString();
  const changed = await sharing.call<Share & { description: string | null }>(
    'PATCH',
    `/api/v1/shares/${share.slug}`,
    {
      token: owner.token,
      body: {
        title: 'New title',
        description: 'New words',
        password: 'secret words',
        expiresAt,
        visibility: 'public',
      },
    },
  );
  expect(changed.status).toBe(200);
  expect(changed.body).toMatchObject({
    title: 'New title',
    description: 'New words',
    hasPassword: true,
    expiresAt,
    visibility: 'public',
  });
  const cleared = await sharing.call<Share & { description: string | null }>(
    'PATCH',
    `/api/v1/shares/${share.slug}`,
    {
      token: owner.token,
      body: { title: null, description: null, password: null, expiresAt: null },
    },
  );
  expect(cleared.body).toMatchObject({ title: null, description: null, hasPassword: false, expiresAt: null });
});

test('counters, moderation, owner and scenario are not writable', async () => {
  const owner = sharing.newUser();
  const scenario = sharing.saveScenario(owner.userId);
  const share = await sharing.share(owner.token, { scenarioId: scenario.id });
  for (const body of [
    { views: 1000 },
    { moderation: 'visible' },
    { ownerId: 'someone' },
    { scenarioId: 'other' },
    { slug: 'x' },
  ]) {
    const answer = await sharing.call('PATCH', `/api/v1/shares/${share.slug}`, { token: owner.token, body });
    expect(answer.status).toBe(400);
    expect(answer.headers.get('content-type')).toContain('application/problem+json');
  }
});

test('revoking answers the share as revoked and is idempotent; delete removes every trace', async () => {
  const owner = sharing.newUser();
  const scenario = sharing.saveScenario(owner.userId);
  const share = await sharing.share(owner.token, { scenarioId: scenario.id });
  const revoked = await sharing.call<Share & { revokedAt: string }>(
    'POST',
    `/api/v1/shares/${share.slug}/revoke`,
    {
      token: owner.token,
    },
  );
  expect(revoked.body.status).toBe('revoked');
  const again = await sharing.call<Share & { revokedAt: string }>(
    'POST',
    `/api/v1/shares/${share.slug}/revoke`,
    {
      token: owner.token,
    },
  );
  expect(again.body.revokedAt).toBe(revoked.body.revokedAt);
  expect((await sharing.browse(`/s/${share.slug}`)).status).toBe(410);

  await sharing.browse(`/s/${share.slug}`);
  expect((await sharing.call('DELETE', `/api/v1/shares/${share.slug}`, { token: owner.token })).status).toBe(
    204,
  );
  expect(await sharing.itemsMentioning(share.slug)).toEqual([]);
  expect((await sharing.browse(`/s/${share.slug}`)).status).toBe(404);
  expect((await sharing.call('DELETE', `/api/v1/shares/${share.slug}`, { token: owner.token })).status).toBe(
    404,
  );
});
