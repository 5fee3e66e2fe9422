import { DeleteCommand, GetCommand } from '@aws-sdk/lib-dynamodb';
import { makeScenario } from '../../../test/support/scenario-fixtures';
import { type HistoryHarness, startHistory } from './support/history-harness';

/**
 * Ownership when writes fail halfway or race: a scenario is its owner's only while both its
 * halves say so, a half-deleted one is invisible and a repeated delete finishes it, and a delete
 * never removes what someone else saved under the same id meanwhile.
 */

let history: HistoryHarness;

beforeAll(async () => {
  history = await startHistory();
});

afterAll(async () => {
  await history?.stop();
});

async function savedBy(token: string) {
  const scenario = makeScenario({});
  await history.save(token, scenario);
  return scenario;
}

const readAs = (token: string, id: string) => history.call('GET', `/api/v1/scenarios/${id}`, { token });
const readInternally = (id: string) => history.callAs('sharing', 'GET', `/internal/v1/scenarios/${id}`);

test('a half-deleted scenario (summary gone, body left) is invisible to everyone, and only its owner’s repeated delete removes the rest', async () => {
  const owner = history.newUser();
  const intruder = history.newUser();
  const scenario = await savedBy(owner.token);
  await history.removeItem(scenario.id, 'SUMMARY');

  expect((await readAs(owner.token, scenario.id)).status).toBe(404);
  expect((await readInternally(scenario.id)).status).toBe(404);
  const intruding = await history.call('DELETE', `/api/v1/scenarios/${scenario.id}`, {
    token: intruder.token,
  });
  expect(intruding.status).toBe(404);
  expect(await history.itemsOf(scenario.id)).toHaveLength(1);

  const finishing = await history.call('DELETE', `/api/v1/scenarios/${scenario.id}`, { token: owner.token });
  expect(finishing.status).toBe(204);
  expect(await history.itemsOf(scenario.id)).toEqual([]);
});

test('a scenario missing its body answers 404 to its owner and to other services, never a server error', async () => {
  const owner = history.newUser();
  const scenario = await savedBy(owner.token);
  await history.removeItem(scenario.id, 'BODY');
  expect((await readAs(owner.token, scenario.id)).status).toBe(404);
  expect((await readInternally(scenario.id)).status).toBe(404);
});

test('a delete cut off after its first item has already taken the scenario out of lists and reads', async () => {
  const { userId, token } = history.newUser();
  const scenario = await savedBy(token);
  let deletes = 0;
  const failingMidway = history.storeWith(async (command) => {
    if (command instanceof DeleteCommand && (deletes += 1) === 2) throw new Error('connection lost');
  });
  await expect(failingMidway.delete(userId, scenario.id)).rejects.toThrow('connection lost');

  expect((await readAs(token, scenario.id)).status).toBe(404);
  const list = await history.call<{ items: Array<{ id: string }> }>('GET', '/api/v1/scenarios', { token });
  expect(list.body.items.map((item) => item.id)).not.toContain(scenario.id);
  expect((await readInternally(scenario.id)).status).toBe(404);
  // What is left is found and removed by the owner's next delete.
  expect((await history.call('DELETE', `/api/v1/scenarios/${scenario.id}`, { token })).status).toBe(204);
  expect(await history.itemsOf(scenario.id)).toEqual([]);
});

test('an id freed and saved again by someone else while a delete was under way keeps the new owner’s scenario', async () => {
  const first = history.newUser();
  const second = history.newUser();
  const scenario = await savedBy(first.token);
  let raced = false;
  const racing = history.storeWith(async (command) => {
    if (!(command instanceof DeleteCommand) || raced) return;
    raced = true;
    // Between this delete's read and its first write, the owner deletes it elsewhere and the id is saved anew.
    expect(
      (await history.call('DELETE', `/api/v1/scenarios/${scenario.id}`, { token: first.token })).status,
    ).toBe(204);
    await history.save(second.token, scenario);
  });
  expect(await racing.delete(first.userId, scenario.id)).toBe(false);
  expect(await history.itemsOf(scenario.id)).toHaveLength(2);
  expect((await readAs(second.token, scenario.id)).status).toBe(200);
});

test('a body and a summary naming different owners (a save racing a delete) are not shared: other services read nothing, the first owner no longer reads it', async () => {
  const first = history.newUser();
  const second = history.newUser();
  const scenario = await savedBy(first.token);
  // The summary now says the second user owns it; the body still says the first.
  const summary = (await history.itemsOf(scenario.id)).find((item) => item['sk'] === 'SUMMARY')!;
  await history.putItem({ ...summary, ownerId: second.userId, gsi1pk: `OWNER#${second.userId}` });
  expect((await readInternally(scenario.id)).status).toBe(404);
  expect((await readAs(first.token, scenario.id)).status).toBe(404);
});

test('the store deletes nothing for a caller who owns no such scenario, and says so', async () => {
  const owner = history.newUser();
  const other = history.newUser();
  const scenario = await savedBy(owner.token);
  const store = history.storeWith(async () => undefined);
  expect(await store.delete(other.userId, scenario.id)).toBe(false);
  expect(await store.delete(owner.userId, '00000000-0000-4000-8000-000000000000')).toBe(false);
  expect(await history.itemsOf(scenario.id)).toHaveLength(2);
  expect((await readAs(owner.token, scenario.id)).status).toBe(200);
});

test('halves naming different owners: each owner’s delete removes only their own half', async () => {
  const first = history.newUser();
  const second = history.newUser();
  const scenario = await savedBy(first.token);
  const summary = (await history.itemsOf(scenario.id)).find((item) => item['sk'] === 'SUMMARY')!;
  await history.putItem({ ...summary, ownerId: second.userId, gsi1pk: `OWNER#${second.userId}` });

  const path = `/api/v1/scenarios/${scenario.id}`;
  expect((await history.call('DELETE', path, { token: first.token })).status).toBe(204);
  expect((await history.itemsOf(scenario.id)).map((item) => [item['sk'], item['ownerId']])).toEqual([
    ['SUMMARY', second.userId],
  ]);
  expect((await history.call('DELETE', path, { token: second.token })).status).toBe(204);
  expect(await history.itemsOf(scenario.id)).toEqual([]);
});

test('a cursor key the table accepts but never gives back stops the service with an error naming it', async () => {
  const losingWrites = history.storeWith(async (command) => {
    // As a table that acknowledges writes and loses them: every read of the key finds nothing.
    if (command instanceof GetCommand) command.input.Key = { pk: 'LOST#cursor-key', sk: 'LOST#cursor-key' };
  });
  await expect(losingWrites.deploymentCursorKey()).rejects.toThrow(
    'the cursor key was written but cannot be read back',
  );
});
