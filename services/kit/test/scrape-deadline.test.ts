import type { AddressInfo } from 'node:net';
import express from 'express';
import { Pool } from 'pg';
import { createMetrics, metricsHandler, namedBacklogGauges, outboxMetrics } from '@what-if/kit';
import { eventually } from '../../../test/support/eventually';
import { captureLogs } from '../../../test/support/logs';
import { testPostgresUrl } from '../../../test/support/stores';
import { type SilentRelay, startSilentRelay } from '../../../test/support/silent-relay';
import { metricSample as sample } from '../../../test/support/metrics-text';

/**
 * Gauges read from a store when Prometheus scrapes (an outbox's backlog). A store that falls
 * silent with its connection open must not hold the scrape past Prometheus' scrape timeout: the
 * read is abandoned at the kit's deadline (3 s, well under the 10 s timeout), /metrics answers
 * with every other metric, the backlog gauges show NaN for that scrape, and the failed read is
 * counted and logged. Once the store speaks, the gauges have figures again.
 */
const logs = captureLogs('kit-test');
let relay: SilentRelay;
let db: Pool;
let server: ReturnType<express.Express['listen']>;
let base: string;

beforeAll(async () => {
  relay = await startSilentRelay(new URL(testPostgresUrl), 5432);
  db = new Pool({ connectionString: relay.url, max: 1 });
  db.on('error', () => undefined);
  await db.query('SELECT 1');
  const metrics = createMetrics('user');
  const backlog = async () => {
    const { rows } = await db.query<{ pending: number }>('SELECT 2::int AS pending');
    return { pending: rows[0]?.pending ?? 0, oldestSince: undefined };
  };
  outboxMetrics(metrics.registry).register('purges', backlog, (error) =>
    logs.logger.warn({ err: error, outbox: 'purges' }, 'the outbox backlog could not be read for a scrape'),
  );
  namedBacklogGauges({
    registry: metrics.registry,
    pending: { name: 'purge_outbox_pending', help: 'pending purges' },
    oldestAge: { name: 'purge_outbox_oldest_age_seconds', help: 'oldest purge' },
    backlog,
  });
  metrics.recordReadiness(true);
  const app = express();
  app.get('/metrics', metricsHandler(metrics));
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  relay?.silence(false);
  await db?.end().catch(() => undefined);
  await relay?.close();
  await new Promise((resolve) => server?.close(resolve));
});

async function scrape(): Promise<string> {
  const response = await fetch(`${base}/metrics`);
  expect(response.status).toBe(200);
  return response.text();
}

test('a silent store leaves the backlog gauges NaN and every other metric in the scrape; the failed read is counted and logged', async () => {
  const speaking = await scrape();
  expect(sample(speaking, 'outbox_pending', { outbox: 'purges' })).toBe(2);
  expect(sample(speaking, 'outbox_oldest_age_seconds', { outbox: 'purges' })).toBe(0);
  expect(sample(speaking, 'purge_outbox_pending')).toBe(2);

  relay.silence(true);
  const silent = await scrape();
  expect(sample(silent, 'outbox_pending', { outbox: 'purges' })).toBeNaN();
  expect(sample(silent, 'outbox_oldest_age_seconds', { outbox: 'purges' })).toBeNaN();
  expect(sample(silent, 'purge_outbox_pending')).toBeNaN();
  expect(sample(silent, 'purge_outbox_oldest_age_seconds')).toBeNaN();
  // Everything else of the replica is still there.
  expect(sample(silent, 'readiness_ready', { service: 'user' })).toBe(1);
  expect(sample(silent, 'process_resident_memory_bytes')).toBeGreaterThan(0);
  expect(sample(silent, 'nodejs_eventloop_lag_seconds')).toBeDefined();

  // This scrape's counters were read before the deadline passed; the next one shows the failures.
  const next = await scrape();
  expect(
    sample(next, 'metric_read_failures_total', { read: 'outbox purges', reason: 'timeout' }),
  ).toBeGreaterThanOrEqual(1);
  expect(
    sample(next, 'metric_read_failures_total', { read: 'purge_outbox_pending', reason: 'timeout' }),
  ).toBeGreaterThanOrEqual(1);
  expect(logs.lines.some((line) => line['msg'] === 'the outbox backlog could not be read for a scrape')).toBe(
    true,
  );

  relay.silence(false);
  await eventually(async () => {
    const again = await scrape();
    expect(sample(again, 'outbox_pending', { outbox: 'purges' })).toBe(2);
    expect(sample(again, 'purge_outbox_pending')).toBe(2);
  });
}, 30_000);

test('a read that fails outright is counted with reason error and leaves the gauges NaN', async () => {
  await db.query('SELECT 1');
  const metrics = createMetrics('user');
  outboxMetrics(metrics.registry).register('reports', () => Promise.reject(new Error('table missing')));
  const first = await metrics.registry.metrics();
  expect(sample(first, 'outbox_pending', { outbox: 'reports' })).toBeNaN();
  const second = await metrics.registry.metrics();
  expect(
    sample(second, 'metric_read_failures_total', { read: 'outbox reports', reason: 'error' }),
  ).toBeGreaterThanOrEqual(1);
});
