import * as kplus from 'cdk8s-plus-27';
import type { Construct } from 'constructs';
import type { ObjectMetadata } from '../naming';
import type { EgressRule, IngressRule, LabelSelector, PolicyPort } from '../network-types';

export interface NetworkPolicyProps {
  metadata: ObjectMetadata;
  podSelector: LabelSelector;
  ingress: IngressRule[];
  egress: EgressRule[];
}

function typedPorts(ports: PolicyPort[]): kplus.k8s.NetworkPolicyPort[] {
  return ports.map((port) => ({
    port: kplus.k8s.IntOrString.fromNumber(port.port),
    protocol: port.protocol,
  }));
}

/**
 * A NetworkPolicy that isolates its pods both ways and allows exactly the given rules. It is
 * the API object: cdk8s-plus-27's policies are derived from its connection graph and cannot
 * express ipBlock peers next to pod selectors as precisely.
 */
export function isolatingNetworkPolicy(scope: Construct, id: string, props: NetworkPolicyProps): void {
  new kplus.k8s.KubeNetworkPolicy(scope, id, {
    metadata: props.metadata,
    spec: {
      podSelector: props.podSelector,
      policyTypes: ['Ingress', 'Egress'],
      ingress: props.ingress.map((rule) => ({ from: rule.from, ports: typedPorts(rule.ports) })),
      egress: props.egress.map((rule) => ({ to: rule.to, ports: typedPorts(rule.ports) })),
    },
  });
}
