import type { ServiceEntry } from '@what-if/catalog';
import { ApiObject, type ApiObjectMetadata } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { configData, secretVariables, terminationGracePeriodSeconds } from '../environment';
import { imageTag, serviceImage } from '../images';
import { componentName, metadata, selectorLabels } from '../naming';
import { appDeployment, appServiceAccount } from './app-pod';
import type { Profile } from '../profile';
import { blueGreenStrategy, rolloutsApiVersion } from './service-rollout';

export interface ServiceWorkloadProps {
  profile: Profile;
  entry: ServiceEntry;
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
    const serviceAccount = appServiceAccount(this, profile, entry.name, objectMetadata);
    const secret = kplus.Secret.fromSecretName(this, 'secret', componentName(profile, entry.name));
    this.deployment = appDeployment(this, {
      profile,
      entry,
      name: entry.name,
      image: serviceImage(profile, entry.name),
      metadata: objectMetadata,
      ...(profile.autoscaling ? {} : { replicas: profile.replicas[entry.name] ?? entry.scaling.minReplicas }),
      config,
      serviceAccount,
      terminationGraceSeconds: terminationGracePeriodSeconds(config),
      port: entry.port,
      health: entry.health,
      resources: entry.resources,
      envFrom: [kplus.Env.fromConfigMap(configMap)],
      envVariables: Object.fromEntries(
        secretVariables(profile, entry).map((variable) => [
          variable.name,
          kplus.EnvValue.fromSecretValue({ secret, key: variable.name }, { optional: variable.optional }),
        ]),
      ),
      // Argo Rollouts labels a revision's pods with its own hash.
      revisionLabel: profile.rollouts.enabled ? 'rollouts-pod-template-hash' : 'pod-template-hash',
    });
    const deployment = ApiObject.of(this.deployment);
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
}
