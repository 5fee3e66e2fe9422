/**
 * `make capacity`: what one vCPU of each service carries, per main route, on this machine.
 * A stack of its own (the private-stack harness: free ports, its own database and keys) takes a fixed-connection load
 * on each route the k6 journeys call, through the gateway, from the benchmarks' loopback
 * load generator; every service's CPU time (its own `process_cpu_seconds_total`) is read
 * before and after, so each route's cost is CPU seconds per request in every service it
 * touches, the gateway and internal calls included. CPU time, unlike wall-clock throughput,
 * barely depends on what else the machine runs, but the figures still come from a laptop or a
 * shared CI box and say so (load average, cores). It writes loadtest/lib/capacity-measured.ts,
 * which the k6 autoscale profile reads, and loadtest/capacity.md, the table for people.
 */
import { writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { type ServiceName, serviceNames } from '@what-if/catalog';
import { load } from '../bench/load';
import { defaultRepoRoot } from '../dev/config';
import { startPrivateStack } from '../harness/private-stack';
import { accountRotation } from './account-rotation';
import { loadTrafficModel } from './model';
import { type RouteLoad, allCpuSeconds, allRequestsAnswered, routeLoads, seedData } from './route-loads';
import { type RouteCost, renderMeasured, renderTable } from './table';

const seconds = Number(process.env['CAPACITY_SECONDS'] ?? 10);
const connections = Number(process.env['CAPACITY_CONNECTIONS'] ?? 8);
/** Accounts for a route limited per account (a comment): 2 for the warm-up, the rest measured, each to its limit. */
const commenters = Number(process.env['CAPACITY_COMMENTERS'] ?? 24);
const warmUpAccounts = 2;

interface Idle {
  /** CPU seconds per second each service spends with no requests at all (timers, health checks, metrics). */
  cpu: Record<ServiceName, number>;
  /** Requests per second each answers meanwhile (health checks, these reads of /metrics). */
  requests: Record<ServiceName, number>;
}

async function idleUse(urls: Record<ServiceName, string>): Promise<Idle> {
  const [cpuBefore, requestsBefore] = await Promise.all([allCpuSeconds(urls), allRequestsAnswered(urls)]);
  const started = performance.now();
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  const [cpuAfter, requestsAfter] = await Promise.all([allCpuSeconds(urls), allRequestsAnswered(urls)]);
  const elapsed = (performance.now() - started) / 1000;
  const rate = (after: Record<ServiceName, number>, before: Record<ServiceName, number>) =>
    Object.fromEntries(serviceNames.map((name) => [name, (after[name] - before[name]) / elapsed])) as Record<
      ServiceName,
      number
    >;
  return { cpu: rate(cpuAfter, cpuBefore), requests: rate(requestsAfter, requestsBefore) };
}

async function measure(urls: Record<ServiceName, string>, idle: Idle, target: RouteLoad): Promise<RouteCost> {
  const options = {
    url: `${urls.gateway}${target.path}`,
    connections: target.connections ?? connections,
    method: target.method,
    ...(target.headers ? { headers: target.headers } : {}),
    ...(target.body ? { body: target.body } : {}),
  };
  // A route limited per account sends each account's allowance once: so many requests, not so long.
  const limited = (accounts: readonly Record<string, string>[]) => {
    if (!target.perAccount) return {};
    const next = accountRotation(accounts, target.perAccount.perMinute);
    // Never past the allowance (the amount is exactly it); if it were, the request would go unsigned and fail.
    return { amount: accounts.length * target.perAccount.perMinute, nextHeaders: () => next() ?? {} };
  };
  const accounts = target.perAccount?.headers ?? [];
  // A short warm-up first (JIT, connection pools, caches), not measured.
  await load({ ...options, durationSeconds: 2, ...limited(accounts.slice(0, warmUpAccounts)) });
  const [before, answeredBefore] = await Promise.all([allCpuSeconds(urls), allRequestsAnswered(urls)]);
  const started = performance.now();
  const result = await load({
    ...options,
    durationSeconds: seconds,
    ...limited(accounts.slice(warmUpAccounts)),
  });
  const elapsed = (performance.now() - started) / 1000;
  const [after, answeredAfter] = await Promise.all([allCpuSeconds(urls), allRequestsAnswered(urls)]);
  const requests = result.requests.total;
  const cpuMsPerRequest: Partial<Record<ServiceName, number>> = {};
  const answeredPerRequest: Partial<Record<ServiceName, number>> = {};
  for (const name of serviceNames) {
    // What the service spends anyway is no cost of the route; what is left below 0.02 ms a request is noise.
    const spent = after[name] - before[name] - idle.cpu[name] * elapsed;
    if (requests > 0 && (spent / requests) * 1000 >= 0.02) cpuMsPerRequest[name] = (spent / requests) * 1000;
    // The same for requests: the gateway answers each once; a service behind it, once per call it gets.
    const answered = answeredAfter[name] - answeredBefore[name] - idle.requests[name] * elapsed;
    if (requests > 0 && answered / requests >= 0.01) answeredPerRequest[name] = answered / requests;
  }
  return {
    route: target.route,
    requests,
    requestsPerSecond: requests / elapsed,
    non2xx: result.non2xx + result.errors + result.timeouts,
    cpuMsPerRequest,
    answeredPerRequest,
  };
}

async function main(): Promise<void> {
  const loadBefore = loadavg();
  const stackLog = path.join(tmpdir(), 'what-if-capacity-stack.log');
  process.stdout.write(`make capacity: starting a stack of its own (its log: ${stackLog})\n`);
  const stack = await startPrivateStack({
    label: 'capacity',
    logFile: stackLog,
    env: process.env,
    // The load asks for far more videos than a day's quota; the quota's refusal is not what is measured.
    serviceEnvironment: () => ({ VIDEO_QUOTA_USER_PER_DAY: '1000000000' }),
  });
  const costs: RouteCost[] = [];
  let idle: Idle = { cpu: {} as Record<ServiceName, number>, requests: {} as Record<ServiceName, number> };
  try {
    const seed = await seedData(stack.urls.gateway, 12, commenters);
    idle = await idleUse(stack.urls);
    for (const target of routeLoads(seed.account, seed.seeded, seed.commenters)) {
      const cost = await measure(stack.urls, idle, target);
      costs.push(cost);
      const spent = (Object.entries(cost.cpuMsPerRequest) as [ServiceName, number][])
        .map(([name, cpuMs]) => `${name} ${cpuMs.toFixed(3)} ms`)
        .join(', ');
      process.stdout.write(
        `  ${target.route.padEnd(18)} ${cost.requestsPerSecond.toFixed(0).padStart(6)} req/s  CPU per request: ${spent}\n`,
      );
    }
  } finally {
    await stack.stop();
  }
  const loadAfter = loadavg();
  const machine =
    `${new Date().toISOString().slice(0, 10)}, ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, node ${process.version}, ` +
    `load average ${loadBefore[0]!.toFixed(1)} before and ${loadAfter[0]!.toFixed(1)} after`;
  const settings = { seconds, connections, machine };
  writeFileSync(
    path.join(defaultRepoRoot, 'loadtest', 'lib', 'capacity-measured.ts'),
    renderMeasured(costs, settings),
  );
  // Loaded after the costs are written: the model reads them.
  const model = loadTrafficModel();
  writeFileSync(
    path.join(defaultRepoRoot, 'loadtest', 'capacity.md'),
    renderTable(costs, idle.cpu, settings, model),
  );
  process.stdout.write(
    `\n${model.stageTable}\n\nmake capacity: wrote loadtest/capacity.md and loadtest/lib/capacity-measured.ts (${machine})\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`make capacity failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 1;
});
