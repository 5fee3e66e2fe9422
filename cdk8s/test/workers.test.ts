import { envFor, queueKeyPrefix, services } from '@what-if/catalog';
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import type { Profile } from '../src/profile';
import { profileNamed } from '../src/profiles';
import { synthesizeObjects } from '../src/synth';
import { type KubernetesObject, find } from '../../test/support/kubernetes/manifests';
import { createTestRedisPrefix, testRedisUrl } from '../../test/support/stores';

const video = services.find((entry) => entry.workers?.length)!;
const worker = video.workers![0]!;
const name = `what-if-${worker.name}`;

function withKeda(profile: Profile, enabled: boolean): Profile {
  return { ...profile, keda: { ...profile.keda, enabled } };
}

function defaultOf(variable: string): string {
  return envFor(video.name).find((candidate) => candidate.name === variable)!.default!;
}

describe(`${worker.name} on eks`, () => {
  const eks = synthesizeObjects(profileNamed('eks', {})) as KubernetesObject[];
  const deployment = find(eks, 'Deployment', name);
  const pod = deployment.spec.template.spec;
  const container = pod.containers[0];
  const api = find(eks, 'Deployment', `what-if-${video.name}`).spec.template;

  it("runs its service's image with the worker's command under the image's entrypoint", () => {
    expect(container.image).toBe(api.spec.containers[0].image);
    expect(container.command).toBeUndefined();
    expect(container.args).toEqual(worker.command);
  });

  it("reads its service's ConfigMap and Secret, serving health and metrics on its own port", () => {
    expect(container.envFrom).toEqual(api.spec.containers[0].envFrom);
    const env = Object.fromEntries(
      container.env.map((variable: KubernetesObject) => [
        variable.name,
        variable.value ?? variable.valueFrom,
      ]),
    );
    expect(env.PORT).toBe(String(worker.port));
    for (const variable of api.spec.containers[0].env) expect(env[variable.name]).toEqual(variable.valueFrom);
    expect(container.ports).toEqual([{ containerPort: worker.port, name: 'http', protocol: 'TCP' }]);
    expect(container.livenessProbe.httpGet).toEqual({
      path: worker.health.live,
      port: worker.port,
      scheme: 'HTTP',
    });
    expect(container.readinessProbe.httpGet).toEqual({
      path: worker.health.ready,
      port: worker.port,
      scheme: 'HTTP',
    });
  });

  it('lets the running render finish: the grace period outlasts the readiness delay and the drain', () => {
    const drainMs = Number(
      container.env.find((variable: KubernetesObject) => variable.name === 'SHUTDOWN_TIMEOUT_MS').value,
    );
    expect(drainMs).toBe(worker.drainSeconds * 1000);
    expect(pod.terminationGracePeriodSeconds * 1000).toBeGreaterThan(
      Number(defaultOf('SHUTDOWN_DELAY_MS')) + drainMs,
    );
  });

  it('is no Service: nothing routes to it', () => {
    expect(eks.filter((object) => object.kind === 'Service' && object.metadata.name === name)).toEqual([]);
  });

  it('keeps all but one pod through voluntary disruptions', () => {
    expect(find(eks, 'PodDisruptionBudget', name).spec).toEqual({
      maxUnavailable: 1,
      unhealthyPodEvictionPolicy: 'AlwaysAllow',
      selector: { matchLabels: deployment.spec.selector.matchLabels },
    });
  });

  it('assumes its own role through EKS Pod Identity, with its own ServiceAccount', () => {
    expect(pod.serviceAccountName).toBe(name);
    expect(find(eks, 'ServiceAccount', name).automountServiceAccountToken).toBe(false);
  });

  it('without KEDA, scales on CPU alone within the catalog bounds, slow to scale in', () => {
    const autoscaler = find(eks, 'HorizontalPodAutoscaler', name).spec;
    expect(deployment.spec.replicas).toBeUndefined();
    expect(autoscaler.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name });
    expect([autoscaler.minReplicas, autoscaler.maxReplicas]).toEqual([
      worker.scaling.minReplicas,
      worker.scaling.maxReplicas,
    ]);
    expect(autoscaler.metrics).toEqual([
      {
        type: 'Resource',
        resource: {
          name: 'cpu',
          target: { type: 'Utilization', averageUtilization: worker.scaling.targetCpuPercent },
        },
      },
    ]);
    expect(autoscaler.behavior.scaleDown.stabilizationWindowSeconds).toBeGreaterThanOrEqual(600);
  });

  describe('with KEDA', () => {
    const objects = synthesizeObjects(withKeda(profileNamed('eks', {}), true)) as KubernetesObject[];
    const scaledObject = find(objects, 'ScaledObject', name).spec;

    it('scales on the wait list and on CPU instead of an HPA of its own, leaving replicas to KEDA', () => {
      expect(
        objects.filter(
          (object) => object.kind === 'HorizontalPodAutoscaler' && object.metadata.name === name,
        ),
      ).toEqual([]);
      expect(find(objects, 'Deployment', name).spec.replicas).toBeUndefined();
      expect(scaledObject.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name });
      expect([scaledObject.minReplicaCount, scaledObject.maxReplicaCount]).toEqual([
        worker.scaling.minReplicas,
        worker.scaling.maxReplicas,
      ]);
      expect(scaledObject.triggers.map((trigger: KubernetesObject) => trigger.type)).toEqual([
        'redis',
        'cpu',
      ]);
      expect(scaledObject.triggers[0].metadata).toMatchObject({
        listLength: String(worker.scaling.jobsPerReplica),
        enableTLS: 'true',
      });
      expect(scaledObject.triggers[1]).toEqual({
        type: 'cpu',
        metricType: 'Utilization',
        metadata: { value: String(worker.scaling.targetCpuPercent) },
      });
    });

    it("reads ElastiCache's address and AUTH token from the Secrets Manager secrets the services use", () => {
      expect(scaledObject.triggers[0].authenticationRef).toEqual({ name });
      expect(find(objects, 'TriggerAuthentication', name).spec.secretTargetRef).toEqual([
        { parameter: 'address', name: `${name}-queue`, key: 'address' },
        { parameter: 'password', name: `${name}-queue`, key: 'password' },
      ]);
      const secret = find(objects, 'ExternalSecret', `${name}-queue`).spec;
      expect(secret.target.name).toBe(`${name}-queue`);
      expect(secret.data.map((entry: KubernetesObject) => entry.remoteRef.key)).toEqual([
        'whatif/prod/redis/REDIS_URL',
        'whatif/prod/redis/auth-token',
      ]);
      expect(Object.keys(secret.target.template.data).sort()).toEqual(['address', 'password']);
    });

    it('on dev, reaches the in-cluster Redis by name, without credentials', () => {
      const dev = synthesizeObjects(withKeda(profileNamed('dev', {}), true)) as KubernetesObject[];
      const trigger = find(dev, 'ScaledObject', name).spec.triggers[0];
      expect(trigger.metadata).toMatchObject({ address: 'what-if-redis:6379', enableTLS: 'false' });
      expect(trigger.authenticationRef).toBeUndefined();
      expect(dev.filter((object) => object.kind === 'TriggerAuthentication')).toEqual([]);
    });
  });
});

describe(`${worker.name} on dev, where there is no S3`, () => {
  const dev = synthesizeObjects(profileNamed('dev', {})) as KubernetesObject[];
  const storage = video.objectStorage!;

  it('shares one claim with the API at the directory of its local storage, so the API serves what the worker renders', () => {
    const config = find(dev, 'ConfigMap', `what-if-${video.name}`).data;
    expect(config[storage.storageVariable]).toBe('local');
    const claim = find(dev, 'PersistentVolumeClaim', `what-if-${video.name}-files`);
    for (const component of [video.name, worker.name]) {
      const pod = find(dev, 'Deployment', `what-if-${component}`).spec.template.spec;
      const volume = pod.volumes.find((candidate: KubernetesObject) => candidate.persistentVolumeClaim);
      expect([component, volume.persistentVolumeClaim.claimName]).toEqual([component, claim.metadata.name]);
      expect(pod.containers[0].volumeMounts).toContainEqual({
        name: volume.name,
        mountPath: config[storage.directoryVariable],
      });
    }
  });

  it('mounts no claim where the files are in S3', () => {
    const eks = synthesizeObjects(profileNamed('eks', {})) as KubernetesObject[];
    expect(eks.filter((object) => object.kind === 'PersistentVolumeClaim')).toEqual([]);
  });
});

describe("the wait list KEDA measures is the one BullMQ queues the service's jobs on", () => {
  const redisPrefix = createTestRedisPrefix();
  afterAll(() => redisPrefix.cleanup());

  it('counts a job the moment it waits, and no longer once a worker has taken it', async () => {
    const profile = withKeda(profileNamed('dev', {}), true);
    const objects = synthesizeObjects({
      ...profile,
      env: {
        ...profile.env,
        [video.name]: { ...profile.env[video.name], REDIS_KEY_PREFIX: redisPrefix.prefix },
      },
    }) as KubernetesObject[];
    const listName = find(objects, 'ScaledObject', name).spec.triggers[0].metadata.listName as string;

    // The video service's queue: its REDIS_KEY_PREFIX under the catalog's BullMQ prefix.
    const connection = { url: testRedisUrl, maxRetriesPerRequest: null };
    const prefix = queueKeyPrefix(redisPrefix.prefix);
    const queue = new Queue(worker.queue, { connection, prefix });
    const redis = new Redis(testRedisUrl);
    let finish = () => {};
    const rendering = new Promise<void>((resolve) => (finish = resolve));
    let renderer: Worker | undefined;
    try {
      await queue.add('render', { videoId: 'v1' });
      await queue.add('render', { videoId: 'v2' });
      expect(await redis.llen(listName)).toBe(2);
      await new Promise<void>((resolve) => {
        renderer = new Worker(worker.queue, () => rendering, { connection, prefix, concurrency: 1 });
        renderer.on('active', () => resolve());
      });
      expect(await redis.llen(listName)).toBe(1);
    } finally {
      finish();
      await renderer?.close();
      await queue.close();
      redis.disconnect();
    }
  });
});
