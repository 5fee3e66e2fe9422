/**
 * `make bench-edge`: what the gateway costs at the edge. One authenticated route,
 * GET /api/v1/users/me, three ways on this machine: straight to the user service, through nginx
 * (Debian's, started here on a loopback port with a generated configuration: a keep-alive
 * reverse proxy with an access log, one worker process as the gateway is one Node process), and
 * through the gateway (token check, session check, rate limits counted in Redis, routing,
 * logging, proxy). Throughput: each way in turn, alternating over BENCH_ROUNDS rounds, with
 * BENCH_CONNECTIONS connections, the median round counted. Latency: each way at a fixed
 * BENCH_RATE requests per second, open-loop (requests leave on time, answered or not, and each
 * latency counts from when its request was due, so a late generator or a queue is never hidden),
 * alternating over BENCH_RATE_ROUNDS rounds, and what nginx and the gateway add over direct.
 * Next to each latency it prints what the tail is made of, so a figure from a shared machine can
 * be judged: the load generator's own lateness and event loop delay (it runs here, on the same
 * cores), and from a probe loaded into the user service and the gateway (edge-probe.ts) their
 * event loop delay, garbage collection, CPU, and the gateway's timeline per request (access,
 * upstream, after). The services run from their compiled code as in production (their logs
 * written to files, as a container runtime would take them); BENCH_EDGE_PROFILE=1 also writes the
 * gateway's CPU profile (--cpu-prof) and prints where its time goes; BENCH_EDGE_VARIANT adds a
 * fourth way, a second gateway with other environment variables (NODE_OPTIONS, say), alternated
 * with the rest: an A/B in the same minutes. The figures depend on the machine and what else it
 * runs: they come with the load average.
 */
import { spawn } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
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
import { type RequestTimeline, type Spread, type ThreadFigures, spreadOf, watchThread } from './thread-probe';

const postgresUrl = process.env['BENCH_POSTGRES_URL'] ?? 'postgres://whatif:whatif@127.0.0.1:5432/postgres';
const redisUrl = process.env['BENCH_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const nginxBinary = process.env['NGINX'] ?? '/usr/sbin/nginx';
const seconds = Number(process.env['BENCH_SECONDS'] ?? 10);
const rounds = Number(process.env['BENCH_ROUNDS'] ?? 3);
const connections = Number(process.env['BENCH_CONNECTIONS'] ?? 32);
const fixedRate = Number(process.env['BENCH_RATE'] ?? 500);
const rateRounds = Number(process.env['BENCH_RATE_ROUNDS'] ?? rounds);
const variant = variantEnvironment(process.env['BENCH_EDGE_VARIANT'] ?? '');
const profile = process.env['BENCH_EDGE_PROFILE'] === '1';
const profileDirectory = path.join(defaultRepoRoot, '.bench', 'edge-profile');

const suffix = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
const databaseUrl = (() => {
  const url = new URL(postgresUrl);
  url.pathname = `/whatif_bench_${suffix}`;
  return url.toString();
})();
const redisPrefix = `bench:${suffix}:`;

/** `gateway*` is a second gateway with BENCH_EDGE_VARIANT's environment, when it is set: an A/B in the same minutes. */
type Way = 'direct' | 'nginx' | 'gateway' | 'gateway*';

/**
 * BENCH_EDGE_VARIANT: `NAME=value` assignments separated by `;` (a value may hold spaces), e.g.
 * `NODE_OPTIONS=--max-semi-space-size=16`: the variant gateway's environment over the gateway's.
 */
export function variantEnvironment(text: string): Record<string, string> {
  const assignments = text
    .split(';')
    .map((part) => part.trim())
    .filter(Boolean);
  return Object.fromEntries(
    assignments.map((assignment) => {
      const equals = assignment.indexOf('=');
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(assignment.slice(0, Math.max(equals, 0))))
        throw new Error(`BENCH_EDGE_VARIANT has "${assignment}": expected NAME=value`);
      return [assignment.slice(0, equals), assignment.slice(equals + 1)];
    }),
  );
}

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

/** What a probe (edge-probe.ts) in a service process read since its last reading. */
interface ProbeReading {
  thread: ThreadFigures;
  requests: RequestTimeline;
}

const probeScript = path.join(__dirname, 'edge-probe.js');

/** A service process with the probe loaded: signal it, wait for its line, read it. */
class ProbedService {
  private lines = 0;

  constructor(
    readonly service: ServiceProcess,
    private readonly file: string,
  ) {}

  async read(): Promise<ProbeReading> {
    process.kill(this.service.pid, 'SIGUSR2');
    for (let attempt = 0; attempt < 500; attempt += 1) {
      const lines = existsSync(this.file) ? readFileSync(this.file, 'utf8').trim().split('\n') : [];
      if (lines.length > this.lines && lines[0] !== '') {
        this.lines = lines.length;
        return JSON.parse(lines[lines.length - 1]!) as ProbeReading;
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error(`the ${this.service.name} service's probe did not answer (${this.file})`);
  }
}

/** One way's run at the fixed rate: latencies as the client saw them, and what each process did meanwhile. */
interface FixedRateLeg {
  /** From when each request was due until its answer ended (what a user waits). */
  latencyMs: Spread;
  failed: number;
  /** How late the generator sent requests (its own share of any latency). */
  lateSendMs: Spread;
  generator: ThreadFigures;
  user: ProbeReading;
  gateway?: ProbeReading;
}

/**
 * Requests at a fixed rate, evenly spaced, whether or not earlier ones were answered; each
 * latency from when it was due (so a late send or a queue counts: no coordinated omission), in
 * milliseconds with sub-millisecond resolution.
 */
async function atFixedRate(
  url: string,
  headers: Record<string, string>,
): Promise<{ latencies: number[]; lateSends: number[]; failed: number }> {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const target = new URL(url);
  const total = Math.round(fixedRate * seconds);
  const latencies: number[] = [];
  const lateSends: number[] = [];
  let failed = 0;
  const started = performance.now();
  const answers: Promise<void>[] = [];
  for (let index = 0; index < total; index += 1) {
    const due = started + (index / fixedRate) * 1000;
    // A timer counts whole milliseconds from the loop's cached clock: wait again until it is due, never early.
    for (let wait = due - performance.now(); wait > 0; wait = due - performance.now()) {
      await new Promise((resolve) => setTimeout(resolve, Math.ceil(wait)));
    }
    lateSends.push(performance.now() - due);
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
  return { latencies, lateSends, failed };
}

async function fixedRateLeg(
  url: string,
  headers: Record<string, string>,
  probes: {
    generator: ReturnType<typeof watchThread>;
    user: ProbedService;
    gateways: readonly ProbedService[];
    /** The gateway this way goes through, if any. */
    through: ProbedService | undefined;
  },
): Promise<FixedRateLeg> {
  // Readings before the leg only reset the probes.
  probes.generator.take();
  await probes.user.read();
  for (const gateway of probes.gateways) await gateway.read();
  const { latencies, lateSends, failed } = await atFixedRate(url, headers);
  const generator = probes.generator.take();
  const user = await probes.user.read();
  const gateway = await probes.through?.read();
  return {
    latencyMs: spreadOf(latencies),
    failed,
    lateSendMs: spreadOf(lateSends),
    generator,
    user,
    ...(gateway ? { gateway } : {}),
  };
}

/** The median over rounds of one figure. */
function medianOf<T>(legs: readonly T[], pick: (leg: T) => number): number {
  return percentile(legs.map(pick), 0.5);
}

function threadLine(legs: readonly ThreadFigures[]): string {
  return `event loop delay p99 ${formatMs(medianOf(legs, (leg) => leg.loopDelayMs.p99))} (max ${formatMs(medianOf(legs, (leg) => leg.loopDelayMs.max))}), GC ${formatMs(medianOf(legs, (leg) => leg.gc.totalMs))} in ${medianOf(legs, (leg) => leg.gc.pauses).toFixed(0)} pauses (longest ${formatMs(medianOf(legs, (leg) => leg.gc.longestMs))})`;
}

function spreadLine(legs: readonly Spread[]): string {
  return `p50 ${formatMs(medianOf(legs, (leg) => leg.p50))}, p99 ${formatMs(medianOf(legs, (leg) => leg.p99))}`;
}

/** The fixed-rate figures of one way, and what its tail is made of, medians over the rounds. */
function describeFixedRate(way: string, legs: readonly FixedRateLeg[], requests: number): string[] {
  const lines = [
    `  ${way.padEnd(8)} ${spreadLine(legs.map((leg) => leg.latencyMs))}, max ${formatMs(medianOf(legs, (leg) => leg.latencyMs.max))}  (p99 of each round: ${legs.map((leg) => formatMs(leg.latencyMs.p99)).join(', ')})${legs.some((leg) => leg.failed > 0) ? `, failed ${legs.map((leg) => leg.failed).join(', ')}` : ''}`,
    `    load generator: sends late ${spreadLine(legs.map((leg) => leg.lateSendMs))}; ${threadLine(legs.map((leg) => leg.generator))}`,
  ];
  const gatewayLegs = legs.flatMap((leg) => (leg.gateway ? [leg.gateway] : []));
  if (gatewayLegs.length > 0) {
    lines.push(
      `    gateway: access ${spreadLine(gatewayLegs.map((leg) => leg.requests.accessMs))}; upstream ${spreadLine(gatewayLegs.map((leg) => leg.requests.upstreamMs))}; after ${spreadLine(gatewayLegs.map((leg) => leg.requests.afterMs))}; in all ${spreadLine(gatewayLegs.map((leg) => leg.requests.totalMs))}`,
      `      ${threadLine(gatewayLegs.map((leg) => leg.thread))}, CPU ${(medianOf(gatewayLegs, (leg) => leg.thread.cpuMs) / requests).toFixed(3)} ms per request, resident ${medianOf(gatewayLegs, (leg) => leg.thread.rssMb).toFixed(0)} MB`,
    );
  }
  lines.push(
    `    user service: answers ${spreadLine(legs.map((leg) => leg.user.requests.totalMs))}; ${threadLine(legs.map((leg) => leg.user.thread))}`,
  );
  return lines;
}

function median(values: readonly number[]): number {
  return percentile(values, 0.5);
}

async function main(): Promise<void> {
  const loadBefore = loadavg();
  const running: ServiceProcess[] = [];
  let nginx: { url: string; stop: () => Promise<void> } | undefined;
  await ensureDatabase(databaseUrl, 5_000);
  const probeDirectory = mkdtempSync(path.join(tmpdir(), 'what-if-bench-edge-probe-'));
  const probeEnv = (name: string) => ({ EDGE_PROBE_FILE: path.join(probeDirectory, `${name}.jsonl`) });
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
        ...probeEnv('user'),
      },
      nodeArguments: ['--require', probeScript],
    });
    running.push(user);
    if (profile) {
      rmSync(profileDirectory, { recursive: true, force: true });
      mkdirSync(profileDirectory, { recursive: true });
    }
    const startGateway = (name: string, env: Record<string, string>, withProfile: boolean) =>
      startServiceProcess('gateway', {
        keepLogs: false,
        env: {
          NODE_ENV: 'production',
          // Counted on every request, as in production, but never refused.
          ...limitsThatNeverRefuse,
          REDIS_URL: redisUrl,
          REDIS_KEY_PREFIX: `${redisPrefix}gateway:`,
          USER_SERVICE_URL: user.url,
          ...probeEnv(name),
          ...env,
        },
        nodeArguments: [
          '--require',
          probeScript,
          ...(withProfile ? ['--cpu-prof', `--cpu-prof-dir=${profileDirectory}`] : []),
        ],
      });
    const gateways: Partial<Record<Way, ServiceProcess>> = {};
    gateways.gateway = await startGateway('gateway', {}, profile);
    running.push(gateways.gateway);
    if (Object.keys(variant).length > 0) {
      gateways['gateway*'] = await startGateway('gateway-variant', variant, false);
      running.push(gateways['gateway*']);
    }
    nginx = await startNginx(user.url);

    const credentials = { email: `bench-${suffix}@example.com`, password: 'Correct-Horse-9-Battery' };
    const registered = await fetch(`${gateways.gateway.url}/api/v1/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...credentials, displayName: 'Bench' }),
    });
    const { accessToken } = (await registered.json()) as { accessToken?: string };
    if (registered.status !== 201 || !accessToken)
      throw new Error(`registering answered ${registered.status}`);
    const headers = { authorization: `Bearer ${accessToken}` };
    const urls: Partial<Record<Way, string>> = {
      direct: `${user.url}/api/v1/users/me`,
      nginx: `${nginx.url}/api/v1/users/me`,
      ...Object.fromEntries(
        Object.entries(gateways).map(([way, gateway]) => [way, `${gateway.url}/api/v1/users/me`]),
      ),
    };
    const ways = (['direct', 'nginx', 'gateway', 'gateway*'] as const).filter((way) => urls[way]);
    const perWay = <T>(make: () => T) =>
      Object.fromEntries(ways.map((way) => [way, make()])) as Record<Way, T>;
    // Each round starts with the next way, so no way always runs first or last.
    const inTurn = (round: number) => [
      ...ways.slice(round % ways.length),
      ...ways.slice(0, round % ways.length),
    ];

    // Warm-up: the JIT, connection pools and the gateway's caches, not measured.
    for (const way of ways) await load({ url: urls[way]!, connections, durationSeconds: 2, headers });

    const throughput = perWay<number[]>(() => []);
    const failures = perWay(() => 0);
    // A gateway's own CPU per request through it: what the machine's other tenants barely move.
    const gatewayCpu = perWay(() => ({ seconds: 0, requests: 0 }));
    for (let round = 0; round < rounds; round += 1) {
      for (const way of inTurn(round)) {
        const gateway = gateways[way];
        const cpuBefore = gateway ? await cpuSeconds(gateway.url) : 0;
        const result = await load({ url: urls[way]!, connections, durationSeconds: seconds, headers });
        if (gateway) {
          gatewayCpu[way].seconds += (await cpuSeconds(gateway.url)) - cpuBefore;
          gatewayCpu[way].requests += result.requests.total;
        }
        throughput[way].push(result.requests.average);
        failures[way] += result.non2xx + result.errors + result.timeouts;
        process.stdout.write(
          `  round ${round + 1} ${way.padEnd(8)} ${result.requests.average.toFixed(0)} req/s\n`,
        );
      }
    }

    const generator = watchThread();
    const userProbe = new ProbedService(user, probeEnv('user').EDGE_PROBE_FILE);
    const gatewayProbes = Object.fromEntries(
      Object.entries(gateways).map(([way, gateway]) => [
        way,
        new ProbedService(
          gateway,
          probeEnv(way === 'gateway' ? 'gateway' : 'gateway-variant').EDGE_PROBE_FILE,
        ),
      ]),
    ) as Partial<Record<Way, ProbedService>>;
    const fixed = perWay<FixedRateLeg[]>(() => []);
    for (let round = 0; round < rateRounds; round += 1) {
      for (const way of inTurn(round)) {
        const loadNow = loadavg()[0]!;
        const leg = await fixedRateLeg(urls[way]!, headers, {
          generator,
          user: userProbe,
          gateways: Object.values(gatewayProbes),
          through: gatewayProbes[way],
        });
        fixed[way].push(leg);
        process.stdout.write(
          `  round ${round + 1} ${way.padEnd(8)} at ${fixedRate} req/s: p50 ${formatMs(leg.latencyMs.p50)}, p99 ${formatMs(leg.latencyMs.p99)} (load average ${loadNow.toFixed(1)})\n`,
        );
      }
    }
    generator.stop();
    // Each round's difference, so a drift of the machine's speed between rounds cancels out.
    const added = (way: Way, than: Way, pick: (leg: Spread) => number) =>
      percentile(
        fixed[way].map((leg, round) => pick(leg.latencyMs) - pick(fixed[than][round]!.latencyMs)),
        0.5,
      );
    const addedLine = (way: Way, than: Way) =>
      `${way} p50 ${formatMs(added(way, than, (leg) => leg.p50))}, p99 ${formatMs(added(way, than, (leg) => leg.p99))}`;

    const best = perWay(() => 0);
    for (const way of ways) best[way] = median(throughput[way]);
    const gatewayWays = ways.filter((way) => gateways[way]);
    const lines = [
      ...(gateways['gateway*']
        ? [
            `gateway* is a second gateway with ${Object.entries(variant)
              .map(([name, value]) => `${name}=${value}`)
              .join('; ')}`,
          ]
        : []),
      `GET /api/v1/users/me with a token, ${connections} connections, ${rounds} alternating rounds of ${seconds} s (median):`,
      ...ways.map(
        (way) =>
          `  ${way.padEnd(8)} ${best[way].toFixed(0).padStart(6)} req/s  (rounds: ${throughput[way].map((value) => value.toFixed(0)).join(', ')}; failed ${failures[way]})`,
      ),
      ...gatewayWays.map(
        (way) =>
          `  ${way} / nginx ${(best[way] / best.nginx).toFixed(2)}×, ${way} / direct ${(best[way] / best.direct).toFixed(2)}×; its own CPU: ${((gatewayCpu[way].seconds / gatewayCpu[way].requests) * 1000).toFixed(3)} ms per request (${gatewayCpu[way].requests} requests)`,
      ),
      `  nginx / direct ${(best.nginx / best.direct).toFixed(2)}×`,
      `at ${fixedRate} req/s, ${rateRounds} alternating rounds of ${seconds} s each (open loop: a latency counts from when its request was due; medians of the rounds):`,
      ...ways.flatMap((way) => describeFixedRate(way, fixed[way], Math.round(fixedRate * seconds))),
      `  added over direct (median of each round's difference): ${ways
        .filter((way) => way !== 'direct')
        .map((way) => addedLine(way, 'direct'))
        .join('; ')}`,
      ...(gateways['gateway*']
        ? [`  gateway* over gateway (the same): ${addedLine('gateway*', 'gateway')}`]
        : []),
      `node ${process.version}, ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, load average ${loadBefore[0]!.toFixed(1)} before and ${loadavg()[0]!.toFixed(1)} after`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    await nginx?.stop();
    for (const service of running.reverse()) await service.stop();
    await dropDatabase(databaseUrl, 5_000);
    await removeScratchKeys(redisUrl, redisPrefix);
    rmSync(probeDirectory, { recursive: true, force: true });
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
