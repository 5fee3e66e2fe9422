import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { createPurgeRelay } from '@what-if/kit';
import { type DynamoStore, dynamoPurgeOutbox } from '@what-if/kit/dynamodb';
import { Registry } from 'prom-client';
import { captureLogs } from '../../../test/support/logs';
import { type CatalogTable, startCatalogTable } from './support/catalog-table';

let catalogTable: CatalogTable;
let store: DynamoStore;
let tableName: string;
// One clock for the file, only ever moved forward: what one test leased stays leased for the next.
let clock = Date.parse('2026-01-01T00:00:00.000Z');

beforeAll(async () => {
  catalogTable = await startCatalogTable();
  ({ store, tableName } = catalogTable);
});

afterAll(async () => {
  await catalogTable?.close();
});

function outbox() {
  return dynamoPurgeOutbox({ documents: store.documents, tableName, origin: 'history', now: () => clock });
}

/** Whatever an earlier test left, acknowledged by every receiver long after it was due. */
async function drain() {
  const everything = outbox();
  clock += 86_400_000;
  for (const pending of await everything.lease(1_000, 1)) {
    for (const receiver of pending.receivers) await everything.acknowledge(pending.instruction.id, receiver);
  }
}

test('an instruction is owed to its owner first and then to every receiver of its kind, until each acknowledges', async () => {
  await drain();
  const instruction = await outbox().record('scenario', 'scenario-1', 'user-1');
  expect(instruction).toMatchObject({
    kind: 'scenario',
    subjectId: 'scenario-1',
    ownerId: 'user-1',
    origin: 'history',
  });
  expect(await outbox().backlog()).toEqual({ pending: 1, oldestRequestedAt: new Date(clock) });

  const [leased] = await outbox().lease(10, 60_000);
  expect(leased?.instruction).toEqual(instruction);
  expect([...leased!.receivers].sort()).toEqual(['history', 'sharing', 'social', 'video']);

  for (const receiver of ['history', 'sharing', 'social'] as const)
    await outbox().acknowledge(instruction.id, receiver);
  expect((await outbox().backlog()).pending).toBe(1);
  await outbox().acknowledge(instruction.id, 'video');
  expect(await outbox().backlog()).toEqual({ pending: 0, oldestRequestedAt: undefined });
  // A late repeat of an acknowledgement changes nothing.
  await outbox().acknowledge(instruction.id, 'video');
  expect((await outbox().backlog()).pending).toBe(0);
});

test('replicas share the work: an instruction leased by one is skipped by the others until the lease or backoff ends', async () => {
  await drain();
  for (let index = 0; index < 6; index += 1) await outbox().record('scenario', `scenario-${index}`, 'user-1');
  const replicas = [outbox(), outbox(), outbox()];
  const leases = await Promise.all(replicas.map((replica) => replica.lease(10, 60_000)));
  const ids = leases.flat().map((pending) => pending.instruction.id);
  expect(ids).toHaveLength(6);
  expect(new Set(ids).size).toBe(6);
  expect(await outbox().lease(10, 60_000)).toEqual([]);

  // One failed delivery: due again after its backoff, with the attempt counted.
  await outbox().retryLater(ids[0]!, 2_000);
  clock += 1_000;
  expect(await outbox().lease(10, 60_000)).toEqual([]);
  clock += 1_001;
  const again = await outbox().lease(10, 60_000);
  expect(again.map((pending) => [pending.instruction.id, pending.attempts])).toEqual([[ids[0], 1]]);
  // The others come back once their lease (a replica that died mid-delivery) runs out.
  clock += 60_000;
  expect((await outbox().lease(10, 60_000)).length).toBe(6);
});

test("the relay applies the owner's own part before telling receivers, and keeps what a receiver refused", async () => {
  await drain();
  const { logger } = captureLogs('history');
  const applied: string[] = [];
  const instruction = await outbox().record('scenario', 'scenario-relay', 'user-2');
  const relay = createPurgeRelay({
    outbox: outbox(),
    // No clients: every other receiver fails, as an unreachable one does.
    clients: new Map(),
    local: {
      name: 'history',
      apply: async (sent) => {
        applied.push(sent.subjectId);
      },
    },
    logger,
    registry: new Registry(),
  });
  await relay.runOnce();
  expect(applied).toEqual(['scenario-relay']);
  clock += 3_600_000;
  const [left] = await outbox().lease(10, 60_000);
  expect(left?.instruction.id).toBe(instruction.id);
  expect([...left!.receivers].sort()).toEqual(['sharing', 'social', 'video']);
  expect(left?.attempts).toBe(1);
});

test('a record that outlived its last acknowledgement (a crash before its delete) is cleared, not delivered again', async () => {
  await drain();
  const instruction = await outbox().record('scenario', 'scenario-crash', 'user-3');
  // Every receiver acknowledged, as a replica did before dying ahead of the record's delete.
  await store.documents.send(
    new UpdateCommand({
      TableName: tableName,
      Key: { pk: `PURGE#${instruction.id}`, sk: 'PURGE' },
      UpdateExpression: 'REMOVE receivers',
    }),
  );
  expect((await outbox().backlog()).pending).toBe(0);
  expect(await outbox().lease(10, 60_000)).toEqual([]);
  const left = await store.documents.send(
    new GetCommand({ TableName: tableName, Key: { pk: `PURGE#${instruction.id}`, sk: 'PURGE' } }),
  );
  expect(left.Item).toBeUndefined();
});
