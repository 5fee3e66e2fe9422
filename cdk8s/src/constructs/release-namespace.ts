import * as kplus from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import type { Profile } from '../profile';

/**
 * The namespace the manifests fill. Pod Security admission enforces the restricted standard
 * every pod here meets; on EKS the AWS Load Balancer Controller injects readiness gates, so a
 * rolling update waits until the ALB sees each new pod healthy.
 */
export class ReleaseNamespace extends Construct {
  constructor(scope: Construct, id: string, profile: Profile) {
    super(scope, id);
    new kplus.k8s.KubeNamespace(this, 'namespace', {
      metadata: {
        name: profile.namespace,
        labels: {
          'pod-security.kubernetes.io/enforce': 'restricted',
          'pod-security.kubernetes.io/audit': 'restricted',
          'pod-security.kubernetes.io/warn': 'restricted',
          ...(profile.ingress.className === 'alb'
            ? { 'elbv2.k8s.aws/pod-readiness-gate-inject': 'enabled' }
            : {}),
        },
      },
    });
  }
}
