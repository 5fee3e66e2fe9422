import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { service, services } from '@what-if/catalog';
import {
  chartDirectory,
  renderChart,
  runHelm,
  runHelmUnittest,
  templateText,
} from '../../test/support/kubernetes/helm';
import { allSchemaProblems } from '../../test/support/kubernetes/kubernetes-schema';
import { type KubernetesObject, find, isHook } from '../../test/support/kubernetes/manifests';
import { canConnect, workloadsByComponent } from '../../test/support/kubernetes/network-reachability';
import { auditFindings } from '../../test/support/kubernetes/policy-audit';

/** Each checked-in example and the values file it renders (none: the defaults). */
const examples = [
  ['default.yaml', undefined],
  ['dev.yaml', 'values-dev.yaml'],
  ['eks-prod.yaml', 'values-eks-prod.yaml'],
] as const;

const rendered = Object.fromEntries(examples.map(([example, values]) => [example, renderChart(values)]));

function failureOf(...args: string[]): string {
  const result = templateText(args);
  expect(result.status).toBe(1);
  return result.stderr;
}

describe('the rendered examples in charts/what-if/examples', () => {
  it('cover every values file of the chart', () => {
    const valuesFiles = readdirSync(chartDirectory).filter((file) => /^values-.+\.yaml$/.test(file));
    expect(valuesFiles.map((file) => file.replace(/^values-/, '')).sort()).toEqual(
      examples
        .filter(([, values]) => values)
        .map(([example]) => example)
        .sort(),
    );
  });

  it.each(examples)('%s is exactly what the chart renders', (example, values) => {
    const checkedIn = readFileSync(path.join(chartDirectory, 'examples', example), 'utf8');
    const args = values ? ['-f', path.join(chartDirectory, values)] : [];
    if (templateText(args).stdout !== checkedIn) {
      throw new Error(
        `charts/what-if/examples/${example} differs from what the chart renders.\n` +
          'Run `make generate && make helm-examples`, review the diff and commit it.',
      );
    }
  });
});

describe.each(examples)('the chart rendered as %s', (example, values) => {
  const objects = rendered[example]!;

  it('validates every object against the Kubernetes API schemas, unknown fields included', () => {
    expect(allSchemaProblems(objects)).toEqual([]);
  });

  it('passes the security and isolation audit, the test hook included', () => {
    expect(auditFindings(objects)).toEqual([]);
  });

  it('lets each service reach exactly the services the catalog says it calls', () => {
    const workloads = workloadsByComponent(objects);
    const reachable = services.map((from) => [
      from.name,
      services
        .filter((to) => to.name !== from.name)
        .filter((to) => canConnect(objects, workloads.get(from.name)!, workloads.get(to.name)!, to.port))
        .map((to) => to.name)
        .sort(),
    ]);
    expect(reachable).toEqual(services.map((entry) => [entry.name, [...entry.calls].sort()]));
  });

  it('lints cleanly under --strict', () => {
    const args = values ? ['-f', path.join(chartDirectory, values)] : [];
    const result = runHelm(['lint', chartDirectory, '--strict', ...args]);
    expect(result.stdout).toContain('1 chart(s) linted, 0 chart(s) failed');
  });
});

describe.each(examples.filter(([, values]) => values))(
  'the chart rendered as %s with Argo Rollouts',
  (_example, values) => {
    const objects = renderChart(values, ['--set', 'rollouts.enabled=true']);

    it('validates every object, Rollouts and AnalysisTemplates included, unknown fields refused', () => {
      expect(allSchemaProblems(objects)).toEqual([]);
      const deployments = objects
        .filter((object) => object.kind === 'Deployment')
        .map((object) => object.metadata.name);
      for (const entry of services) expect(deployments).not.toContain(`what-if-${entry.name}`);
    });

    it('still lets each service reach exactly the services the catalog says it calls', () => {
      const workloads = workloadsByComponent(objects);
      for (const from of services) {
        const reachable = services
          .filter((to) => to.name !== from.name)
          .filter((to) => canConnect(objects, workloads.get(from.name)!, workloads.get(to.name)!, to.port))
          .map((to) => to.name)
          .sort();
        expect([from.name, reachable]).toEqual([from.name, [...from.calls].sort()]);
      }
    });

    it('rolls the gateway out blue-green behind a preview Service only the cluster reaches, promoted by hand', () => {
      const gateway = find(objects, 'Rollout', 'what-if-gateway');
      expect(gateway.spec.strategy.blueGreen).toEqual({
        activeService: 'what-if-gateway',
        previewService: 'what-if-gateway-preview',
        autoPromotionEnabled: false,
        scaleDownDelaySeconds: 600,
        prePromotionAnalysis: { templates: [{ templateName: 'what-if-gateway-pre-promotion' }] },
      });
      expect(find(objects, 'Rollout', 'what-if-user').spec.strategy.blueGreen.autoPromotionEnabled).toBe(
        true,
      );
      expect(find(objects, 'Service', 'what-if-gateway-preview').spec.type).toBe('ClusterIP');
      const backends = objects
        .filter((object) => object.kind === 'Ingress')
        .flatMap((ingress) => ingress.spec.rules.flatMap((rule: KubernetesObject) => rule.http.paths))
        .map((path: KubernetesObject) => path.backend.service.name);
      expect(new Set(backends)).toEqual(new Set(['what-if-gateway']));
      // A worker takes no traffic, so it rolls as a Deployment in either mode.
      const workerNames = services.flatMap((entry) =>
        (entry.workers ?? []).map((worker) => `what-if-${worker.name}`),
      );
      for (const autoscaler of objects.filter((object) => object.kind === 'HorizontalPodAutoscaler')) {
        expect(autoscaler.spec.scaleTargetRef).toEqual({
          apiVersion: workerNames.includes(autoscaler.metadata.name) ? 'apps/v1' : 'argoproj.io/v1alpha1',
          kind: workerNames.includes(autoscaler.metadata.name) ? 'Deployment' : 'Rollout',
          name: autoscaler.metadata.name,
        });
      }
    });

    it("checks the preview's readiness and the unified health before promoting", () => {
      const urls = (name: string) =>
        find(objects, 'AnalysisTemplate', `what-if-${name}-pre-promotion`).spec.metrics.map(
          (metric: KubernetesObject) => [metric.name, metric.provider.web.url, metric.successCondition],
        );
      expect(urls('gateway')).toEqual([
        ['preview-ready', 'http://what-if-gateway-preview.what-if.svc:3000/health/ready', 'result == "ok"'],
        ['unified-health', 'http://what-if-gateway-preview.what-if.svc:3000/health', 'result == "ok"'],
      ]);
      expect(urls('history')).toEqual([
        [
          'preview-ready',
          `http://what-if-history-preview.what-if.svc:${service('history').port}/health/ready`,
          'result == "ok"',
        ],
        ['unified-health', 'http://what-if-gateway.what-if.svc:3000/health', 'result == "ok"'],
      ]);
    });
  },
);

describe('the namespace, when the chart makes it', () => {
  it('enforces the restricted Pod Security Standard, injects ALB readiness gates and survives an uninstall', () => {
    const namespace = find(rendered['eks-prod.yaml']!, 'Namespace', 'what-if');
    expect(namespace.metadata.labels).toEqual({
      'pod-security.kubernetes.io/enforce': 'restricted',
      'pod-security.kubernetes.io/audit': 'restricted',
      'pod-security.kubernetes.io/warn': 'restricted',
      'elbv2.k8s.aws/pod-readiness-gate-inject': 'enabled',
    });
    expect(namespace.metadata.annotations).toEqual({ 'helm.sh/resource-policy': 'keep' });
    expect(rendered['default.yaml']!.filter((object) => object.kind === 'Namespace')).toEqual([]);
  });
});

describe('health checks', () => {
  const objects = rendered['eks-prod.yaml']!;

  it("has the ALB check the gateway's own readiness, so one failing service cannot empty the target group", () => {
    const annotations = find(objects, 'Ingress', 'what-if-gateway').metadata.annotations;
    expect(annotations['alb.ingress.kubernetes.io/healthcheck-path']).toBe(service('gateway').health.ready);
    expect(annotations['alb.ingress.kubernetes.io/target-type']).toBe('ip');
    expect(annotations['alb.ingress.kubernetes.io/certificate-arn']).toMatch(/^arn:aws:acm:/);
  });

  it('has helm test ask the unified /health through the gateway Service, and lets only that pod in', () => {
    const test = find(objects, 'Pod', 'what-if-health-test');
    expect(test.metadata.annotations['helm.sh/hook']).toBe('test');
    expect(test.spec.restartPolicy).toBe('Never');
    expect(test.spec.containers[0].args.join(' ')).toContain('"http://what-if-gateway:3000/health"');
    const workloads = workloadsByComponent(objects);
    const probe = workloads.get('health-test')!;
    expect(canConnect(objects, probe, workloads.get('gateway')!, 3000)).toBe(true);
    expect(canConnect(objects, probe, workloads.get('user')!, service('user').port)).toBe(false);
  });
});

describe('values that change the rendering', () => {
  it('derive the grace period and the ALB deregistration delay from the shutdown variables', () => {
    const objects = renderChart('values-eks-prod.yaml', [
      '--set-string',
      'services.gateway.env.SHUTDOWN_DELAY_MS=10000',
    ]);
    const pod = find(objects, 'Deployment', 'what-if-gateway').spec.template.spec;
    expect(pod.terminationGracePeriodSeconds).toBe(10 + service('gateway').drainSeconds + 5);
    const annotations = find(objects, 'Ingress', 'what-if-gateway').metadata.annotations;
    expect(annotations['alb.ingress.kubernetes.io/target-group-attributes']).toBe(
      `deregistration_delay.timeout_seconds=${10 + service('gateway').drainSeconds}`,
    );
  });

  it('roll the pods when the configuration changes', () => {
    const checksum = (objects: KubernetesObject[]) =>
      find(objects, 'Deployment', 'what-if-history').spec.template.metadata.annotations['checksum/config'];
    const changed = renderChart(undefined, ['--set', 'services.history.env.LOG_LEVEL=debug']);
    expect(checksum(changed)).not.toBe(checksum(rendered['default.yaml']!));
    expect(find(changed, 'ConfigMap', 'what-if-history').data.LOG_LEVEL).toBe('debug');
  });

  it('leave out each optional feature when its flag is off', () => {
    const objects = renderChart(undefined, [
      '--set',
      'autoscaling.enabled=false,pdb.enabled=false,networkPolicy.enabled=false,ingress.enabled=false,serviceAccount.enabled=false,tests.enabled=false',
    ]);
    expect([...new Set(objects.map((object) => object.kind))].sort()).toEqual([
      'ConfigMap',
      'Deployment',
      'Service',
    ]);
    expect(find(objects, 'Deployment', 'what-if-user').spec.replicas).toBe(
      service('user').scaling.minReplicas,
    );
  });

  it('with EKS Pod Identity, annotate no ServiceAccount and open egress to the node agent', () => {
    const objects = renderChart('values-eks-prod.yaml', ['--set', 'aws.identity=pod-identity']);
    expect(find(objects, 'ServiceAccount', 'what-if-history').metadata.annotations).toBeUndefined();
    expect(find(objects, 'NetworkPolicy', 'what-if-history').spec.egress).toContainEqual({
      to: [{ ipBlock: { cidr: '169.254.170.23/32' } }],
      ports: [{ port: 80, protocol: 'TCP' }],
    });
  });

  it('render no Secret when neither External Secrets nor the dev stores provide them (NOTES.txt lists them: tests/notes_test.yaml)', () => {
    expect(
      rendered['default.yaml']!.filter((object) => ['Secret', 'ExternalSecret'].includes(object.kind)),
    ).toEqual([]);
  });

  it('leave the hooks out of the release objects', () => {
    const hooks = rendered['default.yaml']!.filter(isHook).map((object) => object.kind);
    expect(hooks.sort()).toEqual(['NetworkPolicy', 'NetworkPolicy', 'Pod']);
  });
});

describe('HTTPS to a remote provider', () => {
  const httpsOut = { to: [{ ipBlock: { cidr: '0.0.0.0/0' } }], ports: [{ port: 443, protocol: 'TCP' }] };
  const egressOf = (objects: KubernetesObject[], name: string) =>
    find(objects, 'NetworkPolicy', `what-if-${name}`).spec.egress;

  it('opens only when the service is configured to call one', () => {
    expect(egressOf(rendered['default.yaml']!, 'generation')).not.toContainEqual(httpsOut);
    expect(egressOf(rendered['eks-prod.yaml']!, 'generation')).toContainEqual(httpsOut);
    const local = renderChart('values-eks-prod.yaml', [
      '--set',
      'services.generation.env.GENERATION_PROVIDERS=local',
    ]);
    expect(egressOf(local, 'generation')).not.toContainEqual(httpsOut);
    const openai = renderChart(undefined, [
      '--set',
      'services.generation.env.GENERATION_PROVIDERS=local\\,openai',
    ]);
    expect(egressOf(openai, 'generation')).toContainEqual(httpsOut);
  });
});

describe('bad values', () => {
  it('refuse a ClusterSecretStore without its region', () => {
    expect(
      failureOf('--set', 'externalSecrets.enabled=true,externalSecrets.clusterSecretStore.create=true'),
    ).toContain('externalSecrets.clusterSecretStore.create needs externalSecrets.clusterSecretStore.region');
  });

  it('fail on a wrong type with the schema message', () => {
    expect(failureOf('--set', 'services.gateway.autoscaling.maxReplicas=ten')).toContain(
      "- at '/services/gateway/autoscaling/maxReplicas': got string, want integer",
    );
  });

  it('fail on an unknown key with the schema message', () => {
    expect(failureOf('--set', 'services.gateway.resources.limit.cpu=1')).toContain(
      "- at '/services/gateway/resources': additional properties 'limit' not allowed",
    );
    expect(failureOf('--set', 'services.gateway.env.LOG_LEVELS=debug')).toContain(
      "- at '/services/gateway/env': additional properties 'LOG_LEVELS' not allowed",
    );
    expect(failureOf('--set', 'services.billing.port=3009')).toContain(
      "- at '/services': additional properties 'billing' not allowed",
    );
  });

  it('fail on a missing image with the schema message', () => {
    expect(failureOf('--set', 'services.gateway.image=null')).toContain(
      "- at '/services/gateway': missing property 'image'",
    );
    expect(failureOf('--set', 'services.gateway.image.repository=')).toContain(
      "- at '/services/gateway/image/repository': minLength: got 0, want 1",
    );
    expect(failureOf('--set', 'global.image.registry=')).toContain(
      "- at '/global/image/registry': minLength: got 0, want 1",
    );
  });

  it('refuse S3 storage without a bucket, which the video service would refuse at start', () => {
    const message =
      'services.video.env.VIDEO_BUCKET is empty while VIDEO_STORAGE is s3: video would refuse to start';
    expect(failureOf('--set', 'services.video.env.VIDEO_STORAGE=s3')).toContain(message);
    expect(
      failureOf(
        '-f',
        path.join(chartDirectory, 'values-eks-prod.yaml'),
        '--set',
        'services.video.env.VIDEO_BUCKET=',
      ),
    ).toContain(message);
  });

  it('fail on a catalog fact changed in values', () => {
    expect(failureOf('--set', 'services.user.catalog.port=4000')).toContain(
      `- at '/services/user/catalog/port': value must be ${service('user').port}`,
    );
  });
});

describe("the chart's helm-unittest suites (charts/what-if/tests/, also run by make helm-unittest)", () => {
  const suites = readdirSync(path.join(chartDirectory, 'tests')).filter((file) =>
    file.endsWith('_test.yaml'),
  );

  it.each(suites)('%s passes', (suite) => {
    const result = runHelmUnittest(['--strict', '--color=false', '-f', `tests/${suite}`, chartDirectory]);
    if (result.status !== 0) throw new Error(`helm-unittest failed:\n${result.stdout}${result.stderr}`);
    expect(result.stdout).toMatch(/Tests: +[1-9]\d* passed, [1-9]\d* total/);
  });
});
