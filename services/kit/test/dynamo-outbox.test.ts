import { randomUUID } from 'node:crypto';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { outboxBacklogReport } from '@what-if/catalog';
import { type DeliveryOutcome, createOutboxRelay, outboxRetryDelay } from '@what-if/kit';
import { type DynamoOutboxOptions, type DynamoStore, dynamoOutbox } from '@what-if/kit/dynamodb';
import { Registry } from 'prom-client';
import { eventually } from '../../../test/support/eventually';
import { captureLogs } from '../../../test/support/logs';
import { type CatalogTable, startCatalogTable } from './support/catalog-table';

/**
 * The kit's DynamoDB outbox and its relay, on dynalite: what every outbox (purges, reports,
 * share signals, moderation actions) relies on. Each test waits its items under a partition of
 * its own.
 */
const index = { name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' };
let catalogTable: CatalogTable;
let store: DynamoStore;
let tableName: string;

beforeAll(async () => {
  catalogTable = await startCatalogTable();
  ({ store, tableName } = catalogTable);
});

afterAll(async () => {
  await catalogTable?.close();
});

interface TestItem {
  pk: string;
  sk: string;
  id: string;
  version?: number;
  attempts?: number;
  notBefore?: number;
}

/** A fresh outbox partition, a clock the test moves, and items put into it. */
function scene(start = Date.parse('2026-01-01T00:00:00.000Z')) {
  const partition = `OUTBOX#${randomUUID()}`;
  const clock = { now: start };
  const outbox = (options: Partial<DynamoOutboxOptions<TestItem>> = {}) =>
    dynamoOutbox<TestItem>({
      documents: store.documents,
      tableName,
      index,
      partition,
      now: () => clock.now,
      ...options,
    });
  async function put(id: string, extra: Record<string, unknown> = {}): Promise<TestItem> {
    const item = {
      pk: `ITEM#${id}`,
      sk: 'ITEM',
      id,
      gsi1pk: partition,
      gsi1sk: `${new Date(clock.now).toISOString()}#${id}`,
      ...extra,
    };
    await store.documents.send(new PutCommand({ TableName: tableName, Item: item }));
    return item;
  }
  async function read(id: string): Promise<Record<string, unknown> | undefined> {
    const found = await store.documents.send(
      new GetCommand({ TableName: tableName, Key: { pk: `ITEM#${id}`, sk: 'ITEM' }, ConsistentRead: true }),
    );
    return found.Item;
  }
  return { partition, clock, outbox, put, read };
}

function relayOf(
  outbox: ReturnType<ReturnType<typeof scene>['outbox']>,
  deliver: (item: TestItem) => Promise<DeliveryOutcome>,
  registry = new Registry(),
) {
  return createOutboxRelay<TestItem>({
    name: 'reports',
    store: outbox,
    deliver,
    logger: captureLogs('test').logger,
    registry,
    pollMs: 60_000,
    batchSize: 3,
    random: () => 1,
  });
}

test('two replicas polling at once never deliver one item at the same time, and together deliver each once', async () => {
  const { outbox, put } = scene();
  const ids = Array.from({ length: 10 }, (_, position) => `item-${position}`);
  for (const id of ids) await put(id);
  const delivering = new Set<string>();
  const delivered: string[] = [];
  const overlaps: string[] = [];
  const deliver = async (item: TestItem): Promise<DeliveryOutcome> => {
    if (delivering.has(item.id)) overlaps.push(item.id);
    delivering.add(item.id);
    await new Promise((resolve) => setTimeout(resolve, 5));
    delivering.delete(item.id);
    delivered.push(item.id);
    return 'delivered';
  };
  const replicas = [outbox({ holder: 'replica-a' }), outbox({ holder: 'replica-b' })];
  const counts = await Promise.all(replicas.map((replica) => relayOf(replica, deliver).runDue()));
  expect(overlaps).toEqual([]);
  expect([...delivered].sort()).toEqual([...ids].sort());
  expect(counts[0]! + counts[1]!).toBe(10);
  expect(await outbox().backlog()).toEqual({ pending: 0, oldestSince: undefined });
});

test('a replica that died holding an item keeps it from others only until its lease runs out, and its late answer changes nothing', async () => {
  const { outbox, put, read, clock } = scene();
  await put('stranded');
  const dead = outbox({ holder: 'dead' });
  const alive = outbox({ holder: 'alive' });
  const [held] = await dead.lease(10, 30_000);
  expect(held?.id).toBe('stranded');
  expect(await alive.lease(10, 30_000)).toEqual([]);
  clock.now += 29_999;
  expect(await alive.lease(10, 30_000)).toEqual([]);

  clock.now += 1;
  const [taken] = await alive.lease(10, 30_000);
  expect(taken?.id).toBe('stranded');
  // The first replica comes back and reports success: the item is no longer its to settle.
  await dead.settle(held!);
  expect(await read('stranded')).toMatchObject({ leaseHolder: 'alive' });
  await alive.settle(taken!);
  expect(await read('stranded')).toBeUndefined();
});

test('a failed delivery is counted and due again after a backoff that doubles from a second, with jitter, up to the cap', async () => {
  const { outbox, put, read, clock } = scene();
  await put('refused');
  const answers: DeliveryOutcome[] = ['failed', 'failed', 'delivered'];
  const relay = relayOf(outbox(), async () => answers.shift()!);

  expect(await relay.runDue()).toBe(0);
  // With the jitter at its top: 1 s after the first failure.
  expect(await read('refused')).toMatchObject({ attempts: 1, notBefore: clock.now + 1_000 });
  expect(await read('refused')).not.toHaveProperty('leaseHolder');
  clock.now += 999;
  expect(await relay.runDue()).toBe(0);
  expect(answers).toHaveLength(2);

  clock.now += 1;
  expect(await relay.runDue()).toBe(0);
  expect(await read('refused')).toMatchObject({ attempts: 2, notBefore: clock.now + 2_000 });
  clock.now += 2_000;
  expect(await relay.runDue()).toBe(1);
  expect(await read('refused')).toBeUndefined();

  // Between half and all of the ceiling, which stops doubling at the cap.
  expect([outboxRetryDelay(0, 30_000, () => 0), outboxRetryDelay(0, 30_000, () => 1)]).toEqual([500, 1_000]);
  expect([outboxRetryDelay(3, 30_000, () => 0), outboxRetryDelay(3, 30_000, () => 1)]).toEqual([
    4_000, 8_000,
  ]);
  expect([outboxRetryDelay(50, 30_000, () => 0), outboxRetryDelay(50, 30_000, () => 1)]).toEqual([
    15_000, 30_000,
  ]);
});

test('an item whose target is gone is dropped, not retried, and counted as gone', async () => {
  const { outbox, put, read } = scene();
  await put('orphan');
  await put('kept');
  const registry = new Registry();
  const relay = relayOf(outbox(), async (item) => (item.id === 'orphan' ? 'gone' : 'delivered'), registry);
  expect(await relay.runDue()).toBe(1);
  expect(await read('orphan')).toBeUndefined();
  expect(await outbox().backlog()).toEqual({ pending: 0, oldestSince: undefined });
  const text = await registry.metrics();
  expect(text).toContain('outbox_deliveries_total{outbox="reports",outcome="gone"} 1');
  expect(text).toContain('outbox_deliveries_total{outbox="reports",outcome="delivered"} 1');
});

test('an item that changed while it was delivered stays for the next delivery, due at once; one kept as a record leaves only the outbox', async () => {
  const { outbox, put, read } = scene();
  await put('busy', { version: 1, note: 'kept' });
  const versioned = outbox({ settle: { keep: true }, settleIfUnchanged: ['version'] });
  const sent: number[] = [];
  const relay = relayOf(versioned, async (item) => {
    sent.push(item.version!);
    // A newer change lands while the first one is on its way.
    if (item.version === 1)
      await store.documents.send(
        new UpdateCommand({
          TableName: tableName,
          Key: { pk: item.pk, sk: item.sk },
          UpdateExpression: 'ADD version :one',
          ExpressionAttributeValues: { ':one': 1 },
        }),
      );
    return 'delivered';
  });
  await relay.runDue();
  expect(sent).toEqual([1]);
  expect(await read('busy')).not.toHaveProperty('leaseHolder');
  await relay.runDue();
  expect(sent).toEqual([1, 2]);
  // Out of the outbox, the item itself stays.
  const left = await read('busy');
  expect(left).toMatchObject({ id: 'busy', version: 2, note: 'kept' });
  expect(left).not.toHaveProperty('gsi1pk');
  expect(left).not.toHaveProperty('leaseUntil');
});

test('every outbox of a service shows how many items wait and how old the oldest is, by name', async () => {
  const first = scene(Date.now() - 120_000);
  const second = scene(Date.now());
  await first.put('old');
  await first.put('older');
  const registry = new Registry();
  relayOf(first.outbox(), async () => 'failed', registry);
  createOutboxRelay<TestItem>({
    name: 'share-signals',
    store: second.outbox(),
    deliver: async () => 'delivered',
    logger: captureLogs('test').logger,
    registry,
    pollMs: 60_000,
  });
  const metrics = await registry.getMetricsAsJSON();
  const values = (name: string) =>
    Object.fromEntries(
      (metrics.find((metric) => metric.name === name)?.values ?? []).map((value) => [
        value.labels['outbox'],
        value.value,
      ]),
    );
  expect(values('outbox_pending')).toEqual({ reports: 2, 'share-signals': 0 });
  expect(values('outbox_oldest_age_seconds')['reports']).toBeGreaterThanOrEqual(120);
  expect(values('outbox_oldest_age_seconds')['share-signals']).toBe(0);
});

async function refused(write: Promise<unknown>): Promise<boolean> {
  try {
    await write;
    return false;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return true;
    throw error;
  }
}

test('through a rolling deploy, leases of the earlier relays and of the kit exclude each other', async () => {
  const { outbox, put, clock } = scene();
  // Leased by an earlier purge or moderation relay (the due time pushed on) and by an earlier
  // report or signal relay (a holder and `leaseUntil`): the kit's relay leaves both alone.
  await put('due-time-lease', { notBefore: clock.now + 60_000 });
  await put('holder-lease', { leaseHolder: 'earlier', leaseUntil: clock.now + 30_000 });
  await put('free');
  const leased = await outbox().lease(10, 30_000);
  expect(leased.map((item) => item.id)).toEqual(['free']);

  // Leased by the kit's relay: each earlier relay's lease condition refuses it.
  const key = { pk: 'ITEM#free', sk: 'ITEM' };
  const lease = (condition: string, values: Record<string, unknown>) =>
    store.documents.send(
      new UpdateCommand({
        TableName: tableName,
        Key: key,
        UpdateExpression: 'SET leaseHolder = :holder, leaseUntil = :until, notBefore = :until',
        ConditionExpression: condition,
        ExpressionAttributeValues: { ':holder': 'earlier', ':until': clock.now + 30_000, ...values },
      }),
    );
  // Purges: the due time as the earlier relay read it from the index (0: never tried).
  expect(await refused(lease('notBefore = :seen', { ':seen': 0 }))).toBe(true);
  // Moderation actions: due now.
  expect(await refused(lease('notBefore <= :now', { ':now': clock.now }))).toBe(true);
  // Reports and share signals: no lease, or an expired one.
  expect(
    await refused(lease('attribute_not_exists(leaseUntil) OR leaseUntil <= :now', { ':now': clock.now })),
  ).toBe(true);
});

test('while items wait, the relay logs the backlog line the ECS alarm reads: a warning once past the outbox limit', async () => {
  const stuck = scene(Date.now() - 660_000);
  await stuck.put('stuck');
  const { logger, lines } = captureLogs('sharing');
  const relay = createOutboxRelay<TestItem>({
    name: 'reports',
    // Never anything due: the item stays where it is.
    store: { ...stuck.outbox(), lease: async () => [] },
    deliver: async () => 'delivered',
    logger,
    registry: new Registry(),
    pollMs: 60_000,
    backlogReportMs: 50,
  });
  relay.start();
  try {
    await eventually(async () => {
      const line = lines.find((entry) => entry['msg'] === outboxBacklogReport.message);
      expect(line).toMatchObject({ service: 'sharing', outbox: 'reports', pending: 1, level: 'warn' });
      // Eleven minutes against the reports outbox's ten.
      expect(line?.['oldestAgeSeconds']).toBeGreaterThanOrEqual(660);
      expect(line?.['overdueSeconds']).toBeGreaterThanOrEqual(60);
    });
  } finally {
    await relay.stop();
  }
});
