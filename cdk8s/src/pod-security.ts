import { ApiObject, JsonPatch } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';

/**
 * The restricted Pod Security Standard for every pod, and the escape hatches cdk8s-plus-27
 * needs to express it: it has no seccompProfile at all, and its Capability enum has no ALL
 * (it spells capabilities CAP_*, which Kubernetes does not want).
 */

export interface RunAs {
  user: number;
  group: number;
}

export function podSecurityContext(runAs: RunAs): kplus.PodSecurityContextProps {
  return {
    ensureNonRoot: true,
    user: runAs.user,
    group: runAs.group,
    fsGroup: runAs.group,
    fsGroupChangePolicy: kplus.FsGroupChangePolicy.ON_ROOT_MISMATCH,
  };
}

export function containerSecurityContext(runAs: RunAs): kplus.ContainerSecurityContextProps {
  return {
    ensureNonRoot: true,
    user: runAs.user,
    group: runAs.group,
    privileged: false,
    allowPrivilegeEscalation: false,
    readOnlyRootFilesystem: true,
  };
}

const runtimeDefault = { type: 'RuntimeDefault' };

/** Adds what cdk8s-plus cannot say to a pod template at `podSpecPath`: seccomp on pod and containers, no capabilities. */
export function hardenPodTemplate(
  workload: kplus.AbstractPod | kplus.Workload,
  podSpecPath: string,
  containers: number,
): void {
  const object = ApiObject.of(workload);
  object.addJsonPatch(JsonPatch.add(`${podSpecPath}/securityContext/seccompProfile`, runtimeDefault));
  object.addJsonPatch(JsonPatch.add(`${podSpecPath}/enableServiceLinks`, false));
  for (let index = 0; index < containers; index++) {
    const context = `${podSpecPath}/containers/${index}/securityContext`;
    object.addJsonPatch(JsonPatch.add(`${context}/capabilities`, { drop: ['ALL'] }));
    object.addJsonPatch(JsonPatch.add(`${context}/seccompProfile`, runtimeDefault));
  }
}
