import {
  scalingBehavior as defaultScalingBehavior,
  services,
  storePorts,
  workerScalingBehavior,
} from '@what-if/catalog';
import {
  boolean,
  capabilities,
  imagePullSecrets,
  imageTag,
  integer,
  memoryQuantity,
  networkPolicyPeers,
  oneOf,
  registry,
  resources,
  scalingBehavior,
  seccompProfile,
  string,
  stringMap,
  tolerations,
} from './helm-kubernetes-schemas';
import { serviceValues } from './helm-service-values';
import { type ValueGroup, group, leaf } from './helm-value-tree';

/** The images run as the node user of the official Node image (see the Dockerfile). */
const appUser = 1000;

/** RFC 1918: where a VPC's RDS, ElastiCache and load balancer addresses live, whatever its CIDR. */
const privateNetworks = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'].map((cidr) => ({
  ipBlock: { cidr },
}));

/** The same pins as docker-compose.yml, so the Kubernetes dev stack runs the stores the Compose one does. */
const devStoreImages = {
  postgres: 'postgres:16-alpine',
  redis: 'redis:7-alpine',
  dynamodb: 'amazon/dynamodb-local:3.1.0',
} as const;

const devStoreResources = {
  postgres: { requests: { cpu: '100m', memory: '256Mi' }, limits: { cpu: '500m', memory: '512Mi' } },
  redis: { requests: { cpu: '50m', memory: '64Mi' }, limits: { cpu: '250m', memory: '128Mi' } },
  dynamodb: { requests: { cpu: '100m', memory: '256Mi' }, limits: { cpu: '500m', memory: '768Mi' } },
} as const;

function globalValues(): ValueGroup {
  return group('Settings every service shares', {
    image: group('Image defaults; each service can override them under services.<name>.image', {
      registry: leaf(
        'Registry every image is pulled from: <registry>/what-if/<service>:<tag>. The default suits kind with a local registry; set your ECR registry on EKS',
        { ...registry, minLength: 1 },
        'localhost:5001',
      ),
      tag: leaf(
        'Tag of every image; empty uses the chart appVersion. Never latest: pin what you tested',
        imageTag,
        '',
      ),
      pullPolicy: leaf(
        'imagePullPolicy of every container',
        oneOf(['IfNotPresent', 'Always', 'Never']),
        'IfNotPresent',
      ),
    }),
    imagePullSecrets: leaf(
      'Secrets for a private registry (not needed for ECR on EKS nodes)',
      imagePullSecrets,
      [],
    ),
    labels: leaf('Extra labels on every object', stringMap, {}),
    podAnnotations: leaf('Extra annotations on every pod', stringMap, {}),
    nodeSelector: leaf('nodeSelector of every pod', stringMap, {}),
    tolerations: leaf('Tolerations of every pod', tolerations, []),
    priorityClassName: leaf('PriorityClass of the service pods; empty for the cluster default', string, ''),
  });
}

function securityValues(): Record<string, ValueGroup> {
  return {
    podSecurityContext: group('Pod securityContext of every service pod (restricted Pod Security Standard)', {
      runAsNonRoot: leaf('Refuse to start a container as root', boolean, true),
      runAsUser: leaf('User id (the image runs as 1000)', integer(1), appUser),
      runAsGroup: leaf('Group id', integer(1), appUser),
      fsGroup: leaf('Group that owns mounted volumes', integer(1), appUser),
      fsGroupChangePolicy: leaf(
        'When Kubernetes changes volume ownership: OnRootMismatch skips volumes already right',
        oneOf(['OnRootMismatch', 'Always']),
        'OnRootMismatch',
      ),
      supplementalGroups: leaf('More group ids', { type: 'array', items: integer(1) }),
      seccompProfile: leaf('Seccomp profile', seccompProfile, { type: 'RuntimeDefault' }),
    }),
    containerSecurityContext: group('securityContext of every service container', {
      runAsNonRoot: leaf('Refuse to run as root', boolean, true),
      runAsUser: leaf('User id', integer(1), appUser),
      runAsGroup: leaf('Group id', integer(1), appUser),
      allowPrivilegeEscalation: leaf('Whether a process may gain privileges (setuid)', boolean, false),
      privileged: leaf('Privileged mode', boolean, false),
      readOnlyRootFilesystem: leaf('Read-only root filesystem; /tmp is an emptyDir', boolean, true),
      capabilities: leaf('Linux capabilities', capabilities, { drop: ['ALL'] }),
      seccompProfile: leaf('Seccomp profile', seccompProfile, { type: 'RuntimeDefault' }),
    }),
  };
}

/** Where the Argo Rollouts controller runs, as its install manifests label it: it measures the analyses. */
const rolloutsController = [
  {
    namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'argo-rollouts' } },
    podSelector: { matchLabels: { 'app.kubernetes.io/name': 'argo-rollouts' } },
  },
];

function rolloutValues(): ValueGroup {
  return group(
    'Blue-green with Argo Rollouts: a Rollout per service instead of a Deployment, with an active and a preview Service and a pre-promotion analysis',
    {
      enabled: leaf(
        'Render Rollouts (needs the Argo Rollouts controller and CRDs); off renders Deployments with RollingUpdate',
        boolean,
        false,
      ),
      scaleDownDelaySeconds: leaf(
        'How long the previous revision keeps running after a promotion, so a rollback is an instant switch back',
        integer(0),
        600,
      ),
      controllerPeers: leaf(
        "Where the Argo Rollouts controller runs: it calls the analyses' URLs, so each service admits it",
        networkPolicyPeers,
        rolloutsController,
      ),
      analysis: group(
        "The pre-promotion analysis: the preview's readiness and the public service's unified health",
        {
          interval: leaf('Time between measurements', { type: 'string', pattern: '^[0-9]+(s|m)$' }, '10s'),
          count: leaf('Measurements of each check; every one must answer ok', integer(1), 3),
          consecutiveErrorLimit: leaf(
            'Failed requests in a row (a refused connection, a 503) that end the analysis as failed',
            integer(0),
            2,
          ),
          timeoutSeconds: leaf('Time limit of each request', integer(1, 60), 5),
          unifiedHealthPath: leaf(
            'The public service path that answers status ok only when every service is ready',
            { type: 'string', pattern: '^/' },
            '/health',
          ),
        },
      ),
    },
  );
}

function featureValues(): Record<string, ValueGroup> {
  return {
    namespace: group('The release namespace (helm --namespace)', {
      create: leaf(
        'Render it with the restricted Pod Security labels (and the ALB readiness-gate label with the alb ingress class), kept on uninstall. A first install also needs helm --create-namespace --take-ownership',
        boolean,
        false,
      ),
    }),
    rollouts: rolloutValues(),
    tracing: group(
      'OpenTelemetry traces, off by default: every service sends its spans over OTLP/HTTP to a collector',
      {
        otlpEndpoint: leaf(
          "The collector's OTLP/HTTP base URL (an ADOT or OpenTelemetry collector), e.g. http://otel-collector.observability:4318; every service gets it as OTEL_EXPORTER_OTLP_ENDPOINT. Empty sends no traces",
          { type: 'string', pattern: '^(https?://[^\\s/]+(/.*)?)?$' },
          '',
        ),
        collectorPeers: leaf(
          'Where the collector runs, for the egress NetworkPolicy rule to its OTLP ports (4317, 4318) that every service gets while otlpEndpoint is set',
          networkPolicyPeers,
          [{ namespaceSelector: {} }],
        ),
      },
    ),
    serviceAccount: group('A ServiceAccount per service', {
      enabled: leaf('Create them (otherwise pods use the namespace default account)', boolean, true),
      automountToken: leaf('Mount a Kubernetes API token; no service calls the API', boolean, false),
      annotations: leaf('Annotations on every ServiceAccount', stringMap, {}),
    }),
    aws: group('AWS integration on EKS', {
      identity: leaf(
        'How pods get AWS credentials for services.<name>.awsRoleArn: irsa (ServiceAccount annotation), pod-identity (an EKS Pod Identity association you create; egress to the agent is allowed) or none',
        oneOf(['none', 'irsa', 'pod-identity']),
        'none',
      ),
    }),
    autoscaling: group('HorizontalPodAutoscalers (autoscaling/v2) on CPU and memory', {
      enabled: leaf('Create them; when off, services.<name>.replicas applies', boolean, true),
      behavior: leaf(
        'Scale-up and scale-down behaviour of every service HPA',
        scalingBehavior,
        structuredClone(defaultScalingBehavior),
      ),
      workerBehavior: leaf(
        "Scale-up and scale-down behaviour of every worker's HPA (or KEDA's): slow to scale in, as a render runs for minutes",
        scalingBehavior,
        structuredClone(workerScalingBehavior),
      ),
    }),
    keda: group(
      "KEDA scales each worker on its queue: a ScaledObject on the length of the BullMQ wait list and on CPU, instead of the worker's CPU HPA",
      {
        enabled: leaf('Render ScaledObjects (needs KEDA and its CRDs in the cluster)', boolean, false),
        pollingIntervalSeconds: leaf('How often KEDA reads the queue', integer(1), 15),
        redisTls: leaf('KEDA connects to Redis over TLS (ElastiCache encrypts in transit)', boolean, false),
        operatorPeers: leaf(
          "Where KEDA's operator runs: the in-cluster Redis of devStores admits it",
          networkPolicyPeers,
          [
            {
              namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'keda' } },
              podSelector: { matchLabels: { 'app.kubernetes.io/name': 'keda-operator' } },
            },
          ],
        ),
      },
    ),
    pdb: group('PodDisruptionBudgets', {
      enabled: leaf('Create one per service', boolean, true),
      maxUnavailable: leaf(
        'Pods of a service a voluntary disruption may take at once',
        { type: ['integer', 'string'] },
        1,
      ),
      unhealthyPodEvictionPolicy: leaf(
        'AlwaysAllow lets a drain evict pods that are not ready anyway',
        oneOf(['IfHealthyBudget', 'AlwaysAllow']),
        'AlwaysAllow',
      ),
    }),
    topologySpread: group('Spread of each service across zones and nodes', {
      enabled: leaf('Add topologySpreadConstraints', boolean, true),
      maxSkew: leaf('Largest allowed difference in pods between two zones (or nodes)', integer(1), 1),
      zoneWhenUnsatisfiable: leaf(
        'Across zones: DoNotSchedule enforces, ScheduleAnyway prefers',
        oneOf(['DoNotSchedule', 'ScheduleAnyway']),
        'ScheduleAnyway',
      ),
      nodeWhenUnsatisfiable: leaf(
        'Across nodes',
        oneOf(['DoNotSchedule', 'ScheduleAnyway']),
        'ScheduleAnyway',
      ),
    }),
    networkPolicy: group("NetworkPolicies: deny by default, then exactly the catalog's calls", {
      enabled: leaf('Create them', boolean, true),
      ingressControllerPeers: leaf(
        'Who may reach the public service: the ALB (target type ip) from the VPC, or an in-cluster ingress controller',
        networkPolicyPeers,
        privateNetworks,
      ),
      metricsScrapers: leaf(
        'Who may scrape /metrics on every service port (Prometheus)',
        networkPolicyPeers,
        [],
      ),
      outboundHttpsPeers: leaf(
        'Where a service may send HTTPS when its configuration calls outside (services.<name>.catalog.outboundHttps: a remote AI provider, Amazon SES); only then does it get the rule',
        networkPolicyPeers,
        [{ ipBlock: { cidr: '0.0.0.0/0' } }],
      ),
      dnsPeers: leaf('Where cluster DNS runs; every pod may reach it on port 53', networkPolicyPeers, [
        {
          namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } },
          podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } },
        },
      ]),
    }),
    stores: group('Where the managed stores are, for egress rules (ignored for a store devStores runs)', {
      postgres: storeEgress('PostgreSQL (RDS)', storePorts.postgres, privateNetworks),
      redis: storeEgress('Redis (ElastiCache)', storePorts.redis, privateNetworks),
      dynamodb: storeEgress('DynamoDB (its HTTPS regional endpoint, or a VPC endpoint)', 443, [
        { ipBlock: { cidr: '0.0.0.0/0' } },
      ]),
    }),
    devStores: group(
      'In-cluster PostgreSQL, Redis and DynamoDB Local for development clusters (kind, minikube); never production',
      {
        enabled: leaf(
          'Run them, point the services at them (their Secrets and DYNAMODB_ENDPOINT) and let services create their tables',
          boolean,
          false,
        ),
        postgres: devStore(
          'PostgreSQL',
          storePorts.postgres,
          devStoreImages.postgres,
          devStoreResources.postgres,
        ),
        redis: devStore('Redis', storePorts.redis, devStoreImages.redis, devStoreResources.redis),
        dynamodb: devStore(
          'DynamoDB Local',
          storePorts.dynamodb,
          devStoreImages.dynamodb,
          devStoreResources.dynamodb,
        ),
        files: group(
          "Without S3: a PersistentVolumeClaim per service that keeps files (video), which it and its workers mount as its local storage's directory (ReadWriteOnce: every pod that mounts it runs on the node it is bound to)",
          {
            size: leaf('Requested size', memoryQuantity, '1Gi'),
            storageClassName: leaf('StorageClass; empty for the cluster default', string, ''),
            mountPath: leaf(
              "Where the pods mount it: the service's local storage directory",
              { type: 'string', pattern: '^/[^:]*$' },
              '/var/lib/what-if/files',
            ),
          },
        ),
      },
    ),
    externalSecrets: group(
      'ExternalSecrets (External Secrets Operator) that fill each service Secret from AWS Secrets Manager',
      {
        enabled: leaf('Create them; otherwise create the Secrets yourself (see the README)', boolean, false),
        apiVersion: leaf(
          'ExternalSecret API version your operator serves',
          oneOf(['external-secrets.io/v1', 'external-secrets.io/v1beta1']),
          'external-secrets.io/v1',
        ),
        refreshInterval: leaf(
          'How often the operator re-reads Secrets Manager',
          { type: 'string', pattern: '^[0-9]+(s|m|h)$' },
          '1h',
        ),
        secretStoreRef: group('The (Cluster)SecretStore to read from', {
          kind: leaf(
            'SecretStore or ClusterSecretStore',
            oneOf(['SecretStore', 'ClusterSecretStore']),
            'ClusterSecretStore',
          ),
          name: leaf('Its name', { type: 'string', minLength: 1 }, 'aws-secrets-manager'),
        }),
        keyPrefix: leaf(
          "Secrets Manager name prefix of the deployment: each variable comes from <keyPrefix><key> of services.<name>.catalog.secretEnv (the ECS stacks' layout, whatif/<env>/)",
          { type: 'string', minLength: 1 },
          'whatif/prod/',
        ),
        clusterSecretStore: group(
          'The ClusterSecretStore itself (secretStoreRef.name), for AWS Secrets Manager',
          {
            create: leaf(
              "Render it, usable only from the release namespace; it authenticates as the External Secrets controller's own ServiceAccount (EKS Pod Identity)",
              boolean,
              false,
            ),
            region: leaf(
              'Region of the secrets',
              { type: 'string', pattern: '^$|^[a-z]{2}(-[a-z]+)+-[0-9]$' },
              '',
            ),
          },
        ),
      },
    ),
    ingress: group('The Ingress in front of the public service', {
      enabled: leaf('Create it', boolean, true),
      className: leaf(
        'IngressClass: alb (AWS Load Balancer Controller) adds the ALB annotations',
        { type: 'string', minLength: 1 },
        'alb',
      ),
      host: leaf('Host name to match; empty matches any', string, ''),
      annotations: leaf('More annotations (they win over the ALB ones)', stringMap, {}),
      alb: group('AWS Load Balancer Controller settings (className alb)', {
        scheme: leaf(
          'internet-facing or internal',
          oneOf(['internet-facing', 'internal']),
          'internet-facing',
        ),
        certificateArn: leaf(
          'ACM certificate for HTTPS; empty serves HTTP only',
          { type: 'string', pattern: '^$|^arn:aws[a-z-]*:acm:' },
          '',
        ),
        sslPolicy: leaf('TLS policy of the HTTPS listener', string, 'ELBSecurityPolicy-TLS13-1-2-2021-06'),
        groupName: leaf('IngressGroup to share one ALB with other Ingresses; empty for its own', string, ''),
        wafv2AclArn: leaf(
          'WAFv2 web ACL to attach; empty for none',
          { type: 'string', pattern: '^$|^arn:aws[a-z-]*:wafv2:' },
          '',
        ),
        accessLogs: group('ALB access logs in S3 (the bucket must let the region’s load balancers write)', {
          bucket: leaf('Bucket name; empty for no access logs', string, ''),
          prefix: leaf('Key prefix of the log objects', string, ''),
        }),
        idleTimeoutSeconds: leaf(
          "ALB idle timeout; must stay below the services' 65 s keep-alive",
          integer(1, 64),
          60,
        ),
      }),
    }),
    monitoring: group(
      'Prometheus Operator objects; their CRDs come with kube-prometheus-stack (runbooks/alerts.md)',
      {
        podMonitor: group(
          "A PodMonitor scraping /metrics of every service and worker pod, the job named after the pod's component",
          {
            enabled: leaf('Render it', boolean, false),
            interval: leaf('Scrape interval', { type: 'string', pattern: '^[0-9]+(ms|s|m)$' }, '30s'),
            labels: leaf(
              "Labels its Prometheus's podMonitorSelector matches (kube-prometheus-stack: release: <its release>)",
              stringMap,
              {},
            ),
          },
        ),
        prometheusRule: group(
          'The alert rules of observability/prometheus/rules.yml (generated from the catalog) as a PrometheusRule',
          {
            enabled: leaf('Render it', boolean, false),
            labels: leaf("Labels its Prometheus's ruleSelector matches", stringMap, {}),
          },
        ),
      },
    ),
    tests: group('The helm test hook', {
      enabled: leaf(
        'Render the test pod that checks the unified /health through the gateway Service',
        boolean,
        true,
      ),
    }),
  };
}

function storeEgress(what: string, port: number, peers: unknown[]): ValueGroup {
  return group(what, {
    port: leaf('Port services connect to', integer(1, 65535), port),
    peers: leaf('Addresses services may reach it at', networkPolicyPeers, peers),
  });
}

function devStore(what: string, port: number, image: string, defaultResources: unknown): ValueGroup {
  return group(what, {
    port: leaf("Port it listens on (the catalog's store port)", { const: port }, port),
    image: leaf(
      `${what} image, pinned by tag or digest like docker-compose.yml's`,
      { type: 'string', pattern: '^[a-z0-9./_-]+(:[A-Za-z0-9_][A-Za-z0-9_.-]*|@sha256:[a-f0-9]{64})$' },
      image,
    ),
    resources: leaf('Requests and limits', resources, defaultResources),
  });
}

/** Every value of charts/what-if, described once. */
export function chartValues(): ValueGroup {
  return group('Values of the What If chart', {
    nameOverride: leaf(
      'Replaces the chart name in object names and the app.kubernetes.io/name label',
      string,
      '',
    ),
    fullnameOverride: leaf('Replaces <release>-<chart> as the prefix of every object name', string, ''),
    global: globalValues(),
    ...securityValues(),
    ...featureValues(),
    services: group(
      'One entry per catalog service; generated from services/catalog',
      Object.fromEntries(services.map((entry) => [entry.name, serviceValues(entry)])),
    ),
  });
}
