/**
 * The k6 scripts' capacity model (loadtest/lib/capacity.ts), read from the scripts themselves:
 * traffic.ts is loaded as the CI smoke harness loads a script, in a context of its own with the
 * k6 modules (nothing is sent: loading runs only its init code), so the journeys' request mix and
 * the stages are the ones `k6 run -e LOAD_PROFILE=autoscale` would use, never a copy.
 */
import path from 'node:path';
import type { ServiceName } from '@what-if/catalog';
import { defaultRepoRoot } from '../dev/config';
import { groupNode } from '../k6-smoke/k6-modules';
import { Registry } from '../k6-smoke/metrics';
import { loadScript } from '../k6-smoke/runtime';

export interface ModelStage {
  name: string;
  /** Journey iterations per second, all journeys together. */
  rate: number;
  expectedReplicas: Record<ServiceName, number>;
  overTarget: ServiceName[];
}

export interface TrafficModel {
  stages: ModelStage[];
  /** Replicas at the CPU target each service needs per journey iteration per second. */
  replicasPerIteration: Record<ServiceName, number>;
  /** Requests of each route (by its k6 name) per journey iteration, all journeys mixed by weight. */
  requestsPerIteration: Record<string, number>;
  /** The stages as the k6 report shows them (Markdown). */
  stageTable: string;
  /** Where the per-request costs come from: measured routes, and routes on the catalog's figures. */
  basis: string;
}

export function loadTrafficModel(repoRoot: string = defaultRepoRoot): TrafficModel {
  const loaded = loadScript({
    script: path.join(repoRoot, 'loadtest', 'traffic.ts'),
    env: { LOAD_PROFILE: 'autoscale' },
    environment: {
      registry: new Registry(),
      rootGroup: groupNode('', ''),
      vu: { id: 0, iteration: 0, scenario: '', groups: [], inInit: true },
      send: () => {
        throw new Error('the capacity model sends no requests');
      },
      sleep: () => undefined,
    },
    write: (text) => process.stdout.write(text),
  });
  const capacity = loaded.load(path.join(repoRoot, 'loadtest', 'lib', 'capacity.ts')) as {
    autoscaleStages(journeys: unknown): ModelStage[];
    replicasPerIteration(journeys: unknown): Record<ServiceName, number>;
    stageTable(stages: readonly ModelStage[]): string;
    capacityBasis(journeys: unknown): string;
  };
  const journeys = loaded.exports['journeys'] as {
    weight: number;
    requestsPerIteration: { route: { name: string }; count: number }[];
  }[];
  const requestsPerIteration: Record<string, number> = {};
  for (const journey of journeys) {
    for (const { route, count } of journey.requestsPerIteration) {
      requestsPerIteration[route.name] = (requestsPerIteration[route.name] ?? 0) + journey.weight * count;
    }
  }
  const stages = capacity.autoscaleStages(journeys);
  return {
    stages,
    replicasPerIteration: capacity.replicasPerIteration(journeys),
    requestsPerIteration,
    stageTable: capacity.stageTable(stages),
    basis: capacity.capacityBasis(journeys),
  };
}
