/**
 * Measures what the identity issue asks for: login latency (p50/p99) through the gateway,
 * and the gateway's throughput for an authenticated GET with and without its rate limiter.
 * Everything runs on this machine against the real PostgreSQL and Redis, in a database and
 * key prefix of the run's own that are removed afterwards. Run: make bench-auth
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { type StartedService, createLogger, startService } from '@what-if/kit';
import { gatewayService, gatewayServiceWith } from '@what-if/gateway/dist/service';
import { userService } from '@what-if/user/dist/service';
import { dropDatabase, ensureDatabase } from '../dev/database';
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

const quiet = {
  NODE_ENV: 'production',
  LOG_LEVEL: 'silent',
  HOST: '127.0.0.1',
  PORT: '0',
  SHUTDOWN_DELAY_MS: '0',
};

/** Limits far above what one machine can send, so the limiter counts every request but never refuses. */
const limitsThatNeverRefuse = {
  RATE_LIMIT_IP_PER_MINUTE: '1000000000',
  RATE_LIMIT_USER_PER_MINUTE: '1000000000',
  RATE_LIMIT_AUTH_PER_MINUTE: '1000000000',
};

async function json(response: Response): Promise<Record<string, unknown>> {
  const body = (await response.json()) as Record<string, unknown>;
  if (!response.ok) throw new Error(`${response.status}: ${JSON.stringify(body)}`);
  return body;
}

async function main(): Promise<void> {
  const running: Array<StartedService<unknown>> = [];
  await ensureDatabase(databaseUrl, 5_000);
  try {
    const signingKey = generateKeyPairSync('ec', { namedCurve: 'P-256' })
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString();
    const user = await startService(userService, {
      env: {
        ...process.env,
        ...quiet,
        DATABASE_URL: databaseUrl,
        REDIS_URL: redisUrl,
        REDIS_KEY_PREFIX: `${redisPrefix}user:`,
        JWT_SIGNING_KEY: signingKey,
      },
    });
    running.push(user);
    const gatewayEnv = {
      ...process.env,
      ...quiet,
      ...limitsThatNeverRefuse,
      REDIS_URL: redisUrl,
      REDIS_KEY_PREFIX: `${redisPrefix}gateway:`,
      USER_SERVICE_URL: user.url,
    };
    const limited = await startService(gatewayService, { env: gatewayEnv });
    running.push(limited);
    // The same gateway with the limiter taken out, to see what it costs.
    const unlimited = await startService(
      gatewayServiceWith({
        rateLimits: {
          perIp: (_req, _res, next) => next(),
          perUser: async () => undefined,
          perCredentialAttempt: async () => undefined,
        },
      }),
      { env: gatewayEnv, logger: createLogger({ service: 'gateway', level: 'silent' }) },
    );
    running.push(unlimited);

    const credentials = { email: `bench-${suffix}@example.com`, password: 'Correct-Horse-9-Battery' };
    await json(
      await fetch(`${limited.url}/api/v1/auth/register`, {
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
        await fetch(`${limited.url}/api/v1/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(credentials),
        }),
      );
      latencies.push(performance.now() - started);
      accessToken = String(body['accessToken']);
    }

    const headers = { authorization: `Bearer ${accessToken}` };
    const withLimiter = await load({
      url: `${limited.url}/api/v1/users/me`,
      connections,
      durationSeconds: loadSeconds,
      headers,
    });
    const withoutLimiter = await load({
      url: `${unlimited.url}/api/v1/users/me`,
      connections,
      durationSeconds: loadSeconds,
      headers,
    });

    const lines = [
      `login through the gateway (${loginSamples} sequential, argon2id): p50 ${formatMs(percentile(latencies, 0.5))}, p99 ${formatMs(percentile(latencies, 0.99))}`,
      `GET /api/v1/users/me through the gateway, ${connections} connections, ${loadSeconds} s each:`,
      `  with rate limiter:    ${withLimiter.requests.average.toFixed(0)} req/s, p50 ${withLimiter.latency.p50} ms, p99 ${withLimiter.latency.p99} ms, non-2xx ${withLimiter.non2xx}, errors ${withLimiter.errors}`,
      `  without rate limiter: ${withoutLimiter.requests.average.toFixed(0)} req/s, p50 ${withoutLimiter.latency.p50} ms, p99 ${withoutLimiter.latency.p99} ms, non-2xx ${withoutLimiter.non2xx}, errors ${withoutLimiter.errors}`,
      `node ${process.version}, ${(await import('node:os')).cpus().length} cores`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    for (const service of running.reverse()) await service.stop().catch(() => undefined);
    await dropDatabase(databaseUrl, 5_000);
    await removeScratchKeys(redisUrl, redisPrefix);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench-auth failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 1;
});
