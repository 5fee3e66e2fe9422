import * as kplus from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { imageTag } from '../images';
import { metadata, releaseLabels } from '../naming';
import type { Profile } from '../profile';

/**
 * Every pod of the release is isolated both ways unless a policy of its own allows the
 * traffic; this policy catches any pod that has none. Like the chart's, it selects the
 * release's pods rather than the whole namespace.
 */
export class ReleaseIsolation extends Construct {
  constructor(scope: Construct, id: string, profile: Profile) {
    super(scope, id);
    new kplus.k8s.KubeNetworkPolicy(this, 'default-deny', {
      metadata: metadata(profile, 'default-deny', imageTag(profile)),
      spec: { podSelector: { matchLabels: releaseLabels(profile) }, policyTypes: ['Ingress', 'Egress'] },
    });
  }
}
