import {
  type ServiceEntry,
  type WorkerEntry,
  deployedDefault,
  edgePaths,
  envFor,
  queueWaitList,
  secretLayout,
  storeSecretKeys,
  serviceUrlVariable,
} from '@what-if/catalog';
import {
  egressRules,
  envVars,
  imageDigest,
  imageTag,
  integer,
  memoryQuantity,
  registry,
  resources,
  string,
  stringMap,
} from './helm-kubernetes-schemas';
import { type ValueGroup, type ValueNode, group, leaf } from './helm-value-tree';

// The chart's defaults come from the catalog, as the cdk8s app's do, so the two Kubernetes paths cannot drift apart.

/** A variable the chart computes from other values, so it has no key of its own. */
function isComputed(entry: ServiceEntry, name: string): boolean {
  return name === 'PORT' || entry.calls.some((callee) => serviceUrlVariable(callee) === name);
}

/**
 * The variables a service reads from its Secret, with where the secret store keeps each (the
 * catalog's secret layout): optional ones start without a value (a feature off, or credentials
 * the connection string carries); with External Secrets every one is required.
 */
export function secretEnv(
  entry: ServiceEntry,
): { name: string; optional: boolean; key: string; property?: string }[] {
  return secretLayout(entry.name).map((source) => ({
    name: source.variable,
    optional: source.optional,
    key: source.key,
    ...(source.property ? { property: source.property } : {}),
  }));
}

function envGroup(entry: ServiceEntry): ValueGroup {
  const children: Record<string, ValueNode> = {};
  for (const variable of envFor(entry.name)) {
    if (variable.secret || isComputed(entry, variable.name)) continue;
    const value = deployedDefault(variable, 'eks-alb');
    children[variable.name] = leaf(variable.description, string, value);
  }
  return group(
    `Environment of the ${entry.name} container (its ConfigMap). PORT and the *_SERVICE_URL variables are computed; secret variables come from the Secret.`,
    children,
    {
      key: 'env.<VARIABLE>',
      description:
        "One key per non-secret variable of the service's environment table (services/<name>/README.md), defaulting to the catalog's value (NODE_ENV production, DYNAMODB_ENDPOINT empty for the regional endpoint). A key the service does not read is refused; PORT and the *_SERVICE_URL variables are computed by the chart.",
    },
  );
}

function pinned(description: string, value: unknown): ValueNode {
  return leaf(description, { const: value }, value);
}

function catalogFacts(entry: ServiceEntry): ValueGroup {
  return group(
    'Facts from services/catalog that the templates need. The schema pins each to the catalog: change the catalog and run `make generate`, never these.',
    {
      port: pinned('The port the service listens on, and its Service port', entry.port),
      public: pinned('Whether the service is reachable from outside (the Ingress backend)', entry.public),
      edgePaths: pinned(
        'The paths the Ingress forwards to it: the public route prefixes and public endpoints; metrics and probes stay internal',
        entry.public ? edgePaths() : [],
      ),
      calls: pinned('The services it calls: its egress and their ingress NetworkPolicy rules', [
        ...entry.calls,
      ]),
      stores: pinned('The stores it uses: its egress NetworkPolicy rules', [...entry.stores]),
      health: group('Its health endpoints, probed by Kubernetes', {
        liveness: pinned('Liveness and startup probe path', entry.health.live),
        readiness: pinned('Readiness probe path', entry.health.ready),
      }),
      secretEnv: pinned(
        "The secret variables it reads from its Secret, and where AWS Secrets Manager keeps each (<externalSecrets.keyPrefix><key>, and the JSON property): the catalog's secret layout, which the ECS stacks use too. Optional ones may be absent when the Secret comes from elsewhere than External Secrets",
        secretEnv(entry),
      ),
      objectStorage: pinned(
        'Where it keeps files (videos): the variable that chooses S3 and the one naming the bucket, which must then be set; null for none',
        entry.objectStorage ? { ...entry.objectStorage } : null,
      ),
      outboundHttps: pinned(
        'When it calls outside over HTTPS: when its env value of variable, a comma-separated list, names any of listsAnyOf; its NetworkPolicy then allows networkPolicy.outboundHttpsPeers on 443',
        (entry.outboundHttps ?? []).map((use) => ({
          purpose: use.purpose,
          variable: use.variable,
          listsAnyOf: [...use.listsAnyOf],
        })),
      ),
    },
  );
}

function cpu(millicores: number): string {
  return `${millicores}m`;
}

function memory(mebibytes: number): string {
  return `${mebibytes}Mi`;
}

export function serviceValues(entry: ServiceEntry): ValueGroup {
  return group(`${entry.name}: ${entry.description}`, {
    catalog: catalogFacts(entry),
    image: group('Its image: <registry>/<repository>:<tag>, or @<digest> when a digest is given', {
      registry: leaf(
        'Registry of this image; empty uses global.image.registry',
        { ...registry, pattern: `^$|${String(registry.pattern)}` },
        '',
      ),
      repository: leaf(
        'Repository under the registry',
        { type: 'string', minLength: 1, pattern: '^[a-z0-9]+([._/-][a-z0-9]+)*$' },
        `what-if/${entry.name}`,
      ),
      tag: leaf('Tag of this image; empty uses global.image.tag. Never latest', imageTag, ''),
      digest: leaf('sha256 digest; when set it pins the image and the tag is ignored', imageDigest, ''),
    }),
    replicas: leaf(
      'Replicas when autoscaling is off (the catalog minimum by default)',
      integer(0),
      entry.scaling.minReplicas,
    ),
    autoscaling: group('HorizontalPodAutoscaler bounds and targets, from the catalog', {
      minReplicas: leaf('Fewest replicas', integer(1), entry.scaling.minReplicas),
      maxReplicas: leaf('Most replicas', integer(1), entry.scaling.maxReplicas),
      targetCPU: leaf(
        'Average CPU utilisation (% of the request) to scale at',
        integer(1, 100),
        entry.scaling.targetCpuPercent,
      ),
      targetMemory: leaf(
        'Average memory utilisation (% of the request) to scale at',
        integer(1, 100),
        entry.scaling.targetMemoryPercent,
      ),
    }),
    resources: leaf('CPU and memory requests and limits, from the catalog', resources, {
      requests: {
        cpu: cpu(entry.resources.cpu.requestMillicores),
        memory: memory(entry.resources.memory.requestMiB),
      },
      limits: {
        cpu: cpu(entry.resources.cpu.limitMillicores),
        memory: memory(entry.resources.memory.limitMiB),
      },
    }),
    env: envGroup(entry),
    extraEnv: leaf(
      'More container env entries (Kubernetes EnvVar objects); they win over env and the Secret',
      envVars,
      [],
    ),
    annotations: leaf('Annotations on its Deployment', stringMap, {}),
    podAnnotations: leaf('Annotations on its pods', stringMap, {}),
    awsRoleArn: leaf(
      'IAM role its pods assume (aws.identity): the IRSA annotation, or the role of its EKS Pod Identity association',
      { type: 'string', pattern: '^$|^arn:aws[a-z-]*:iam::[0-9]{12}:role/[A-Za-z0-9+=,.@_/-]+$' },
      '',
    ),
    serviceAccountAnnotations: leaf('More annotations on its ServiceAccount', stringMap, {}),
    extraEgress: leaf(
      'More egress NetworkPolicy rules, for endpoints the catalog does not know (an LLM provider, SES, S3)',
      egressRules,
      [],
    ),
    tmpSizeLimit: leaf(
      'Size limit of the emptyDir at /tmp, the only writable path',
      memoryQuantity,
      `${entry.resources.scratchMiB}Mi`,
    ),
    workers: group(
      "Deployables that run its background work from its image, ConfigMap and Secret with another command (video's renderer); generated from services/catalog",
      Object.fromEntries((entry.workers ?? []).map((worker) => [worker.name, workerValues(worker)])),
    ),
  });
}

function workerValues(worker: WorkerEntry): ValueGroup {
  return group(`${worker.name}: ${worker.description}`, {
    catalog: group(
      'Facts from services/catalog that the templates need, pinned like the service’s: change the catalog and run `make generate`',
      {
        command: pinned("The command it runs in the service's image", [...worker.command]),
        port: pinned(
          'The port of its health and metrics endpoints (no Service: nobody calls it)',
          worker.port,
        ),
        queue: pinned('The BullMQ queue it serves', worker.queue),
        waitListKey: pinned(
          "The Redis list of the queue's waiting jobs, after the service's REDIS_KEY_PREFIX: KEDA scales on its length",
          queueWaitList('', worker.queue),
        ),
        queueSecretKeys: pinned(
          'Where Secrets Manager keeps the Redis URL and AUTH token KEDA reads the queue with (<externalSecrets.keyPrefix><key>)',
          { url: storeSecretKeys.redisUrl, authToken: storeSecretKeys.redisAuthToken },
        ),
        health: group('Its health endpoints, probed by Kubernetes', {
          liveness: pinned('Liveness and startup probe path', worker.health.live),
          readiness: pinned('Readiness probe path', worker.health.ready),
        }),
        drainSeconds: pinned(
          'How long its running job may take to finish after SIGTERM before it goes back to the queue (its SHUTDOWN_TIMEOUT_MS; the grace period adds the readiness delay and a margin)',
          worker.drainSeconds,
        ),
      },
    ),
    replicas: leaf(
      'Replicas when neither KEDA nor autoscaling scales it (the catalog minimum by default)',
      integer(0),
      worker.scaling.minReplicas,
    ),
    autoscaling: group('Scaling bounds and targets, from the catalog (KEDA ScaledObject, or a CPU HPA)', {
      minReplicas: leaf('Fewest replicas', integer(1), worker.scaling.minReplicas),
      maxReplicas: leaf('Most replicas', integer(1), worker.scaling.maxReplicas),
      targetCPU: leaf(
        'Average CPU utilisation (% of the request) to scale at',
        integer(1, 100),
        worker.scaling.targetCpuPercent,
      ),
      jobsPerReplica: leaf(
        'Waiting jobs per replica that add a replica (with KEDA)',
        integer(1),
        worker.scaling.jobsPerReplica,
      ),
    }),
    resources: leaf('CPU and memory requests and limits, from the catalog', resources, {
      requests: {
        cpu: cpu(worker.resources.cpu.requestMillicores),
        memory: memory(worker.resources.memory.requestMiB),
      },
      limits: {
        cpu: cpu(worker.resources.cpu.limitMillicores),
        memory: memory(worker.resources.memory.limitMiB),
      },
    }),
    annotations: leaf('Annotations on its Deployment', stringMap, {}),
    podAnnotations: leaf('Annotations on its pods', stringMap, {}),
    awsRoleArn: leaf(
      'IAM role its pods assume (aws.identity): the IRSA annotation, or the role of its EKS Pod Identity association',
      { type: 'string', pattern: '^$|^arn:aws[a-z-]*:iam::[0-9]{12}:role/[A-Za-z0-9+=,.@_/-]+$' },
      '',
    ),
    serviceAccountAnnotations: leaf('More annotations on its ServiceAccount', stringMap, {}),
    tmpSizeLimit: leaf(
      'Size limit of the emptyDir at /tmp, where a render keeps its files until they are uploaded',
      memoryQuantity,
      `${worker.resources.scratchMiB}Mi`,
    ),
  });
}
