import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  alertDefinitions,
  alertRuleGroups,
  isAlertingRule,
  runbookAnchor,
  runbookUrl,
  type AlertingRule,
} from '@what-if/catalog';
import { parse } from 'yaml';
import { ruleTestCases, renderPrometheusRuleTests } from '../src/generate/prometheus-rule-tests';
import {
  chartPrometheusRulesPath,
  prometheusRulesPath,
  prometheusRuleTestsPath,
  renderPrometheusRules,
} from '../src/generate/prometheus-rules';

const repositoryRoot = path.resolve(__dirname, '..', '..');
const read = (file: string) => readFileSync(path.join(repositoryRoot, file), 'utf8');
const alertingRules: AlertingRule[] = alertRuleGroups().flatMap((group) =>
  group.rules.filter(isAlertingRule),
);

/** promtool from Debian's prometheus package; tools/dev/prometheus.sh provides it. */
function promtool(args: readonly string[]): { status: number | null; output: string } {
  const run = spawnSync('promtool', args, {
    cwd: path.join(repositoryRoot, 'observability/prometheus'),
    encoding: 'utf8',
  });
  if (run.error && (run.error as NodeJS.ErrnoException).code === 'ENOENT') {
    throw new Error('promtool is not installed: run tools/dev/prometheus.sh (Debian package prometheus)');
  }
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

describe('the Prometheus rules generated from the catalog', () => {
  test('the checked-in rules file and its unit tests are what the catalog generates (make generate)', () => {
    expect(read(prometheusRulesPath)).toBe(renderPrometheusRules());
    expect(read(prometheusRuleTestsPath)).toBe(renderPrometheusRuleTests());
    // The chart's PrometheusRule reads its copy (Helm sees no file outside the chart).
    expect(read(chartPrometheusRulesPath)).toBe(renderPrometheusRules());
  });

  test('promtool check rules accepts them', () => {
    const checked = promtool(['check', 'rules', 'rules.yml']);
    expect(checked.output).toContain('SUCCESS');
    expect(checked.status).toBe(0);
  });

  test('promtool test rules: every case fires or stays quiet as written', () => {
    const tested = promtool(['test', 'rules', 'rules.test.yml']);
    if (tested.status !== 0) throw new Error(tested.output);
    expect(tested.output).toContain('SUCCESS');
  });

  test('every alert has a case that fires it and one that must stay quiet', () => {
    const cases = ruleTestCases();
    for (const { name } of alertDefinitions) {
      expect({ name, fires: cases.some((c) => c.alert === name && c.fires) }).toEqual({ name, fires: true });
      expect({ name, quiet: cases.some((c) => c.alert === name && !c.fires) }).toEqual({ name, quiet: true });
    }
  });

  test('each defined alert has rules, and each rule a definition, severity, summary and description', () => {
    const defined = alertDefinitions.map((definition) => definition.name).sort();
    expect([...new Set(alertingRules.map((rule) => rule.alert))].sort()).toEqual(defined);
    for (const rule of alertingRules) {
      expect(['page', 'ticket']).toContain(rule.labels.severity);
      expect(rule.annotations.summary.length).toBeGreaterThan(10);
      expect(rule.annotations.description.length).toBeGreaterThan(40);
      expect(rule.annotations.runbook_url).toBe(runbookUrl(rule.alert));
    }
  });

  test('the SLO alerts follow each service objective: a page at 14.4x the budget over an hour', () => {
    const rules = parse(read(prometheusRulesPath)) as { groups: { rules: AlertingRule[] }[] };
    const fast = rules.groups
      .flatMap((group) => group.rules)
      .filter((rule) => rule.alert === 'ErrorBudgetBurnFast');
    expect(fast.map((rule) => rule.labels.service).sort()).toEqual(
      ['gateway', 'user', 'generation', 'history', 'sharing', 'video', 'social'].sort(),
    );
    const video = fast.find((rule) => rule.labels.service === 'video');
    // video's objective is 99 %: a 1 % budget, 14.4 % of answers failing over an hour and 5 minutes.
    expect(video?.expr).toContain('service:http_request_errors:ratio_rate1h{service="video"} > 0.144');
    expect(video?.expr).toContain('service:http_request_errors:ratio_rate5m{service="video"} > 0.144');
  });
});

describe('runbooks/alerts.md', () => {
  const runbook = read('runbooks/alerts.md');
  const sections = new Map<string, string>();
  for (const part of runbook.split(/^## /m).slice(1)) {
    const heading = part.slice(0, part.indexOf('\n')).trim();
    sections.set(heading, part);
  }

  test.each(alertDefinitions.map((definition) => [definition.name]))(
    '%s has its section: what it means, how to confirm, mitigate and escalate',
    (name) => {
      const section = sections.get(name);
      if (!section) throw new Error(`runbooks/alerts.md has no "## ${name}" section`);
      // GitHub's anchor for the heading is what runbook_url points at.
      expect(runbookAnchor(name)).toBe(
        name
          .toLowerCase()
          .replace(/[^a-z0-9 -]/g, '')
          .replace(/ /g, '-'),
      );
      for (const part of ['**Means**', '**Confirm**', '**Mitigate**', '**Escalate**']) {
        expect({ name, part, present: section.includes(part) }).toEqual({ name, part, present: true });
      }
    },
  );

  test('has no section for an alert that does not exist', () => {
    const alerts = new Set(alertDefinitions.map((definition) => definition.name));
    const alertLike = [...sections.keys()].filter((heading) => /^[A-Z][A-Za-z]+$/.test(heading));
    expect(alertLike.filter((heading) => !alerts.has(heading))).toEqual([]);
  });

  test('names the promtool command that checks the rules', () => {
    expect(runbook).toContain(`promtool test rules ${prometheusRuleTestsPath}`);
  });
});
