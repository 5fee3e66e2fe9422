/**
 * The capacity model behind the autoscale profile: from each journey's request mix, the
 * load each service carries per journey iteration per second; from a replica's capacity
 * (requests per second at the catalog's CPU target) and the catalog's replica bounds, the
 * rates at which each service must scale, and the arrival-rate stages that cross them.
 */
import { type ServiceName, services } from './catalog.ts';
import type { Journey } from './journey.ts';
import { serviceOf } from './routes.ts';

const serviceNames = Object.keys(services) as ServiceName[];

/** Requests per second each service receives for one journey iteration per second, all journeys mixed by weight. */
export function loadPerIteration(journeys: readonly Journey[]): Record<ServiceName, number> {
  const load = Object.fromEntries(serviceNames.map((name) => [name, 0])) as Record<ServiceName, number>;
  for (const journey of journeys) {
    for (const { route, count } of journey.requestsPerIteration) {
      const requests = journey.weight * count;
      load.gateway += requests;
      load[serviceOf(route)] += requests;
    }
  }
  return load;
}

/**
 * Requests per second one replica carries at its CPU target. Until `make capacity` has
 * measured them, the catalog's targetRequestsPerSecond (what each service is sized for).
 */
export function replicaCapacity(): Record<ServiceName, number> {
  return Object.fromEntries(
    serviceNames.map((name) => [name, services[name].targetRequestsPerSecond]),
  ) as Record<ServiceName, number>;
}

export interface AutoscaleStage {
  name: string;
  /** Journey iterations per second, all journeys together. */
  rate: number;
  /** What the stage should show: which services it pushes over their scaling target. */
  intent: string;
  /** Replicas each service on the path should reach, within its bounds (the others stay at their minimum). */
  expectedReplicas: Record<ServiceName, number>;
  /** Services whose load is over what their minimum replicas carry at the CPU target. */
  overTarget: ServiceName[];
}

function replicasFor(name: ServiceName, requestsPerSecond: number, capacity: number): number {
  const { minReplicas, maxReplicas } = services[name];
  return Math.min(maxReplicas, Math.max(minReplicas, Math.ceil(requestsPerSecond / capacity)));
}

/**
 * Three stages, each past the next scaling threshold of the services the journeys reach:
 * below every target; past the first service's target at its minimum replicas (it and
 * whatever crosses with it scale out); past the first service's maximum replicas (it can
 * scale no further, so latency shows what saturation costs).
 */
export function autoscaleStages(journeys: readonly Journey[]): AutoscaleStage[] {
  const load = loadPerIteration(journeys);
  const capacity = replicaCapacity();
  const onPath = serviceNames.filter((name) => load[name] > 0);
  const rateAt = (replicas: (name: ServiceName) => number) =>
    Math.min(...onPath.map((name) => (replicas(name) * capacity[name]) / load[name]));
  const firstTarget = rateAt((name) => services[name].minReplicas);
  const firstMaximum = rateAt((name) => services[name].maxReplicas);
  const stage = (name: string, rate: number, intent: string): AutoscaleStage => {
    const expectedReplicas = Object.fromEntries(
      serviceNames.map((service) => [service, replicasFor(service, rate * load[service], capacity[service])]),
    ) as Record<ServiceName, number>;
    return {
      name,
      rate,
      intent,
      expectedReplicas,
      overTarget: onPath.filter(
        (service) => rate * load[service] > services[service].minReplicas * capacity[service],
      ),
    };
  };
  return [
    stage(
      'below every target',
      firstTarget * 0.5,
      'every service on the path below its CPU target at its minimum replicas',
    ),
    stage('past the first target', firstTarget * 1.5, 'the first services past their CPU target scale out'),
    stage(
      'past the first maximum',
      firstMaximum * 1.25,
      'the first service at its maximum replicas saturates',
    ),
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
