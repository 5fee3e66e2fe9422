import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { AnalysisTemplate, Rollout } from '@kubernetes-models/argo-rollouts/argoproj.io/v1alpha1';
import { ScaledObject, TriggerAuthentication } from '@kubernetes-models/keda/keda.sh/v1alpha1';
import {
  ClusterSecretStore,
  ExternalSecret,
} from '@kubernetes-models/external-secrets/external-secrets.io/v1beta1';
import { PodMonitor, PrometheusRule } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1';
import { Deployment } from 'kubernetes-models/apps/v1';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2';
import { Ingress, NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import {
  ConfigMap,
  Namespace,
  PersistentVolumeClaim,
  Pod,
  PodTemplate,
  Secret,
  Service,
  ServiceAccount,
} from 'kubernetes-models/v1';
import { type KubernetesObject, objectId } from './manifests';

interface ValidatingModel {
  prototype: { validate(this: unknown): void };
}

/** The kubernetes-models class that holds the API schema of each kind we render. */
const models: Record<string, ValidatingModel> = {
  'apps/v1/Deployment': Deployment,
  'autoscaling/v2/HorizontalPodAutoscaler': HorizontalPodAutoscaler,
  'networking.k8s.io/v1/Ingress': Ingress,
  'networking.k8s.io/v1/NetworkPolicy': NetworkPolicy,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
  'v1/ConfigMap': ConfigMap,
  'v1/Namespace': Namespace,
  'v1/PersistentVolumeClaim': PersistentVolumeClaim,
  'v1/Pod': Pod,
  'v1/Secret': Secret,
  'v1/Service': Service,
  'v1/ServiceAccount': ServiceAccount,
  'argoproj.io/v1alpha1/Rollout': Rollout,
  'argoproj.io/v1alpha1/AnalysisTemplate': AnalysisTemplate,
  'external-secrets.io/v1beta1/ExternalSecret': ExternalSecret,
  'external-secrets.io/v1beta1/ClusterSecretStore': ClusterSecretStore,
  'keda.sh/v1alpha1/ScaledObject': ScaledObject,
  'keda.sh/v1alpha1/TriggerAuthentication': TriggerAuthentication,
  'monitoring.coreos.com/v1/PodMonitor': PodMonitor,
  'monitoring.coreos.com/v1/PrometheusRule': PrometheusRule,
};

/**
 * @kubernetes-models/external-secrets publishes external-secrets.io/v1 only in its ESM-only major
 * (installed as @kubernetes-models/external-secrets-v1, with kubernetes-models 5 of its own),
 * which Jest's CommonJS module system cannot load: external-secrets-v1.mjs validates those
 * objects in one Node process per call, with the same unknown-field check as below.
 */
const externalSecretsV1 = path.join(__dirname, 'external-secrets-v1.mjs');

function isExternalSecretsV1(object: KubernetesObject): boolean {
  return object.apiVersion === 'external-secrets.io/v1';
}

function externalSecretsV1Problems(objects: readonly KubernetesObject[]): string[] {
  if (objects.length === 0) return [];
  const result = spawnSync(process.execPath, [externalSecretsV1], {
    input: JSON.stringify(objects),
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`external-secrets-v1.mjs failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as string[];
}

/**
 * Wraps an object so that every property the validator reads is recorded. kubernetes-models'
 * validators (compiled Ajv) check every field a schema declares and never reject one it does
 * not, so a field nobody read is a field the API schema does not have.
 */
function recordingReads(value: unknown, path: string, read: Set<string>): unknown {
  if (value === null || typeof value !== 'object') return value;
  return new Proxy(value, {
    get(target, key, receiver) {
      const child = Reflect.get(target, key, receiver);
      if (typeof key !== 'string') return child;
      read.add(`${path}/${key}`);
      return recordingReads(child, `${path}/${key}`, read);
    },
  });
}

function unreadFields(value: unknown, path: string, read: ReadonlySet<string>, found: string[]): void {
  if (value === null || typeof value !== 'object') return;
  for (const [key, child] of Object.entries(value)) {
    const childPath = `${path}/${key}`;
    if (read.has(childPath)) unreadFields(child, childPath, read, found);
    else found.push(childPath);
  }
}

/** Validates with a model, recording every field path (under `path`) its validator read. */
function validateRecording(
  model: ValidatingModel,
  object: KubernetesObject,
  path: string,
  read: Set<string>,
): void {
  // An instance of the model, so validate() finds the schema id its prototype carries.
  const instance = Object.assign(Object.create(model.prototype) as object, object);
  model.prototype.validate.call(recordingReads(instance, path, read));
}

/**
 * Problems with an object under the Kubernetes API schema: what kubernetes-models reports,
 * plus every field the schema does not know (what `kubectl apply --validate=strict` refuses).
 * Argo Rollouts' CRD leaves parts of the pod template open (resources, volumes), so a Rollout's
 * template is also checked as the core PodTemplate it is.
 */
function schemaProblems(object: KubernetesObject): string[] {
  const id = objectId(object);
  const model = models[`${object.apiVersion}/${object.kind}`];
  if (!model) return [`${id}: no schema for ${object.apiVersion} ${object.kind}`];
  const read = new Set<string>();
  try {
    validateRecording(model, object, '', read);
    if (object.kind === 'Rollout') {
      const template = { apiVersion: 'v1', kind: 'PodTemplate', template: object.spec?.template };
      validateRecording(PodTemplate, template, '/spec', read);
    }
  } catch (error) {
    return [`${id}: ${(error as Error).message}`];
  }
  const unknown: string[] = [];
  unreadFields(object, '', read, unknown);
  return unknown.map((field) => `${id}: unknown field ${field}`);
}

export function allSchemaProblems(objects: readonly KubernetesObject[]): string[] {
  return [
    ...objects.filter((object) => !isExternalSecretsV1(object)).flatMap(schemaProblems),
    ...externalSecretsV1Problems(objects.filter(isExternalSecretsV1)),
  ];
}
