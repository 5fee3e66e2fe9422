import { type RunningService, type Store, serve } from '@what-if/kit';
import { captureLogs } from '../../../test/support/logs';

/**
 * A store the service serves without (the gateway's and generation's Redis) does not take a
 * replica out of the load balancer while it is away; a replica that starts waits a while for its
 * first answer, so it does not take traffic with counters its peers do not share.
 */
function switchable(name: string, degradesWithout = true): Store & { answering: boolean } {
  const store = {
    name,
    answering: false,
    degradesWithout,
    async check() {
      if (!store.answering) throw new Error(`${name} is away`);
    },
    async close() {},
  };
  return store;
}

const running: RunningService[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((service) => service.stop()));
});

async function start(store: Store, degradedStartGraceMs?: number): Promise<RunningService> {
  const service = await serve({
    name: 'kit-degraded',
    app: (_req, res) => res.end(),
    host: '127.0.0.1',
    port: 0,
    logger: captureLogs('kit-degraded').logger,
    stores: [store],
    shutdown: { delayMs: 0, timeoutMs: 1_000 },
    handleSignals: false,
    ...(degradedStartGraceMs === undefined ? {} : { degradedStartGraceMs }),
  });
  running.push(service);
  return service;
}

const ready = async (service: RunningService) => {
  const response = await fetch(`${service.url}/health/ready`);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

test('a replica whose store has answered once stays ready while it is away, naming it down and degraded', async () => {
  const redis = switchable('redis');
  redis.answering = true;
  const service = await start(redis);
  expect((await ready(service)).status).toBe(200);

  redis.answering = false;
  const away = await ready(service);
  expect(away.status).toBe(200);
  expect(away.body['checks']).toMatchObject({ redis: { status: 'down', degraded: true } });
});

test('a replica that starts while the store is away is not ready until it answers once', async () => {
  const redis = switchable('redis');
  const service = await start(redis);
  const starting = await ready(service);
  expect(starting.status).toBe(503);
  expect(JSON.stringify(starting.body)).toContain('redis is away');

  redis.answering = true;
  expect((await ready(service)).status).toBe(200);
  redis.answering = false;
  expect((await ready(service)).status).toBe(200);
});

test('past the start grace, a replica whose store never answered serves without it', async () => {
  const redis = switchable('redis');
  const service = await start(redis, 0);
  const answer = await ready(service);
  expect(answer.status).toBe(200);
  expect(answer.body['checks']).toMatchObject({ redis: { status: 'down', degraded: true } });
});

test('a store the service needs still makes it unready', async () => {
  const postgres = switchable('postgres', false);
  postgres.answering = true;
  const service = await start(postgres, 0);
  expect((await ready(service)).status).toBe(200);
  postgres.answering = false;
  expect((await ready(service)).status).toBe(503);
});
