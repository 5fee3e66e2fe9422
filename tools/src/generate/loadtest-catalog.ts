import { routeTable, scalingLoad, service, services } from '@what-if/catalog';

/**
 * The part of the catalog the k6 scripts need, as a plain TypeScript module they import
 * (k6 runs scripts, not npm packages): each service's latency objective, which the route
 * thresholds come from, its scaling bounds and CPU, which the autoscale stages come from,
 * and the gateway's routing table, which says which service answers a request.
 */
export function renderLoadtestCatalog(): string {
  const byService = Object.fromEntries(
    services.map((entry) => [
      entry.name,
      {
        latencyP99Ms: entry.latency.p99Ms,
        availability: entry.latency.availability,
        cpuRequestMillicores: entry.resources.cpu.requestMillicores,
        targetCpuPercent: entry.scaling.targetCpuPercent,
        targetCpuMillicores: scalingLoad(entry).cpuMillicores,
        targetRequestsPerSecond: entry.scaling.targetRequestsPerSecond,
        minReplicas: entry.scaling.minReplicas,
        maxReplicas: entry.scaling.maxReplicas,
      },
    ]),
  );
  const routes = routeTable().map((rule) => ({
    service: rule.service,
    path: rule.path,
    exact: Boolean(rule.exact),
    methods: rule.methods ?? null,
  }));
  return [
    '// Generated from services/catalog by `make generate`; do not edit (a test fails when it drifts).',
    '',
    'export type ServiceName = ' + services.map((entry) => `'${entry.name}'`).join(' | ') + ';',
    '',
    'export interface ServiceObjectives {',
    '  /** The 99th-percentile latency an ordinary request must stay under. */',
    '  latencyP99Ms: number;',
    '  /** The share of requests answered without a 5xx, over 30 days. */',
    '  availability: number;',
    '  cpuRequestMillicores: number;',
    '  /** Average CPU, as a percentage of the request, that adds a replica. */',
    '  targetCpuPercent: number;',
    '  targetCpuMillicores: number;',
    '  /** Requests per replica per second the service is sized for. */',
    '  targetRequestsPerSecond: number;',
    '  minReplicas: number;',
    '  maxReplicas: number;',
    '}',
    '',
    'export interface CatalogRoute {',
    '  service: ServiceName;',
    '  path: string;',
    '  exact: boolean;',
    '  methods: readonly string[] | null;',
    '}',
    '',
    `export const services: Readonly<Record<ServiceName, ServiceObjectives>> = ${JSON.stringify(byService, null, 2)};`,
    '',
    "/** Where make dev's gateway listens: the scripts' default BASE_URL. */",
    `export const localGatewayUrl = 'http://localhost:${service('gateway').port}';`,
    '',
    "/** The gateway's routing table, most specific first: the first match answers. */",
    `export const routeTable: readonly CatalogRoute[] = ${JSON.stringify(routes, null, 2)};`,
    '',
  ].join('\n');
}
