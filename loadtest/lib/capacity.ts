/**
 * The capacity model behind the autoscale profile. For each service, how many replicas one
 * journey iteration per second keeps busy at the catalog's CPU target: from `make capacity`'s
 * measured CPU cost of each route in every service it touches (the gateway and internal calls
 * included), or, for a route not measured yet, from the catalog's targetRequestsPerSecond (what
 * each service is sized for). With the catalog's replica bounds, that gives the rates at which
 * each service must scale and the arrival-rate stages that cross them.
 */
import { type ServiceName, services } from './catalog.ts';
import { cpuMsPerRequest, measuredOn } from './capacity-measured.ts';
import type { Journey } from './journey.ts';
import { serviceOf } from './routes.ts';

const serviceNames = Object.keys(services) as ServiceName[];

function zeroes(): Record<ServiceName, number> {
  return Object.fromEntries(serviceNames.map((name) => [name, 0])) as Record<ServiceName, number>;
}

/**
 * Replicas at the CPU target each service needs per journey iteration per second, all
 * journeys mixed by weight.
 */
export function replicasPerIteration(journeys: readonly Journey[]): Record<ServiceName, number> {
  const replicas = zeroes();
  for (const journey of journeys) {
    for (const { route, count } of journey.requestsPerIteration) {
      const requests = journey.weight * count;
      const measured = cpuMsPerRequest[route.name];
      if (measured) {
        // CPU ms per request × requests per second = millicores.
        for (const name of Object.keys(measured) as ServiceName[]) {
          replicas[name] += (requests * measured[name]!) / services[name].targetCpuMillicores;
        }
      } else {
        for (const name of ['gateway', serviceOf(route)] as ServiceName[]) {
          replicas[name] += requests / services[name].targetRequestsPerSecond;
        }
      }
    }
  }
  return replicas;
}

/** Where the model's figures come from, for the report. */
export function capacityBasis(journeys: readonly Journey[]): string {
  const routes = [
    ...new Set(journeys.flatMap((journey) => journey.requestsPerIteration.map((entry) => entry.route.name))),
  ];
  const measured = routes.filter((name) => cpuMsPerRequest[name]);
  const missing = routes.filter((name) => !cpuMsPerRequest[name]);
  return [
    measured.length > 0
      ? `CPU per request measured by make capacity (${measuredOn}) for ${measured.join(', ')}`
      : '',
    missing.length > 0 ? `the catalog's targetRequestsPerSecond for ${missing.join(', ')}` : '',
  ]
    .filter(Boolean)
    .join('; ');
}

export interface AutoscaleStage {
  name: string;
  /** Journey iterations per second, all journeys together. */
  rate: number;
  /** Replicas each service should reach, within its bounds. */
  expectedReplicas: Record<ServiceName, number>;
  /** Services whose load is over what their minimum replicas carry at the CPU target. */
  overTarget: ServiceName[];
}

/**
 * Three stages, each past the next scaling threshold of the services the journeys reach:
 * below every target; past the first service's target at its minimum replicas (it and
 * whatever crosses with it scale out); past the first service's maximum replicas (it can
 * scale no further, so latency shows what saturation costs).
 */
export function autoscaleStages(journeys: readonly Journey[]): AutoscaleStage[] {
  const demand = replicasPerIteration(journeys);
  const onPath = serviceNames.filter((name) => demand[name] > 0);
  const rateAt = (replicas: (name: ServiceName) => number) =>
    Math.min(...onPath.map((name) => replicas(name) / demand[name]));
  const firstTarget = rateAt((name) => services[name].minReplicas);
  const firstMaximum = rateAt((name) => services[name].maxReplicas);
  const stage = (name: string, rate: number): AutoscaleStage => ({
    name,
    rate,
    expectedReplicas: Object.fromEntries(
      serviceNames.map((service) => {
        const { minReplicas, maxReplicas } = services[service];
        return [service, Math.min(maxReplicas, Math.max(minReplicas, Math.ceil(rate * demand[service])))];
      }),
    ) as Record<ServiceName, number>,
    overTarget: onPath.filter((service) => rate * demand[service] > services[service].minReplicas),
  });
  return [
    stage('below every target', firstTarget * 0.5),
    stage('past the first target', firstTarget * 1.5),
    stage('past the first maximum', firstMaximum * 1.25),
  ];
}

/** The stages as a Markdown table: rate, which services are over target, expected replicas. */
export function stageTable(stages: readonly AutoscaleStage[]): string {
  const header = `| stage | iterations/s | over target | ${serviceNames.join(' | ')} |`;
  const rule = `|${' --- |'.repeat(3 + serviceNames.length)}`;
  const rows = stages.map(
    (entry, index) =>
      `| ${index + 1}. ${entry.name} | ${entry.rate.toFixed(2)} | ${entry.overTarget.join(', ') || 'none'} | ${serviceNames
        .map((name) => entry.expectedReplicas[name])
        .join(' | ')} |`,
  );
  return [header, rule, ...rows].join('\n');
}
