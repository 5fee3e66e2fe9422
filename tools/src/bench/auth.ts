/**
 * Measures what the identity issue asks for: login latency (p50/p99) through the gateway,
 * and the throughput of an authenticated GET through the gateway (token check, session check,
 * rate limits, proxy) and straight to the user service, to see the gateway's share. The
 * services run as processes from their compiled code, as in production, against this
 * machine's PostgreSQL and Redis, in a database and key prefix of the run's own that are
 * removed afterwards. Run: make bench-auth
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { dropDatabase, ensureDatabase } from '../dev/database';
import { type ServiceProcess, startServiceProcess } from '../harness/service-process';
import { load } from './load';
import { removeScratchKeys } from './scratch-keys';
import { formatMs, percentile } from './percentiles';

const postgresUrl = process.env['BENCH_POSTGRES_URL'] ?? 'postgres://whatif:whatif@127.0.0.1:5432/postgres';
const redisUrl = process.env['BENCH_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const loginSamples = Number(process.env['BENCH_LOGINS'] ?? 200);
const loadSeconds = Number(process.env['BENCH_SECONDS'] ?? 10);
const connections = Number(process.env['BENCH_CONNECTIONS'] ?? 32);

const suffix = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
const databaseUrl = (() => {
  const url = new URL(postgresUrl);
  url.pathname = `/whatif_bench_${suffix}`;
  return url.toString();
})();
const redisPrefix = `bench:${suffix}:`;

const production = { NODE_ENV: 'production' };

/** Limits far above what one machine can send, so the limiter counts every request but never refuses. */
const limitsThatNeverRefuse = {
  RATE_LIMIT_IP_PER_MINUTE: '1000000000',
  RATE_LIMIT_USER_PER_MINUTE: '1000000000',
  RATE_LIMIT_AUTH_PER_MINUTE: '1000000000',
  RATE_LIMIT_REFRESH_PER_MINUTE: '1000000000',
};

async function json(response: Response): Promise<Record<string, unknown>> {
  const body = (await response.json()) as Record<string, unknown>;
  if (!response.ok) throw new Error(`${response.status}: ${JSON.stringify(body)}`);
  return body;
}

async function main(): Promise<void> {
  const running: ServiceProcess[] = [];
  await ensureDatabase(databaseUrl, 5_000);
  try {
    const signingKey = generateKeyPairSync('ec', { namedCurve: 'P-256' })
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString();
    const user = await startServiceProcess('user', {
      keepLogs: false,
      env: {
        ...production,
        DATABASE_URL: databaseUrl,
        REDIS_URL: redisUrl,
        REDIS_KEY_PREFIX: `${redisPrefix}user:`,
        JWT_SIGNING_KEY: signingKey,
      },
    });
    running.push(user);
    const gateway = await startServiceProcess('gateway', {
      keepLogs: false,
      env: {
        ...production,
        ...limitsThatNeverRefuse,
        REDIS_URL: redisUrl,
        REDIS_KEY_PREFIX: `${redisPrefix}gateway:`,
        USER_SERVICE_URL: user.url,
      },
    });
    running.push(gateway);

    const credentials = { email: `bench-${suffix}@example.com`, password: 'Correct-Horse-9-Battery' };
    await json(
      await fetch(`${gateway.url}/api/v1/auth/register`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...credentials, displayName: 'Bench' }),
      }),
    );

    const latencies: number[] = [];
    let accessToken = '';
    for (let index = 0; index < loginSamples; index += 1) {
      const started = performance.now();
      const body = await json(
        await fetch(`${gateway.url}/api/v1/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(credentials),
        }),
      );
      latencies.push(performance.now() - started);
      accessToken = String(body['accessToken']);
    }

    const headers = { authorization: `Bearer ${accessToken}` };
    const throughGateway = await load({
      url: `${gateway.url}/api/v1/users/me`,
      connections,
      durationSeconds: loadSeconds,
      headers,
    });
    const direct = await load({
      url: `${user.url}/api/v1/users/me`,
      connections,
      durationSeconds: loadSeconds,
      headers,
    });

    const lines = [
      `login through the gateway (${loginSamples} sequential, argon2id): p50 ${formatMs(percentile(latencies, 0.5))}, p99 ${formatMs(percentile(latencies, 0.99))}`,
      `GET /api/v1/users/me, ${connections} connections, ${loadSeconds} s each:`,
      `  through the gateway (rate limits counted): ${throughGateway.requests.average.toFixed(0)} req/s, p50 ${throughGateway.latency.p50} ms, p99 ${throughGateway.latency.p99} ms, non-2xx ${throughGateway.non2xx}, errors ${throughGateway.errors}`,
      `  straight to the user service:              ${direct.requests.average.toFixed(0)} req/s, p50 ${direct.latency.p50} ms, p99 ${direct.latency.p99} ms, non-2xx ${direct.non2xx}, errors ${direct.errors}`,
      `node ${process.version}, ${(await import('node:os')).cpus().length} cores`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    for (const service of running.reverse()) await service.stop();
    await dropDatabase(databaseUrl, 5_000);
    await removeScratchKeys(redisUrl, redisPrefix);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench-auth failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 1;
});
