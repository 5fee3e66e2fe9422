import path from 'node:path';
import { Client } from 'pg';
import {
  createMetrics,
  createServiceApp,
  dependencyUnavailable,
  serve,
  type RunningService,
} from '@what-if/kit';
import { createPostgres, inTransaction, type PostgresStore } from '@what-if/kit/postgres';
import { eventually } from '../../../test/support/eventually';
import { captureLogs } from '../../../test/support/logs';
import { createTestDatabase, type TestDatabase } from '../../../test/support/stores';
import { startSilentRelay } from '../../../test/support/silent-relay';

/**
 * A PostgreSQL connection that drops while a request holds it (a transaction): the server ends
 * the backend (`pg_terminate_backend`, as a failover or an operator does) in this test's own
 * database. The request is answered 503 naming postgres, nothing it began stays written, the
 * process lives on, and the next request gets a fresh connection.
 */
const applicationName = 'kit-connection-loss';
const logs = captureLogs('kit-test');

async function rejection(work: Promise<unknown>): Promise<unknown> {
  try {
    await work;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}

let database: TestDatabase;
let admin: Client;
let store: PostgresStore;

/** The backend of the pool's connection that waits for a lock (mid-transaction), once there is one. */
async function backendWaitingForLock(): Promise<number> {
  return eventually(async () => {
    const { rows } = await admin.query<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity
        WHERE datname = current_database() AND application_name = $1 AND wait_event_type = 'Lock'`,
      [applicationName],
    );
    if (rows.length !== 1) throw new Error(`${rows.length} backends wait for the lock`);
    return rows[0]!.pid;
  });
}

/** Ends a backend and waits until it is gone, so its client has heard the connection close. */
async function terminate(pid: number): Promise<void> {
  await admin.query('SELECT pg_terminate_backend($1)', [pid]);
  await eventually(async () => {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_stat_activity WHERE pid = $1', [pid]);
    if (rowCount !== 0) throw new Error(`backend ${pid} still runs`);
  });
}

async function storedOrders(id: string): Promise<{ orders: number; lines: number }> {
  const { rows } = await admin.query<{ orders: number; lines: number }>(
    `SELECT (SELECT count(*)::int FROM orders WHERE id = $1) AS orders,
            (SELECT count(*)::int FROM order_lines WHERE order_id = $1) AS lines`,
    [id],
  );
  return rows[0]!;
}

/** Both tables in one transaction: an order without its lines is the half-write to avoid. */
async function storeOrder(id: string, lines: number): Promise<void> {
  await inTransaction(store.pool, async (db) => {
    await db.query('INSERT INTO orders (id) VALUES ($1)', [id]);
    for (let line = 1; line <= lines; line += 1) {
      await db.query('INSERT INTO order_lines (order_id, line) VALUES ($1, $2)', [id, line]);
    }
  });
}

beforeAll(async () => {
  database = await createTestDatabase();
  admin = new Client({ connectionString: database.url });
  await admin.connect();
  await admin.query('CREATE TABLE orders (id text PRIMARY KEY)');
  await admin.query('CREATE TABLE order_lines (order_id text NOT NULL, line int NOT NULL)');
  // One connection: were the dead one given back, the next request could only get that one.
  store = createPostgres(
    {
      connectionString: database.url,
      maxConnections: 1,
      connectTimeoutMs: 5_000,
      statementTimeoutMs: 30_000,
      applicationName,
    },
    logs.logger,
  );
});

afterAll(async () => {
  await store?.close();
  await admin?.end();
  await database?.drop();
});

describe('a transaction whose connection the server ends', () => {
  let running: RunningService;

  beforeAll(async () => {
    const app = createServiceApp({
      logger: logs.logger,
      metrics: createMetrics('kit-test'),
      identity: undefined,
      openapiPath: path.join(__dirname, 'fixtures', 'orders.openapi.yaml'),
      validateResponses: true,
      routes: (router) => {
        router.post('/orders', async (req, res) => {
          const { id, lines } = req.body as { id: string; lines: number };
          await storeOrder(id, lines);
          res.status(201).json({ id });
        });
      },
    });
    running = await serve({
      name: 'kit-test',
      app,
      host: '127.0.0.1',
      port: 0,
      logger: logs.logger,
      // The pool outlives this server: the tests below use it too.
      stores: [{ name: store.name, check: () => store.check(), close: async () => undefined }],
      shutdown: { delayMs: 0, timeoutMs: 1000 },
      handleSignals: false,
    });
  });

  afterAll(async () => {
    await running?.stop();
  });

  const order = (id: string) =>
    fetch(`${running.url}/orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id, lines: 2 }),
    });

  test('mid-statement: 503 naming postgres with Retry-After, nothing half-written, the next request 201', async () => {
    // Holding the lines table makes the request's transaction wait after it wrote the order.
    const locker = new Client({ connectionString: database.url });
    await locker.connect();
    try {
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE order_lines IN EXCLUSIVE MODE');
      const answered = order('first');
      await terminate(await backendWaitingForLock());
      const response = await answered;
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('5');
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(await response.json()).toMatchObject({
        type: '/problems/postgres-unavailable',
        status: 503,
        dependency: 'postgres',
      });
    } finally {
      await locker.query('ROLLBACK');
      await locker.end();
    }
    expect(await storedOrders('first')).toEqual({ orders: 0, lines: 0 });

    const retried = await order('first');
    expect(retried.status).toBe(201);
    expect(await storedOrders('first')).toEqual({ orders: 1, lines: 2 });
    const metrics = await (await fetch(`${running.url}/metrics`)).text();
    expect(metrics).toMatch(/^dependency_unavailable_total\{dependency="postgres",service="kit-test"\} 1$/m);
  });
});

describe('a checked-out client whose connection drops', () => {
  test("between statements: pg's error event is heard, the next statement fails marked, the pool opens a new connection", async () => {
    const failure = await rejection(
      inTransaction(store.pool, async (db) => {
        await db.query('INSERT INTO orders (id) VALUES ($1)', ['idle']);
        const { rows } = await db.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
        await terminate(rows[0]!.pid);
        await db.query('INSERT INTO order_lines (order_id, line) VALUES ($1, 1)', ['idle']);
      }),
    );
    expect(dependencyUnavailable(failure)).toBe('postgres');
    expect(await storedOrders('idle')).toEqual({ orders: 0, lines: 0 });
    expect(store.pool.totalCount).toBe(0);
    await storeOrder('idle', 1);
    expect(await storedOrders('idle')).toEqual({ orders: 1, lines: 1 });
  });

  test('released at once after its statement failed, it is not handed to the next caller', async () => {
    const client = await store.pool.connect();
    const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    const killed = rows[0]!.pid;
    const sleeping = rejection(client.query('SELECT pg_sleep(30)'));
    await eventually(async () => {
      const { rowCount } = await admin.query(
        `SELECT 1 FROM pg_stat_activity WHERE pid = $1 AND query LIKE 'SELECT pg_sleep%'`,
        [killed],
      );
      if (rowCount !== 1) throw new Error('the statement has not started');
    });
    await admin.query('SELECT pg_terminate_backend($1)', [killed]);
    const failure = await sleeping;
    // Given back the way code that knows nothing of the failure gives it back.
    client.release();
    expect(dependencyUnavailable(failure)).toBe('postgres');
    const next = await store.pool.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    expect(next.rows[0]!.pid).not.toBe(killed);
  });

  test("a statement the server refuses is the caller's error, and the connection stays in the pool", async () => {
    const failure = await rejection(
      inTransaction(store.pool, async (db) => {
        await db.query('INSERT INTO orders (id) VALUES ($1)', ['twice']);
        await db.query('INSERT INTO orders (id) VALUES ($1)', ['twice']);
      }),
    );
    expect((failure as { code?: string }).code).toBe('23505');
    expect(dependencyUnavailable(failure)).toBeUndefined();
    expect(store.pool.idleCount).toBe(1);
    expect(await storedOrders('twice')).toEqual({ orders: 0, lines: 0 });
  });
});

describe('a PostgreSQL that falls silent mid-transaction', () => {
  test('the statement fails marked after the statement timeout and its grace, not minutes later; nothing stays written', async () => {
    const relay = await startSilentRelay(new URL(database.url), 5432);
    const silent = createPostgres(
      {
        connectionString: relay.url,
        maxConnections: 1,
        connectTimeoutMs: 2_000,
        statementTimeoutMs: 200,
        applicationName,
      },
      logs.logger,
    );
    try {
      const failure = await rejection(
        inTransaction(silent.pool, async (db) => {
          await db.query('INSERT INTO orders (id) VALUES ($1)', ['silent']);
          relay.silence(true);
          await db.query('INSERT INTO order_lines (order_id, line) VALUES ($1, 1)', ['silent']);
        }),
      );
      expect((failure as Error).message).toBe('Query read timeout');
      expect(dependencyUnavailable(failure)).toBe('postgres');
      // The client went away with its connection, so the server rolled the transaction back.
      expect(silent.pool.totalCount).toBe(0);
      await eventually(async () => {
        const { rowCount } = await admin.query(
          `SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1 AND state LIKE 'idle in transaction%'`,
          [applicationName],
        );
        expect(rowCount).toBe(0);
      });
      expect(await storedOrders('silent')).toEqual({ orders: 0, lines: 0 });

      relay.silence(false);
      const answered = await silent.pool.query<{ one: number }>('SELECT 1 AS one');
      expect(answered.rows).toEqual([{ one: 1 }]);
    } finally {
      await silent.close();
      await relay.close();
    }
  });
});
