import { type StoreKind, service } from '@what-if/catalog';
import { type ServiceDefinition, type StartedService, startService } from '@what-if/kit';
import { eventually } from './eventually';
import { type Relay, startRelay } from './relay';
import { createTestDatabase, createTestRedisPrefix, startTestDynamo, testRedisUrl } from './stores';
import { testServiceIdentity } from './service-identity';

export interface TestStores {
  /** Variables pointing the service at this run's own database, key prefix and tables. */
  env: Record<string, string>;
  /** One relay per store, to take that store down and bring it back. */
  relays: Partial<Record<StoreKind, Relay>>;
  cleanup(): Promise<void>;
}

/**
 * Real stores for one service, each behind a relay: a database of its own on the shared
 * PostgreSQL, a key prefix of its own on the shared Redis, an in-process dynalite.
 */
export async function provisionStores(stores: readonly StoreKind[]): Promise<TestStores> {
  const env: Record<string, string> = {};
  const relays: Partial<Record<StoreKind, Relay>> = {};
  const cleanups: Array<() => Promise<void>> = [];
  if (stores.includes('postgres')) {
    const database = await createTestDatabase();
    const url = new URL(database.url);
    const relay = await startRelay(url.hostname, Number(url.port || 5432));
    url.host = `127.0.0.1:${relay.port}`;
    env['DATABASE_URL'] = url.toString();
    relays.postgres = relay;
    cleanups.push(
      () => relay.close(),
      () => database.drop(),
    );
  }
  if (stores.includes('redis')) {
    const prefix = createTestRedisPrefix();
    const target = new URL(testRedisUrl);
    const relay = await startRelay(target.hostname, Number(target.port || 6379));
    env['REDIS_URL'] = `redis://127.0.0.1:${relay.port}`;
    env['REDIS_KEY_PREFIX'] = prefix.prefix;
    relays.redis = relay;
    cleanups.push(
      () => relay.close(),
      () => prefix.cleanup(),
    );
  }
  if (stores.includes('dynamodb')) {
    const dynamo = await startTestDynamo();
    const target = new URL(dynamo.endpoint);
    const relay = await startRelay(target.hostname, Number(target.port));
    env['DYNAMODB_ENDPOINT'] = `http://127.0.0.1:${relay.port}`;
    env['DYNAMODB_TABLE_PREFIX'] = dynamo.tablePrefix;
    env['DYNAMODB_CREATE_TABLES'] = 'true';
    relays.dynamodb = relay;
    cleanups.push(
      () => relay.close(),
      () => dynamo.close(),
    );
  }
  return {
    env,
    relays,
    async cleanup() {
      for (const cleanup of cleanups) await cleanup().catch(() => undefined);
    },
  };
}

/** The variables every in-process test service gets: a free port, quiet logs, no drain delay. */
export const inProcessEnv = {
  NODE_ENV: 'test',
  HOST: '127.0.0.1',
  PORT: '0',
  LOG_LEVEL: 'silent',
  SHUTDOWN_DELAY_MS: '0',
  SHUTDOWN_TIMEOUT_MS: '2000',
};

async function getJson(
  url: string,
): Promise<{ status: number; type: string; body: Record<string, unknown> }> {
  const response = await fetch(url);
  return {
    status: response.status,
    type: response.headers.get('content-type') ?? '',
    body: (await response.json()) as Record<string, unknown>,
  };
}

/** A request that needs a store: while that store is down it must answer 503 naming it. */
export interface StoreRead {
  method?: string;
  path: string;
  headers?: () => Record<string, string>;
  body?: unknown;
}

export interface ChassisOptions {
  /** For each store (where a route needs it and does not degrade without it), a request that reads it. */
  storeReads?: Partial<Record<StoreKind, StoreRead>>;
  /** Stores the service serves without, degraded: readiness names them down and stays 200. */
  degradesWithout?: readonly StoreKind[];
}

/**
 * What every service must do on the chassis, run against its real stores: answer
 * live, ready, metrics and its contract; report 503 naming a store while it is down
 * (in readiness, and on a route that needs it, while routes that do not keep working)
 * and recover once it is back.
 */
export function describeServiceChassis(definition: ServiceDefinition, options: ChassisOptions = {}): void {
  const entry = service(definition.name);

  describe(`${entry.name} service on the chassis`, () => {
    let stores: TestStores;
    let running: StartedService<unknown>;

    beforeAll(async () => {
      stores = await provisionStores(entry.stores);
      running = await startService(definition, {
        env: { ...process.env, ...inProcessEnv, ...testServiceIdentity(entry.name), ...stores.env },
      });
      // Stores connect in the background after start; readiness is what says when they have.
      await eventually(async () =>
        expect((await fetch(`${running.url}${entry.health.ready}`)).status).toBe(200),
      );
    });

    afterAll(async () => {
      await running?.stop();
      await stores?.cleanup();
    });

    test('liveness answers 200 while the process runs', async () => {
      const live = await getJson(`${running.url}${entry.health.live}`);
      expect(live.status).toBe(200);
      expect(live.body['status']).toBe('ok');
    });

    test(`readiness answers 200 with a check of each store it needs (${entry.stores.join(', ')})`, async () => {
      const ready = await getJson(`${running.url}${entry.health.ready}`);
      expect(ready.status).toBe(200);
      expect(Object.keys(ready.body['checks'] as object).sort()).toEqual([...entry.stores].sort());
    });

    test('metrics expose process metrics and the request histogram by route template', async () => {
      await fetch(`${running.url}/openapi.json`);
      const text = await (await fetch(`${running.url}/metrics`)).text();
      expect(text).toContain('process_resident_memory_bytes');
      expect(text).toMatch(
        new RegExp(
          `http_request_duration_seconds_count\\{service="${entry.name}",method="GET",route="/openapi.json",status_code="200"\\} \\d+`,
        ),
      );
    });

    test('serves its OpenAPI document with the kit paths merged in', async () => {
      const document = await getJson(`${running.url}/openapi.json`);
      expect(document.status).toBe(200);
      expect(String(document.body['openapi'])).toMatch(/^3\./);
      expect(Object.keys(document.body['paths'] as object)).toEqual(
        expect.arrayContaining(['/health/live', '/health/ready', '/metrics', '/openapi.json']),
      );
    });

    test('an unknown path answers a 404 problem+json with the request id', async () => {
      const response = await fetch(`${running.url}/no/such/path`, {
        headers: { 'x-request-id': 'chassis-test-0001' },
      });
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      const problem = (await response.json()) as Record<string, unknown>;
      expect(problem).toMatchObject({
        status: 404,
        type: '/problems/not-found',
        requestId: 'chassis-test-0001',
      });
    });

    for (const store of entry.stores.filter((kind) => options.degradesWithout?.includes(kind))) {
      test(`readiness stays 200 while ${store} is down (the service degrades without it), naming it down`, async () => {
        const relay = stores.relays[store];
        if (!relay) throw new Error(`no relay for ${store}`);
        await relay.stop();
        try {
          await eventually(async () => {
            const ready = await getJson(`${running.url}${entry.health.ready}`);
            expect(ready.status).toBe(200);
            expect((ready.body['checks'] as Record<string, unknown>)[store]).toMatchObject({
              status: 'down',
              degraded: true,
            });
          });
        } finally {
          await relay.start();
        }
        await eventually(async () => {
          const ready = await getJson(`${running.url}${entry.health.ready}`);
          expect((ready.body['checks'] as Record<string, { status: string }>)[store]?.status).toBe('up');
        }, 15_000);
      });
    }

    for (const store of entry.stores.filter((kind) => !options.degradesWithout?.includes(kind))) {
      test(`readiness is 503 naming ${store} while it is down, and 200 again once it is back`, async () => {
        const relay = stores.relays[store];
        if (!relay) throw new Error(`no relay for ${store}`);
        await relay.stop();
        try {
          const down = await eventually(async () => {
            const ready = await getJson(`${running.url}${entry.health.ready}`);
            expect(ready.status).toBe(503);
            return ready;
          });
          const details = down.body['details'] as Record<string, { status: string }>;
          expect(details[store]?.status).toBe('down');
          const read = options.storeReads?.[store];
          if (read) {
            const response = await fetch(`${running.url}${read.path}`, {
              method: read.method ?? 'GET',
              headers: {
                ...(read.body === undefined ? {} : { 'content-type': 'application/json' }),
                ...read.headers?.(),
              },
              ...(read.body === undefined ? {} : { body: JSON.stringify(read.body) }),
            });
            const text = await response.text();
            expect({ status: response.status, retryAfter: response.headers.get('retry-after') }).toEqual({
              status: 503,
              retryAfter: expect.stringMatching(/^\d+$/),
            });
            expect(response.headers.get('content-type')).toContain('application/problem+json');
            expect(JSON.parse(text)).toMatchObject({
              type: `/problems/${store}-unavailable`,
              dependency: store,
            });
            // The store is named, never where it lives.
            expect(text).not.toMatch(/127\.0\.0\.1|localhost|:\d{4,5}\b/);
            expect((await fetch(`${running.url}/openapi.json`)).status).toBe(200);
            const metrics = await (await fetch(`${running.url}/metrics`)).text();
            expect(metrics).toMatch(
              new RegExp(`^dependency_unavailable_total\\{dependency="${store}"[^}]*\\} [1-9]`, 'm'),
            );
          }
        } finally {
          await relay.start();
        }
        await eventually(async () => {
          const ready = await getJson(`${running.url}${entry.health.ready}`);
          expect(ready.status).toBe(200);
        }, 15_000);
        // What the readiness-flapping alert reads: down and back up again are two changes.
        const text = await (await fetch(`${running.url}/metrics`)).text();
        expect(text).toMatch(new RegExp(`^readiness_ready\\{service="${entry.name}"\\} 1$`, 'm'));
        const changes = /^readiness_changes_total\{[^}]*\} (\d+)$/m.exec(text);
        expect(Number(changes?.[1])).toBeGreaterThanOrEqual(2);
      });
    }
  });
}
