import type { Template } from 'aws-cdk-lib/assertions';

export interface CfnResource {
  readonly Type: string;
  readonly Properties: Record<string, unknown>;
  readonly DependsOn?: string[];
}

export function resourcesOfType(template: Template, type: string): Record<string, CfnResource> {
  return template.findResources(type) as Record<string, CfnResource>;
}

export function onlyResource(
  template: Template,
  type: string,
  filter: (resource: CfnResource) => boolean,
): CfnResource {
  const matching = Object.values(resourcesOfType(template, type)).filter(filter);
  if (matching.length !== 1) throw new Error(`Expected one ${type} to match, found ${matching.length}`);
  return matching[0]!;
}

/**
 * What a cross-stack value points at: the producing stack's output holds a Ref or GetAtt of
 * one of its resources. Returns that resource's logical id, or undefined for a local value.
 */
export function crossStackTarget(
  value: unknown,
  templates: Readonly<Record<string, Template>>,
): { stackName: string; logicalId: string; resource: CfnResource } | undefined {
  const reference = findStackOutputReference(value);
  if (!reference) return undefined;
  const producer = Object.values(templates).find(
    (template) =>
      (template.toJSON() as { Outputs?: Record<string, unknown> }).Outputs?.[reference.outputName],
  );
  if (!producer) throw new Error(`No template has the output ${reference.outputName}`);
  const json = producer.toJSON() as {
    Outputs: Record<string, { Value: { Ref?: string; 'Fn::GetAtt'?: [string, string] } }>;
    Resources: Record<string, CfnResource>;
  };
  const output = json.Outputs[reference.outputName]!.Value;
  const logicalId = output.Ref ?? output['Fn::GetAtt']?.[0];
  if (!logicalId) throw new Error(`Output ${reference.outputName} does not reference a resource`);
  return { stackName: reference.stackName, logicalId, resource: json.Resources[logicalId]! };
}

function findStackOutputReference(value: unknown): { stackName: string; outputName: string } | undefined {
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = findStackOutputReference(item);
      if (found) return found;
    }
    return undefined;
  }
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const reference = record['Fn::GetStackOutput'] as { StackName?: string; OutputName?: string } | undefined;
    if (reference?.StackName && reference.OutputName) {
      return { stackName: reference.StackName, outputName: reference.OutputName };
    }
    for (const nested of Object.values(record)) {
      const found = findStackOutputReference(nested);
      if (found) return found;
    }
  }
  return undefined;
}
