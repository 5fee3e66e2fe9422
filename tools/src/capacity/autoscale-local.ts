/**
 * `make loadtest-autoscale-local`: the k6 `autoscale` profile's stages, scaled down to one
 * process per service, driven against `make dev` (its gateway, BASE_URL), while each service
 * process's CPU is read from its own `process_cpu_seconds_total`. Per stage it reports which
 * services ran over their scaling target (the catalog's CPU target of one replica, in
 * millicores) — what would make them scale — beside what the capacity model predicted, and says
 * where the two disagree.
 *
 * Local scale: make dev runs one process per service where production runs at least
 * minReplicas, so each stage's rate is multiplied by LOCAL_SCALE (default 1 / 2, the catalog's
 * minimum replicas): one process then carries what one replica would. The model's prediction is
 * made for one replica at that rate. Each route the journeys call is driven at its share of the
 * rate with an open arrival schedule (requests leave on time whether or not earlier ones were
 * answered), from this process, on this machine.
 */
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { type ServiceName, scalingLoad, service, serviceNames } from '@what-if/catalog';
import { defaultRepoRoot } from '../dev/config';
import { constantArrivals, type ArrivalOutcome } from './arrivals';
import { type TrafficModel, loadTrafficModel } from './model';
import { accountRotation } from './account-rotation';
import { type RouteLoad, allCpuSeconds, commentsPerMinute, routeLoads, seedData } from './route-loads';

const baseUrl = (process.env['BASE_URL'] || `http://127.0.0.1:${service('gateway').port}`).replace(
  /\/+$/,
  '',
);
const localScale = Number(process.env['LOCAL_SCALE'] ?? 0.5);
const stageSeconds = Number(process.env['STAGE_SECONDS'] ?? 60);
/** Requests of one route waiting for an answer at once, at most; past it, arrivals are dropped and counted. */
const maxInFlight = Number(process.env['MAX_IN_FLIGHT'] ?? 64);
/** The first part of each stage is not measured: pools, caches and the JIT settle first. */
const settleSeconds = Math.min(15, stageSeconds / 4);

const serviceUrls = Object.fromEntries(
  serviceNames.map((name) => [name, `http://127.0.0.1:${service(name).port}`]),
) as Record<ServiceName, string>;

export interface StageObservation {
  name: string;
  /** Journey iterations per second at local scale. */
  rate: number;
  /** Requests per second sent, all routes together. */
  sentPerSecond: number;
  /** Millicores each service process used while the stage was measured. */
  observed: Record<ServiceName, number>;
  /** Millicores the model expects of one replica at this rate (its idle use left out). */
  predicted: Record<ServiceName, number>;
  /** Answers by route and status. */
  answers: Record<string, ArrivalOutcome['statuses']>;
  /** Requests not sent because too many of the route's were waiting already. */
  dropped: number;
}

export function targetMillicores(name: ServiceName): number {
  return scalingLoad(service(name)).cpuMillicores;
}

export function overTarget(millicores: Record<ServiceName, number>): ServiceName[] {
  return serviceNames.filter((name) => millicores[name] > targetMillicores(name));
}

function list(names: readonly string[]): string {
  return names.length > 0 ? names.join(', ') : 'none';
}

/** The report: per stage, which services were over target, predicted and observed, and each service's millicores. */
export function renderReport(
  stages: readonly StageObservation[],
  idle: Record<ServiceName, number>,
  machine: string,
): string {
  const verdicts = stages.map((stage) => {
    const predicted = overTarget(stage.predicted);
    const observed = overTarget(stage.observed);
    const onlyPredicted = predicted.filter((name) => !observed.includes(name));
    const onlyObserved = observed.filter((name) => !predicted.includes(name));
    return { stage, predicted, observed, onlyPredicted, onlyObserved };
  });
  const disagreements = verdicts.flatMap(({ stage, onlyPredicted, onlyObserved }) => [
    ...onlyPredicted.map(
      (name) =>
        `- ${stage.name}: the model puts **${name}** over its target (${stage.predicted[name].toFixed(0)} of ${targetMillicores(name)} millicores), it used ${stage.observed[name].toFixed(0)}.`,
    ),
    ...onlyObserved.map(
      (name) =>
        `- ${stage.name}: **${name}** ran over its target (${stage.observed[name].toFixed(0)} of ${targetMillicores(name)} millicores), the model expected ${stage.predicted[name].toFixed(0)}.`,
    ),
  ]);
  const refusals = stages.flatMap((stage) =>
    Object.entries(stage.answers).flatMap(([route, statuses]) => {
      const bad = Object.entries(statuses).filter(([status]) => !/^2\d\d$/.test(status));
      return bad.length > 0
        ? [`- ${stage.name}, ${route}: ${bad.map(([status, count]) => `${count} × ${status}`).join(', ')}`]
        : [];
    }),
  );
  return [
    '# Autoscale stages at local scale',
    '',
    `Written by \`make loadtest-autoscale-local\` against ${baseUrl} (${machine}).`,
    '',
    `Each stage of the k6 \`autoscale\` profile, at ${localScale} × its rate (one process per service standing`,
    `for one replica), held ${stageSeconds} s, measured over its last ${stageSeconds - settleSeconds} s. Predicted: the capacity`,
    "model's CPU for one replica at that rate; observed: the service process's own CPU time over the",
    `window. A service is over target past the catalog's CPU target of one replica (millicores: ${serviceNames
      .map((name) => `${name} ${targetMillicores(name)}`)
      .join(', ')}).`,
    '',
    '| stage | iterations/s | requests/s sent | dropped | over target, predicted | over target, observed |',
    '| --- | --- | --- | --- | --- | --- |',
    ...verdicts.map(
      ({ stage, predicted, observed }) =>
        `| ${stage.name} | ${stage.rate.toFixed(2)} | ${stage.sentPerSecond.toFixed(1)} | ${stage.dropped} | ${list(predicted)} | ${list(observed)} |`,
    ),
    '',
    'Millicores per service, predicted / observed:',
    '',
    `| service | target | idle | ${stages.map((stage) => stage.name).join(' | ')} |`,
    `|${' --- |'.repeat(3 + stages.length)}`,
    ...serviceNames.map(
      (name) =>
        `| ${name} | ${targetMillicores(name)} | ${(idle[name] * 1000).toFixed(0)} | ${stages
          .map((stage) => `${stage.predicted[name].toFixed(0)} / ${stage.observed[name].toFixed(0)}`)
          .join(' | ')} |`,
    ),
    '',
    '## Where the model and the measurement disagree',
    '',
    ...(disagreements.length > 0
      ? disagreements
      : ['Nowhere: every stage put the same services over target.']),
    '',
    ...(refusals.length > 0
      ? [
          '## Answers other than 2xx',
          '',
          "A 429 is a limit of make dev's (start it with the limits raised, README); a 5xx or `error` is a failure; `held back`: a comment every run account had used its minute's allowance for (not sent).",
          '',
          ...refusals,
          '',
        ]
      : []),
  ].join('\n');
}

function send(target: RouteLoad): () => Promise<number | 'held back'> {
  const nextAccount = target.perAccount
    ? accountRotation(target.perAccount.headers, target.perAccount.perMinute)
    : () => ({});
  return async () => {
    const account = nextAccount();
    // Every account has used its allowance this minute: not sent, as the k6 social reader holds back.
    if (!account) return 'held back';
    const response = await fetch(`${baseUrl}${target.path}`, {
      method: target.method,
      headers: { ...target.headers, ...account },
      ...(target.body ? { body: target.body } : {}),
      signal: AbortSignal.timeout(60_000),
    });
    await response.arrayBuffer();
    return response.status;
  };
}

/**
 * Accounts enough for the comment route's busiest stage to stay within social's limit (each
 * account `commentsPerMinute` a minute), plus one to spare.
 */
function commentersFor(model: TrafficModel): number {
  const busiest = Math.max(...model.stages.map((stage) => stage.rate)) * localScale;
  const perSecond = busiest * (model.requestsPerIteration['comment'] ?? 0);
  return Math.ceil((perSecond * 61) / commentsPerMinute) + 1;
}

async function millicoresOver(seconds: number): Promise<Record<ServiceName, number>> {
  const before = await allCpuSeconds(serviceUrls);
  const started = performance.now();
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  const after = await allCpuSeconds(serviceUrls);
  const elapsed = (performance.now() - started) / 1000;
  return Object.fromEntries(
    serviceNames.map((name) => [name, ((after[name] - before[name]) / elapsed) * 1000]),
  ) as Record<ServiceName, number>;
}

async function runStage(
  model: TrafficModel,
  stage: TrafficModel['stages'][number],
  targets: readonly RouteLoad[],
): Promise<StageObservation> {
  const rate = stage.rate * localScale;
  const driven = targets.filter((target) => (model.requestsPerIteration[target.route] ?? 0) > 0);
  const runs = driven.map((target) =>
    constantArrivals({
      rate: rate * model.requestsPerIteration[target.route]!,
      seconds: stageSeconds,
      send: send(target),
      maxInFlight,
    }).then((outcome) => [target.route, outcome] as const),
  );
  await new Promise((resolve) => setTimeout(resolve, settleSeconds * 1000));
  const observed = await millicoresOver(stageSeconds - settleSeconds);
  const outcomes = await Promise.all(runs);
  const predicted = Object.fromEntries(
    serviceNames.map((name) => [name, rate * model.replicasPerIteration[name] * targetMillicores(name)]),
  ) as Record<ServiceName, number>;
  return {
    name: stage.name,
    rate,
    sentPerSecond: outcomes.reduce((total, [, outcome]) => total + outcome.sent, 0) / stageSeconds,
    observed,
    predicted,
    answers: Object.fromEntries(outcomes.map(([route, outcome]) => [route, outcome.statuses])),
    dropped: outcomes.reduce((total, [, outcome]) => total + outcome.dropped, 0),
  };
}

async function main(): Promise<void> {
  const health = await fetch(`${baseUrl}/health`, { signal: AbortSignal.timeout(10_000) }).catch(
    () => undefined,
  );
  if (health?.status !== 200) {
    throw new Error(
      `no healthy stack at ${baseUrl}: start make dev first (README, "Autoscale at local scale")`,
    );
  }
  const loadBefore = loadavg()[0]!;
  const model = loadTrafficModel();
  process.stdout.write(`make loadtest-autoscale-local: seeding an account on ${baseUrl}\n`);
  const { account, seeded, commenters } = await seedData(baseUrl, 3, commentersFor(model));
  const targets = routeLoads(account, seeded, commenters);
  process.stdout.write('  idle CPU for 10 s\n');
  const idle = Object.fromEntries(
    Object.entries(await millicoresOver(10)).map(([name, millicores]) => [name, millicores / 1000]),
  ) as Record<ServiceName, number>;
  const observations: StageObservation[] = [];
  try {
    for (const stage of model.stages) {
      process.stdout.write(
        `  ${stage.name}: ${(stage.rate * localScale).toFixed(2)} iterations/s for ${stageSeconds} s\n`,
      );
      observations.push(await runStage(model, stage, targets));
    }
  } finally {
    // make dev keeps its data: the run's accounts go, and with them everything they wrote.
    const statuses: number[] = [];
    for (const each of [account, ...commenters]) {
      const deleted = await fetch(`${baseUrl}/api/v1/users/me`, {
        method: 'DELETE',
        headers: { authorization: `Bearer ${each.token}` },
        signal: AbortSignal.timeout(30_000),
      });
      statuses.push(deleted.status);
    }
    process.stdout.write(
      `  deleting the run's ${statuses.length} accounts answered ${statuses.join(', ')}\n`,
    );
  }
  const machine =
    `${new Date().toISOString().slice(0, 10)}, ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, node ${process.version}, ` +
    `load average ${loadBefore.toFixed(1)} before and ${loadavg()[0]!.toFixed(1)} after`;
  const report = renderReport(observations, idle, machine);
  writeFileSync(path.join(defaultRepoRoot, 'loadtest', 'autoscale-local.md'), report);
  process.stdout.write(`\n${report}\nwritten to loadtest/autoscale-local.md\n`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(
      `make loadtest-autoscale-local failed: ${(error as Error).stack ?? String(error)}\n`,
    );
    process.exitCode = 1;
  });
}
