/** The names of the seven backend services. The frontend is catalogued separately. */
export const serviceNames = [
  'gateway',
  'user',
  'generation',
  'history',
  'sharing',
  'video',
  'social',
] as const;
export type ServiceName = (typeof serviceNames)[number];

export type StoreKind = 'postgres' | 'redis' | 'dynamodb';

/**
 * What can be deleted durably across services (docs/cross-service.md, section 2): one service
 * owns each kind and relays a purge instruction for it to every service that receives it.
 */
export const purgeKinds = ['account', 'scenario', 'share', 'post'] as const;
export type PurgeKind = (typeof purgeKinds)[number];

export interface PurgeRoles {
  /** The kinds this service deletes first-hand: it records an instruction and relays it. */
  owns?: readonly PurgeKind[];
  /**
   * The kinds whose derived data this service removes when told: it serves
   * `POST /internal/v1/purges`, and every owner of these kinds calls it (added to its `calls`).
   */
  receives?: readonly PurgeKind[];
}

export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS';

/**
 * A public route the gateway forwards to a service. Paths are forwarded unchanged, so a
 * service serves its public paths itself. `exact` matches the path alone; otherwise the
 * rule matches the path and everything below it. `methods` narrows a rule where two
 * services share a path (POST /api/v1/scenarios generates, GET lists history).
 */
export interface RouteRule {
  path: string;
  exact?: boolean;
  methods?: readonly HttpMethod[];
  /**
   * What the gateway demands before forwarding: `required` a valid access token (401
   * otherwise), `optional` a valid one if any is sent, `public` nothing. The owning
   * service still enforces roles and ownership.
   */
  auth: RouteAuth;
}

export type RouteAuth = 'public' | 'optional' | 'required';

export interface EnvVar {
  name: string;
  description: string;
  /** The value used when the variable is unset. Absent means the variable is required. */
  default?: string;
  /**
   * Where a deployment (ECS, Kubernetes) needs another default than a laptop: a production
   * build, DynamoDB's regional endpoint. Deployment renderings use it in place of `default`.
   */
  deployedDefault?: string;
  /** Comes from a secret store in production (Secrets Manager, Kubernetes Secret), never plain config. */
  secret?: boolean;
  /**
   * A URL handed to browsers (an allowed origin, a link in a mail), not an address the
   * service connects to: renderings leave it pointing at where users reach the product.
   */
  browserFacing?: boolean;
  /**
   * Read by Node itself as the process starts (NODE_OPTIONS), before any of our code runs: the
   * service's config never sees it, so whatever starts the process sets it (a container's
   * environment, make dev, the test and benchmark harness), from `nodeEnv()`.
   */
  readByNode?: boolean;
}

export interface DynamoKey {
  name: string;
  type: 'S' | 'N' | 'B';
}

export interface DynamoIndex {
  name: string;
  partitionKey: DynamoKey;
  sortKey?: DynamoKey;
}

/** A DynamoDB table a service owns; its physical name is DYNAMODB_TABLE_PREFIX + name. */
export interface DynamoTable {
  name: string;
  partitionKey: DynamoKey;
  sortKey?: DynamoKey;
  globalIndexes?: readonly DynamoIndex[];
  /** Attribute holding an epoch-seconds expiry that DynamoDB's TTL deletes. */
  ttlAttribute?: string;
}

export interface Resources {
  cpu: { requestMillicores: number; limitMillicores: number };
  memory: { requestMiB: number; limitMiB: number };
  /** Scratch space at /tmp, the only writable path of the container. */
  scratchMiB: number;
}

export interface Scaling {
  minReplicas: number;
  maxReplicas: number;
  /** Average CPU use, as a percentage of the CPU request, that adds a replica. */
  targetCpuPercent: number;
  /** Average memory use, as a percentage of the memory request, that adds a replica; below the limit. */
  targetMemoryPercent: number;
  /**
   * Requests per replica per second the service is sized for; drives request-count scaling (ECS).
   * Set from `make capacity`'s "Per service, in the journeys' mix" (loadtest/capacity.md): what one
   * replica answers at its CPU target, so request-count and CPU scaling agree.
   */
  targetRequestsPerSecond: number;
}

export interface LatencyObjective {
  /** The 99th-percentile latency an ordinary request must stay under. */
  p99Ms: number;
  /** The share of requests answered without a 5xx, over 30 days. */
  availability: number;
}

export interface HealthPaths {
  live: string;
  ready: string;
}

/** A service's configuration as one deployment renders it: variable name to value. */
export type ConfiguredEnv = Readonly<Record<string, string>>;

/** Where a service's AWS resources live, as a deployment names them (values or deployment tokens). */
export interface AwsAccount {
  partition: string;
  accountId: string;
}

/**
 * An AWS API a service calls with its own role (the ECS task role, an IRSA or Pod Identity
 * role). Deployments grant exactly these actions, and only on the resources the service's
 * configuration names, so a configuration change (a provider, a model, a sender) changes the
 * grant with it. DynamoDB is not listed here: it follows from `dynamoTables`.
 */
export interface AwsApiUse {
  /** The IAM statement id: letters and digits. */
  sid: string;
  /** Why the service calls it, for whoever reviews the policy. */
  purpose: string;
  /** The IAM actions the calls need. */
  actions: readonly string[];
  /** Whether this configuration makes the calls at all (MAILER=ses); always when absent. */
  usedWhen?: (env: ConfiguredEnv) => boolean;
  /** The ARNs the calls act on, built from the configuration and the account. */
  resources: (env: ConfiguredEnv, account: AwsAccount) => readonly string[];
}

/**
 * HTTPS the service sends outside the cluster or VPC when its configuration asks for it: a
 * remote AI provider, Amazon SES. Deployments open egress on 443 for it only then.
 */
export interface OutboundHttps {
  /** What it reaches, for whoever reviews the rule. */
  purpose: string;
  /** The variable whose value turns the calls on. */
  variable: string;
  /** The calls happen when the variable, read as a comma-separated list, names any of these. */
  listsAnyOf: readonly string[];
}

/**
 * How a worker scales: on CPU like a service, and on the depth of the queue it serves where the
 * platform can read it (a KEDA ScaledObject on Kubernetes, the published queue-depth metric on ECS).
 */
export interface WorkerScaling {
  minReplicas: number;
  maxReplicas: number;
  /** Average CPU use, as a percentage of the CPU request, that adds a replica (the fallback without KEDA). */
  targetCpuPercent: number;
  /** Jobs waiting per replica that add a replica. */
  jobsPerReplica: number;
}

/**
 * Where a service keeps objects (rendered videos): the variable that chooses the storage
 * (`s3` on AWS), the one that names the bucket, which a deployment must fill when it chooses S3,
 * and the directory of `local` storage, which a deployment without S3 shares between the service
 * and its workers.
 */
export interface ObjectStorage {
  storageVariable: string;
  bucketVariable: string;
  /** The directory storage `local` keeps them in, which the service and its workers must share. */
  directoryVariable: string;
}

/**
 * A deployable that runs a service's background work: the service's image and configuration,
 * another command, its own replicas and resources. It serves only health and metrics, on its own port.
 */
export interface WorkerEntry {
  /** `<service>-worker`. */
  name: string;
  description: string;
  /** The command in the service's image, run from the service's folder (as `node dist/main.js` is). */
  command: readonly string[];
  /** Its health and metrics endpoints; never routed, never called by another service. */
  port: number;
  /** The BullMQ queue it serves, under the service's REDIS_KEY_PREFIX: what scaling watches. */
  queue: string;
  health: HealthPaths;
  resources: Resources;
  scaling: WorkerScaling;
  /** How long a replica may take to finish its running job after SIGTERM before handing it back. */
  drainSeconds: number;
  /**
   * The CloudWatch metrics it publishes on AWS (when the deployment sets its namespace): the
   * queue's depth, which ECS scales it on, and jobs that failed for good, which an alarm watches.
   */
  cloudWatch: { namespace: string; environmentDimension: string; queueDepth: string; jobsFailed: string };
}

export interface ServiceEntry {
  name: ServiceName;
  port: number;
  description: string;
  /** Only the gateway is reachable from outside. */
  public: boolean;
  routes: readonly RouteRule[];
  stores: readonly StoreKind[];
  dynamoTables: readonly DynamoTable[];
  /**
   * The services this one calls over HTTP; network policies and security groups allow exactly
   * these, and a service's /internal/ endpoints accept service tokens from exactly its callers.
   * Every service that verifies access tokens calls user for its JWKS. The receivers of the
   * purge kinds a service owns are added to what is written here (`purges`).
   */
  calls: readonly ServiceName[];
  /** Its part in durable deletion; absent when it neither owns nor receives a purge kind. */
  purges?: PurgeRoles;
  /** Variables specific to this service; the kit adds the common and store variables. */
  env: readonly EnvVar[];
  /** The AWS APIs it calls besides its DynamoDB tables; its role grants exactly these. */
  awsApis: readonly AwsApiUse[];
  /** Calls outside the cluster or VPC over HTTPS that its configuration can turn on. */
  outboundHttps?: readonly OutboundHttps[];
  health: HealthPaths;
  resources: Resources;
  scaling: Scaling;
  latency: LatencyObjective;
  /** How long a replica may take to finish in-flight work after SIGTERM. */
  drainSeconds: number;
  /** Keeps objects (rendered videos) in the deployment's object storage: S3 on AWS. */
  objectStorage?: ObjectStorage;
  /** Deployables that run its background work from the same image (video's renderer). */
  workers?: readonly WorkerEntry[];
  /**
   * Debian packages its image carries besides Node (video: ffmpeg, espeak-ng, fonts). The
   * Dockerfile's list is generated from this and tools/dev/media.sh installs the same (tested).
   */
  systemPackages?: readonly string[];
  /**
   * Its PostgreSQL migrations, a folder of numbered SQL files relative to the service's own
   * folder: the service applies them when it starts, the local launcher before anything starts.
   */
  migrations?: string;
}

export interface FrontendEntry {
  name: 'frontend';
  port: number;
  description: string;
  env: readonly EnvVar[];
  /**
   * The Content-Security-Policy header every page of the web app is served with (CloudFront,
   * and the local web server): what a <meta> policy cannot say. It names no script source, so
   * each page's own <meta> policy alone decides which scripts run.
   */
  contentSecurityPolicy: string;
  /** The languages of the web app; each has every page in `pages` under /<language>. */
  languages: readonly string[];
  /** Each language's pages, relative to /<language> ('' is the language's home page). */
  pages: readonly string[];
  /** Pages outside any language: the front door and the links mail carries, which forward to one. */
  entryPages: readonly string[];
}
