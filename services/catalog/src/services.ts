import type { DynamoTable, FrontendEntry, HealthPaths, ServiceEntry, ServiceName } from './types';

const health: HealthPaths = { live: '/health/live', ready: '/health/ready' };

/** Every DynamoDB table here uses one generic key shape, so access patterns can grow without a new table. */
function singleTable(name: string, ttlAttribute?: string): DynamoTable {
  return {
    name,
    partitionKey: { name: 'pk', type: 'S' },
    sortKey: { name: 'sk', type: 'S' },
    globalIndexes: [
      {
        name: 'gsi1',
        partitionKey: { name: 'gsi1pk', type: 'S' },
        sortKey: { name: 'gsi1sk', type: 'S' },
      },
    ],
    ...(ttlAttribute ? { ttlAttribute } : {}),
  };
}

export const services: readonly ServiceEntry[] = [
  {
    name: 'gateway',
    port: 3000,
    description:
      'The only public entry: routing from the catalog, token verification, rate limits, CORS, security headers, the unified health view',
    public: true,
    routes: [],
    stores: ['redis'],
    dynamoTables: [],
    calls: ['user', 'generation', 'history', 'sharing', 'video', 'social'],
    env: [
      {
        name: 'UPSTREAM_CONNECT_TIMEOUT_MS',
        default: '2000',
        description: 'How long the gateway waits to open a connection to a service',
      },
      {
        name: 'UPSTREAM_IDLE_TIMEOUT_MS',
        default: '60000',
        description:
          'How long a proxied exchange may stay silent before it is cut (streams send heartbeats well inside this)',
      },
      {
        name: 'HEALTH_CHECK_TIMEOUT_MS',
        default: '2000',
        description: "How long the unified health view waits for each service's readiness",
      },
    ],
    health,
    resources: {
      cpu: { requestMillicores: 250, limitMillicores: 500 },
      memory: { requestMiB: 256, limitMiB: 512 },
    },
    scaling: {
      minReplicas: 2,
      maxReplicas: 10,
      targetCpuPercent: 60,
      targetMemoryPercent: 75,
      targetRequestsPerSecond: 400,
    },
    latency: { p99Ms: 300, availability: 0.999 },
    drainSeconds: 30,
  },
  {
    name: 'user',
    port: 3001,
    description: 'Accounts, password and social login, tokens, sessions, roles and profiles',
    public: false,
    routes: [{ path: '/api/v1/auth' }, { path: '/api/v1/users' }, { path: '/api/v1/admin/users' }],
    stores: ['postgres', 'redis'],
    dynamoTables: [],
    calls: [],
    env: [
      {
        name: 'PG_POOL_MAX',
        default: '10',
        description: 'Most PostgreSQL connections one replica holds',
      },
      {
        name: 'PG_CONNECT_TIMEOUT_MS',
        default: '5000',
        description: 'How long a query waits for a pooled connection before failing',
      },
      {
        name: 'PG_STATEMENT_TIMEOUT_MS',
        default: '10000',
        description: 'The longest a single SQL statement may run',
      },
    ],
    health,
    resources: {
      cpu: { requestMillicores: 250, limitMillicores: 500 },
      memory: { requestMiB: 256, limitMiB: 512 },
    },
    scaling: {
      minReplicas: 2,
      maxReplicas: 6,
      targetCpuPercent: 65,
      targetMemoryPercent: 75,
      targetRequestsPerSecond: 150,
    },
    latency: { p99Ms: 500, availability: 0.999 },
    drainSeconds: 15,
  },
  {
    name: 'generation',
    port: 3002,
    description:
      'Turns a question into a structured scenario through a chain of providers, with streaming, caching and quotas',
    public: false,
    routes: [
      { path: '/api/v1/scenarios', exact: true, methods: ['POST'] },
      { path: '/api/v1/scenarios/suggestions', exact: true, methods: ['GET'] },
    ],
    stores: ['redis'],
    dynamoTables: [],
    calls: ['history'],
    env: [],
    health,
    resources: {
      cpu: { requestMillicores: 250, limitMillicores: 1000 },
      memory: { requestMiB: 256, limitMiB: 512 },
    },
    scaling: {
      minReplicas: 2,
      maxReplicas: 10,
      targetCpuPercent: 60,
      targetMemoryPercent: 75,
      targetRequestsPerSecond: 40,
    },
    latency: { p99Ms: 30000, availability: 0.995 },
    drainSeconds: 60,
  },
  {
    name: 'history',
    port: 3003,
    description: "Each user's saved scenarios: list, read, delete, favourite, tag",
    public: false,
    routes: [{ path: '/api/v1/scenarios' }],
    stores: ['dynamodb'],
    dynamoTables: [singleTable('scenarios')],
    calls: [],
    env: [],
    health,
    resources: {
      cpu: { requestMillicores: 250, limitMillicores: 500 },
      memory: { requestMiB: 256, limitMiB: 512 },
    },
    scaling: {
      minReplicas: 2,
      maxReplicas: 6,
      targetCpuPercent: 65,
      targetMemoryPercent: 75,
      targetRequestsPerSecond: 300,
    },
    latency: { p99Ms: 250, availability: 0.999 },
    drainSeconds: 15,
  },
  {
    name: 'sharing',
    port: 3004,
    description: 'Share links: create, read publicly, expire, revoke, count views; Open Graph preview pages',
    public: false,
    routes: [{ path: '/api/v1/shares' }, { path: '/s' }],
    stores: ['dynamodb'],
    dynamoTables: [singleTable('shares', 'expiresAt')],
    calls: ['history'],
    env: [],
    health,
    resources: {
      cpu: { requestMillicores: 250, limitMillicores: 500 },
      memory: { requestMiB: 256, limitMiB: 512 },
    },
    scaling: {
      minReplicas: 2,
      maxReplicas: 6,
      targetCpuPercent: 65,
      targetMemoryPercent: 75,
      targetRequestsPerSecond: 300,
    },
    latency: { p99Ms: 250, availability: 0.999 },
    drainSeconds: 15,
  },
  {
    name: 'video',
    port: 3005,
    description: 'Narrated scenario videos: a job queue, text to speech, ffmpeg rendering and storage',
    public: false,
    routes: [{ path: '/api/v1/videos' }],
    stores: ['redis'],
    dynamoTables: [],
    calls: ['history'],
    env: [],
    health,
    resources: {
      cpu: { requestMillicores: 500, limitMillicores: 1000 },
      memory: { requestMiB: 512, limitMiB: 1024 },
    },
    scaling: {
      minReplicas: 1,
      maxReplicas: 4,
      targetCpuPercent: 70,
      targetMemoryPercent: 80,
      targetRequestsPerSecond: 20,
    },
    latency: { p99Ms: 1000, availability: 0.99 },
    drainSeconds: 120,
  },
  {
    name: 'social',
    port: 3006,
    description: 'Likes, comments, follows, the public feed, trending, reports and moderation',
    public: false,
    routes: [{ path: '/api/v1/feed' }, { path: '/api/v1/social' }],
    stores: ['dynamodb'],
    dynamoTables: [singleTable('social')],
    calls: ['history', 'user'],
    env: [],
    health,
    resources: {
      cpu: { requestMillicores: 250, limitMillicores: 500 },
      memory: { requestMiB: 256, limitMiB: 512 },
    },
    scaling: {
      minReplicas: 2,
      maxReplicas: 8,
      targetCpuPercent: 65,
      targetMemoryPercent: 75,
      targetRequestsPerSecond: 300,
    },
    latency: { p99Ms: 300, availability: 0.999 },
    drainSeconds: 15,
  },
];

export const frontend: FrontendEntry = {
  name: 'frontend',
  port: 3007,
  description: 'The Next.js web app; a dev server locally, a static export on S3 + CloudFront in production',
  env: [
    {
      name: 'NEXT_PUBLIC_API_BASE_URL',
      default: 'http://localhost:3000',
      description: 'Where the browser reaches the gateway',
    },
  ],
};

export function service(name: ServiceName): ServiceEntry {
  const entry = services.find((candidate) => candidate.name === name);
  if (!entry) throw new Error(`The catalog has no service named "${name}"`);
  return entry;
}

/** The well-known ports of the stores, for the local stack and the container renderings. */
export const storePorts = { postgres: 5432, redis: 6379, dynamodb: 8000 } as const;
