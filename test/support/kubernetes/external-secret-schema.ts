/**
 * The part of the External Secrets Operator's ExternalSecret CRD (external-secrets.io v1 and
 * v1beta1 agree on it) that the manifests use, closed like a CRD's structural schema so an
 * unknown field fails. kubernetes-models has no CRDs.
 */
const closed = { type: 'object', additionalProperties: false } as const;

const labels = { type: 'object', additionalProperties: { type: 'string' } };

export const externalSecretSchema = {
  ...closed,
  required: ['apiVersion', 'kind', 'metadata', 'spec'],
  properties: {
    apiVersion: { enum: ['external-secrets.io/v1', 'external-secrets.io/v1beta1'] },
    kind: { const: 'ExternalSecret' },
    metadata: {
      ...closed,
      required: ['name'],
      properties: { name: { type: 'string' }, namespace: { type: 'string' }, labels, annotations: labels },
    },
    spec: {
      ...closed,
      required: ['secretStoreRef', 'target'],
      properties: {
        refreshInterval: { type: 'string', pattern: '^[0-9]+(s|m|h)$' },
        secretStoreRef: {
          ...closed,
          required: ['name'],
          properties: { name: { type: 'string' }, kind: { enum: ['SecretStore', 'ClusterSecretStore'] } },
        },
        target: {
          ...closed,
          properties: {
            name: { type: 'string' },
            creationPolicy: { enum: ['Owner', 'Orphan', 'Merge', 'None'] },
          },
        },
        dataFrom: {
          type: 'array',
          minItems: 1,
          items: {
            ...closed,
            properties: {
              extract: {
                ...closed,
                required: ['key'],
                properties: { key: { type: 'string', minLength: 1 }, property: { type: 'string' } },
              },
            },
          },
        },
      },
    },
  },
};
