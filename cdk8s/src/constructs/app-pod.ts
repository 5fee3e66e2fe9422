import type { Resources, ServiceEntry } from '@what-if/catalog';
import { ApiObject, type ApiObjectMetadata, Duration, JsonPatch, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import type { Construct } from 'constructs';
import { configChecksum, sharedFilesClaim } from '../environment';
import { appUser, devFiles, probeTimings } from '../kubernetes-defaults';
import { selectorLabels } from '../naming';
import { containerSecurityContext, hardenPodTemplate, podSecurityContext } from '../pod-security';
import type { Profile } from '../profile';

const appRunAs = { user: appUser, group: appUser };

/** What a service's and a worker's pods differ in; everything else is one restricted pod. */
export interface AppPodProps {
  readonly profile: Profile;
  /** The service whose image, configuration and local files the pod uses. */
  readonly entry: ServiceEntry;
  /** The deployable: the container's name and the selector's. */
  readonly name: string;
  readonly image: string;
  readonly metadata: ApiObjectMetadata;
  /** Fixed replicas when nothing autoscales the Deployment. */
  readonly replicas?: number;
  /** The service's configuration, whose checksum rolls the pods when it changes. */
  readonly config: Record<string, string>;
  readonly serviceAccount: kplus.IServiceAccount;
  readonly terminationGraceSeconds: number;
  readonly port: number;
  readonly health: { readonly live: string; readonly ready: string };
  readonly resources: Resources;
  readonly envFrom: kplus.EnvFrom[];
  readonly envVariables: Record<string, kplus.EnvValue>;
  /** Replaces the image's command arguments (the entrypoint, tini, stays). */
  readonly args?: string[];
  /** The label that tells one revision's pods from another's, for the spread constraints. */
  readonly revisionLabel: string;
}

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

/** The deployable's own ServiceAccount, with its AWS role where the profile uses IRSA. */
export function appServiceAccount(
  scope: Construct,
  profile: Profile,
  name: string,
  objectMetadata: ApiObjectMetadata,
): kplus.ServiceAccount {
  const roleArn = profile.aws.identity === 'irsa' ? profile.aws.roleArns[name] : undefined;
  return new kplus.ServiceAccount(scope, 'identity', {
    metadata: {
      ...objectMetadata,
      ...(roleArn ? { annotations: { 'eks.amazonaws.com/role-arn': roleArn } } : {}),
    },
    automountToken: false,
  });
}

/**
 * The restricted pod every catalog deployable runs, as a Deployment created in `scope` (whose
 * construct ids `deployment`, `tmp`, `files` and `files-claim` it takes): non-root, read-only
 * root filesystem with /tmp as an emptyDir, no capabilities, RuntimeDefault seccomp, no API
 * token, startup/liveness/readiness probes on the catalog's paths, rolling with no pod lost,
 * spread over zones and nodes per revision.
 */
export function appDeployment(scope: Construct, props: AppPodProps): kplus.Deployment {
  const { profile } = props;
  const tmp = kplus.Volume.fromEmptyDir(scope, 'tmp', 'tmp', {
    sizeLimit: Size.mebibytes(props.resources.scratchMiB),
  });
  // On a dev cluster (no S3) the service and its workers share the files of local storage.
  const filesClaim = sharedFilesClaim(profile, props.entry);
  const files = filesClaim
    ? kplus.Volume.fromPersistentVolumeClaim(
        scope,
        'files',
        kplus.PersistentVolumeClaim.fromClaimName(scope, 'files-claim', filesClaim),
        { name: 'files' },
      )
    : undefined;

  const deployment = new kplus.Deployment(scope, 'deployment', {
    metadata: props.metadata,
    select: false,
    spread: false,
    ...(props.replicas === undefined ? {} : { replicas: props.replicas }),
    strategy: kplus.DeploymentStrategy.rollingUpdate({
      maxSurge: kplus.PercentOrAbsolute.percent(25),
      maxUnavailable: kplus.PercentOrAbsolute.absolute(0),
    }),
    podMetadata: {
      labels: props.metadata.labels,
      annotations: { 'checksum/config': configChecksum(props.config) },
    },
    serviceAccount: props.serviceAccount,
    automountServiceAccountToken: false,
    terminationGracePeriod: Duration.seconds(props.terminationGraceSeconds),
    securityContext: podSecurityContext(appRunAs),
    volumes: [tmp, ...(files ? [files] : [])],
    containers: [
      {
        name: props.name,
        image: props.image,
        imagePullPolicy: kplus.ImagePullPolicy.IF_NOT_PRESENT,
        ...(props.args ? { args: props.args } : {}),
        ports: [{ name: 'http', number: props.port, protocol: kplus.Protocol.TCP }],
        envFrom: props.envFrom,
        envVariables: props.envVariables,
        startup: httpProbe(props.health.live, props.port, probeTimings.startup),
        liveness: httpProbe(props.health.live, props.port, probeTimings.liveness),
        readiness: httpProbe(props.health.ready, props.port, probeTimings.readiness),
        resources: {
          cpu: {
            request: kplus.Cpu.millis(props.resources.cpu.requestMillicores),
            limit: kplus.Cpu.millis(props.resources.cpu.limitMillicores),
          },
          memory: {
            request: Size.mebibytes(props.resources.memory.requestMiB),
            limit: Size.mebibytes(props.resources.memory.limitMiB),
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
  deployment.select(kplus.LabelSelector.of({ labels: selectorLabels(profile, props.name) }));
  hardenPodTemplate(deployment, '/spec/template/spec', 1);
  const object = ApiObject.of(deployment);
  // cdk8s-plus labels pods with its construct path; the selector labels are enough.
  object.addJsonPatch(JsonPatch.remove('/spec/template/metadata/labels/cdk8s.io~1metadata.addr'));
  object.addJsonPatch(JsonPatch.add('/spec/revisionHistoryLimit', 5));
  object.addJsonPatch(
    JsonPatch.add(
      '/spec/template/spec/topologySpreadConstraints',
      spread(profile, props.name, props.revisionLabel),
    ),
  );
  return deployment;
}

/**
 * One spread over zones and one over nodes (cdk8s-plus's `spread` writes pod anti-affinity
 * instead). matchLabelKeys counts only pods of the same revision.
 */
function spread(profile: Profile, name: string, revisionLabel: string): unknown[] {
  const labelSelector = { matchLabels: selectorLabels(profile, name) };
  return [
    ['topology.kubernetes.io/zone', profile.topologySpread.zone],
    ['kubernetes.io/hostname', profile.topologySpread.node],
  ].map(([topologyKey, whenUnsatisfiable]) => ({
    labelSelector,
    matchLabelKeys: [revisionLabel],
    maxSkew: 1,
    topologyKey,
    whenUnsatisfiable,
  }));
}
