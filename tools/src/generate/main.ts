import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { services } from '@what-if/catalog';
import { renderCompose } from './compose';
import { withValuesTables } from './helm-readme-values';
import { renderLoadtestCatalog } from './loadtest-catalog';
import { grafanaDashboards, grafanaDashboardsFolder, renderGrafanaDashboard } from './grafana-dashboards';
import { renderHelmValues, renderHelmValuesSchema } from './helm-values';
import { renderPrometheusRuleTests } from './prometheus-rule-tests';
import {
  chartPrometheusRulesPath,
  prometheusRulesPath,
  prometheusRuleTestsPath,
  renderPrometheusRules,
} from './prometheus-rules';
import { withEnvTable } from './readme-env';

/** tools/dist/generate/main.js sits three levels below the repository root. */
const repositoryRoot = path.resolve(__dirname, '..', '..', '..');

interface GeneratedFile {
  /** From the repository root. */
  path: string;
  /** The wanted content, given the current one (undefined when the file is missing). */
  render: (current: string | undefined) => string;
}

/** Every checked-in file rendered from the catalog. */
const generatedFiles: readonly GeneratedFile[] = [
  { path: 'docker-compose.yml', render: () => renderCompose() },
  ...services.map((entry) => ({
    path: `services/${entry.name}/README.md`,
    render: (current: string | undefined) => withEnvTable(current ?? '', entry.name),
  })),
  { path: 'charts/what-if/values.yaml', render: () => renderHelmValues() },
  { path: 'charts/what-if/values.schema.json', render: () => renderHelmValuesSchema() },
  { path: 'charts/what-if/README.md', render: (current) => withValuesTables(current ?? '') },
  { path: 'loadtest/lib/catalog.ts', render: () => renderLoadtestCatalog() },
  { path: prometheusRulesPath, render: () => renderPrometheusRules() },
  { path: prometheusRuleTestsPath, render: () => renderPrometheusRuleTests() },
  { path: chartPrometheusRulesPath, render: () => renderPrometheusRules() },
  ...grafanaDashboards().map((dashboard) => ({
    path: `${grafanaDashboardsFolder}/${dashboard.uid}.json`,
    render: () => renderGrafanaDashboard(dashboard),
  })),
];

function currentContent(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function main(argv: readonly string[]): number {
  const unknown = argv.filter((argument) => argument !== '--check');
  if (unknown.length > 0) {
    process.stderr.write(
      `Unknown argument ${unknown.join(' ')}\nUsage: node tools/dist/generate/main.js [--check]\n`,
    );
    return 2;
  }
  const check = argv.includes('--check');
  const stale: string[] = [];
  for (const generated of generatedFiles) {
    const file = path.join(repositoryRoot, generated.path);
    const current = currentContent(file);
    const wanted = generated.render(current);
    if (current === wanted) continue;
    if (check) {
      stale.push(generated.path);
    } else {
      writeFileSync(file, wanted);
      process.stdout.write(`wrote ${generated.path}\n`);
    }
  }
  if (stale.length > 0) {
    for (const file of stale) process.stderr.write(`${file} differs from what the catalog generates\n`);
    process.stderr.write('Run `make generate` and commit the result.\n');
    return 1;
  }
  if (check) process.stdout.write('Generated files match the catalog.\n');
  return 0;
}

process.exitCode = main(process.argv.slice(2));
