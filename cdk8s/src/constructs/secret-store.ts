import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { imageTag } from '../images';
import { labels } from '../naming';
import type { Profile } from '../profile';

/**
 * The ClusterSecretStore the ExternalSecrets read from: AWS Secrets Manager in one region,
 * usable only from the release namespace. It carries no credentials: the External Secrets
 * controller's own ServiceAccount has them (an EKS Pod Identity association with a role that
 * may read the deployment's secrets).
 */
export class SecretStore extends Construct {
  constructor(scope: Construct, id: string, profile: Profile) {
    super(scope, id);
    const settings = profile.externalSecrets;
    if (!settings?.clusterSecretStore) return;
    if (settings.secretStoreRef.kind !== 'ClusterSecretStore') {
      throw new Error('A ClusterSecretStore of the profile needs secretStoreRef.kind ClusterSecretStore');
    }
    new ApiObject(this, 'store', {
      apiVersion: settings.apiVersion,
      kind: 'ClusterSecretStore',
      metadata: {
        name: settings.secretStoreRef.name,
        labels: labels(profile, 'secret-store', imageTag(profile)),
      },
      spec: {
        conditions: [{ namespaces: [profile.namespace] }],
        provider: { aws: { service: 'SecretsManager', region: settings.clusterSecretStore.region } },
      },
    });
  }
}
