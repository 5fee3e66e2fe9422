import { type Server, createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import {
  createMetrics,
  createServiceApp,
  dependencyFaults,
  dependencyUnavailable,
  serve,
  type RunningService,
} from '@what-if/kit';
import { createDynamo, type DynamoStore, ensureTables } from '@what-if/kit/dynamodb';
import { createPostgres } from '@what-if/kit/postgres';
import { createRedis } from '@what-if/kit/redis';
import { captureLogs } from '../../../test/support/logs';
import {
  type TestDynamo,
  createTestDatabase,
  deadPort,
  startTestDynamo,
  type TestDatabase,
} from '../../../test/support/stores';

const logs = captureLogs('kit-test');

async function rejection(work: Promise<unknown>): Promise<unknown> {
  try {
    await work;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}

/** A server that takes connections and never says a word: a hung store. */
async function silentServer(): Promise<Server & { port: number }> {
  const server = createServer(() => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return Object.assign(server, { port: (server.address() as AddressInfo).port });
}

describe('each store marks the errors that say it did not answer, and only those', () => {
  let dynamo: TestDynamo;
  let database: TestDatabase;

  beforeAll(async () => {
    dynamo = await startTestDynamo();
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await dynamo?.close();
    await database?.drop();
  });

  test('dynamodb: refused connections, after the retries', async () => {
    const store = createDynamo({
      endpoint: `http://127.0.0.1:${await deadPort()}`,
      region: 'us-east-1',
      tables: ['things'],
    });
    try {
      const error = await rejection(
        store.documents.send(new GetCommand({ TableName: 'things', Key: { pk: 'a' } })),
      );
      expect(dependencyUnavailable(error)).toBe('dynamodb');
    } finally {
      await store.close();
    }
  });

  test('dynamodb: an endpoint that accepts and never answers fails within the request timeout', async () => {
    const hung = await silentServer();
    const store = createDynamo({
      endpoint: `http://127.0.0.1:${hung.port}`,
      region: 'us-east-1',
      tables: ['things'],
      requestTimeoutMs: 200,
    });
    try {
      const error = await rejection(
        store.documents.send(new GetCommand({ TableName: 'things', Key: { pk: 'a' } })),
      );
      expect(dependencyUnavailable(error)).toBe('dynamodb');
    } finally {
      await store.close();
      hung.close();
    }
  });

  test('dynamodb: a missing table is unavailable; a refused condition is an answer, not a fault', async () => {
    const store = createDynamo({ endpoint: dynamo.endpoint, region: 'us-east-1', tables: [] });
    try {
      const missing = await rejection(
        store.documents.send(new GetCommand({ TableName: `${dynamo.tablePrefix}none`, Key: { pk: 'a' } })),
      );
      expect(dependencyUnavailable(missing)).toBe('dynamodb');

      await ensureTables(store.client, dynamo.tablePrefix, [
        { name: 'things', partitionKey: { name: 'pk', type: 'S' } },
      ]);
      const put = (item: Record<string, string>) =>
        store.documents.send(
          new PutCommand({
            TableName: `${dynamo.tablePrefix}things`,
            Item: item,
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        );
      await put({ pk: 'a' });
      const refused = await rejection(put({ pk: 'a' }));
      expect((refused as Error).name).toBe('ConditionalCheckFailedException');
      expect(dependencyUnavailable(refused)).toBeUndefined();
    } finally {
      await store.close();
    }
  });

  test('postgres: no server, through pool.query and pool.connect; a bad statement is not a fault', async () => {
    const options = {
      maxConnections: 2,
      connectTimeoutMs: 1_000,
      statementTimeoutMs: 1_000,
      applicationName: 'kit-test',
    };
    const down = createPostgres(
      { ...options, connectionString: `postgres://whatif:whatif@127.0.0.1:${await deadPort()}/none` },
      logs.logger,
    );
    const up = createPostgres({ ...options, connectionString: database.url }, logs.logger);
    try {
      expect(dependencyUnavailable(await rejection(down.pool.query('SELECT 1')))).toBe('postgres');
      expect(dependencyUnavailable(await rejection(down.pool.connect()))).toBe('postgres');
      const bad = await rejection(up.pool.query('SELECT * FROM no_such_table'));
      expect((bad as { code?: string }).code).toBe('42P01');
      expect(dependencyUnavailable(bad)).toBeUndefined();
    } finally {
      await down.close();
      await up.close();
    }
  });

  test('redis: commands and pipelines while it cannot be reached', async () => {
    const store = createRedis(
      { url: `redis://127.0.0.1:${await deadPort()}`, keyPrefix: 'kit-test:' },
      logs.logger,
    );
    try {
      expect(dependencyUnavailable(await rejection(store.client.get('key')))).toBe('redis');
      const pipelined = await rejection(store.client.multi().incr('a').expire('a', 60).exec());
      expect(dependencyUnavailable(pipelined)).toBe('redis');
    } finally {
      await store.close();
    }
  });
});

describe('a service whose store does not answer', () => {
  const serviceLogs = captureLogs('kit-test');
  let store: DynamoStore;
  let running: RunningService;

  beforeAll(async () => {
    store = createDynamo({
      endpoint: `http://127.0.0.1:${await deadPort()}`,
      region: 'us-east-1',
      tables: ['things'],
    });
    const app = createServiceApp({
      logger: serviceLogs.logger,
      metrics: createMetrics('kit-test'),
      identity: undefined,
      openapiPath: path.join(__dirname, 'fixtures', 'items.openapi.yaml'),
      validateResponses: true,
      routes: (router) => {
        router.get('/items/:id', async (req, res) => {
          if (req.params['id'] !== 'stored') {
            res.json({ id: req.params['id'] });
            return;
          }
          const found = await store.documents.send(
            new GetCommand({ TableName: 'things', Key: { pk: req.params['id'] } }),
          );
          res.json({ id: String(found.Item?.['pk']) });
        });
      },
    });
    running = await serve({
      name: 'kit-test',
      app,
      host: '127.0.0.1',
      port: 0,
      logger: serviceLogs.logger,
      stores: [store],
      shutdown: { delayMs: 0, timeoutMs: 1000 },
      handleSignals: false,
    });
  });

  afterAll(async () => {
    await running?.stop();
  });

  test('answers 503 naming the store, not its address, with Retry-After; logs it once; counts each', async () => {
    const answers = [];
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const response = await fetch(`${running.url}/items/stored`, {
        headers: { 'x-request-id': `unavailable-${attempt}` },
      });
      answers.push({
        status: response.status,
        type: response.headers.get('content-type'),
        retryAfter: response.headers.get('retry-after'),
        text: await response.text(),
      });
    }
    for (const [attempt, answer] of answers.entries()) {
      expect(answer).toMatchObject({ status: 503, retryAfter: '5' });
      expect(answer.type).toContain('application/problem+json');
      expect(JSON.parse(answer.text)).toMatchObject({
        type: '/problems/dynamodb-unavailable',
        status: 503,
        dependency: 'dynamodb',
        requestId: `unavailable-${attempt}`,
      });
      expect(answer.text).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|localhost/);
    }

    const errors = serviceLogs.lines.filter((line) => line['level'] === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ dependency: 'dynamodb' });
    expect(String(errors[0]?.['msg'])).toContain('dynamodb');
    const requests = serviceLogs.lines.filter((line) => line['msg'] === 'request' && line['status'] === 503);
    expect(requests).toHaveLength(3);
    expect(requests.every((line) => line['level'] === 'warn' && line['dependency'] === 'dynamodb')).toBe(
      true,
    );

    const metrics = await (await fetch(`${running.url}/metrics`)).text();
    expect(metrics).toMatch(/^dependency_unavailable_total\{dependency="dynamodb",service="kit-test"\} 3$/m);
  });

  test('its readiness says which store is down, and routes that do not need the store keep working', async () => {
    const ready = await fetch(`${running.url}/health/ready`);
    expect(ready.status).toBe(503);
    const body = (await ready.json()) as { details: Record<string, { status: string }> };
    expect(body.details['dynamodb']?.status).toBe('down');

    const other = await fetch(`${running.url}/items/plain`);
    expect(other.status).toBe(200);
    expect(await other.json()).toEqual({ id: 'plain' });
  });
});

test('an outage is logged once per burst: again only after 30 s without a failure', async () => {
  const burstLogs = captureLogs('kit-test');
  let now = 0;
  const faults = dependencyFaults(burstLogs.logger, undefined, () => now);
  // The captured lines arrive through a stream: let its writes land before reading them.
  const logged = async () => {
    await new Promise((resolve) => setImmediate(resolve));
    return burstLogs.lines.filter((line) => line['level'] === 'error').map((line) => line['dependency']);
  };
  for (const at of [0, 1_000, 20_000, 45_000]) {
    now = at;
    faults.record('dynamodb', new Error('connect ECONNREFUSED'));
  }
  expect(await logged()).toEqual(['dynamodb']);
  now = 46_000;
  faults.record('redis', new Error('Connection is closed.'));
  expect(await logged()).toEqual(['dynamodb', 'redis']);
  now = 76_000;
  faults.record('dynamodb', new Error('connect ECONNREFUSED'));
  expect(await logged()).toEqual(['dynamodb', 'redis', 'dynamodb']);
});
