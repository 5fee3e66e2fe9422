import { isDeepStrictEqual } from 'node:util';
import {
  envFor,
  scalingLoad,
  secretLayout,
  serviceUrlVariable,
  services,
  trustedProxyCount,
} from '@what-if/catalog';
import { profileNamed } from '../src/profiles';
import { synthesizeObjects } from '../src/synth';
import { type KubernetesObject, find } from '../../test/support/kubernetes/manifests';
import { selectorMatches } from '../../test/support/kubernetes/policy-audit';

const eks = synthesizeObjects(profileNamed('eks', {})) as KubernetesObject[];
const dev = synthesizeObjects(profileNamed('dev', {})) as KubernetesObject[];

function millisecondsDefault(name: string, variable: string): number {
  return Number(envFor(name as 'gateway').find((candidate) => candidate.name === variable)!.default);
}

describe.each(services.map((entry) => [entry.name, entry] as const))('%s on eks', (name, entry) => {
  const objectName = `what-if-${name}`;
  const deployment = find(eks, 'Deployment', objectName);
  const pod = deployment.spec.template.spec;
  const container = pod.containers[0];
  const config = find(eks, 'ConfigMap', objectName).data as Record<string, string>;

  it("runs its image from the environment's ECR repository, tagged with the chart appVersion", () => {
    expect(container.image).toBe(`123456789012.dkr.ecr.us-east-1.amazonaws.com/whatif-prod/${name}:0.1.0`);
    expect(container.imagePullPolicy).toBe('IfNotPresent');
  });

  it('probes the catalog health paths on its port: startup and liveness on live, readiness on ready', () => {
    expect(container.ports).toEqual([{ name: 'http', containerPort: entry.port, protocol: 'TCP' }]);
    expect(container.startupProbe.httpGet).toMatchObject({ path: entry.health.live, port: entry.port });
    expect(container.livenessProbe.httpGet).toMatchObject({ path: entry.health.live, port: entry.port });
    expect(container.readinessProbe.httpGet).toMatchObject({ path: entry.health.ready, port: entry.port });
  });

  it('requests and limits the catalog CPU and memory', () => {
    expect(container.resources).toEqual({
      requests: {
        cpu: `${entry.resources.cpu.requestMillicores}m`,
        memory: `${entry.resources.memory.requestMiB}Mi`,
      },
      limits: {
        cpu: `${entry.resources.cpu.limitMillicores}m`,
        memory: `${entry.resources.memory.limitMiB}Mi`,
      },
    });
  });

  it('waits longer than the readiness delay plus the drain before killing a pod', () => {
    const shutdown = millisecondsDefault(name, 'SHUTDOWN_DELAY_MS') / 1000 + entry.drainSeconds;
    expect(config.SHUTDOWN_TIMEOUT_MS).toBe(String(entry.drainSeconds * 1000));
    expect(pod.terminationGracePeriodSeconds).toBeGreaterThan(shutdown);
    expect(container.lifecycle).toBeUndefined();
  });

  it('runs as uid 1000 on a read-only root filesystem, with /tmp the only writable path', () => {
    expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 1000, runAsGroup: 1000 });
    expect(container.securityContext.readOnlyRootFilesystem).toBe(true);
    expect(container.volumeMounts).toEqual([{ name: 'tmp', mountPath: '/tmp' }]);
    expect(pod.volumes).toEqual([
      { name: 'tmp', emptyDir: { sizeLimit: `${entry.resources.scratchMiB}Mi` } },
    ]);
    expect(pod.automountServiceAccountToken).toBe(false);
    expect(pod.serviceAccountName).toBe(objectName);
  });

  it('spreads its pods across zones (enforced on eks) and nodes', () => {
    expect(
      pod.topologySpreadConstraints.map((constraint: KubernetesObject) => [
        constraint.topologyKey,
        constraint.whenUnsatisfiable,
        selectorMatches(constraint.labelSelector, deployment.spec.template.metadata.labels),
      ]),
    ).toEqual([
      ['topology.kubernetes.io/zone', 'DoNotSchedule', true],
      ['kubernetes.io/hostname', 'ScheduleAnyway', true],
    ]);
  });

  it('reads every non-secret variable from its ConfigMap and every secret one from its Secret, which must hold it', () => {
    const secret = secretLayout(name);
    expect(Object.keys(config).sort()).toEqual(
      envFor(name)
        .filter((variable) => !variable.secret)
        .map((variable) => variable.name)
        .sort(),
    );
    expect(config.PORT).toBe(String(entry.port));
    expect(config.NODE_ENV).toBe('production');
    expect(container.envFrom).toEqual([{ configMapRef: { name: objectName } }]);
    // External Secrets fills every key of the layout, so none is optional: no pod starts without its keys.
    expect(container.env ?? []).toEqual(
      secret.map((source) => ({
        name: source.variable,
        valueFrom: { secretKeyRef: { name: objectName, key: source.variable, optional: false } },
      })),
    );
  });

  it('reaches the services it calls at their Service names', () => {
    for (const callee of entry.calls) {
      const port = services.find((candidate) => candidate.name === callee)!.port;
      expect(config[serviceUrlVariable(callee)]).toBe(`http://what-if-${callee}:${port}`);
      expect(find(eks, 'Service', `what-if-${callee}`).spec.ports[0]).toMatchObject({
        port,
        targetPort: port,
      });
    }
  });

  it('autoscales on CPU and memory within the catalog bounds, leaving replicas to the HPA', () => {
    const autoscaler = find(eks, 'HorizontalPodAutoscaler', objectName).spec;
    expect(deployment.spec.replicas).toBeUndefined();
    expect(autoscaler.scaleTargetRef).toEqual({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      name: objectName,
    });
    expect([autoscaler.minReplicas, autoscaler.maxReplicas]).toEqual([
      entry.scaling.minReplicas,
      entry.scaling.maxReplicas,
    ]);
    expect(
      autoscaler.metrics.map((metric: KubernetesObject) => [
        metric.resource.name,
        metric.resource.target.averageUtilization,
      ]),
    ).toEqual([
      ['cpu', entry.scaling.targetCpuPercent],
      ['memory', entry.scaling.targetMemoryPercent],
    ]);
    // The HPA measures against the request: the same absolute load at which ECS scales a task.
    const [cpu, memory] = autoscaler.metrics.map(
      (metric: KubernetesObject) => metric.resource.target.averageUtilization as number,
    );
    expect({
      cpuMillicores: (cpu * entry.resources.cpu.requestMillicores) / 100,
      memoryMiB: (memory * entry.resources.memory.requestMiB) / 100,
    }).toEqual(scalingLoad(entry));
    expect(autoscaler.behavior.scaleUp.stabilizationWindowSeconds).toBe(0);
    expect(autoscaler.behavior.scaleDown.stabilizationWindowSeconds).toBe(300);
  });

  it('keeps all but one pod through voluntary disruptions, and its Service selects its pods', () => {
    const labels = deployment.spec.template.metadata.labels;
    const budget = find(eks, 'PodDisruptionBudget', objectName).spec;
    expect(budget.maxUnavailable).toBe(1);
    expect(selectorMatches(budget.selector, labels)).toBe(true);
    expect(selectorMatches({ matchLabels: find(eks, 'Service', objectName).spec.selector }, labels)).toBe(
      true,
    );
    expect(selectorMatches(deployment.spec.selector, labels)).toBe(true);
  });
});

describe('eks specifics', () => {
  it('lets the services that call AWS reach the EKS Pod Identity agent, and annotates no ServiceAccount', () => {
    const agent = {
      to: [{ ipBlock: { cidr: '169.254.170.23/32' } }],
      ports: [{ port: 80, protocol: 'TCP' }],
    };
    const reachAgent = services
      .filter((entry) =>
        find(eks, 'NetworkPolicy', `what-if-${entry.name}`).spec.egress.some((rule: KubernetesObject) =>
          isDeepStrictEqual(rule, agent),
        ),
      )
      .map((entry) => entry.name);
    expect(reachAgent).toEqual(['user', 'generation', 'history', 'sharing', 'video', 'social']);
    for (const entry of services) {
      expect(find(eks, 'ServiceAccount', `what-if-${entry.name}`).metadata.annotations).toBeUndefined();
    }
  });

  it("fills each Secret from Secrets Manager through an ExternalSecret, in the ECS stacks' layout", () => {
    expect(find(eks, 'ExternalSecret', 'what-if-history').spec).toEqual({
      refreshInterval: '1h',
      secretStoreRef: { kind: 'ClusterSecretStore', name: 'aws-secrets-manager' },
      target: { name: 'what-if-history', creationPolicy: 'Owner' },
      data: [
        {
          secretKey: 'SERVICE_SIGNING_KEY',
          remoteRef: { key: 'whatif/prod/history/SERVICE_SIGNING_KEY', property: 'value' },
        },
        {
          secretKey: 'SERVICE_PUBLIC_KEYS',
          remoteRef: { key: 'whatif/prod/history/SERVICE_PUBLIC_KEYS', property: 'value' },
        },
        {
          secretKey: 'HISTORY_CURSOR_SECRET',
          remoteRef: { key: 'whatif/prod/history/HISTORY_CURSOR_SECRET', property: 'value' },
        },
      ],
    });
    expect(find(eks, 'ExternalSecret', 'what-if-user').spec.data.slice(0, 3)).toEqual([
      { secretKey: 'DATABASE_URL', remoteRef: { key: 'whatif/prod/postgres/DATABASE_URL' } },
      { secretKey: 'PGUSER', remoteRef: { key: 'whatif/prod/postgres/credentials', property: 'username' } },
      {
        secretKey: 'PGPASSWORD',
        remoteRef: { key: 'whatif/prod/postgres/credentials', property: 'password' },
      },
    ]);
  });

  it('reads them through a ClusterSecretStore for Secrets Manager that only the release namespace may use', () => {
    expect(find(eks, 'ClusterSecretStore', 'aws-secrets-manager').spec).toEqual({
      conditions: [{ namespaces: ['what-if'] }],
      provider: { aws: { service: 'SecretsManager', region: 'us-east-1' } },
    });
  });

  it('sends the ALB through the WAF web ACL and writes its access logs to S3', () => {
    const annotations = find(eks, 'Ingress', 'what-if-gateway').metadata.annotations;
    expect(annotations['alb.ingress.kubernetes.io/wafv2-acl-arn']).toMatch(/^arn:aws:wafv2:us-east-1:/);
    expect(annotations['alb.ingress.kubernetes.io/load-balancer-attributes']).toBe(
      'idle_timeout.timeout_seconds=60,routing.http.drop_invalid_header_fields.enabled=true,' +
        'access_logs.s3.enabled=true,access_logs.s3.bucket=whatif-prod-eks-access-logs-123456789012-us-east-1,' +
        'access_logs.s3.prefix=eks-alb',
    );
  });

  it("puts the gateway behind an ALB that health-checks the gateway's own readiness, not the unified /health", () => {
    const ingress = find(eks, 'Ingress', 'what-if-gateway');
    const annotations = ingress.metadata.annotations;
    expect(ingress.spec.ingressClassName).toBe('alb');
    expect(annotations['alb.ingress.kubernetes.io/target-type']).toBe('ip');
    expect(annotations['alb.ingress.kubernetes.io/healthcheck-path']).toBe('/health/ready');
    expect(annotations['alb.ingress.kubernetes.io/certificate-arn']).toMatch(/^arn:aws:acm:/);
    expect(annotations['alb.ingress.kubernetes.io/ssl-redirect']).toBe('443');
    expect(annotations['alb.ingress.kubernetes.io/target-group-attributes']).toBe(
      'deregistration_delay.timeout_seconds=35',
    );
    expect(ingress.spec.rules[0].http.paths[0].backend.service).toEqual({
      name: 'what-if-gateway',
      port: { number: 3000 },
    });
    expect(find(eks, 'Namespace', 'what-if').metadata.labels['elbv2.k8s.aws/pod-readiness-gate-inject']).toBe(
      'enabled',
    );
  });

  it('forwards only the public surface: metrics and probes answer 404 at the edge', () => {
    const paths = find(eks, 'Ingress', 'what-if-gateway').spec.rules[0].http.paths as Array<{
      path: string;
      pathType: string;
    }>;
    expect(paths.map(({ path, pathType }) => `${pathType} ${path}`)).toEqual([
      'Prefix /api',
      'Prefix /s',
      'Exact /health',
      'Exact /openapi.json',
    ]);
  });
});

it('the gateway takes the client address from just before the one proxy in front of it', () => {
  // An ALB (eks) appends one X-Forwarded-For entry; ingress-nginx (dev) sets one. With 0, every
  // client would share the proxy's address and one rate-limit bucket.
  expect(find(eks, 'Ingress', 'what-if-gateway').spec.ingressClassName).toBe('alb');
  expect(find(eks, 'ConfigMap', 'what-if-gateway').data.TRUSTED_PROXY_COUNT).toBe(
    String(trustedProxyCount('eks-alb')),
  );
  expect(find(dev, 'Ingress', 'what-if-gateway').spec.ingressClassName).toBe('nginx');
  expect(find(dev, 'ConfigMap', 'what-if-gateway').data.TRUSTED_PROXY_COUNT).toBe(
    String(trustedProxyCount('ingress-nginx')),
  );
});

describe('dev specifics', () => {
  it('runs one replica per service without HPAs', () => {
    for (const entry of services) {
      expect(find(dev, 'Deployment', `what-if-${entry.name}`).spec.replicas).toBe(1);
    }
    expect(dev.filter((object) => object.kind === 'HorizontalPodAutoscaler')).toEqual([]);
  });

  it('points the DynamoDB services at DynamoDB Local and lets them create their tables', () => {
    for (const entry of services.filter((candidate) => candidate.stores.includes('dynamodb'))) {
      const config = find(dev, 'ConfigMap', `what-if-${entry.name}`).data;
      expect(config.DYNAMODB_ENDPOINT).toBe('http://what-if-dynamodb:8000');
      expect(config.DYNAMODB_CREATE_TABLES).toBe('true');
    }
  });

  it('writes the in-cluster store URLs into the Secrets of the services that use them', () => {
    expect(find(dev, 'Secret', 'what-if-user').stringData).toEqual({
      DATABASE_URL: 'postgres://postgres@what-if-postgres:5432/whatif',
      REDIS_URL: 'redis://what-if-redis:6379',
    });
  });

  it('runs each store as its image user, pinned like docker-compose.yml', () => {
    const stores = ['postgres', 'redis', 'dynamodb'].map((store) => {
      const pod = find(dev, 'Deployment', `what-if-${store}`).spec.template.spec;
      return [store, pod.containers[0].image, pod.securityContext.runAsUser];
    });
    expect(stores).toEqual([
      ['postgres', 'postgres:16-alpine', 70],
      ['redis', 'redis:7-alpine', 999],
      ['dynamodb', 'amazon/dynamodb-local:3.1.0', 1000],
    ]);
  });

  it('uses ingress-nginx instead of the ALB', () => {
    const ingress = find(dev, 'Ingress', 'what-if-gateway');
    expect(ingress.spec.ingressClassName).toBe('nginx');
    expect(ingress.metadata.annotations).toBeUndefined();
  });
});
