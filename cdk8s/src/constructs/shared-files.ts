import type { ServiceEntry } from '@what-if/catalog';
import * as kplus from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { sharedFilesClaim } from '../environment';
import { imageTag } from '../images';
import { devFiles } from '../kubernetes-defaults';
import { metadata } from '../naming';
import type { Profile } from '../profile';

export interface SharedFilesProps {
  profile: Profile;
  entry: ServiceEntry;
}

/**
 * On a dev cluster, where there is no S3, the PersistentVolumeClaim a service that keeps files
 * (video) and its workers all mount for local storage, as docker-compose.yml's volume: the worker
 * writes a video, the API serves it. ReadWriteOnce: a dev cluster's provisioner (kind's
 * local-path) binds it to one node, and every pod that mounts it is scheduled there.
 */
export class SharedFiles extends Construct {
  constructor(scope: Construct, id: string, { profile, entry }: SharedFilesProps) {
    super(scope, id);
    const claim = sharedFilesClaim(profile, entry);
    if (!claim) return;
    new kplus.k8s.KubePersistentVolumeClaim(this, 'claim', {
      metadata: metadata(profile, `${entry.name}-files`, imageTag(profile)),
      spec: {
        accessModes: ['ReadWriteOnce'],
        resources: { requests: { storage: kplus.k8s.Quantity.fromString(devFiles.size) } },
      },
    });
  }
}
