/**
 * A chart's values described once: each value's meaning, JSON Schema and default. The
 * chart's values.yaml (defaults with the meanings as comments), its values.schema.json and
 * the README's table of values are all read off one tree, so they cannot disagree.
 */

export type JsonSchema = Record<string, unknown>;

export interface ValueLeaf {
  kind: 'leaf';
  description: string;
  schema: JsonSchema;
  /** Absent: the key is optional and values.yaml leaves it out. */
  default?: unknown;
}

export interface ValueGroup {
  kind: 'group';
  description: string;
  children: Record<string, ValueNode>;
  /** In the README, one row standing for all the children (for long per-variable maps). */
  summary?: { key: string; description: string };
}

export type ValueNode = ValueLeaf | ValueGroup;

export function leaf(description: string, schema: JsonSchema, defaultValue?: unknown): ValueLeaf {
  return {
    kind: 'leaf',
    description,
    schema,
    ...(defaultValue === undefined ? {} : { default: defaultValue }),
  };
}

export function group(
  description: string,
  children: Record<string, ValueNode>,
  summary?: ValueGroup['summary'],
): ValueGroup {
  return { kind: 'group', description, children, ...(summary ? { summary } : {}) };
}

function isRequired(node: ValueNode): boolean {
  return node.kind === 'group' || node.default !== undefined;
}

/**
 * The JSON Schema of a node. Every group refuses keys it does not declare (a mistyped key
 * fails instead of being ignored) and requires every key that has a default, so a template
 * can rely on it and an operator who nulls it out learns at once.
 */
export function schemaOf(node: ValueNode): JsonSchema {
  if (node.kind === 'leaf') return { description: node.description, ...node.schema };
  const entries = Object.entries(node.children);
  return {
    description: node.description,
    type: 'object',
    additionalProperties: false,
    required: entries.filter(([, child]) => isRequired(child)).map(([key]) => key),
    properties: Object.fromEntries(entries.map(([key, child]) => [key, schemaOf(child)])),
  };
}

export function defaultsOf(node: ValueNode): unknown {
  if (node.kind === 'leaf') return node.default;
  return Object.fromEntries(
    Object.entries(node.children)
      .filter(([, child]) => isRequired(child))
      .map(([key, child]) => [key, defaultsOf(child)]),
  );
}

/** Calls visit for every node below the root, parents before children, with its key path. */
export function walk(node: ValueNode, visit: (path: readonly string[], node: ValueNode) => void): void {
  function descend(current: ValueNode, path: readonly string[]): void {
    if (current.kind !== 'group') return;
    for (const [key, child] of Object.entries(current.children)) {
      visit([...path, key], child);
      descend(child, [...path, key]);
    }
  }
  descend(node, []);
}
