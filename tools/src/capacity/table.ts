/** What `make capacity` writes: the k6 model's data module and the capacity table for people. */
import { type ServiceName, scalingLoad, service, serviceNames } from '@what-if/catalog';

export interface RouteCost {
  /** The k6 scripts' route name (loadtest/lib/routes.ts). */
  route: string;
  requests: number;
  requestsPerSecond: number;
  non2xx: number;
  /** CPU milliseconds per request, per service that did any work for it. */
  cpuMsPerRequest: Partial<Record<ServiceName, number>>;
  /** Requests each service answered per request of the route (the gateway 1; internal calls count). */
  answeredPerRequest: Partial<Record<ServiceName, number>>;
}

export interface MixCapacity {
  service: ServiceName;
  /** Requests the service answers per journey iteration, all journeys mixed by weight. */
  requestsPerIteration: number;
  /** Its CPU milliseconds per journey iteration. */
  cpuMsPerIteration: number;
  /** Requests per second one replica answers at its CPU target, with the journeys' mix. */
  perReplicaAtTarget: number;
}

/**
 * What one replica of each service answers per second at its CPU target when the requests come
 * in the journeys' mix: the figure to hold the catalog's `targetRequestsPerSecond` (request-count
 * scaling on ECS) to, so that it and CPU scaling add replicas at about the same load. Routes
 * the mix calls that were not measured are left out.
 */
export function mixCapacity(
  costs: readonly RouteCost[],
  requestsPerIteration: Readonly<Record<string, number>>,
): MixCapacity[] {
  return serviceNames.flatMap((name) => {
    let requests = 0;
    let cpuMs = 0;
    for (const cost of costs) {
      const weight = requestsPerIteration[cost.route] ?? 0;
      requests += weight * (cost.answeredPerRequest[name] ?? 0);
      cpuMs += weight * (cost.cpuMsPerRequest[name] ?? 0);
    }
    if (requests === 0 || cpuMs === 0) return [];
    return [
      {
        service: name,
        requestsPerIteration: requests,
        cpuMsPerIteration: cpuMs,
        perReplicaAtTarget: (scalingLoad(service(name)).cpuMillicores * requests) / cpuMs,
      },
    ];
  });
}

export interface MeasurementSettings {
  seconds: number;
  connections: number;
  /** Date, cores and CPU, node, load average before and after. */
  machine: string;
}

/** Requests per second one vCPU carries at full use, if this route were all the service served. */
export function perVcpu(cpuMs: number): number {
  return 1000 / cpuMs;
}

/** Requests per second one replica carries at the catalog's CPU target, if this route were all it served. */
export function perReplicaAtTarget(name: ServiceName, cpuMs: number): number {
  return scalingLoad(service(name)).cpuMillicores / cpuMs;
}

export function renderMeasured(costs: readonly RouteCost[], settings: MeasurementSettings): string {
  const routes = Object.fromEntries(costs.map((cost) => [cost.route, cost.cpuMsPerRequest]));
  return [
    '// Written by `make capacity` (tools/src/capacity); do not edit: run it again.',
    "import type { ServiceName } from './catalog.ts';",
    '',
    '/** CPU milliseconds each service spends per request of each route, measured. */',
    `export const cpuMsPerRequest: Readonly<Record<string, Partial<Record<ServiceName, number>>>> = ${JSON.stringify(routes, null, 2)};`,
    '',
    `export const measuredOn = ${JSON.stringify(settings.machine)};`,
    '',
  ].join('\n');
}

function round(value: number): string {
  return value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2);
}

/** One row per service and route it works for: its CPU per request, per vCPU and per replica at target. */
export function capacityRows(costs: readonly RouteCost[]): string[] {
  return serviceNames.flatMap((name) =>
    costs
      .filter((cost) => cost.cpuMsPerRequest[name] !== undefined)
      .map((cost) => {
        const cpuMs = cost.cpuMsPerRequest[name]!;
        return `| ${name} | ${cost.route} | ${round(cpuMs)} | ${round(perVcpu(cpuMs))} | ${round(perReplicaAtTarget(name, cpuMs))} |`;
      }),
  );
}

export function renderTable(
  costs: readonly RouteCost[],
  idle: Record<ServiceName, number>,
  settings: MeasurementSettings,
  model: { stageTable: string; basis: string; requestsPerIteration: Readonly<Record<string, number>> },
): string {
  const failures = costs.filter((cost) => cost.non2xx > 0);
  const targets = serviceNames
    .map((name) => `${name} ${scalingLoad(service(name)).cpuMillicores}`)
    .join(', ');
  return [
    '# Capacity table',
    '',
    `Written by \`make capacity\` (${settings.machine}); do not edit, run it again.`,
    '',
    `Each route the k6 journeys call took ${settings.seconds} s of load through the gateway, from the benchmarks'`,
    `loopback load generator (${settings.connections} connections; fewer for sign-in, written scenarios and`,
    "video requests), on a stack of its own; every service's CPU time (`process_cpu_seconds_total`) was",
    'read before and after, less what it spends idle, and divided by the requests answered. CPU time per',
    'request barely depends on what else the machine runs (wall-clock throughput does: every service and',
    'the load generator share its cores), so it is what the table is built on.',
    '',
    '- **per vCPU**: requests per second one fully used vCPU carries, if that route were all it served;',
    `- **per replica at target**: the same at the catalog's CPU target of one replica (target % of its CPU`,
    `  request, in millicores: ${targets}), what one replica carries before autoscaling adds another.`,
    '',
    '| service | route | CPU ms per request | req/s per vCPU | req/s per replica at target |',
    '| --- | --- | --- | --- | --- |',
    ...capacityRows(costs),
    '',
    '| route | requests | wall-clock req/s (context only) |',
    '| --- | --- | --- |',
    ...costs.map((cost) => `| ${cost.route} | ${cost.requests} | ${cost.requestsPerSecond.toFixed(0)} |`),
    '',
    `Idle, each service spends ${serviceNames.map((name) => `${name} ${(idle[name] * 1000).toFixed(1)}`).join(', ')} CPU ms per second.`,
    '',
    ...(failures.length > 0
      ? [
          "Answers other than 2xx (these routes' costs are suspect):",
          ...failures.map((cost) => `- ${cost.route}: ${cost.non2xx}`),
          '',
        ]
      : []),
    "## Per service, in the journeys' mix",
    '',
    "Each service's requests (internal calls included, as Service Connect counts them on ECS) and CPU per",
    "journey iteration, with the k6 journeys' request mix, and the requests per second one replica answers",
    "at its CPU target: the figure the catalog's `targetRequestsPerSecond` (request-count scaling on ECS) is",
    'held to, so that request-count and CPU scaling add replicas at about the same load.',
    '',
    '| service | requests per iteration | CPU ms per iteration | req/s per replica at target | catalog targetRequestsPerSecond |',
    '| --- | --- | --- | --- | --- |',
    ...mixCapacity(costs, model.requestsPerIteration).map(
      (entry) =>
        `| ${entry.service} | ${round(entry.requestsPerIteration)} | ${round(entry.cpuMsPerIteration)} | ${round(entry.perReplicaAtTarget)} | ${service(entry.service).scaling.targetRequestsPerSecond} |`,
    ),
    '',
    '## Autoscale stages',
    '',
    "The k6 `autoscale` profile's stages (loadtest/lib/capacity.ts, from these costs, the journeys' request",
    "mix and the catalog's replica bounds), with the replicas each service should reach: the same on ECS",
    'and Kubernetes, which both scale at the same absolute CPU.',
    '',
    model.stageTable,
    '',
    `From ${model.basis}.`,
    '',
  ].join('\n');
}
