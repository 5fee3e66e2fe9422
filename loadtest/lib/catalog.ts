// Generated from services/catalog by `make generate`; do not edit (a test fails when it drifts).

export type ServiceName = 'gateway' | 'user' | 'generation' | 'history' | 'sharing' | 'video' | 'social';

export interface ServiceObjectives {
  /** The 99th-percentile latency an ordinary request must stay under. */
  latencyP99Ms: number;
  /** The share of requests answered without a 5xx, over 30 days. */
  availability: number;
  cpuRequestMillicores: number;
  /** Average CPU, as a percentage of the request, that adds a replica. */
  targetCpuPercent: number;
  targetCpuMillicores: number;
  /** Requests per replica per second the service is sized for. */
  targetRequestsPerSecond: number;
  minReplicas: number;
  maxReplicas: number;
}

export interface CatalogRoute {
  service: ServiceName;
  path: string;
  exact: boolean;
  methods: readonly string[] | null;
}

export const services: Readonly<Record<ServiceName, ServiceObjectives>> = {
  "gateway": {
    "latencyP99Ms": 300,
    "availability": 0.999,
    "cpuRequestMillicores": 250,
    "targetCpuPercent": 60,
    "targetCpuMillicores": 150,
    "targetRequestsPerSecond": 130,
    "minReplicas": 2,
    "maxReplicas": 10
  },
  "user": {
    "latencyP99Ms": 500,
    "availability": 0.999,
    "cpuRequestMillicores": 250,
    "targetCpuPercent": 65,
    "targetCpuMillicores": 162.5,
    "targetRequestsPerSecond": 150,
    "minReplicas": 2,
    "maxReplicas": 6
  },
  "generation": {
    "latencyP99Ms": 30000,
    "availability": 0.995,
    "cpuRequestMillicores": 250,
    "targetCpuPercent": 60,
    "targetCpuMillicores": 150,
    "targetRequestsPerSecond": 120,
    "minReplicas": 2,
    "maxReplicas": 10
  },
  "history": {
    "latencyP99Ms": 250,
    "availability": 0.999,
    "cpuRequestMillicores": 250,
    "targetCpuPercent": 65,
    "targetCpuMillicores": 162.5,
    "targetRequestsPerSecond": 35,
    "minReplicas": 2,
    "maxReplicas": 6
  },
  "sharing": {
    "latencyP99Ms": 250,
    "availability": 0.999,
    "cpuRequestMillicores": 250,
    "targetCpuPercent": 65,
    "targetCpuMillicores": 162.5,
    "targetRequestsPerSecond": 50,
    "minReplicas": 2,
    "maxReplicas": 6
  },
  "video": {
    "latencyP99Ms": 1000,
    "availability": 0.99,
    "cpuRequestMillicores": 250,
    "targetCpuPercent": 70,
    "targetCpuMillicores": 175,
    "targetRequestsPerSecond": 40,
    "minReplicas": 2,
    "maxReplicas": 4
  },
  "social": {
    "latencyP99Ms": 300,
    "availability": 0.999,
    "cpuRequestMillicores": 250,
    "targetCpuPercent": 65,
    "targetCpuMillicores": 162.5,
    "targetRequestsPerSecond": 28,
    "minReplicas": 2,
    "maxReplicas": 8
  }
};

/** Where make dev's gateway listens: the scripts' default BASE_URL. */
export const localGatewayUrl = 'http://localhost:3000';

/** The gateway's routing table, most specific first: the first match answers. */
export const routeTable: readonly CatalogRoute[] = [
  {
    "service": "user",
    "path": "/api/v1/auth/email-verification/resend",
    "exact": true,
    "methods": null
  },
  {
    "service": "generation",
    "path": "/api/v1/scenarios/suggestions",
    "exact": true,
    "methods": [
      "GET"
    ]
  },
  {
    "service": "user",
    "path": "/api/v1/auth/logout-all",
    "exact": true,
    "methods": null
  },
  {
    "service": "user",
    "path": "/api/v1/auth/logout",
    "exact": true,
    "methods": null
  },
  {
    "service": "generation",
    "path": "/api/v1/scenarios",
    "exact": true,
    "methods": [
      "POST"
    ]
  },
  {
    "service": "user",
    "path": "/api/v1/auth/sessions",
    "exact": false,
    "methods": null
  },
  {
    "service": "user",
    "path": "/api/v1/admin/users",
    "exact": false,
    "methods": null
  },
  {
    "service": "history",
    "path": "/api/v1/scenarios",
    "exact": false,
    "methods": null
  },
  {
    "service": "sharing",
    "path": "/api/v1/shares",
    "exact": false,
    "methods": null
  },
  {
    "service": "video",
    "path": "/api/v1/videos",
    "exact": false,
    "methods": null
  },
  {
    "service": "social",
    "path": "/api/v1/social",
    "exact": false,
    "methods": null
  },
  {
    "service": "user",
    "path": "/api/v1/users",
    "exact": false,
    "methods": null
  },
  {
    "service": "user",
    "path": "/api/v1/auth",
    "exact": false,
    "methods": null
  },
  {
    "service": "social",
    "path": "/api/v1/feed",
    "exact": false,
    "methods": null
  },
  {
    "service": "sharing",
    "path": "/s",
    "exact": false,
    "methods": null
  }
];
