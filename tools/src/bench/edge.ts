/**
 * `make bench-edge`: what the gateway costs at the edge. One authenticated route,
 * GET /api/v1/users/me, three ways on this machine: straight to the user service, through nginx
 * (Debian's, started here on a loopback port with a generated configuration: a keep-alive
 * reverse proxy with an access log, one worker process as the gateway is one Node process), and
 * through the gateway (token check, session check, rate limits counted in Redis, routing,
 * logging, proxy). Throughput: each way in turn, alternating over BENCH_ROUNDS rounds, with
 * BENCH_CONNECTIONS connections, the median round counted. Latency: each way at a fixed
 * BENCH_RATE requests per second, open-loop (requests leave on time, answered or not), and what
 * nginx and the gateway add over direct. The services run from their compiled code as in
 * production; BENCH_EDGE_PROFILE=1 also writes the gateway's CPU profile (--cpu-prof) and prints
 * where its time goes. The figures depend on the machine and what else it runs: they come with
 * the load average.
 */
import { spawn } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { defaultRepoRoot } from '../dev/config';
import { dropDatabase, ensureDatabase } from '../dev/database';
import { freePorts, limitsThatNeverRefuse } from '../harness/private-stack';
import { type ServiceProcess, startServiceProcess } from '../harness/service-process';
import { cpuSeconds } from '../capacity/route-loads';
import { summarizeCpuProfile } from './cpu-profile';
import { load } from './load';
import { formatMs, percentile } from './percentiles';
import { removeScratchKeys } from './scratch-keys';

const postgresUrl = process.env['BENCH_POSTGRES_URL'] ?? 'postgres://whatif:whatif@127.0.0.1:5432/postgres';
const redisUrl = process.env['BENCH_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const nginxBinary = process.env['NGINX'] ?? '/usr/sbin/nginx';
const seconds = Number(process.env['BENCH_SECONDS'] ?? 10);
const rounds = Number(process.env['BENCH_ROUNDS'] ?? 3);
const connections = Number(process.env['BENCH_CONNECTIONS'] ?? 32);
const fixedRate = Number(process.env['BENCH_RATE'] ?? 500);
const profile = process.env['BENCH_EDGE_PROFILE'] === '1';
const profileDirectory = path.join(defaultRepoRoot, '.bench', 'edge-profile');

const suffix = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
const databaseUrl = (() => {
  const url = new URL(postgresUrl);
  url.pathname = `/whatif_bench_${suffix}`;
  return url.toString();
})();
const redisPrefix = `bench:${suffix}:`;

type Way = 'direct' | 'nginx' | 'gateway';

/** nginx as a plain keep-alive reverse proxy in front of the user service, everything in `directory`. */
export function nginxConfig(options: { directory: string; port: number; upstreamPort: number }): string {
  const { directory } = options;
  return `daemon off;
worker_processes 1;
pid ${directory}/nginx.pid;
error_log ${directory}/error.log warn;
events { worker_connections 1024; }
http {
  access_log ${directory}/access.log combined buffer=64k;
  client_body_temp_path ${directory}/client-body;
  proxy_temp_path ${directory}/proxy;
  fastcgi_temp_path ${directory}/fastcgi;
  uwsgi_temp_path ${directory}/uwsgi;
  scgi_temp_path ${directory}/scgi;
  upstream user { server 127.0.0.1:${options.upstreamPort}; keepalive 64; }
  server {
    listen 127.0.0.1:${options.port};
    location / {
      proxy_pass http://user;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $remote_addr;
    }
  }
}
`;
}

export async function startNginx(upstreamUrl: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const directory = mkdtempSync(path.join(tmpdir(), 'what-if-bench-nginx-'));
  // Its workers drop to an unprivileged user when it starts as root; they must reach the folder.
  chmodSync(directory, 0o755);
  const [port] = await freePorts(1);
  const configFile = path.join(directory, 'nginx.conf');
  writeFileSync(
    configFile,
    nginxConfig({ directory, port: port!, upstreamPort: Number(new URL(upstreamUrl).port) }),
  );
  const child = spawn(
    nginxBinary,
    ['-p', directory, '-c', configFile, '-e', path.join(directory, 'error.log')],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let errors = '';
  child.stderr.setEncoding('utf8').on('data', (text: string) => (errors += text));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; ; attempt += 1) {
    const answered = await fetch(`${url}/health/live`).then(
      (response) => response.ok,
      () => false,
    );
    if (answered) break;
    if (child.exitCode !== null || attempt === 100) {
      child.kill('SIGKILL');
      throw new Error(`nginx did not start (${nginxBinary}): ${errors.trim() || 'no answer'}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    async stop() {
      // SIGQUIT: finish what is in flight, then exit.
      if (child.exitCode === null) child.kill('SIGQUIT');
      await exited;
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

/**
 * Requests at a fixed rate, evenly spaced, whether or not earlier ones were answered; each
 * latency from when it was due, in milliseconds with sub-millisecond resolution.
 */
async function atFixedRate(
  url: string,
  headers: Record<string, string>,
): Promise<{ latencies: number[]; failed: number }> {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const target = new URL(url);
  const total = Math.round(fixedRate * seconds);
  const latencies: number[] = [];
  let failed = 0;
  const started = performance.now();
  const answers: Promise<void>[] = [];
  for (let index = 0; index < total; index += 1) {
    const due = started + (index / fixedRate) * 1000;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    answers.push(
      new Promise<void>((resolve) => {
        const sent = request(target, { agent, headers }, (response) => {
          response.resume();
          response.on('end', () => {
            if (response.statusCode === 200) latencies.push(performance.now() - due);
            else failed += 1;
            resolve();
          });
        });
        sent.on('error', () => {
          failed += 1;
          resolve();
        });
        sent.end();
      }),
    );
  }
  await Promise.all(answers);
  agent.destroy();
  return { latencies, failed };
}

function median(values: readonly number[]): number {
  return percentile(values, 0.5);
}

async function main(): Promise<void> {
  const loadBefore = loadavg();
  const running: ServiceProcess[] = [];
  let nginx: { url: string; stop: () => Promise<void> } | undefined;
  await ensureDatabase(databaseUrl, 5_000);
  try {
    const signingKey = generateKeyPairSync('ec', { namedCurve: 'P-256' })
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString();
    const user = await startServiceProcess('user', {
      keepLogs: false,
      env: {
        NODE_ENV: 'production',
        DATABASE_URL: databaseUrl,
        REDIS_URL: redisUrl,
        REDIS_KEY_PREFIX: `${redisPrefix}user:`,
        JWT_SIGNING_KEY: signingKey,
      },
    });
    running.push(user);
    if (profile) {
      rmSync(profileDirectory, { recursive: true, force: true });
      mkdirSync(profileDirectory, { recursive: true });
    }
    const gateway = await startServiceProcess('gateway', {
      keepLogs: false,
      env: {
        NODE_ENV: 'production',
        // Counted on every request, as in production, but never refused.
        ...limitsThatNeverRefuse,
        REDIS_URL: redisUrl,
        REDIS_KEY_PREFIX: `${redisPrefix}gateway:`,
        USER_SERVICE_URL: user.url,
      },
      ...(profile ? { nodeArguments: ['--cpu-prof', `--cpu-prof-dir=${profileDirectory}`] } : {}),
    });
    running.push(gateway);
    nginx = await startNginx(user.url);

    const credentials = { email: `bench-${suffix}@example.com`, password: 'Correct-Horse-9-Battery' };
    const registered = await fetch(`${gateway.url}/api/v1/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...credentials, displayName: 'Bench' }),
    });
    const { accessToken } = (await registered.json()) as { accessToken?: string };
    if (registered.status !== 201 || !accessToken)
      throw new Error(`registering answered ${registered.status}`);
    const headers = { authorization: `Bearer ${accessToken}` };
    const urls: Record<Way, string> = {
      direct: `${user.url}/api/v1/users/me`,
      nginx: `${nginx.url}/api/v1/users/me`,
      gateway: `${gateway.url}/api/v1/users/me`,
    };
    const ways: Way[] = ['direct', 'nginx', 'gateway'];

    // Warm-up: the JIT, connection pools and the gateway's caches, not measured.
    for (const way of ways) await load({ url: urls[way], connections, durationSeconds: 2, headers });

    const throughput: Record<Way, number[]> = { direct: [], nginx: [], gateway: [] };
    const failures: Record<Way, number> = { direct: 0, nginx: 0, gateway: 0 };
    // The gateway's own CPU per request through it: what the machine's other tenants barely move.
    const gatewayCpu = { seconds: 0, requests: 0 };
    for (let round = 0; round < rounds; round += 1) {
      // Each round starts with the next way, so no way always runs first or last.
      for (const way of [...ways.slice(round % 3), ...ways.slice(0, round % 3)]) {
        const cpuBefore = way === 'gateway' ? await cpuSeconds(gateway.url) : 0;
        const result = await load({ url: urls[way], connections, durationSeconds: seconds, headers });
        if (way === 'gateway') {
          gatewayCpu.seconds += (await cpuSeconds(gateway.url)) - cpuBefore;
          gatewayCpu.requests += result.requests.total;
        }
        throughput[way].push(result.requests.average);
        failures[way] += result.non2xx + result.errors + result.timeouts;
        process.stdout.write(
          `  round ${round + 1} ${way.padEnd(7)} ${result.requests.average.toFixed(0)} req/s\n`,
        );
      }
    }

    const latency: Record<Way, { p50: number; p99: number; failed: number }> = {
      direct: { p50: 0, p99: 0, failed: 0 },
      nginx: { p50: 0, p99: 0, failed: 0 },
      gateway: { p50: 0, p99: 0, failed: 0 },
    };
    for (const way of ways) {
      const { latencies, failed } = await atFixedRate(urls[way], headers);
      latency[way] = { p50: percentile(latencies, 0.5), p99: percentile(latencies, 0.99), failed };
    }

    const best = Object.fromEntries(ways.map((way) => [way, median(throughput[way])])) as Record<Way, number>;
    const lines = [
      `GET /api/v1/users/me with a token, ${connections} connections, ${rounds} alternating rounds of ${seconds} s (median):`,
      ...ways.map(
        (way) =>
          `  ${way.padEnd(7)} ${best[way].toFixed(0).padStart(6)} req/s  (rounds: ${throughput[way].map((value) => value.toFixed(0)).join(', ')}; failed ${failures[way]})`,
      ),
      `  gateway / nginx ${(best.gateway / best.nginx).toFixed(2)}×, gateway / direct ${(best.gateway / best.direct).toFixed(2)}×, nginx / direct ${(best.nginx / best.direct).toFixed(2)}×`,
      `  the gateway's own CPU: ${((gatewayCpu.seconds / gatewayCpu.requests) * 1000).toFixed(3)} ms per request (${gatewayCpu.requests} requests)`,
      `at ${fixedRate} req/s for ${seconds} s each (open-loop):`,
      ...ways.map(
        (way) =>
          `  ${way.padEnd(7)} p50 ${formatMs(latency[way].p50)}, p99 ${formatMs(latency[way].p99)}${latency[way].failed > 0 ? `, failed ${latency[way].failed}` : ''}`,
      ),
      `  added over direct: nginx p50 ${formatMs(latency.nginx.p50 - latency.direct.p50)}, p99 ${formatMs(latency.nginx.p99 - latency.direct.p99)}; gateway p50 ${formatMs(latency.gateway.p50 - latency.direct.p50)}, p99 ${formatMs(latency.gateway.p99 - latency.direct.p99)}`,
      `node ${process.version}, ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, load average ${loadBefore[0]!.toFixed(1)} before and ${loadavg()[0]!.toFixed(1)} after`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    await nginx?.stop();
    for (const service of running.reverse()) await service.stop();
    await dropDatabase(databaseUrl, 5_000);
    await removeScratchKeys(redisUrl, redisPrefix);
  }
  if (profile) {
    const file = readdirSync(profileDirectory).find((name) => name.endsWith('.cpuprofile'));
    if (!file) throw new Error(`the gateway wrote no CPU profile into ${profileDirectory}`);
    process.stdout.write(
      `\nthe gateway's CPU profile: ${path.relative(defaultRepoRoot, path.join(profileDirectory, file))}\n`,
    );
    process.stdout.write(`${summarizeCpuProfile(path.join(profileDirectory, file))}\n`);
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`bench-edge failed: ${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 1;
  });
}
