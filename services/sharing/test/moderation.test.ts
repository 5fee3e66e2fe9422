import { randomUUID } from 'node:crypto';
import { visitorHash } from '@what-if/contracts';
import { eventually } from '../../../test/support/eventually';
import { type SharingHarness, browserAgent, startSharing } from './support/sharing-harness';

let sharing: SharingHarness;

beforeAll(async () => {
  sharing = await startSharing({ REPORTS_PER_IP_PER_HOUR: '3' });
});

afterAll(async () => {
  await sharing?.stop();
});

function decide(slug: string, action: 'hide' | 'restore' | 'remove' | 'warn', decidedAt: Date) {
  return sharing.callAs('social', 'POST', '/internal/v1/moderation-actions', {
    body: {
      id: randomUUID(),
      target: { kind: 'share', id: slug },
      action,
      reason: 'Reviewed',
      decidedAt: decidedAt.toISOString(),
    },
  });
}

test('a report reaches the moderation queue naming the share, its owner and the reporter network; a repeat is the same report', async () => {
  const owner = sharing.newUser();
  const reporter = sharing.newUser();
  const share = await sharing.share(owner.token, { scenarioId: sharing.saveScenario(owner.userId).id });
  const first = await sharing.call<{ id: string; status: string }>(
    'POST',
    `/api/v1/shares/${share.slug}/reports`,
    {
      token: reporter.token,
      body: { reason: 'spam', note: 'Selling things' },
      headers: { 'x-forwarded-for': '192.0.2.10' },
    },
  );
  expect(first.status).toBe(202);
  const repeat = await sharing.call<{ id: string; status: string }>(
    'POST',
    `/api/v1/shares/${share.slug}/reports`,
    {
      token: reporter.token,
      body: { reason: 'hate' },
      headers: { 'x-forwarded-for': '192.0.2.11' },
    },
  );
  expect(repeat.status).toBe(200);
  expect(repeat.body).toEqual({ id: first.body.id, status: 'already-open' });
  const received = await eventually(async () => {
    const mine = sharing.social.reports.filter((report) => report.target.id === share.slug);
    expect(mine.length).toBeGreaterThanOrEqual(1);
    return mine;
  });
  expect(new Set(received.map((report) => report.id))).toEqual(new Set([first.body.id]));
  expect(received[0]).toMatchObject({
    target: { service: 'sharing', kind: 'share', id: share.slug },
    ownerId: owner.userId,
    reporter: { userId: reporter.userId, visitorHash: visitorHash('192.0.2.10') },
    reason: 'spam',
    note: 'Selling things',
  });
});

test("a signed-in reporter's report says since when they have had an account (the user service's answer), so social can weigh new accounts less", async () => {
  const owner = sharing.newUser();
  const established = sharing.newUser();
  const joined = new Date(Date.now() - 3_600_000).toISOString();
  const newcomer = sharing.newUser({ joinedAt: joined });
  const share = await sharing.share(owner.token, { scenarioId: sharing.saveScenario(owner.userId).id });
  for (const [reporter, address] of [
    [established, '198.18.1.20'],
    [newcomer, '198.18.2.21'],
  ] as const) {
    const answer = await sharing.call('POST', `/api/v1/shares/${share.slug}/reports`, {
      token: reporter.token,
      body: { reason: 'spam' },
      headers: { 'x-forwarded-for': address },
    });
    expect(answer.status).toBe(202);
  }
  const received = await eventually(async () => {
    const mine = sharing.social.reports.filter((report) => report.target.id === share.slug);
    expect(mine).toHaveLength(2);
    return mine;
  });
  const byReporter = new Map(received.map((report) => [report.reporter.userId, report.reporter]));
  expect(byReporter.get(newcomer.userId)?.accountCreatedAt).toBe(joined);
  const longAgo = Date.parse(byReporter.get(established.userId)?.accountCreatedAt ?? '');
  expect(Date.now() - longAgo).toBeGreaterThan(24 * 3_600_000);
});

test('anyone may report from the page without JavaScript, limited per network', async () => {
  const owner = sharing.newUser();
  const share = await sharing.share(owner.token, { scenarioId: sharing.saveScenario(owner.userId).id });
  const statuses: number[] = [];
  for (let index = 0; index < 4; index += 1) {
    const other = await sharing.share(owner.token, { scenarioId: sharing.saveScenario(owner.userId).id });
    const response = await fetch(`${sharing.url}/s/${index === 0 ? share.slug : other.slug}/report`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'user-agent': browserAgent,
        'x-forwarded-for': '203.0.113.77',
      },
      body: new URLSearchParams({ reason: 'misinformation' }).toString(),
    });
    statuses.push(response.status);
    if (index === 0) expect(await response.text()).toContain('reached our moderators');
  }
  expect(statuses).toEqual([202, 202, 202, 429]);
});

test('hide makes the page 410 for everyone, restore shows it again; an older decision changes nothing', async () => {
  const owner = sharing.newUser();
  const scenario = sharing.saveScenario(owner.userId);
  const share = await sharing.share(owner.token, { scenarioId: scenario.id });
  const now = Date.now();
  expect((await decide(share.slug, 'hide', new Date(now))).status).toBe(204);
  const hidden = await sharing.browse(`/s/${share.slug}`);
  expect(hidden.status).toBe(410);
  expect(hidden.text).toContain('hidden while moderators review');
  expect(hidden.text).not.toContain(scenario.title);
  expect((await sharing.browse(`/s/${share.slug}/og.png`)).status).toBe(410);
  const owned = await sharing.call<{ moderation: string }>('GET', `/api/v1/shares/${share.slug}`, {
    token: owner.token,
  });
  expect(owned.body.moderation).toBe('hidden');

  expect((await decide(share.slug, 'restore', new Date(now + 1000))).status).toBe(204);
  expect((await sharing.browse(`/s/${share.slug}`)).status).toBe(200);
  // A late-arriving hide decided before the restore is stale.
  expect((await decide(share.slug, 'hide', new Date(now + 500))).status).toBe(204);
  expect((await sharing.browse(`/s/${share.slug}`)).status).toBe(200);

  expect((await decide(share.slug, 'remove', new Date(now + 2000))).status).toBe(204);
  const removed = await sharing.browse(`/s/${share.slug}`);
  expect(removed.status).toBe(410);
  expect(removed.text).toContain('removed by moderators');
});

test('a scenario that moderators hid in history is shown by none of its shares', async () => {
  const owner = sharing.newUser();
  const scenario = sharing.saveScenario(owner.userId);
  const share = await sharing.share(owner.token, { scenarioId: scenario.id });
  // What history's internal read answers once social's decision about the scenario reached it.
  sharing.history.scenarios.set(scenario.id, { ownerId: owner.userId, scenario, moderation: 'hidden' });
  const page = await sharing.browse(`/s/${share.slug}`);
  expect(page.status).toBe(410);
  expect(page.text).toContain('hidden while moderators review');
  expect(page.text).not.toContain(scenario.title);
});

test('a decision about a share that is gone needs nothing; one about something else is refused', async () => {
  expect((await decide('AAAAAAAAAAAA', 'hide', new Date())).status).toBe(204);
  const post = await sharing.callAs('social', 'POST', '/internal/v1/moderation-actions', {
    body: {
      id: randomUUID(),
      target: { kind: 'post', id: 'p1' },
      action: 'hide',
      reason: 'x',
      decidedAt: new Date().toISOString(),
    },
  });
  expect(post.status).toBe(422);
});

/** A gauge's value on the service's /metrics. */
async function gauge(name: string): Promise<number> {
  const text = await (await fetch(`${sharing.url}/metrics`)).text();
  return Number(new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)$`, 'm').exec(text)?.[1] ?? Number.NaN);
}

test('a report taken while social is down waits in the outbox and reaches the queue, once, when social is back', async () => {
  const owner = sharing.newUser();
  const share = await sharing.share(owner.token, { scenarioId: sharing.saveScenario(owner.userId).id });
  sharing.social.refuseWith(503);
  let id: string;
  try {
    const taken = await sharing.call<{ id: string; status: string }>(
      'POST',
      `/api/v1/shares/${share.slug}/reports`,
      {
        body: { reason: 'violence', note: 'Sent while social was down' },
        headers: { 'x-forwarded-for': '198.18.7.1' },
      },
    );
    // The reporter is answered as usual: the report is recorded, not yet delivered.
    expect(taken.status).toBe(202);
    id = taken.body.id;
    await eventually(async () => expect(await gauge('sharing_report_outbox_pending')).toBe(1));
    expect(await gauge('sharing_report_outbox_oldest_age_seconds')).toBeGreaterThanOrEqual(0);
    expect(sharing.social.reports.map((report) => report.id)).not.toContain(id);
  } finally {
    sharing.social.refuseWith(undefined);
  }
  await eventually(
    async () => expect(sharing.social.reports.filter((report) => report.id === id)).toHaveLength(1),
    20_000,
  );
  expect(sharing.social.reports.find((report) => report.id === id)).toMatchObject({
    target: { service: 'sharing', kind: 'share', id: share.slug },
    note: 'Sent while social was down',
  });
  await eventually(async () => expect(await gauge('sharing_report_outbox_pending')).toBe(0));
  // Delivered, the report keeps no note or reporter network here; it stays open until a decision.
  const stored = JSON.stringify(await sharing.itemsMentioning(id));
  expect(stored).not.toContain('Sent while social was down');
  const again = await sharing.call<{ id: string; status: string }>(
    'POST',
    `/api/v1/shares/${share.slug}/reports`,
    {
      body: { reason: 'spam' },
      headers: { 'x-forwarded-for': '198.18.7.2' },
    },
  );
  expect(again.body).toEqual({ id, status: 'already-open' });
});

test("only social's service token may send a moderation decision", async () => {
  const action = {
    id: randomUUID(),
    target: { kind: 'share', id: 'AAAAAAAAAAAA' },
    action: 'hide',
    reason: 'Reviewed',
    decidedAt: new Date().toISOString(),
  };
  const anonymous = await sharing.call('POST', '/internal/v1/moderation-actions', { body: action });
  expect(anonymous.status).toBe(401);
  expect(anonymous.body['type']).toBe('/problems/invalid-service-token');
  const gateway = await sharing.callAs('gateway', 'POST', '/internal/v1/moderation-actions', {
    body: action,
  });
  expect(gateway.status).toBe(403);
  expect(gateway.body['type']).toBe('/problems/caller-not-allowed');
});
