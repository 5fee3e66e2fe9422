import { type StoreKind, services } from '@what-if/catalog';
import { Chart } from 'cdk8s';
import type { Construct } from 'constructs';
import { DevStore } from './constructs/dev-store';
import { Monitoring } from './constructs/monitoring';
import { PublicIngress } from './constructs/public-ingress';
import { ReleaseIsolation } from './constructs/release-isolation';
import { ReleaseNamespace } from './constructs/release-namespace';
import { ServiceNetworkPolicy } from './constructs/service-network-policy';
import { ServiceResilience } from './constructs/service-resilience';
import { ServiceRollout } from './constructs/service-rollout';
import { SecretStore } from './constructs/secret-store';
import { SharedFiles } from './constructs/shared-files';
import { ServiceSecret } from './constructs/service-secret';
import { ServiceWorkload } from './constructs/service-workload';
import { WorkerWorkload } from './constructs/worker-workload';
import { secretVariables } from './environment';
import type { Profile } from './profile';

const storeOrder: readonly StoreKind[] = ['postgres', 'redis', 'dynamodb'];

/** Every object What If needs in one namespace, for one profile, from the catalog. */
export class WhatIfChart extends Chart {
  constructor(scope: Construct, id: string, profile: Profile) {
    super(scope, id, { disableResourceNameHashes: true });
    new ReleaseNamespace(this, 'namespace', profile);
    new ReleaseIsolation(this, 'isolation', profile);
    if (profile.externalSecrets?.clusterSecretStore) new SecretStore(this, 'secret-store', profile);
    const publicEntry = services.find((entry) => entry.public);
    if (!publicEntry) throw new Error('The catalog has no public service');
    for (const entry of services) {
      const workload = new ServiceWorkload(this, entry.name, { profile, entry });
      if (profile.rollouts.enabled)
        new ServiceRollout(this, `${entry.name}-rollout`, { profile, entry, publicEntry });
      if (secretVariables(profile, entry).length > 0)
        new ServiceSecret(this, `${entry.name}-secret`, { profile, entry });
      new ServiceResilience(this, `${entry.name}-resilience`, {
        profile,
        entry,
        deployment: workload.deployment,
      });
      new ServiceNetworkPolicy(this, `${entry.name}-network`, { profile, entry });
      if (entry.public) new PublicIngress(this, `${entry.name}-ingress`, { profile, entry });
      for (const worker of entry.workers ?? [])
        new WorkerWorkload(this, worker.name, { profile, entry, worker });
      if (entry.objectStorage) new SharedFiles(this, `${entry.name}-files`, { profile, entry });
    }
    new Monitoring(this, 'monitoring', profile);
    if (profile.stores.kind === 'in-cluster') {
      for (const store of storeOrder.filter((kind) =>
        services.some((entry) => entry.stores.includes(kind)),
      )) {
        new DevStore(this, store, { profile, store });
      }
    }
  }
}
