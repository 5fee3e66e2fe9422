import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { services } from '@what-if/catalog';
import { secretVariables } from '../src/environment';
import type { Profile } from '../src/profile';
import { profileNamed, profiles } from '../src/profiles';
import { manifestFile, synthesizeObjects, writeManifests } from '../src/synth';
import { type KubernetesObject, objectId, parseManifests } from '../../test/support/kubernetes/manifests';
import { auditFindings } from '../../test/support/kubernetes/policy-audit';
import { allSchemaProblems } from '../../test/support/kubernetes/kubernetes-schema';

/** Each profile, with Deployments, with Argo Rollouts, and with KEDA scaling the workers. */
const modes = Object.keys(profiles).flatMap((name) => {
  const profile = profileNamed(name, {});
  return [
    [name, profile],
    [`${name}+rollouts`, { ...profile, rollouts: { ...profile.rollouts, enabled: true } }],
    [`${name}+keda`, { ...profile, keda: { ...profile.keda, enabled: true } }],
  ] as const;
});

const synthesized: Record<string, KubernetesObject[]> = Object.fromEntries(
  modes.map(([mode, profile]) => [mode, synthesizeObjects(profile) as KubernetesObject[]]),
);

/** The objects a profile must hold, worked out from the catalog alone. */
function expectedIds(profile: Profile): string[] {
  const ids = ['Namespace/what-if', 'NetworkPolicy/what-if-default-deny'];
  if (profile.externalSecrets?.clusterSecretStore) ids.push('ClusterSecretStore/aws-secrets-manager');
  for (const entry of services) {
    const object = `what-if-${entry.name}`;
    const workload = profile.rollouts.enabled ? 'Rollout' : 'Deployment';
    ids.push(`ConfigMap/${object}`, `ServiceAccount/${object}`, `${workload}/${object}`, `Service/${object}`);
    ids.push(`PodDisruptionBudget/${object}`, `NetworkPolicy/${object}`);
    if (profile.rollouts.enabled)
      ids.push(`Service/${object}-preview`, `AnalysisTemplate/${object}-pre-promotion`);
    if (profile.autoscaling) ids.push(`HorizontalPodAutoscaler/${object}`);
    if (secretVariables(profile, entry).length > 0) {
      if (profile.externalSecrets) ids.push(`ExternalSecret/${object}`);
      else if (profile.stores.kind === 'in-cluster' && entry.stores.some((store) => store !== 'dynamodb')) {
        ids.push(`Secret/${object}`);
      }
    }
    if (entry.public) ids.push(`Ingress/${object}`);
    if (entry.objectStorage && profile.stores.kind === 'in-cluster')
      ids.push(`PersistentVolumeClaim/${object}-files`);
    for (const worker of entry.workers ?? []) {
      const name = `what-if-${worker.name}`;
      ids.push(`ServiceAccount/${name}`, `Deployment/${name}`, `PodDisruptionBudget/${name}`);
      ids.push(`NetworkPolicy/${name}`);
      if (profile.keda.enabled) {
        ids.push(`ScaledObject/${name}`);
        if (profile.stores.kind === 'managed') ids.push(`TriggerAuthentication/${name}`);
        if (profile.stores.kind === 'managed' && profile.externalSecrets)
          ids.push(`ExternalSecret/${name}-queue`);
      } else if (profile.autoscaling) ids.push(`HorizontalPodAutoscaler/${name}`);
    }
  }
  if (profile.monitoring.podMonitor) ids.push('PodMonitor/what-if-monitoring');
  if (profile.monitoring.prometheusRule) ids.push('PrometheusRule/what-if-monitoring');
  if (profile.stores.kind === 'in-cluster') {
    for (const store of ['postgres', 'redis', 'dynamodb']) {
      if (services.some((entry) => entry.stores.includes(store as 'postgres'))) {
        ids.push(`Deployment/what-if-${store}`, `Service/what-if-${store}`, `NetworkPolicy/what-if-${store}`);
      }
    }
  }
  return ids.sort();
}

describe.each(modes)('the %s profile', (mode, profile) => {
  const objects = synthesized[mode]!;

  it('holds exactly the objects the catalog calls for', () => {
    expect(objects.map(objectId).sort()).toEqual(expectedIds(profile));
  });

  it('validates every object against the Kubernetes API schemas, unknown fields included', () => {
    expect(allSchemaProblems(objects)).toEqual([]);
  });

  it('passes the security and isolation audit', () => {
    expect(auditFindings(objects)).toEqual([]);
  });

  it('puts the namespace first, so one kubectl apply creates it before what lives in it', () => {
    expect(objectId(objects[0]!)).toBe('Namespace/what-if');
    const clusterScoped = ['ClusterSecretStore'];
    expect(
      objects
        .slice(1)
        .every((object) => clusterScoped.includes(object.kind) || object.metadata.namespace === 'what-if'),
    ).toBe(true);
  });

  it('enforces the restricted Pod Security Standard on the namespace', () => {
    expect(objects[0]!.metadata.labels['pod-security.kubernetes.io/enforce']).toBe('restricted');
  });
});

describe('the schema and audit checks themselves', () => {
  const deployment = () =>
    structuredClone(synthesized.eks!.find((object) => objectId(object) === 'Deployment/what-if-gateway')!);
  const rollout = () =>
    structuredClone(
      synthesized['eks+rollouts']!.find((object) => objectId(object) === 'Rollout/what-if-gateway')!,
    );

  it('catch a field the Kubernetes API does not have', () => {
    const broken = deployment();
    broken.spec.template.spec.containers[0].securityContext.runAsRoot = false;
    broken.spec.replica = 3;
    expect(allSchemaProblems([broken]).sort()).toEqual([
      'Deployment/what-if-gateway: unknown field /spec/replica',
      'Deployment/what-if-gateway: unknown field /spec/template/spec/containers/0/securityContext/runAsRoot',
    ]);
  });

  it('catch a field Argo Rollouts and External Secrets do not have, in their own objects and in pod templates', () => {
    const broken = rollout();
    broken.spec.strategy.blueGreen.previewServices = 'what-if-gateway-preview';
    broken.spec.template.spec.containers[0].imagePolicy = 'Always';
    const secret = structuredClone(synthesized.eks!.find((object) => object.kind === 'ExternalSecret')!);
    secret.spec.data[0].remoteRef.field = 'value';
    expect(allSchemaProblems([broken, secret]).sort()).toEqual([
      `ExternalSecret/${secret.metadata.name}: unknown field /spec/data/0/remoteRef/field`,
      'Rollout/what-if-gateway: unknown field /spec/strategy/blueGreen/previewServices',
      'Rollout/what-if-gateway: unknown field /spec/template/spec/containers/0/imagePolicy',
    ]);
  });

  it('catch a field KEDA does not have, and an external-secrets.io/v1 value its v1 model refuses', () => {
    const scaledObject = structuredClone(
      synthesized['eks+keda']!.find((object) => object.kind === 'ScaledObject')!,
    );
    scaledObject.spec.triggers[0].authRef = scaledObject.spec.triggers[0].authenticationRef;
    const secret = structuredClone(
      synthesized['eks+keda']!.find(
        (object) => objectId(object) === 'ExternalSecret/what-if-video-worker-queue',
      )!,
    );
    secret.spec.target.template.engineVersion = 'v3';
    expect(allSchemaProblems([scaledObject, secret]).sort()).toEqual([
      'ExternalSecret/what-if-video-worker-queue: data/spec/target/template/engineVersion must be equal to one of the allowed values',
      'ScaledObject/what-if-video-worker: unknown field /spec/triggers/0/authRef',
    ]);
  });

  it('catch a wrong type', () => {
    const broken = deployment();
    broken.spec.template.spec.terminationGracePeriodSeconds = 'forty';
    expect(allSchemaProblems([broken]).join('\n')).toContain('terminationGracePeriodSeconds must be integer');
  });

  it('catch a root container, escalation, a latest image, no limits, no probes and no policy', () => {
    const broken = deployment();
    const container = broken.spec.template.spec.containers[0];
    delete broken.spec.template.spec.securityContext.runAsNonRoot;
    delete container.securityContext.runAsNonRoot;
    container.securityContext.allowPrivilegeEscalation = true;
    container.image = 'example/gateway:latest';
    delete container.resources.limits;
    delete container.readinessProbe;
    expect(auditFindings([broken])).toEqual([
      'Deployment/what-if-gateway: container gateway may run as root (runAsNonRoot is not true)',
      'Deployment/what-if-gateway: container gateway allows privilege escalation',
      'Deployment/what-if-gateway: container gateway has no cpu limit',
      'Deployment/what-if-gateway: container gateway has no memory limit',
      'Deployment/what-if-gateway: container gateway has no readiness probe',
      'Deployment/what-if-gateway: container gateway image example/gateway:latest uses the tag latest',
      'Deployment/what-if-gateway: has pods no NetworkPolicy isolates for Ingress',
      'Deployment/what-if-gateway: has pods no NetworkPolicy isolates for Egress',
    ]);
  });
});

describe('writing the manifests (make k8s-synth)', () => {
  it('writes one file for kubectl apply -f and removes what an earlier synth of another profile left', () => {
    const outdir = mkdtempSync(path.join(tmpdir(), 'cdk8s-'));
    writeFileSync(path.join(outdir, 'old-profile.k8s.yaml'), 'stale');
    writeFileSync(path.join(outdir, 'main.js'), 'compiled code stays');
    const file = writeManifests(profileNamed('dev', {}), outdir);
    expect(path.basename(file)).toBe(manifestFile);
    expect(readdirSync(outdir).sort()).toEqual(['main.js', manifestFile]);
    const written = parseManifests(readFileSync(file, 'utf8'));
    expect(written.map(objectId)).toEqual(synthesized.dev!.map(objectId));
  });
});

describe('profile settings', () => {
  it('take the image registry and tag from IMAGE_REGISTRY and IMAGE_TAG when set', () => {
    const profile = profileNamed('eks', { IMAGE_REGISTRY: 'registry.example.com', IMAGE_TAG: '1.4.2' });
    const gateway = synthesizeObjects(profile).find(
      (object) => objectId(object as KubernetesObject) === 'Deployment/what-if-gateway',
    ) as KubernetesObject;
    expect(gateway.spec.template.spec.containers[0].image).toBe(
      'registry.example.com/whatif-prod/gateway:1.4.2',
    );
  });

  it('refuse the tag latest', () => {
    expect(() => synthesizeObjects(profileNamed('eks', { IMAGE_TAG: 'latest' }))).toThrow(
      'The image tag latest is not allowed',
    );
  });

  it('refuse an unknown profile, naming the known ones', () => {
    expect(() => profileNamed('staging', {})).toThrow('Unknown profile "staging": choose one of eks, dev');
  });

  it('refuse S3 storage without a bucket, which the video service would refuse at start', () => {
    const profile = profileNamed('eks', {});
    const env = { ...profile.env, video: { ...profile.env.video, VIDEO_BUCKET: '' } };
    expect(() => synthesizeObjects({ ...profile, env })).toThrow(
      'Profile eks: video keeps its files in S3 (VIDEO_STORAGE=s3) but VIDEO_BUCKET is empty',
    );
  });

  it('refuse an environment override of a variable the service does not read', () => {
    const profile = {
      ...profileNamed('dev', {}),
      env: { history: { DATABASE_URL: 'postgres://elsewhere' } },
    };
    expect(() => synthesizeObjects(profile)).toThrow(
      'Profile dev sets DATABASE_URL on history, which does not read it',
    );
  });
});
