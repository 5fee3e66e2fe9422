import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { alertRuleGroups } from '@what-if/catalog';
import { Registry, collectDefaultMetrics } from 'prom-client';
import { stringify } from 'yaml';
import {
  dashboardQueries,
  grafanaDashboards,
  grafanaDashboardsFolder,
  renderGrafanaDashboard,
} from '../src/generate/grafana-dashboards';

const repositoryRoot = path.resolve(__dirname, '..', '..');
const dashboards = grafanaDashboards();

/** Grafana's own variables, as a query sees them once Grafana has put its values in. */
function asPrometheusSeesIt(expr: string): string {
  return expr.replaceAll('$__rate_interval', '5m');
}

/** Every metric name a service registers: `name: '...'` of a prom-client metric in their sources. */
function registeredMetricNames(): Set<string> {
  const names = new Set<string>();
  const sourceFolders = ['services'];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) {
        if (!['node_modules', 'dist', 'test'].includes(entry.name)) walk(full);
      } else if (entry.name.endsWith('.ts')) {
        const source = readFileSync(full, 'utf8');
        for (const match of source.matchAll(
          /new (Counter|Gauge|Histogram|Summary)\(\{\s*name: '([a-z_:]+)'/g,
        )) {
          const [, kind, name] = match;
          names.add(name!);
          if (kind === 'Histogram')
            for (const suffix of ['_bucket', '_count', '_sum']) names.add(`${name}${suffix}`);
        }
      }
    }
  };
  for (const folder of sourceFolders) walk(path.join(repositoryRoot, folder));
  // prom-client's process and Node.js metrics, which the kit collects in every service.
  const defaults = new Registry();
  collectDefaultMetrics({ register: defaults });
  for (const metric of defaults.getMetricsAsArray()) names.add(metric.name);
  // What Prometheus adds itself, and what the alert rules record.
  names.add('up');
  names.add('ALERTS');
  for (const group of alertRuleGroups())
    for (const rule of group.rules) if ('record' in rule) names.add(rule.record);
  return names;
}

/** Identifiers in a PromQL expression that name series (not functions, keywords or labels). */
function metricNames(expr: string): string[] {
  const withoutStrings = expr
    .replace(/"[^"]*"|`[^`]*`/g, '""')
    .replace(/\{[^}]*\}/g, '{}')
    .replace(/\[[^\]]*\]/g, '[]')
    .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, ' ');
  const words = [...withoutStrings.matchAll(/([a-zA-Z_:][a-zA-Z0-9_:]*)\s*(\(|\{|\[|\s|$|\)|\/|,)/g)];
  const notMetrics = new Set([
    'sum',
    'max',
    'min',
    'avg',
    'count',
    'rate',
    'increase',
    'histogram_quantile',
    'by',
    'without',
    'and',
    'or',
    'unless',
    'on',
    'ignoring',
    'group_left',
    'group_right',
    'label_replace',
    'bool',
  ]);
  return words
    .filter((match) => match[2] !== '(')
    .map((match) => match[1]!)
    .filter((word) => !notMetrics.has(word));
}

describe('the Grafana dashboards generated from the catalog', () => {
  test('are the checked-in files (make generate), one per dashboard', () => {
    const folder = path.join(repositoryRoot, grafanaDashboardsFolder);
    expect(readdirSync(folder).sort()).toEqual(dashboards.map((dashboard) => `${dashboard.uid}.json`).sort());
    for (const dashboard of dashboards) {
      expect(readFileSync(path.join(folder, `${dashboard.uid}.json`), 'utf8')).toBe(
        renderGrafanaDashboard(dashboard),
      );
    }
  });

  test('cover the overview, the SLOs, the edge, the video pipeline and every service', () => {
    expect(dashboards.map((dashboard) => dashboard.uid)).toEqual(
      expect.arrayContaining([
        'what-if-overview',
        'what-if-slos',
        'what-if-edge',
        'what-if-video-pipeline',
        'what-if-gateway',
        'what-if-user',
        'what-if-generation',
        'what-if-history',
        'what-if-sharing',
        'what-if-video',
        'what-if-social',
      ]),
    );
  });

  test("every panel's query parses (promtool check rules, each query as a recording rule)", () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'dashboards-'));
    try {
      const rules = dashboards.map((dashboard) => ({
        name: dashboard.uid,
        rules: dashboardQueries(dashboard).map((expr, index) => ({
          record: `dashboard:${dashboard.uid.replaceAll('-', '_')}:${index}`,
          expr: asPrometheusSeesIt(expr),
        })),
      }));
      const file = path.join(folder, 'queries.yml');
      writeFileSync(file, stringify({ groups: rules }, { lineWidth: 0 }));
      const checked = spawnSync('promtool', ['check', 'rules', file], { encoding: 'utf8' });
      if (checked.status !== 0) throw new Error(`${checked.stdout}${checked.stderr}`);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  test('every metric a panel reads is one a service registers, Prometheus adds, or a rule records', () => {
    const known = registeredMetricNames();
    const unknown = dashboards.flatMap((dashboard) =>
      dashboardQueries(dashboard).flatMap((expr) =>
        metricNames(asPrometheusSeesIt(expr))
          .filter((name) => !known.has(name))
          .map((name) => `${dashboard.uid}: ${name}`),
      ),
    );
    expect(unknown).toEqual([]);
  });
});
