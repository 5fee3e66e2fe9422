import { type StoreKind, services, storePorts } from '@what-if/catalog';
import { ApiObject, Duration, JsonPatch, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { type DevStoreSpec, devStoreProbeTimings, devStoreStartupTimings, devStores } from '../dev-stores';
import { imageTag } from '../images';
import { metadata, podPeer, selectorLabels } from '../naming';
import type { Profile } from '../profile';
import { containerSecurityContext, hardenPodTemplate, podSecurityContext } from '../pod-security';
import { isolatingNetworkPolicy } from './network-policy';

export interface DevStoreProps {
  profile: Profile;
  store: StoreKind;
}

function probe(
  spec: DevStoreSpec,
  timings: typeof devStoreProbeTimings | typeof devStoreStartupTimings,
): kplus.Probe {
  const options = {
    periodSeconds: Duration.seconds(timings.periodSeconds),
    timeoutSeconds: Duration.seconds(timings.timeoutSeconds),
    failureThreshold: timings.failureThreshold,
  };
  return 'command' in spec.probe
    ? kplus.Probe.fromCommand(spec.probe.command, options)
    : kplus.Probe.fromTcpSocket({ port: spec.probe.tcpPort, ...options });
}

/**
 * A store the dev profile runs in the cluster: one replica, no persistence, its image's own
 * non-root user under the restricted security context, reachable only from the services
 * that use it.
 */
export class DevStore extends Construct {
  constructor(scope: Construct, id: string, { profile, store }: DevStoreProps) {
    super(scope, id);
    const spec = devStores[store];
    const port = storePorts[store];
    const objectMetadata = metadata(profile, store, imageTag(profile));
    const runAs = { user: spec.user, group: spec.group };
    const volumes = spec.writablePaths.map((_, index) =>
      kplus.Volume.fromEmptyDir(this, `writable-${index}`, `writable-${index}`, {
        sizeLimit: Size.mebibytes(1024),
      }),
    );
    const deployment = new kplus.Deployment(this, 'deployment', {
      metadata: objectMetadata,
      select: false,
      spread: false,
      replicas: 1,
      strategy: kplus.DeploymentStrategy.recreate(),
      podMetadata: { labels: objectMetadata.labels },
      automountServiceAccountToken: false,
      terminationGracePeriod: Duration.seconds(30),
      securityContext: podSecurityContext(runAs),
      volumes,
      containers: [
        {
          name: store,
          image: spec.image,
          imagePullPolicy: kplus.ImagePullPolicy.IF_NOT_PRESENT,
          ...(spec.args.length > 0 ? { args: spec.args } : {}),
          envVariables: Object.fromEntries(
            spec.env.map(({ name, value }) => [name, kplus.EnvValue.fromValue(value)]),
          ),
          ports: [{ name: store, number: port, protocol: kplus.Protocol.TCP }],
          startup: probe(spec, devStoreStartupTimings),
          liveness: probe(spec, devStoreProbeTimings),
          readiness: probe(spec, devStoreProbeTimings),
          resources: {
            cpu: {
              request: kplus.Cpu.millis(spec.resources.requests.cpu),
              limit: kplus.Cpu.millis(spec.resources.limits.cpu),
            },
            memory: {
              request: Size.mebibytes(spec.resources.requests.memoryMiB),
              limit: Size.mebibytes(spec.resources.limits.memoryMiB),
            },
          },
          securityContext: containerSecurityContext(runAs),
          volumeMounts: spec.writablePaths.map((path, index) => ({ path, volume: volumes[index]! })),
        },
      ],
    });
    deployment.select(kplus.LabelSelector.of({ labels: selectorLabels(profile, store) }));
    hardenPodTemplate(deployment, '/spec/template/spec', 1);
    const deploymentObject = ApiObject.of(deployment);
    deploymentObject.addJsonPatch(JsonPatch.remove('/spec/template/metadata/labels/cdk8s.io~1metadata.addr'));
    deploymentObject.addJsonPatch(JsonPatch.add('/spec/revisionHistoryLimit', 2));

    const service = new kplus.Service(this, 'service', {
      metadata: objectMetadata,
      type: kplus.ServiceType.CLUSTER_IP,
      ports: [{ name: store, port, targetPort: port, protocol: kplus.Protocol.TCP }],
    });
    for (const [key, value] of Object.entries(selectorLabels(profile, store)))
      service.selectLabel(key, value);

    // A service's workers use its stores too.
    const users = services
      .filter((entry) => entry.stores.includes(store))
      .flatMap((entry) => [entry.name, ...(entry.workers ?? []).map((worker) => worker.name)])
      .sort();
    const ports = [{ port, protocol: 'TCP' as const }];
    isolatingNetworkPolicy(this, 'policy', {
      metadata: objectMetadata,
      podSelector: { matchLabels: selectorLabels(profile, store) },
      ingress: [
        { from: users.map((user) => podPeer(profile, user)), ports },
        // KEDA's operator reads the workers' queues.
        ...(store === 'redis' && profile.keda.enabled ? [{ from: profile.keda.operatorPeers, ports }] : []),
      ],
      egress: [],
    });
  }
}
