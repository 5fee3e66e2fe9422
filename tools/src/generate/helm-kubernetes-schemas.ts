import type { JsonSchema } from './helm-value-tree';

/**
 * JSON Schemas for the Kubernetes shapes the chart's values pass through to manifests:
 * closed objects, so a misspelt field fails at `helm template` instead of at the API
 * server (or, worse, being dropped by it).
 */

function closedObject(properties: Record<string, JsonSchema>, required: readonly string[] = []): JsonSchema {
  return {
    type: 'object',
    additionalProperties: false,
    ...(required.length > 0 ? { required } : {}),
    properties,
  };
}

export const string: JsonSchema = { type: 'string' };
export const boolean: JsonSchema = { type: 'boolean' };
export const stringList: JsonSchema = { type: 'array', items: string };
export const stringMap: JsonSchema = { type: 'object', additionalProperties: string };

export function integer(minimum: number, maximum?: number): JsonSchema {
  return { type: 'integer', minimum, ...(maximum === undefined ? {} : { maximum }) };
}

export function oneOf(values: readonly string[]): JsonSchema {
  return { type: 'string', enum: values };
}

export const cpuQuantity: JsonSchema = {
  type: 'string',
  pattern: '^[0-9]+(\\.[0-9]+)?m?$',
  description: 'CPU as a Kubernetes quantity string: 250m, 1, 1.5',
};

export const memoryQuantity: JsonSchema = {
  type: 'string',
  pattern: '^[0-9]+(\\.[0-9]+)?(Ki|Mi|Gi|Ti|k|M|G|T)?$',
  description: 'Memory as a Kubernetes quantity string: 256Mi, 1Gi',
};

export const resourceList: JsonSchema = closedObject(
  { cpu: cpuQuantity, memory: memoryQuantity, 'ephemeral-storage': memoryQuantity },
  ['cpu', 'memory'],
);

export const resources: JsonSchema = closedObject({ requests: resourceList, limits: resourceList }, [
  'requests',
  'limits',
]);

const labelSelector: JsonSchema = closedObject({
  matchLabels: stringMap,
  matchExpressions: {
    type: 'array',
    items: closedObject(
      { key: string, operator: oneOf(['In', 'NotIn', 'Exists', 'DoesNotExist']), values: stringList },
      ['key', 'operator'],
    ),
  },
});

export const networkPolicyPeer: JsonSchema = closedObject({
  ipBlock: closedObject({ cidr: string, except: stringList }, ['cidr']),
  namespaceSelector: labelSelector,
  podSelector: labelSelector,
});

export const networkPolicyPeers: JsonSchema = { type: 'array', items: networkPolicyPeer };

const networkPolicyPort: JsonSchema = closedObject({
  port: { type: ['integer', 'string'] },
  endPort: integer(1, 65535),
  protocol: oneOf(['TCP', 'UDP', 'SCTP']),
});

export const egressRules: JsonSchema = {
  type: 'array',
  items: closedObject({ to: networkPolicyPeers, ports: { type: 'array', items: networkPolicyPort } }),
};

const keySelector: JsonSchema = closedObject({ name: string, key: string, optional: boolean }, ['key']);

export const envVars: JsonSchema = {
  type: 'array',
  items: closedObject(
    {
      name: { type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_]*$' },
      value: string,
      valueFrom: closedObject({
        configMapKeyRef: keySelector,
        secretKeyRef: keySelector,
        fieldRef: closedObject({ apiVersion: string, fieldPath: string }, ['fieldPath']),
        resourceFieldRef: closedObject(
          { containerName: string, resource: string, divisor: { type: ['integer', 'string'] } },
          ['resource'],
        ),
      }),
    },
    ['name'],
  ),
};

export const tolerations: JsonSchema = {
  type: 'array',
  items: closedObject({
    key: string,
    operator: oneOf(['Exists', 'Equal']),
    value: string,
    effect: oneOf(['NoSchedule', 'PreferNoSchedule', 'NoExecute']),
    tolerationSeconds: integer(0),
  }),
};

export const imagePullSecrets: JsonSchema = {
  type: 'array',
  items: closedObject({ name: string }, ['name']),
};

export const seccompProfile: JsonSchema = closedObject(
  { type: oneOf(['RuntimeDefault', 'Localhost', 'Unconfined']), localhostProfile: string },
  ['type'],
);

export const capabilities: JsonSchema = closedObject({ add: stringList, drop: stringList });

const scalingRules: JsonSchema = closedObject({
  stabilizationWindowSeconds: integer(0, 3600),
  selectPolicy: oneOf(['Max', 'Min', 'Disabled']),
  policies: {
    type: 'array',
    items: closedObject(
      { type: oneOf(['Pods', 'Percent']), value: integer(1), periodSeconds: integer(1, 1800) },
      ['type', 'value', 'periodSeconds'],
    ),
  },
});

export const scalingBehavior: JsonSchema = closedObject({ scaleUp: scalingRules, scaleDown: scalingRules });

/** A registry host with an optional port and path: 123456789012.dkr.ecr.us-east-1.amazonaws.com, localhost:5001. */
export const registry: JsonSchema = {
  type: 'string',
  pattern: '^[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:[0-9]+)?(/[a-z0-9._-]+)*$',
};

/** An image tag as the OCI distribution spec allows it; empty means "inherit". */
export const imageTag: JsonSchema = { type: 'string', pattern: '^$|^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$' };

export const imageDigest: JsonSchema = { type: 'string', pattern: '^$|^sha256:[a-f0-9]{64}$' };
