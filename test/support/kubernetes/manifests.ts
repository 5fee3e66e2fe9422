import { parseAllDocuments } from 'yaml';

/** A Kubernetes object as JSON, loosely typed: tests reach into it by path. */
export type KubernetesObject = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Every object of a multi-document YAML stream (helm template output, a synthesized file). */
export function parseManifests(text: string): KubernetesObject[] {
  return parseAllDocuments(text)
    .map((document) => {
      if (document.errors.length > 0) throw new Error(`Invalid YAML: ${document.errors[0]!.message}`);
      return document.toJS() as KubernetesObject | null;
    })
    .filter((object): object is KubernetesObject => object !== null);
}

export function objectId(object: KubernetesObject): string {
  return `${object.kind}/${object.metadata?.name}`;
}

export function isHook(object: KubernetesObject): boolean {
  return object.metadata?.annotations?.['helm.sh/hook'] !== undefined;
}

export function byId(objects: readonly KubernetesObject[]): Map<string, KubernetesObject> {
  return new Map(objects.map((object) => [objectId(object), object]));
}

export function find(objects: readonly KubernetesObject[], kind: string, name: string): KubernetesObject {
  const found = objects.find((object) => object.kind === kind && object.metadata?.name === name);
  if (!found) throw new Error(`No ${kind}/${name} among ${objects.map(objectId).join(', ')}`);
  return found;
}

/** The pod template of a workload, or the spec of a bare Pod. */
export function podSpecOf(object: KubernetesObject): KubernetesObject | undefined {
  if (object.kind === 'Pod') return object.spec;
  return object.spec?.template?.spec;
}

export function podLabelsOf(object: KubernetesObject): Record<string, string> {
  if (object.kind === 'Pod') return object.metadata?.labels ?? {};
  return object.spec?.template?.metadata?.labels ?? {};
}
