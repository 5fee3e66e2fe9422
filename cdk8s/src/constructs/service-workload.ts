import type { ServiceEntry } from '@what-if/catalog';
import { ApiObject, type ApiObjectMetadata, Duration, JsonPatch, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { appUser, devFiles, probeTimings } from '../kubernetes-defaults';
import {
  configChecksum,
  configData,
  secretVariables,
  sharedFilesClaim,
  terminationGracePeriodSeconds,
} from '../environment';
import { imageTag, serviceImage } from '../images';
import { componentName, metadata, selectorLabels } from '../naming';
import type { Profile } from '../profile';
import { blueGreenStrategy, rolloutsApiVersion } from './service-rollout';
import { containerSecurityContext, hardenPodTemplate, podSecurityContext } from '../pod-security';

export interface ServiceWorkloadProps {
  profile: Profile;
  entry: ServiceEntry;
}

const appRunAs = { user: appUser, group: appUser };

function httpProbe(
  path: string,
  port: number,
  timing: { periodSeconds: number; failureThreshold: number },
): kplus.Probe {
  return kplus.Probe.fromHttpGet(path, {
    port,
    periodSeconds: Duration.seconds(timing.periodSeconds),
    failureThreshold: timing.failureThreshold,
    timeoutSeconds: Duration.seconds(probeTimings.timeoutSeconds),
  });
}

/**
 * A catalog service's ConfigMap, ServiceAccount, Deployment (a blue-green Rollout when the
 * profile uses Argo Rollouts) and Service. The pod is the
 * restricted kind: non-root, read-only root filesystem with /tmp as an emptyDir, no
 * capabilities, RuntimeDefault seccomp, no API token. The grace period outlasts the service's
 * own shutdown (readiness fails first, then requests drain), so there is no preStop hook.
 */
export class ServiceWorkload extends Construct {
  readonly deployment: kplus.Deployment;

  constructor(scope: Construct, id: string, { profile, entry }: ServiceWorkloadProps) {
    super(scope, id);
    const version = imageTag(profile);
    const objectMetadata = metadata(profile, entry.name, version);
    const config = configData(profile, entry);

    const configMap = new kplus.ConfigMap(this, 'config', { metadata: objectMetadata, data: config });
    const roleArn = profile.aws.identity === 'irsa' ? profile.aws.roleArns[entry.name] : undefined;
    const serviceAccount = new kplus.ServiceAccount(this, 'identity', {
      metadata: {
        ...objectMetadata,
        ...(roleArn ? { annotations: { 'eks.amazonaws.com/role-arn': roleArn } } : {}),
      },
      automountToken: false,
    });
    const secret = kplus.Secret.fromSecretName(this, 'secret', componentName(profile, entry.name));
    const tmp = kplus.Volume.fromEmptyDir(this, 'tmp', 'tmp', {
      sizeLimit: Size.mebibytes(entry.resources.scratchMiB),
    });
    // On a dev cluster (no S3) the service and its workers share the files of local storage.
    const filesClaim = sharedFilesClaim(profile, entry);
    const files = filesClaim
      ? kplus.Volume.fromPersistentVolumeClaim(
          this,
          'files',
          kplus.PersistentVolumeClaim.fromClaimName(this, 'files-claim', filesClaim),
          { name: 'files' },
        )
      : undefined;

    this.deployment = new kplus.Deployment(this, 'deployment', {
      metadata: objectMetadata,
      select: false,
      spread: false,
      ...(profile.autoscaling ? {} : { replicas: profile.replicas[entry.name] ?? entry.scaling.minReplicas }),
      strategy: kplus.DeploymentStrategy.rollingUpdate({
        maxSurge: kplus.PercentOrAbsolute.percent(25),
        maxUnavailable: kplus.PercentOrAbsolute.absolute(0),
      }),
      podMetadata: {
        labels: objectMetadata.labels,
        annotations: { 'checksum/config': configChecksum(config) },
      },
      serviceAccount,
      automountServiceAccountToken: false,
      terminationGracePeriod: Duration.seconds(terminationGracePeriodSeconds(config)),
      securityContext: podSecurityContext(appRunAs),
      volumes: [tmp, ...(files ? [files] : [])],
      containers: [
        {
          name: entry.name,
          image: serviceImage(profile, entry.name),
          imagePullPolicy: kplus.ImagePullPolicy.IF_NOT_PRESENT,
          ports: [{ name: 'http', number: entry.port, protocol: kplus.Protocol.TCP }],
          envFrom: [kplus.Env.fromConfigMap(configMap)],
          envVariables: Object.fromEntries(
            secretVariables(profile, entry).map((variable) => [
              variable.name,
              kplus.EnvValue.fromSecretValue({ secret, key: variable.name }, { optional: variable.optional }),
            ]),
          ),
          startup: httpProbe(entry.health.live, entry.port, probeTimings.startup),
          liveness: httpProbe(entry.health.live, entry.port, probeTimings.liveness),
          readiness: httpProbe(entry.health.ready, entry.port, probeTimings.readiness),
          resources: {
            cpu: {
              request: kplus.Cpu.millis(entry.resources.cpu.requestMillicores),
              limit: kplus.Cpu.millis(entry.resources.cpu.limitMillicores),
            },
            memory: {
              request: Size.mebibytes(entry.resources.memory.requestMiB),
              limit: Size.mebibytes(entry.resources.memory.limitMiB),
            },
          },
          securityContext: containerSecurityContext(appRunAs),
          volumeMounts: [
            { path: '/tmp', volume: tmp },
            ...(files ? [{ path: devFiles.mountPath, volume: files }] : []),
          ],
        },
      ],
    });
    this.deployment.select(kplus.LabelSelector.of({ labels: selectorLabels(profile, entry.name) }));
    hardenPodTemplate(this.deployment, '/spec/template/spec', 1);
    const deployment = ApiObject.of(this.deployment);
    // cdk8s-plus labels pods with its construct path; the selector labels are enough.
    deployment.addJsonPatch(JsonPatch.remove('/spec/template/metadata/labels/cdk8s.io~1metadata.addr'));
    deployment.addJsonPatch(JsonPatch.add('/spec/revisionHistoryLimit', 5));
    deployment.addJsonPatch(
      JsonPatch.add('/spec/template/spec/topologySpreadConstraints', this.spread(profile, entry.name)),
    );
    if (profile.rollouts.enabled) {
      // cdk8s-plus has no Rollout, and a Deployment's typed serializer drops any other strategy:
      // the Rollout is the finished Deployment's JSON with the blueGreen strategy, in its place.
      const json = deployment.toJson() as { metadata: ApiObjectMetadata; spec: Record<string, unknown> };
      this.node.tryRemoveChild('deployment');
      // The HPA, attached later, owns the replica count (cdk8s-plus drops it only when it sees one).
      if (profile.autoscaling) delete json.spec.replicas;
      new ApiObject(this, 'rollout', {
        apiVersion: rolloutsApiVersion,
        kind: 'Rollout',
        metadata: json.metadata,
        spec: { ...json.spec, strategy: blueGreenStrategy(profile, entry) },
      });
    }

    const service = new kplus.Service(this, 'service', {
      metadata: objectMetadata,
      type: kplus.ServiceType.CLUSTER_IP,
      ports: [{ name: 'http', port: entry.port, targetPort: entry.port, protocol: kplus.Protocol.TCP }],
    });
    for (const [key, value] of Object.entries(selectorLabels(profile, entry.name)))
      service.selectLabel(key, value);
  }

  /**
   * One spread over zones and one over nodes (cdk8s-plus's `spread` writes pod anti-affinity
   * instead). matchLabelKeys counts only pods of the same revision: the ReplicaSet's
   * pod-template-hash, or Argo Rollouts' rollouts-pod-template-hash.
   */
  private spread(profile: Profile, name: string): unknown[] {
    const labelSelector = { matchLabels: selectorLabels(profile, name) };
    return [
      ['topology.kubernetes.io/zone', profile.topologySpread.zone],
      ['kubernetes.io/hostname', profile.topologySpread.node],
    ].map(([topologyKey, whenUnsatisfiable]) => ({
      labelSelector,
      matchLabelKeys: [profile.rollouts.enabled ? 'rollouts-pod-template-hash' : 'pod-template-hash'],
      maxSkew: 1,
      topologyKey,
      whenUnsatisfiable,
    }));
  }
}
