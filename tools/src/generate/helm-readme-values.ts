import { services } from '@what-if/catalog';
import { chartValues } from './helm-chart-values';
import { secretEnv, serviceValues } from './helm-service-values';
import { type ValueGroup, type ValueNode, schemaOf, walk } from './helm-value-tree';

const start = '<!-- values:start -->';
const end = '<!-- values:end -->';

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function code(value: unknown): string {
  return `\`${cell(JSON.stringify(value))}\``;
}

function typeOf(node: ValueNode): string {
  const schema = schemaOf(node);
  if (schema.const !== undefined) return 'pinned';
  if (Array.isArray(schema.enum)) return schema.enum.map(String).join(' \\| ');
  const type = schema.type;
  return Array.isArray(type) ? type.join(' \\| ') : String(type ?? 'object');
}

function row(path: string, node: ValueNode, defaultText: string): string {
  return `| \`${path}\` | ${typeOf(node)} | ${defaultText} | ${cell(node.description)} |`;
}

function defaultText(node: ValueNode): string {
  if (node.kind === 'group') return '';
  return node.default === undefined ? '*unset*' : code(node.default);
}

const tableHeader = ['| key | type | default | meaning |', '|---|---|---|---|'];

function chartRows(): string[] {
  const rows: string[] = [];
  const tree = chartValues();
  const { services: serviceGroup, ...rest } = tree.children;
  walk({ ...tree, children: rest }, (path, node) => rows.push(row(path.join('.'), node, defaultText(node))));
  if (serviceGroup) rows.push(row('services', serviceGroup, ''));
  return rows;
}

/** The leaf's default when every service has the same one, else a pointer to the catalog table. */
function sharedDefault(path: readonly string[], node: ValueNode): string {
  if (node.kind === 'group') return '';
  const defaults = services.map((entry) => {
    let current: ValueNode | undefined = serviceValues(entry);
    for (const key of path) current = current?.kind === 'group' ? current.children[key] : undefined;
    return JSON.stringify(current?.kind === 'leaf' ? current.default : undefined);
  });
  return new Set(defaults).size === 1 ? defaultText(node) : 'per service (below)';
}

function serviceRows(): string[] {
  const template: ValueGroup = serviceValues(services[0]!);
  const rows: string[] = [
    row('services.<name>', { ...template, description: 'One service, named as in the catalog' }, ''),
  ];
  const summarised: string[] = [];
  walk(template, (path, node) => {
    if (summarised.some((prefix) => path.join('.').startsWith(`${prefix}.`))) return;
    if (node.kind === 'group' && node.summary) {
      summarised.push(path.join('.'));
      rows.push(row(`services.<name>.${path.join('.')}`, node, ''));
      rows.push(
        `| \`services.<name>.${node.summary.key}\` | string | catalog | ${cell(node.summary.description)} |`,
      );
      return;
    }
    rows.push(row(`services.<name>.${path.join('.')}`, node, sharedDefault(path, node)));
  });
  return rows;
}

/** One row per value of each catalog worker, under its own path (there are few). */
function workerRows(): string[] {
  const rows: string[] = [];
  for (const entry of services) {
    const workers = serviceValues(entry).children.workers;
    if (workers?.kind !== 'group') continue;
    walk(workers, (path, node) =>
      rows.push(row(`services.${entry.name}.workers.${path.join('.')}`, node, defaultText(node))),
    );
  }
  return rows;
}

function catalogRows(): string[] {
  return [
    '| service | port | calls | stores | replicas | CPU request / limit | memory request / limit | HPA CPU / memory | secret variables |',
    '|---|---|---|---|---|---|---|---|---|',
    ...services.map((entry) =>
      [
        '',
        `\`${entry.name}\`${entry.public ? ' (public)' : ''}`,
        String(entry.port),
        entry.calls.join(', ') || '—',
        entry.stores.join(', '),
        `${entry.scaling.minReplicas}–${entry.scaling.maxReplicas}`,
        `${entry.resources.cpu.requestMillicores}m / ${entry.resources.cpu.limitMillicores}m`,
        `${entry.resources.memory.requestMiB}Mi / ${entry.resources.memory.limitMiB}Mi`,
        `${entry.scaling.targetCpuPercent}% / ${entry.scaling.targetMemoryPercent}%`,
        secretEnv(entry)
          .map((variable) => `\`${variable.name}\`${variable.optional ? ' (optional)' : ''}`)
          .join(', ') || '—',
        '',
      ]
        .join(' | ')
        .trim(),
    ),
  ];
}

/** The tables of every value, from the same description values.yaml and the schema come from. */
export function renderValuesTables(): string {
  return [
    '### Chart-wide values',
    '',
    ...tableHeader,
    ...chartRows(),
    '',
    '### Per-service values (`services.<name>`, one entry per catalog service)',
    '',
    ...tableHeader,
    ...serviceRows(),
    '',
    '### Per-service defaults, from the catalog',
    '',
    ...catalogRows(),
    '',
    '### Worker values (`services.<name>.workers.<worker>`, one entry per catalog worker)',
    '',
    ...tableHeader,
    ...workerRows(),
  ].join('\n');
}

/** The chart README with the text between its values markers replaced by the generated tables. */
export function withValuesTables(readme: string): string {
  const from = readme.indexOf(start);
  const to = readme.indexOf(end);
  if (from < 0 || to < from) throw new Error(`charts/what-if/README.md has no ${start} ... ${end} section`);
  return `${readme.slice(0, from + start.length)}\n${renderValuesTables()}\n${readme.slice(to)}`;
}
