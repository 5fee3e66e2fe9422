import { alertRuleGroups } from '@what-if/catalog';
import { stringify } from 'yaml';

/** Where the plain rules file lives, and its unit tests beside it (promtool resolves rule_files from there). */
export const prometheusRulesPath = 'observability/prometheus/rules.yml';
export const prometheusRuleTestsPath = 'observability/prometheus/rules.test.yml';
/** The same rules inside the chart, which the PrometheusRule template reads (Helm sees no file outside its chart). */
export const chartPrometheusRulesPath = 'charts/what-if/files/prometheus-rules.yml';

/** YAML people can read: multi-line PromQL as literal blocks, nothing folded. */
export function readableYaml(value: unknown): string {
  return stringify(value, { lineWidth: 0, blockQuote: 'literal', aliasDuplicateObjects: false });
}

/** The rules as Prometheus loads them (`rule_files`), and as the PrometheusRule objects' spec. */
export function renderPrometheusRules(): string {
  return (
    '# Generated from services/catalog (alerts.ts) by `make generate`; do not edit.\n' +
    '# Every alert links to its section of runbooks/alerts.md. Checked by promtool in make test.\n' +
    readableYaml({ groups: alertRuleGroups() })
  );
}
