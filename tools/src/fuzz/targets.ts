import { type ServiceName, resolveRoute, routeTable, services } from '@what-if/catalog';

const httpMethods = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);

/** An OpenAPI document as served at /openapi.json, as far as the fuzzer reads it. */
export interface OpenApiDocument {
  paths?: Record<string, Record<string, unknown>>;
  [key: string]: unknown;
}

/** One Schemathesis run: a contract and where to send its requests. */
export interface FuzzTarget {
  /** "history" or "history via gateway": names the run in the output and its report folder. */
  name: string;
  service: ServiceName;
  /** The service's own /openapi.json, or a file holding the part of it the gateway routes. */
  schema: string;
  baseUrl: string;
  /** Schemathesis filter options narrowing the run to part of the contract. */
  filters: string[];
  /** Whether the run needs an admin's token (the admin routes). */
  admin: boolean;
}

const adminPaths = '^/api/v1/admin/';

/** What ends the caller's own session or account: the first success spends the run's token. */
export const selfEndingOperations: readonly string[] = [
  'POST /api/v1/auth/logout',
  'POST /api/v1/auth/logout-all',
  'DELETE /api/v1/auth/sessions/{sessionId}',
  'POST /api/v1/users/me/password',
  'DELETE /api/v1/users/me',
];

/**
 * The user service's contract in several runs, each with accounts of its own: the admin routes
 * alone (an admin fuzzing them disables and re-roles whatever accounts it finds, the run's own
 * user among them), each self-ending operation alone (so each gets its signed-in success before
 * its token is spent), and everything else together with a token that stays good throughout.
 */
function splitUserContract(target: Omit<FuzzTarget, 'filters' | 'admin'>): FuzzTarget[] {
  if (target.service !== 'user') return [{ ...target, filters: [], admin: false }];
  return [
    {
      ...target,
      filters: [
        '--exclude-path-regex',
        adminPaths,
        ...selfEndingOperations.flatMap((operation) => ['--exclude-name', operation]),
      ],
      admin: false,
    },
    { ...target, name: `${target.name} (admin)`, filters: ['--include-path-regex', adminPaths], admin: true },
    ...selfEndingOperations.map((operation) => ({
      ...target,
      name: `${target.name}: ${operation}`,
      filters: ['--include-name', operation],
      admin: false,
    })),
  ];
}

/**
 * The part of a service's contract the public reaches: the operations the gateway's routing
 * table sends to this service. Health, metrics, the document itself and /internal/ stay out;
 * the gateway answers those paths itself or not at all.
 */
export function gatewayView(document: OpenApiDocument, serviceName: ServiceName): OpenApiDocument {
  const table = routeTable();
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    const kept = Object.entries(item).filter(
      ([key]) => !httpMethods.has(key) || resolveRoute(table, key, path)?.service === serviceName,
    );
    if (kept.some(([key]) => httpMethods.has(key))) paths[path] = Object.fromEntries(kept);
  }
  return { ...document, paths };
}

/** How many operations a document holds. */
export function operationCount(document: OpenApiDocument): number {
  return Object.values(document.paths ?? {}).reduce(
    (count, item) => count + Object.keys(item).filter((key) => httpMethods.has(key)).length,
    0,
  );
}

/**
 * Through the gateway one path can belong to two services (POST /api/v1/scenarios is
 * generation's, GET is history's), so a method one service's view leaves out is not an
 * unsupported one: the method checks run against each service directly instead.
 */
const gatewayOnlyChecks = ['--exclude-checks', 'unsupported_method,allow_header_conformance'];

/**
 * Every run of `make fuzz`: each service's whole contract straight at the service, then the
 * public part of each contract through the gateway (where the gateway's token checks, limits
 * and proxying sit between the client and the service). `gatewaySchemaFile` writes a
 * service's gateway view and answers its path, or undefined when the gateway routes none of it.
 */
export function fuzzTargets(
  urls: Readonly<Record<ServiceName, string>>,
  gatewaySchemaFile: (service: ServiceName) => string | undefined,
): FuzzTarget[] {
  const direct = services.flatMap((entry) =>
    splitUserContract({
      name: entry.name,
      service: entry.name,
      schema: `${urls[entry.name]}/openapi.json`,
      baseUrl: urls[entry.name],
    }),
  );
  const throughGateway = services
    .filter((entry) => entry.name !== 'gateway')
    .flatMap((entry) => {
      const schema = gatewaySchemaFile(entry.name);
      return schema
        ? splitUserContract({
            name: `${entry.name} via gateway`,
            service: entry.name,
            schema,
            baseUrl: urls.gateway,
          }).map((target) => ({ ...target, filters: [...target.filters, ...gatewayOnlyChecks] }))
        : [];
    });
  return [...direct, ...throughGateway];
}
