/**
 * `make bench-validation`: what a request costs a service on the kit's chassis (correlation id,
 * request log, metrics, JSON body, validation against the contract, handler, store), per request:
 * CPU time and bytes allocated on the JavaScript heap (garbage the collector must then find), read
 * by a probe loaded into the service (allocation-probe.ts). Three routes of the user service, run
 * as in production from its compiled code against this machine's PostgreSQL and Redis: GET
 * /api/v1/users/me (a token, a store read), PATCH /api/v1/users/me with a valid body (a store
 * write) and POST /api/v1/auth/register with an invalid body (the contract validator's 400, no
 * store). Each leg sends BENCH_REQUESTS requests over BENCH_CONNECTIONS connections; the figures
 * are the medians of BENCH_ROUNDS rounds.
 * BENCH_BASELINE: the root of another checkout, built (`npm run build`) with its own node_modules:
 * its user service runs next to this one's and every round alternates between the two, so the
 * comparison is an A/B in the same minutes. CPU time per request depends on the machine and what
 * else it runs (the load average is printed); allocation hardly does.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { dropDatabase, ensureDatabase } from '../dev/database';
import { type ServiceProcess, startServiceProcess } from '../harness/service-process';
import { type AllocationFigures, allocationProbeFileVariable } from './allocation';
import { load } from './load';
import { percentile } from './percentiles';
import { removeScratchKeys } from './scratch-keys';

const postgresUrl = process.env['BENCH_POSTGRES_URL'] ?? 'postgres://whatif:whatif@127.0.0.1:5432/postgres';
const redisUrl = process.env['BENCH_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const requestsPerLeg = Number(process.env['BENCH_REQUESTS'] ?? 3000);
const rounds = Number(process.env['BENCH_ROUNDS'] ?? 5);
const connections = Number(process.env['BENCH_CONNECTIONS'] ?? 8);
const baselineRoot = process.env['BENCH_BASELINE'] ? path.resolve(process.env['BENCH_BASELINE']) : undefined;

const suffix = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
const databaseUrl = (() => {
  const url = new URL(postgresUrl);
  url.pathname = `/whatif_bench_${suffix}`;
  return url.toString();
})();
const redisPrefix = `bench:${suffix}:`;
const probeScript = path.join(__dirname, 'allocation-probe.js');

interface BenchRoute {
  label: string;
  method: string;
  path: string;
  /** The status every answer must have, or the leg's figures are not this route's. */
  status: number;
  body?: string;
  signedIn: boolean;
}

const routes: readonly BenchRoute[] = [
  { label: 'GET /api/v1/users/me', method: 'GET', path: '/api/v1/users/me', status: 200, signedIn: true },
  {
    label: 'PATCH /api/v1/users/me (valid body)',
    method: 'PATCH',
    path: '/api/v1/users/me',
    status: 200,
    body: JSON.stringify({ displayName: 'Bench Reader', bio: 'Reads what if.' }),
    signedIn: true,
  },
  {
    label: 'POST /api/v1/auth/register (invalid body: 400)',
    method: 'POST',
    path: '/api/v1/auth/register',
    status: 400,
    body: JSON.stringify({ email: 'not an address', password: 'short', displayName: '', extra: true }),
    signedIn: false,
  },
];

/** A user service with the allocation probe loaded: signal it, wait for its line, read it. */
class ProbedService {
  private lines = 0;
  constructor(
    readonly label: string,
    readonly service: ServiceProcess,
    private readonly file: string,
  ) {}

  async read(): Promise<AllocationFigures> {
    process.kill(this.service.pid, 'SIGUSR2');
    for (let attempt = 0; attempt < 500; attempt += 1) {
      const lines = existsSync(this.file) ? readFileSync(this.file, 'utf8').trim().split('\n') : [];
      if (lines.length > this.lines && lines[0] !== '') {
        this.lines = lines.length;
        return JSON.parse(lines[lines.length - 1]!) as AllocationFigures;
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error(`the ${this.label} user service's probe did not answer (${this.file})`);
  }
}

/** One leg's figures per request. */
interface PerRequest {
  cpuMs: number;
  allocatedKb: number;
  gcMs: number;
}

async function leg(
  target: ProbedService,
  route: BenchRoute,
  headers: Record<string, string>,
  amount: number,
): Promise<PerRequest> {
  await target.read();
  const result = await load({
    url: `${target.service.url}${route.path}`,
    method: route.method,
    connections,
    durationSeconds: 600,
    amount,
    headers: {
      ...(route.signedIn ? headers : {}),
      ...(route.body ? { 'content-type': 'application/json' } : {}),
    },
    ...(route.body ? { body: route.body } : {}),
  });
  const figures = await target.read();
  const expectedNon2xx = route.status >= 300 ? amount : 0;
  if (result.errors > 0 || result.timeouts > 0 || result.non2xx !== expectedNon2xx) {
    throw new Error(
      `${route.label} on ${target.label}: ${result.non2xx} answers not 2xx, ${result.errors} errors, ${result.timeouts} timeouts (expected every answer ${route.status})`,
    );
  }
  const requests = Math.max(figures.requests, 1);
  return {
    cpuMs: figures.cpuMs / requests,
    allocatedKb: figures.allocatedBytes / 1024 / requests,
    gcMs: figures.gc.totalMs / requests,
  };
}

const median = (values: readonly number[]) => percentile(values, 0.5);

function describe(legs: readonly PerRequest[]): string {
  return `CPU ${(median(legs.map((one) => one.cpuMs)) * 1000).toFixed(0)} µs (GC ${(median(legs.map((one) => one.gcMs)) * 1000).toFixed(0)} µs), heap allocated ${median(legs.map((one) => one.allocatedKb)).toFixed(1)} KB`;
}

function change(ours: readonly PerRequest[], baseline: readonly PerRequest[]): string {
  // Each round's difference, so a drift of the machine's speed between rounds cancels out.
  const differences = (pick: (one: PerRequest) => number) =>
    median(ours.map((one, round) => pick(one) - pick(baseline[round]!)));
  const relative = (pick: (one: PerRequest) => number) =>
    `${((differences(pick) / median(baseline.map(pick))) * 100).toFixed(1)} %`;
  return `this tree - baseline (median of each round's difference): CPU ${(differences((one) => one.cpuMs) * 1000).toFixed(0)} µs (${relative((one) => one.cpuMs)}), heap allocated ${differences((one) => one.allocatedKb).toFixed(1)} KB (${relative((one) => one.allocatedKb)})`;
}

async function main(): Promise<void> {
  const loadBefore = loadavg();
  const running: ServiceProcess[] = [];
  await ensureDatabase(databaseUrl, 5_000);
  const probeDirectory = mkdtempSync(path.join(tmpdir(), 'what-if-bench-validation-'));
  try {
    const signingKey = generateKeyPairSync('ec', { namedCurve: 'P-256' })
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString();
    // One database, signing key and session store: a token from either service is good at both.
    const start = async (label: string, repositoryRoot: string | undefined) => {
      const file = path.join(probeDirectory, `${label}.jsonl`);
      const service = await startServiceProcess('user', {
        keepLogs: false,
        ...(repositoryRoot ? { repositoryRoot } : {}),
        env: {
          NODE_ENV: 'production',
          DATABASE_URL: databaseUrl,
          REDIS_URL: redisUrl,
          REDIS_KEY_PREFIX: `${redisPrefix}user:`,
          JWT_SIGNING_KEY: signingKey,
          [allocationProbeFileVariable]: file,
        },
        nodeArguments: ['--require', probeScript],
      });
      running.push(service);
      return new ProbedService(label, service, file);
    };
    const targets = [await start('this tree', undefined)];
    if (baselineRoot) targets.push(await start('baseline', baselineRoot));

    const registered = await fetch(`${targets[0]!.service.url}/api/v1/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        email: `bench-${suffix}@example.com`,
        password: 'Correct-Horse-9-Battery',
        displayName: 'Bench',
      }),
    });
    const { accessToken } = (await registered.json()) as { accessToken?: string };
    if (registered.status !== 201 || !accessToken)
      throw new Error(`registering answered ${registered.status}`);
    const headers = { authorization: `Bearer ${accessToken}` };

    // Warm-up: the JIT, the validator's compiled schemas and the connection pools, not measured.
    for (const route of routes) {
      for (const target of targets) await leg(target, route, headers, Math.min(requestsPerLeg, 1000));
    }
    const figures = routes.map(() => targets.map((): PerRequest[] => []));
    for (let round = 0; round < rounds; round += 1) {
      for (const [routeIndex, route] of routes.entries()) {
        // Each round starts with the next service, so neither always runs first.
        const order = targets.map((_, index) => (index + round) % targets.length);
        for (const targetIndex of order) {
          const target = targets[targetIndex]!;
          const loadNow = loadavg()[0]!;
          const perRequest = await leg(target, route, headers, requestsPerLeg);
          figures[routeIndex]![targetIndex]!.push(perRequest);
          process.stdout.write(
            `  round ${round + 1} ${route.label} ${target.label}: CPU ${(perRequest.cpuMs * 1000).toFixed(0)} µs, ${perRequest.allocatedKb.toFixed(1)} KB per request (load average ${loadNow.toFixed(1)})\n`,
          );
        }
      }
    }
    const lines = [
      `per request on the user service, ${rounds} ${targets.length > 1 ? 'alternating ' : ''}rounds of ${requestsPerLeg} requests over ${connections} connections (medians)${baselineRoot ? `; baseline: ${baselineRoot}` : ''}:`,
      ...routes.flatMap((route, routeIndex) => [
        `  ${route.label}`,
        ...targets.map(
          (target, targetIndex) =>
            `    ${target.label.padEnd(9)} ${describe(figures[routeIndex]![targetIndex]!)}`,
        ),
        ...(targets.length > 1 ? [`    ${change(figures[routeIndex]![0]!, figures[routeIndex]![1]!)}`] : []),
      ]),
      `node ${process.version}, ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, load average ${loadBefore[0]!.toFixed(1)} before and ${loadavg()[0]!.toFixed(1)} after`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    for (const service of running.reverse()) await service.stop();
    await dropDatabase(databaseUrl, 5_000);
    await removeScratchKeys(redisUrl, redisPrefix);
    rmSync(probeDirectory, { recursive: true, force: true });
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`bench-validation failed: ${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 1;
  });
}
