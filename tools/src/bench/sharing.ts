/**
 * Measures what the sharing issue asks for: the share page's latency (p50/p99) through the
 * gateway, uncached (every page reads the scenario from history) and cached (history's answer
 * reused, as for a popular link), and the time to draw a preview image. The services run as
 * processes from their compiled code against an in-process dynalite and this machine's
 * PostgreSQL and Redis, in a database, key prefix and tables of the run's own, removed
 * afterwards. The scenario is written by the offline writer through the gateway, as a user
 * would. Run: make bench-sharing
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { type ServiceName, service } from '@what-if/catalog';
import { dropDatabase, ensureDatabase } from '../dev/database';
import { createCatalogTables, startDynalite } from '../dev/dynamo';
import { type ServiceProcess, startServiceProcess } from '../harness/service-process';
import { formatMs, percentile } from './percentiles';
import { removeScratchKeys } from './scratch-keys';

const postgresUrl = process.env['BENCH_POSTGRES_URL'] ?? 'postgres://whatif:whatif@127.0.0.1:5432/postgres';
const redisUrl = process.env['BENCH_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const samples = Number(process.env['BENCH_SAMPLES'] ?? 500);
const imageSamples = Number(process.env['BENCH_IMAGES'] ?? 20);

const suffix = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
const databaseUrl = (() => {
  const url = new URL(postgresUrl);
  url.pathname = `/whatif_bench_${suffix}`;
  return url.toString();
})();
const redisPrefix = `bench:${suffix}:`;
const tablePrefix = `bench-${suffix}-`;
const production = { NODE_ENV: 'production' };
const neverRefuse = {
  RATE_LIMIT_IP_PER_MINUTE: '1000000000',
  RATE_LIMIT_USER_PER_MINUTE: '1000000000',
  RATE_LIMIT_AUTH_PER_MINUTE: '1000000000',
  QUOTA_USER_PER_DAY: '1000000',
};
const browser =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36';

async function json(response: Response): Promise<Record<string, unknown>> {
  const body = (await response.json()) as Record<string, unknown>;
  if (!response.ok) throw new Error(`${response.status}: ${JSON.stringify(body)}`);
  return body;
}

/** Sequential GETs of one URL; the latency of each, in milliseconds. */
async function timeGets(url: string, count: number): Promise<number[]> {
  const latencies: number[] = [];
  for (let index = 0; index < count; index += 1) {
    const started = performance.now();
    const response = await fetch(url, { headers: { 'user-agent': browser } });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
    latencies.push(performance.now() - started);
  }
  return latencies;
}

function summary(label: string, latencies: readonly number[]): string {
  return `${label}: p50 ${formatMs(percentile(latencies, 0.5))}, p99 ${formatMs(percentile(latencies, 0.99))} (${latencies.length} sequential)`;
}

/** The sum and count of a histogram on a service's /metrics. */
async function histogram(url: string, name: string): Promise<{ sum: number; count: number }> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const read = (suffixName: string) =>
    Number(new RegExp(`^${name}_${suffixName}(?:\\{[^}]*\\})? (\\S+)$`, 'm').exec(text)?.[1] ?? 0);
  return { sum: read('sum'), count: read('count') };
}

async function main(): Promise<void> {
  const running: ServiceProcess[] = [];
  const dynamo = await startDynalite({ port: 0 });
  await ensureDatabase(databaseUrl, 5_000);
  try {
    await createCatalogTables(dynamo.endpoint, 'us-east-1', tablePrefix, [
      service('history'),
      service('sharing'),
    ]);
    const stores = {
      DYNAMODB_ENDPOINT: dynamo.endpoint,
      DYNAMODB_TABLE_PREFIX: tablePrefix,
      REDIS_URL: redisUrl,
    };
    const start = async (name: ServiceName, env: Record<string, string>) => {
      const started = await startServiceProcess(name, {
        keepLogs: false,
        env: { ...production, ...stores, REDIS_KEY_PREFIX: `${redisPrefix}${name}:`, ...env },
      });
      running.push(started);
      return started;
    };
    const user = await start('user', {
      DATABASE_URL: databaseUrl,
      JWT_SIGNING_KEY: generateKeyPairSync('ec', { namedCurve: 'P-256' })
        .privateKey.export({ type: 'pkcs8', format: 'pem' })
        .toString(),
    });
    const history = await start('history', { USER_SERVICE_URL: user.url });
    const generation = await start('generation', {
      ...neverRefuse,
      USER_SERVICE_URL: user.url,
      HISTORY_SERVICE_URL: history.url,
    });
    const startSharing = (cacheSeconds: number) =>
      start('sharing', {
        USER_SERVICE_URL: user.url,
        HISTORY_SERVICE_URL: history.url,
        SCENARIO_CACHE_SECONDS: String(cacheSeconds),
      });
    let sharing = await startSharing(0);
    const startGateway = (sharingUrl: string) =>
      start('gateway', {
        ...neverRefuse,
        USER_SERVICE_URL: user.url,
        GENERATION_SERVICE_URL: generation.url,
        HISTORY_SERVICE_URL: history.url,
        SHARING_SERVICE_URL: sharingUrl,
      });
    let gateway = await startGateway(sharing.url);

    const signedIn = await json(
      await fetch(`${gateway.url}/api/v1/auth/register`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          email: `bench-${suffix}@example.com`,
          password: 'Correct-Horse-9-Battery',
          displayName: 'Bench',
        }),
      }),
    );
    const authorization = `Bearer ${String(signedIn['accessToken'])}`;
    const scenario = await json(
      await fetch(`${gateway.url}/api/v1/scenarios`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization },
        body: JSON.stringify({ question: 'What if the printing press had been invented in Rome?' }),
      }),
    );
    const share = await json(
      await fetch(`${gateway.url}/api/v1/shares`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization },
        body: JSON.stringify({ scenarioId: scenario['id'] }),
      }),
    );
    const slug = String(share['slug']);
    let page = `${gateway.url}/s/${slug}`;

    await timeGets(page, 20);
    const uncached = await timeGets(page, samples);

    // The same service reusing history's answer for up to 30 s, as in production.
    await gateway.stop();
    await sharing.stop();
    running.splice(running.indexOf(gateway), 1);
    running.splice(running.indexOf(sharing), 1);
    sharing = await startSharing(30);
    gateway = await startGateway(sharing.url);
    // The new gateway listens on a port of its own.
    page = `${gateway.url}/s/${slug}`;
    await timeGets(page, 20);
    const cached = await timeGets(page, samples);

    // Preview images: each title change is a new image drawn; repeats come from memory.
    const drawn: number[] = [];
    for (let index = 0; index < imageSamples; index += 1) {
      await json(
        await fetch(`${gateway.url}/api/v1/shares/${slug}`, {
          method: 'PATCH',
          headers: { 'content-type': 'application/json', authorization },
          body: JSON.stringify({ title: `Rome prints its books, edition ${index}` }),
        }),
      );
      drawn.push(...(await timeGets(`${page}/og.png`, 1)));
    }
    const fromMemory = await timeGets(`${page}/og.png`, imageSamples * 5);
    const render = await histogram(sharing.url, 'sharing_og_image_render_seconds');

    const lines = [
      summary('GET /s/{slug} through the gateway, uncached (history read every time)', uncached),
      summary('GET /s/{slug} through the gateway, cached (history answer reused)', cached),
      summary('GET /s/{slug}/og.png through the gateway, drawn', drawn),
      summary('GET /s/{slug}/og.png through the gateway, from memory', fromMemory),
      `preview drawing and PNG encoding inside the service: mean ${formatMs((render.sum / Math.max(render.count, 1)) * 1000)} over ${render.count}`,
      `node ${process.version}, ${(await import('node:os')).cpus().length} cores`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    for (const service of running.reverse()) await service.stop();
    await dropDatabase(databaseUrl, 5_000);
    await removeScratchKeys(redisUrl, redisPrefix);
    await dynamo.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench-sharing failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 1;
});
