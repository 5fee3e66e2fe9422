import { type KubernetesObject, isHook, objectId, podLabelsOf, podSpecOf } from './manifests';

/**
 * The checks an auditor runs on manifests before they reach a cluster: every pod non-root,
 * without privilege escalation or extra capabilities, on a read-only root filesystem under
 * RuntimeDefault seccomp; every container with requests, limits and (for long-running pods)
 * probes; every image pinned to something other than latest; and every pod isolated by a
 * NetworkPolicy in both directions.
 */

interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}

export function selectorMatches(selector: LabelSelector, labels: Record<string, string>): boolean {
  const byLabels = Object.entries(selector.matchLabels ?? {}).every(([key, value]) => labels[key] === value);
  const byExpressions = (selector.matchExpressions ?? []).every((expression) => {
    const value = labels[expression.key];
    switch (expression.operator) {
      case 'In':
        return value !== undefined && (expression.values ?? []).includes(value);
      case 'NotIn':
        return value === undefined || !(expression.values ?? []).includes(value);
      case 'Exists':
        return value !== undefined;
      case 'DoesNotExist':
        return value === undefined;
      default:
        return false;
    }
  });
  return byLabels && byExpressions;
}

function imageProblems(image: unknown): string[] {
  if (typeof image !== 'string') return ['has no image'];
  if (/@sha256:[a-f0-9]{64}$/.test(image)) return [];
  const lastSegment = image.split('/').pop() ?? '';
  const tag = lastSegment.includes(':') ? lastSegment.split(':').pop() : undefined;
  if (!tag) return [`image ${image} has no tag (it means latest)`];
  if (tag === 'latest') return [`image ${image} uses the tag latest`];
  return [];
}

function containerProblems(
  container: KubernetesObject,
  pod: KubernetesObject,
  longRunning: boolean,
): string[] {
  const problems: string[] = [];
  const context = container.securityContext ?? {};
  const podContext = pod.securityContext ?? {};
  const runAsNonRoot = context.runAsNonRoot ?? podContext.runAsNonRoot;
  const runAsUser = context.runAsUser ?? podContext.runAsUser;
  if (runAsNonRoot !== true) problems.push('may run as root (runAsNonRoot is not true)');
  if (runAsUser === 0) problems.push('runs as uid 0');
  if (context.allowPrivilegeEscalation !== false) problems.push('allows privilege escalation');
  if (context.privileged === true) problems.push('is privileged');
  if (!(context.capabilities?.drop ?? []).includes('ALL')) problems.push('does not drop ALL capabilities');
  if ((context.capabilities?.add ?? []).length > 0) problems.push('adds capabilities');
  if (context.readOnlyRootFilesystem !== true) problems.push('has a writable root filesystem');
  const seccomp = context.seccompProfile?.type ?? podContext.seccompProfile?.type;
  if (seccomp !== 'RuntimeDefault' && seccomp !== 'Localhost') problems.push('has no seccomp profile');
  for (const kind of ['requests', 'limits'] as const) {
    for (const resource of ['cpu', 'memory']) {
      if (!container.resources?.[kind]?.[resource]) problems.push(`has no ${resource} ${kind.slice(0, -1)}`);
    }
  }
  if (longRunning) {
    if (!container.livenessProbe) problems.push('has no liveness probe');
    if (!container.readinessProbe) problems.push('has no readiness probe');
  }
  problems.push(...imageProblems(container.image));
  return problems.map((problem) => `container ${container.name} ${problem}`);
}

function podProblems(object: KubernetesObject, pod: KubernetesObject): string[] {
  const problems: string[] = [];
  for (const field of ['hostNetwork', 'hostPID', 'hostIPC']) {
    if (pod[field] === true) problems.push(`uses ${field}`);
  }
  if (pod.automountServiceAccountToken !== false) problems.push('mounts a service account token');
  // A hook pod runs to completion; probes are for pods that serve.
  const longRunning = object.kind !== 'Pod' || !isHook(object);
  for (const container of [...(pod.initContainers ?? []), ...(pod.containers ?? [])]) {
    problems.push(...containerProblems(container, pod, longRunning));
  }
  return problems;
}

function isolationProblems(object: KubernetesObject, policies: readonly KubernetesObject[]): string[] {
  const labels = podLabelsOf(object);
  const namespace = object.metadata?.namespace;
  const covering = policies.filter(
    (policy) =>
      policy.metadata?.namespace === namespace && selectorMatches(policy.spec?.podSelector ?? {}, labels),
  );
  const problems: string[] = [];
  for (const direction of ['Ingress', 'Egress']) {
    if (!covering.some((policy) => (policy.spec?.policyTypes ?? []).includes(direction))) {
      problems.push(`has pods no NetworkPolicy isolates for ${direction}`);
    }
  }
  return problems;
}

/** Every finding, as "Kind/name: problem"; an empty list passes the audit. */
export function auditFindings(objects: readonly KubernetesObject[]): string[] {
  const policies = objects.filter((object) => object.kind === 'NetworkPolicy');
  const findings: string[] = [];
  for (const object of objects) {
    const pod = podSpecOf(object);
    if (!pod) continue;
    const problems = [...podProblems(object, pod), ...isolationProblems(object, policies)];
    findings.push(...problems.map((problem) => `${objectId(object)}: ${problem}`));
  }
  return findings;
}
