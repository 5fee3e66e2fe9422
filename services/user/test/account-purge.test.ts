import { type IncomingMessage, type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ServiceName, purgeReceivers, serviceUrlVariable } from '@what-if/catalog';
import { createServiceIdentity, readServiceKeys } from '@what-if/kit';
import { type ApiCall, apiClient, register } from '../../../test/support/api-client';
import { eventually } from '../../../test/support/eventually';
import { testServiceIdentity } from '../../../test/support/service-identity';
import { type UserServiceHarness, startUserService } from './support/user-service-harness';

/** A purge receiver (history, sharing) that checks the caller as the real one does, and can be down. */
interface FakeReceiver {
  url: string;
  down: boolean;
  /** Every purge that reached it: the status it answered and what it carried. */
  purges: Array<{ status: number; caller: string | undefined; body: Record<string, unknown> }>;
  close(): Promise<void>;
}

async function startFakeReceiver(name: ServiceName): Promise<FakeReceiver> {
  const keys = readServiceKeys(name, testServiceIdentity(name));
  const identity = createServiceIdentity(name, keys.keys!);
  const callerOf = (req: IncomingMessage) => {
    try {
      return identity.verify((req.headers.authorization ?? '').replace(/^Bearer /, ''));
    } catch {
      return undefined;
    }
  };
  const state = { down: true, purges: [] as FakeReceiver['purges'] };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const caller = callerOf(req);
      const status =
        req.url !== '/internal/v1/purges' ? 404 : caller !== 'user' ? 401 : state.down ? 503 : 204;
      state.purges.push({ status, caller, body: JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    get down() {
      return state.down;
    },
    set down(value) {
      state.down = value;
    },
    purges: state.purges,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Every receiver of account purges the catalog names (history, sharing, video, social). */
const receiverNames = purgeReceivers('account');
let receivers: Map<ServiceName, FakeReceiver>;
let harness: UserServiceHarness;
let call: ApiCall;

beforeAll(async () => {
  receivers = new Map();
  for (const name of receiverNames) receivers.set(name, await startFakeReceiver(name));
  harness = await startUserService({
    ...Object.fromEntries([...receivers].map(([name, receiver]) => [serviceUrlVariable(name), receiver.url])),
    PURGE_RELAY_POLL_MS: '200',
  });
  call = apiClient(harness.service.url);
});

afterAll(async () => {
  await harness?.close();
  for (const receiver of receivers?.values() ?? []) await receiver.close();
});

async function metric(name: string): Promise<number> {
  const text = await (await fetch(`${harness.service.url}/metrics`)).text();
  const line = text.split('\n').find((candidate) => new RegExp(`^${name}(\\{[^}]*\\})? `).test(candidate));
  return Number(line?.split(' ').at(-1));
}

test('a deleted account reaches every receiver, each once it is up, though all were down when it was deleted', async () => {
  expect(receiverNames).toEqual(expect.arrayContaining(['history', 'sharing']));
  const account = await register(call);
  for (const receiver of receivers.values()) receiver.down = true;
  const deleted = await call('DELETE', '/api/v1/users/me', { token: account.accessToken });
  expect(deleted.status).toBe(204);

  // Recorded before the delete answered, tried at once, and kept while the receivers refuse.
  await eventually(async () => {
    for (const receiver of receivers.values()) {
      expect(receiver.purges.some((purge) => purge.status === 503)).toBe(true);
    }
  });
  const kept = await harness.database.query('SELECT kind, subject_id, pending_receivers FROM purge_outbox');
  expect(kept.rows).toEqual([
    { kind: 'account', subject_id: account.user.id, pending_receivers: receiverNames },
  ]);
  expect(await metric('purge_outbox_pending')).toBe(1);
  expect(await metric('purge_outbox_oldest_age_seconds')).toBeGreaterThanOrEqual(0);

  // The first receiver back: only the others are still owed the instruction.
  const [first, ...rest] = receiverNames;
  receivers.get(first!)!.down = false;
  await eventually(async () => {
    expect(receivers.get(first!)!.purges.filter((purge) => purge.status === 204)).toHaveLength(1);
    const pending = await harness.database.query('SELECT pending_receivers FROM purge_outbox');
    expect(pending.rows).toEqual([{ pending_receivers: rest }]);
  }, 15_000);

  for (const name of rest) receivers.get(name)!.down = false;
  await eventually(async () => {
    for (const receiver of receivers.values()) {
      expect(receiver.purges.filter((purge) => purge.status === 204)).toHaveLength(1);
    }
    expect((await harness.database.query('SELECT 1 FROM purge_outbox')).rowCount).toBe(0);
  }, 15_000);
  for (const receiver of receivers.values()) {
    const delivered = receiver.purges.find((purge) => purge.status === 204)!;
    expect(delivered.caller).toBe('user');
    expect(delivered.body).toMatchObject({
      kind: 'account',
      subjectId: account.user.id,
      ownerId: account.user.id,
      origin: 'user',
    });
  }
  expect(await metric('purge_outbox_pending')).toBe(0);
});
