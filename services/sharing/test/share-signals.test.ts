import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { eventually } from '../../../test/support/eventually';
import { queueAllShareSignals } from '../src/store/share-signals';
import { type SharingHarness, browserAgent, startSharing } from './support/sharing-harness';

/**
 * Counted views reach social's trending through the signal outbox: the share's whole state
 * (scenario, when it was made, unique views per day), every few seconds while views come, and
 * kept until social acknowledges it.
 */
let sharing: SharingHarness;

beforeAll(async () => {
  sharing = await startSharing();
});

afterAll(async () => {
  await sharing?.stop();
});

const today = () => new Date().toISOString().slice(0, 10);
/** The relay looks every 5 s; a delivery after a refusal waits for the next look after its backoff. */
const delivery = 20_000;

function visit(slug: string, visitor: string, agent = browserAgent) {
  return sharing.browse(`/s/${slug}`, { 'x-forwarded-for': visitor, 'user-agent': agent });
}

const latestSignals = (slug: string) =>
  sharing.social.signals.filter((signals) => signals.slug === slug).at(-1);

/** A gauge's value on the service's /metrics. */
async function gauge(name: string): Promise<number> {
  const text = await (await fetch(`${sharing.url}/metrics`)).text();
  return Number(new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)$`, 'm').exec(text)?.[1] ?? Number.NaN);
}

async function outboxEntry(slug: string) {
  const items = await sharing.itemsMentioning(slug);
  return items.find((item) => item['sk'] === 'SIGNALS' && item['gsi2pk'] === 'OUTBOX#signals');
}

test("social hears a share's unique views per day, bots and repeats left out, and a later view as a newer state", async () => {
  const owner = sharing.newUser();
  const scenario = sharing.saveScenario(owner.userId);
  const share = await sharing.share(owner.token, { scenarioId: scenario.id });
  await visit(share.slug, '10.20.0.1');
  await visit(share.slug, '10.20.0.1');
  await visit(share.slug, '10.20.0.2');
  await visit(share.slug, '10.20.0.3', 'Twitterbot/1.0');

  const first = await eventually(async () => {
    const signals = latestSignals(share.slug);
    expect(signals?.views).toEqual([{ day: today(), views: 2 }]);
    return signals!;
  }, delivery);
  expect(first).toMatchObject({ slug: share.slug, scenarioId: scenario.id, sharedAt: share['createdAt'] });
  // Delivered: nothing waits for social any more.
  await eventually(async () => expect(await outboxEntry(share.slug)).toBeUndefined());

  await visit(share.slug, '10.20.0.4');
  const second = await eventually(async () => {
    const signals = latestSignals(share.slug);
    expect(signals?.views).toEqual([{ day: today(), views: 3 }]);
    return signals!;
  }, delivery);
  expect(second.version).toBeGreaterThan(first.version);
});

test('views taken while social is down wait in the outbox and reach it once it is back', async () => {
  const owner = sharing.newUser();
  const share = await sharing.share(owner.token, { scenarioId: sharing.saveScenario(owner.userId).id });
  sharing.social.signalsDown = true;
  try {
    const refusedBefore = sharing.social.refusedSignals;
    await visit(share.slug, '10.21.0.1');
    await visit(share.slug, '10.21.0.2');
    await eventually(
      async () => expect(sharing.social.refusedSignals).toBeGreaterThan(refusedBefore),
      delivery,
    );
    expect(latestSignals(share.slug)).toBeUndefined();
    expect(await outboxEntry(share.slug)).toBeDefined();
    // What an operator sees: a share waiting, and for how long.
    await eventually(
      async () => expect(await gauge('sharing_signal_outbox_pending')).toBeGreaterThanOrEqual(1),
      delivery,
    );
    expect(await gauge('sharing_signal_outbox_oldest_age_seconds')).toBeGreaterThanOrEqual(0);
  } finally {
    sharing.social.signalsDown = false;
  }
  await eventually(
    async () => expect(latestSignals(share.slug)?.views).toEqual([{ day: today(), views: 2 }]),
    delivery,
  );
  await eventually(async () => expect(await outboxEntry(share.slug)).toBeUndefined());
  await eventually(async () => expect(await gauge('sharing_signal_outbox_pending')).toBe(0), delivery);
});

test('a deleted share owes social nothing: its waiting views go with it (its purge tells social)', async () => {
  const owner = sharing.newUser();
  const share = await sharing.share(owner.token, { scenarioId: sharing.saveScenario(owner.userId).id });
  sharing.social.signalsDown = true;
  try {
    await visit(share.slug, '10.22.0.1');
    await eventually(async () => expect(await outboxEntry(share.slug)).toBeDefined());
    const deleted = await sharing.call('DELETE', `/api/v1/shares/${share.slug}`, { token: owner.token });
    expect(deleted.status).toBe(204);
    expect(await sharing.itemsMentioning(share.slug)).toEqual([]);
  } finally {
    sharing.social.signalsDown = false;
  }
  await eventually(async () =>
    expect(sharing.social.purges.map((purge) => purge.subjectId)).toContain(share.slug),
  );
  expect(latestSignals(share.slug)).toBeUndefined();
});

test('views counted before they reached social are queued by the maintenance job and delivered by the running service', async () => {
  const owner = sharing.newUser();
  const viewed = await sharing.share(owner.token, { scenarioId: sharing.saveScenario(owner.userId).id });
  const unopened = await sharing.share(owner.token, { scenarioId: sharing.saveScenario(owner.userId).id });
  // Three views counted by a sharing that did not tell social: the share's total and the day's counter only.
  await sharing.documents.send(
    new UpdateCommand({
      TableName: sharing.tableName,
      Key: { pk: `SHARE#${viewed.slug}`, sk: 'SHARE' },
      UpdateExpression: 'ADD viewCount :three',
      ExpressionAttributeValues: { ':three': 3 },
    }),
  );
  await sharing.documents.send(
    new PutCommand({
      TableName: sharing.tableName,
      Item: { pk: `SHARE#${viewed.slug}`, sk: `STATS#${today()}`, views: 3 },
    }),
  );

  const queued = await queueAllShareSignals(
    { documents: sharing.documents, tableName: sharing.tableName },
    new Date(),
  );
  expect(queued).toBeGreaterThanOrEqual(1);
  await eventually(
    async () => expect(latestSignals(viewed.slug)?.views).toEqual([{ day: today(), views: 3 }]),
    delivery,
  );
  // A share nobody opened is not queued: social would not count it.
  expect(latestSignals(unopened.slug)).toBeUndefined();
  expect(await outboxEntry(unopened.slug)).toBeUndefined();
});
