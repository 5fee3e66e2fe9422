import { type KubernetesObject, podLabelsOf, podSpecOf } from './manifests';
import { selectorMatches } from './policy-audit';

/**
 * Evaluates NetworkPolicies the way a conformant CNI does, for traffic between pods of one
 * namespace: a connection is allowed when every policy selecting the source that isolates
 * egress has a rule admitting the destination and port, and likewise for ingress at the
 * destination. A pod no policy isolates in a direction is open in it.
 */

interface Peer {
  podSelector?: { matchLabels?: Record<string, string> };
  namespaceSelector?: unknown;
  ipBlock?: unknown;
}

interface Rule {
  peers?: Peer[];
  ports?: { port?: number | string; protocol?: string }[];
}

function peerAdmits(peer: Peer, labels: Record<string, string>): boolean {
  // Pod-to-pod traffic inside the namespace matches only a bare podSelector peer.
  if (peer.namespaceSelector !== undefined || peer.ipBlock !== undefined || !peer.podSelector) return false;
  return selectorMatches(peer.podSelector, labels);
}

function ruleAdmits(rule: Rule, labels: Record<string, string>, port: number): boolean {
  const peerOk = rule.peers === undefined || rule.peers.some((peer) => peerAdmits(peer, labels));
  const portOk =
    rule.ports === undefined ||
    rule.ports.some(
      (candidate) =>
        (candidate.protocol ?? 'TCP') === 'TCP' && (candidate.port === undefined || candidate.port === port),
    );
  return peerOk && portOk;
}

function directionAllows(
  policies: readonly KubernetesObject[],
  direction: 'Ingress' | 'Egress',
  selected: Record<string, string>,
  other: Record<string, string>,
  port: number,
): boolean {
  const isolating = policies.filter(
    (policy) =>
      (policy.spec?.policyTypes ?? []).includes(direction) &&
      selectorMatches(policy.spec?.podSelector ?? {}, selected),
  );
  if (isolating.length === 0) return true;
  return isolating.some((policy) => {
    const rules: KubernetesObject[] =
      (direction === 'Ingress' ? policy.spec?.ingress : policy.spec?.egress) ?? [];
    return rules.some((rule) =>
      ruleAdmits({ peers: direction === 'Ingress' ? rule.from : rule.to, ports: rule.ports }, other, port),
    );
  });
}

export interface Workload {
  labels: Record<string, string>;
  ports: number[];
}

/** The pods a set of objects runs, by component, with their labels and container ports. */
export function workloadsByComponent(objects: readonly KubernetesObject[]): Map<string, Workload> {
  const workloads = new Map<string, Workload>();
  for (const object of objects) {
    const pod = podSpecOf(object);
    if (!pod) continue;
    const labels = podLabelsOf(object);
    const ports = (pod.containers ?? []).flatMap((container: KubernetesObject) =>
      (container.ports ?? []).map((port: KubernetesObject) => port.containerPort as number),
    );
    workloads.set(labels['app.kubernetes.io/component'] ?? object.metadata.name, { labels, ports });
  }
  return workloads;
}

/** Whether a pod of `from` may open a TCP connection to `port` on a pod of `to`. */
export function canConnect(
  objects: readonly KubernetesObject[],
  from: Workload,
  to: Workload,
  port: number,
): boolean {
  const policies = objects.filter((object) => object.kind === 'NetworkPolicy');
  return (
    directionAllows(policies, 'Egress', from.labels, to.labels, port) &&
    directionAllows(policies, 'Ingress', to.labels, from.labels, port)
  );
}
