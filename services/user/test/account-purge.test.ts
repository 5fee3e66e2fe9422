import { type IncomingMessage, type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ServiceName } from '@what-if/catalog';
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

let history: FakeReceiver;
let sharing: FakeReceiver;
let harness: UserServiceHarness;
let call: ApiCall;

beforeAll(async () => {
  history = await startFakeReceiver('history');
  sharing = await startFakeReceiver('sharing');
  harness = await startUserService({
    HISTORY_SERVICE_URL: history.url,
    SHARING_SERVICE_URL: sharing.url,
    PURGE_RELAY_POLL_MS: '200',
  });
  call = apiClient(harness.service.url);
});

afterAll(async () => {
  await harness?.close();
  await history?.close();
  await sharing?.close();
});

async function metric(name: string): Promise<number> {
  const text = await (await fetch(`${harness.service.url}/metrics`)).text();
  const line = text.split('\n').find((candidate) => new RegExp(`^${name}(\\{[^}]*\\})? `).test(candidate));
  return Number(line?.split(' ').at(-1));
}

test('a deleted account reaches history and sharing, each once it is up, though both were down when it was deleted', async () => {
  const account = await register(call);
  history.down = true;
  sharing.down = true;
  const deleted = await call('DELETE', '/api/v1/users/me', { token: account.accessToken });
  expect(deleted.status).toBe(204);

  // Recorded before the delete answered, tried at once, and kept while the receivers refuse.
  await eventually(async () => {
    expect(history.purges.some((purge) => purge.status === 503)).toBe(true);
    expect(sharing.purges.some((purge) => purge.status === 503)).toBe(true);
  });
  const kept = await harness.database.query('SELECT kind, subject_id, pending_receivers FROM purge_outbox');
  expect(kept.rows).toEqual([
    { kind: 'account', subject_id: account.user.id, pending_receivers: ['history', 'sharing'] },
  ]);
  expect(await metric('purge_outbox_pending')).toBe(1);
  expect(await metric('purge_outbox_oldest_age_seconds')).toBeGreaterThanOrEqual(0);

  // History back first: sharing alone is still owed the instruction.
  history.down = false;
  await eventually(async () => {
    expect(history.purges.filter((purge) => purge.status === 204)).toHaveLength(1);
    const pending = await harness.database.query('SELECT pending_receivers FROM purge_outbox');
    expect(pending.rows).toEqual([{ pending_receivers: ['sharing'] }]);
  }, 15_000);

  sharing.down = false;
  await eventually(async () => {
    expect(sharing.purges.filter((purge) => purge.status === 204)).toHaveLength(1);
    expect((await harness.database.query('SELECT 1 FROM purge_outbox')).rowCount).toBe(0);
  }, 15_000);
  for (const receiver of [history, sharing]) {
    const delivered = receiver.purges.find((purge) => purge.status === 204)!;
    expect(delivered.caller).toBe('user');
    expect(delivered.body).toMatchObject({
      kind: 'account',
      subjectId: account.user.id,
      ownerId: account.user.id,
      origin: 'user',
    });
  }
  expect(history.purges.filter((purge) => purge.status === 204)).toHaveLength(1);
  expect(await metric('purge_outbox_pending')).toBe(0);
});
