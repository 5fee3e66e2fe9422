import { type ServiceEntry, secretLayout } from '@what-if/catalog';
import { ApiObject } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { inClusterStoreSecrets } from '../environment';
import { imageTag } from '../images';
import { componentName, metadata } from '../naming';
import type { Profile } from '../profile';

export interface ServiceSecretProps {
  profile: Profile;
  entry: ServiceEntry;
}

/**
 * Where the service's Secret (its secret: true variables) comes from. With External Secrets,
 * the operator fills it from AWS Secrets Manager, each variable from where the catalog's
 * secret layout keeps it (the ECS stacks' layout). With in-cluster stores, it holds their URLs. Otherwise the operator
 * of the cluster creates it; the Deployment only refers to it.
 */
export class ServiceSecret extends Construct {
  constructor(scope: Construct, id: string, { profile, entry }: ServiceSecretProps) {
    super(scope, id);
    const objectMetadata = metadata(profile, entry.name, imageTag(profile));
    if (profile.externalSecrets) {
      const settings = profile.externalSecrets;
      new ApiObject(this, 'external-secret', {
        apiVersion: settings.apiVersion,
        kind: 'ExternalSecret',
        metadata: objectMetadata,
        spec: {
          refreshInterval: settings.refreshInterval,
          secretStoreRef: settings.secretStoreRef,
          target: { name: componentName(profile, entry.name), creationPolicy: 'Owner' },
          data: secretLayout(entry.name).map((source) => ({
            secretKey: source.variable,
            remoteRef: {
              key: `${settings.keyPrefix}${source.key}`,
              ...(source.property ? { property: source.property } : {}),
            },
          })),
        },
      });
    } else if (profile.stores.kind === 'in-cluster') {
      // Only the store URLs go here; a service with no in-cluster store has only optional secrets.
      const stringData = inClusterStoreSecrets(profile, entry);
      if (Object.keys(stringData).length > 0) {
        new kplus.k8s.KubeSecret(this, 'secret', { metadata: objectMetadata, type: 'Opaque', stringData });
      }
    }
  }
}
