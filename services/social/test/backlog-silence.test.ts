import { dynamoTableName, service } from '@what-if/catalog';
import { createLogger, createMetrics } from '@what-if/kit';
import { type DynamoStore, dynamoFromConfig } from '@what-if/kit/dynamodb';
import { type TestStores, provisionStores } from '../../../test/support/service-chassis';
import { type SilentRelay, startSilentRelay } from '../../../test/support/silent-relay';
import { metricSample as sample } from '../../../test/support/metrics-text';
import { eventually } from '../../../test/support/eventually';
import { registerBacklogMetrics } from '../src/backlog-metrics';

/**
 * Social's backlog gauges read the table when Prometheus scrapes. A table that falls silent (the
 * connection open, no answer; the SDK would wait up to 3 x 10 s) must not fail the replica's whole
 * scrape: the reads are abandoned at the kit's scrape deadline, the backlog gauges show NaN and
 * every other metric is there; the next scrape counts the abandoned reads.
 */
const logger = createLogger({ service: 'social-test', level: 'silent' });
let stores: TestStores;
let relay: SilentRelay;
let direct: DynamoStore;
let silent: DynamoStore;

beforeAll(async () => {
  stores = await provisionStores(['dynamodb']);
  const config = {
    DYNAMODB_ENDPOINT: stores.env['DYNAMODB_ENDPOINT']!,
    AWS_REGION: 'us-east-1',
    DYNAMODB_TABLE_PREFIX: stores.env['DYNAMODB_TABLE_PREFIX']!,
    DYNAMODB_CREATE_TABLES: true,
  };
  direct = await dynamoFromConfig(config, service('social').dynamoTables, logger);
  relay = await startSilentRelay(new URL(config.DYNAMODB_ENDPOINT), 80);
  silent = await dynamoFromConfig(
    { ...config, DYNAMODB_ENDPOINT: relay.url.replace(/\/$/, ''), DYNAMODB_CREATE_TABLES: false },
    service('social').dynamoTables,
    logger,
  );
});

afterAll(async () => {
  relay?.silence(false);
  await silent?.close();
  await relay?.close();
  await direct?.close();
  await stores?.cleanup();
});

test('a silent table leaves the backlog gauges NaN and the rest of the scrape whole', async () => {
  const metrics = createMetrics('social');
  metrics.recordReadiness(true);
  registerBacklogMetrics({
    registry: metrics.registry,
    table: {
      documents: silent.documents,
      tableName: dynamoTableName(stores.env['DYNAMODB_TABLE_PREFIX']!, 'social'),
    },
    logger,
  });
  const speaking = await metrics.registry.metrics();
  expect(sample(speaking, 'social_leaderboard_stale_users')).toBe(0);
  expect(sample(speaking, 'social_fanout_jobs_waiting')).toBe(0);

  relay.silence(true);
  const scraped = await metrics.registry.metrics();
  for (const gauge of [
    'social_leaderboard_stale_users',
    'social_leaderboard_stale_oldest_age_seconds',
    'social_fanout_jobs_waiting',
    'social_fanout_oldest_age_seconds',
    'social_fanout_followers_left',
  ]) {
    expect([gauge, sample(scraped, gauge)]).toEqual([gauge, Number.NaN]);
  }
  expect(sample(scraped, 'readiness_ready')).toBe(1);
  expect(sample(scraped, 'process_resident_memory_bytes')).toBeGreaterThan(0);

  const next = await metrics.registry.metrics();
  for (const read of ['social stale leaderboards', 'social fan-outs']) {
    expect(sample(next, 'metric_read_failures_total', { read, reason: 'timeout' })).toBeGreaterThanOrEqual(1);
  }

  // Once the table speaks, the held requests are answered and the gauges have figures again.
  relay.silence(false);
  await eventually(async () => {
    const again = await metrics.registry.metrics();
    expect(sample(again, 'social_leaderboard_stale_users')).toBe(0);
    expect(sample(again, 'social_fanout_jobs_waiting')).toBe(0);
  });
}, 30_000);
