import { type DeploymentPath, trustedProxyCount } from './client-address';
import { callersOf, service, storePorts } from './services';
import type { EnvVar, ServiceName } from './types';

/** The variable that holds a service's base URL for its callers, e.g. HISTORY_SERVICE_URL. */
export function serviceUrlVariable(name: ServiceName): string {
  return `${name.toUpperCase()}_SERVICE_URL`;
}

/** Variables every service reads through the kit. */
function commonEnv(name: ServiceName): EnvVar[] {
  const entry = service(name);
  return [
    {
      name: 'NODE_ENV',
      default: 'development',
      deployedDefault: 'production',
      description: 'development, test or production',
    },
    {
      name: 'LOG_LEVEL',
      default: 'info',
      description: 'pino level: fatal, error, warn, info, debug, trace or silent',
    },
    {
      name: 'HOST',
      default: '0.0.0.0',
      description:
        'The address the server binds: every interface in a container; make dev binds 127.0.0.1 so no other machine reaches a service',
    },
    { name: 'PORT', default: String(entry.port), description: 'The port the server binds' },
    {
      name: 'SHUTDOWN_DELAY_MS',
      default: '5000',
      description:
        'After SIGTERM, how long readiness reports 503 while new requests are still served, so load balancers stop sending traffic before the server closes',
    },
    {
      name: 'SHUTDOWN_TIMEOUT_MS',
      default: String(entry.drainSeconds * 1000),
      description: 'How long in-flight requests may run after the server stops accepting new ones',
    },
    {
      name: 'OTEL_EXPORTER_OTLP_ENDPOINT',
      default: '',
      description:
        "The OTLP/HTTP collector traces go to (e.g. http://localhost:4318); empty sends none. The kit's tracing reads it with the OpenTelemetry SDK's other standard variables; ECS sets it when the tracing flag runs the ADOT sidecar, the chart from tracing.otlpEndpoint",
    },
    {
      name: 'JWT_ISSUER',
      default: 'what-if',
      description: 'The `iss` of access tokens: the user service signs with it, every service requires it',
    },
    {
      name: 'JWT_AUDIENCE',
      default: 'what-if-api',
      description: 'The `aud` of access tokens: the user service signs with it, every service requires it',
    },
    {
      name: 'SERVICE_SIGNING_KEY',
      description:
        "This service's own PKCS#8 PEM EC P-256 private key: it signs a short token on every call to another service's /internal/ endpoints (make dev and make service-keys make one; docs/cross-service.md)",
      secret: true,
    },
    {
      name: 'SERVICE_PUBLIC_KEYS',
      description: `The PEM public keys of the services allowed to call this one's /internal/ endpoints, as JSON {"<service>": "<PEM>"} (a list of PEMs during a rotation); ${
        callersOf(name).length > 0
          ? `here the keys of ${callersOf(name).join(', ')}`
          : 'here `{}`: no service calls this one'
      }`,
      secret: true,
    },
  ];
}

function storeEnv(name: ServiceName): EnvVar[] {
  const entry = service(name);
  const vars: EnvVar[] = [];
  if (entry.stores.includes('postgres')) {
    vars.push({
      name: 'DATABASE_URL',
      default: `postgres://whatif:whatif@127.0.0.1:${storePorts.postgres}/whatif`,
      description: 'PostgreSQL connection string',
      secret: true,
    });
  }
  if (entry.stores.includes('redis')) {
    vars.push(
      {
        name: 'REDIS_URL',
        default: `redis://127.0.0.1:${storePorts.redis}`,
        description: 'Redis connection string (rediss:// for TLS; the auth token goes in the URL)',
        secret: true,
      },
      {
        name: 'REDIS_KEY_PREFIX',
        default: `whatif:${name}:`,
        description: 'Prefix of every key this service writes, so services sharing a Redis never collide',
      },
    );
  }
  if (entry.stores.includes('dynamodb')) {
    vars.push(
      {
        name: 'DYNAMODB_ENDPOINT',
        default: `http://127.0.0.1:${storePorts.dynamodb}`,
        deployedDefault: '',
        description: 'DynamoDB endpoint; empty in AWS to use the regional endpoint',
      },
      { name: 'AWS_REGION', default: 'us-east-1', description: 'AWS region of the DynamoDB tables' },
      {
        name: 'DYNAMODB_TABLE_PREFIX',
        default: 'whatif-',
        description: 'Prefix of the physical table names (environment name in AWS)',
      },
      {
        name: 'DYNAMODB_CREATE_TABLES',
        default: 'false',
        description:
          'Create the tables this service declares when they are missing (local and compose stacks; in AWS the infrastructure owns them)',
      },
    );
  }
  return vars;
}

function upstreamEnv(name: ServiceName): EnvVar[] {
  return service(name).calls.map((callee) => ({
    name: serviceUrlVariable(callee),
    default: `http://127.0.0.1:${service(callee).port}`,
    description: `Base URL of the ${callee} service`,
  }));
}

/** What a service that owns purge instructions reads for its relay (docs/cross-service.md §2). */
function purgeRelayEnv(name: ServiceName): EnvVar[] {
  if ((service(name).purges?.owns ?? []).length === 0) return [];
  return [
    {
      name: 'PURGE_RELAY_POLL_MS',
      default: '5000',
      description:
        'How often the purge relay looks for instructions due again (a new one is sent at once; a failed delivery is retried after 1 s, 2 s, 4 s … up to 30 s)',
    },
  ];
}

/** Every variable a service reads, with its default: the kit, its stores, its upstreams, its own. */
export function envFor(name: ServiceName): EnvVar[] {
  return [
    ...commonEnv(name),
    ...storeEnv(name),
    ...upstreamEnv(name),
    ...purgeRelayEnv(name),
    ...service(name).env,
  ];
}

/** The defaults of every variable that has one, as an environment object. */
export function envDefaults(name: ServiceName): Record<string, string> {
  const defaults: Record<string, string> = {};
  for (const variable of envFor(name)) {
    if (variable.default !== undefined) defaults[variable.name] = variable.default;
  }
  return defaults;
}

/**
 * The variables Node itself reads as a service's process starts, with their defaults: make dev
 * and the test and benchmark harness set them on the processes they start (a container gets them
 * with the rest of its environment, where every deployment renders all of envFor).
 */
export function nodeEnv(name: ServiceName): Record<string, string> {
  const env: Record<string, string> = {};
  for (const variable of envFor(name)) {
    if (variable.readByNode && variable.default !== undefined) env[variable.name] = variable.default;
  }
  return env;
}

/**
 * A variable's default where a deployment runs the service rather than a laptop: its
 * `deployedDefault` when it has one, and for the gateway's TRUSTED_PROXY_COUNT the length of
 * the path's proxy chain. ECS, cdk8s and the chart all take their defaults from here.
 */
export function deployedDefault(
  variable: EnvVar,
  path: Exclude<DeploymentPath, 'local'>,
): string | undefined {
  if (variable.name === 'TRUSTED_PROXY_COUNT') return String(trustedProxyCount(path));
  return variable.deployedDefault ?? variable.default;
}
