/**
 * handleSummary: the end-of-test figures as JSON (everything k6 measured) and as a readable
 * Markdown report (per route: requests, failures, p95 and p99 against the objective; the
 * thresholds crossed; the checks), both under SUMMARY_DIR, and the report on stdout.
 */
import { config } from './config.ts';
import { type Route, latencyObjectiveMs, serviceOf } from './routes.ts';

/** The part of k6's summary data this report reads. */
export interface SummaryData {
  metrics: Record<
    string,
    {
      type: string;
      contains: string;
      values: Record<string, number>;
      thresholds?: Record<string, { ok: boolean }>;
    }
  >;
  root_group: SummaryGroup;
  state: { testRunDurationMs: number };
}

interface SummaryGroup {
  name: string;
  groups: SummaryGroup[];
  checks: { name: string; passes: number; fails: number }[];
}

function milliseconds(value: number | undefined): string {
  if (value === undefined) return '–';
  return value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(1)} ms`;
}

function percent(value: number | undefined): string {
  return value === undefined ? '–' : `${(value * 100).toFixed(2)} %`;
}

function allChecks(
  group: SummaryGroup,
  path: string[] = [],
): { path: string; name: string; passes: number; fails: number }[] {
  const here = group.name ? [...path, group.name] : path;
  return [
    ...group.checks.map((entry) => ({ ...entry, path: here.join(' › ') })),
    ...group.groups.flatMap((child) => allChecks(child, here)),
  ];
}

export function markdownReport(
  data: SummaryData,
  script: string,
  routes: readonly Route[],
  extra = '',
): string {
  const crossed = Object.entries(data.metrics).flatMap(([metric, entry]) =>
    Object.entries(entry.thresholds ?? {})
      .filter(([, result]) => !result.ok)
      .map(([expression]) => `- \`${metric}\`: \`${expression}\``),
  );
  const routeRows = routes.map((route) => {
    const duration = data.metrics[`http_req_duration{route:${route.name}}`]?.values ?? {};
    const failed = data.metrics[`http_req_failed{route:${route.name}}`]?.values ?? {};
    const objective = latencyObjectiveMs(route);
    const verdict =
      duration['count'] === undefined || duration['count'] === 0
        ? 'not called'
        : (duration['p(99)'] ?? 0) < objective && (failed['rate'] ?? 0) < 0.01
          ? 'ok'
          : '**over**';
    return `| ${route.name} | ${route.method} ${route.path} | ${serviceOf(route)} | ${duration['count'] ?? 0} | ${percent(failed['rate'])} | ${milliseconds(duration['p(95)'])} | ${milliseconds(duration['p(99)'])} | ${milliseconds(objective)} | ${verdict} |`;
  });
  const checks = allChecks(data.root_group).map(
    (entry) => `| ${entry.path || '–'} | ${entry.name} | ${entry.passes} | ${entry.fails} |`,
  );
  const figure = (metric: string, stat: string, format: (value: number | undefined) => string) =>
    format(data.metrics[metric]?.values[stat]);
  const count = (value: number | undefined) => String(value ?? 0);
  return [
    `# Load test: ${script}, profile ${config.profile}`,
    '',
    `Against ${config.baseUrl}, ${(data.state.testRunDurationMs / 1000).toFixed(0)} s. ` +
      (crossed.length === 0 ? 'Every threshold held.' : `**${crossed.length} threshold(s) crossed.**`),
    '',
    ...(crossed.length > 0 ? ['## Thresholds crossed', '', ...crossed, ''] : []),
    '## Routes',
    '',
    '| route | request | service | requests | failed | p95 | p99 | objective (p99) | verdict |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...routeRows,
    '',
    '## Figures',
    '',
    `- journey iterations: ${figure('iterations', 'count', count)}; HTTP requests: ${figure('http_reqs', 'count', count)}`,
    `- time to the first streamed event: median ${figure('time_to_first_event', 'med', milliseconds)}, p95 ${figure('time_to_first_event', 'p(95)', milliseconds)}`,
    `- generations refused by a daily quota (expected past it): ${figure('quota_refusals', 'count', count)}`,
    `- comments a VU held back to stay within its account's 10 a minute: ${figure('comments_held_back', 'count', count)}`,
    `- requests refused by a rate limit the journey did not expect: ${figure('rate_limited', 'count', count)}`,
    '',
    '## Checks',
    '',
    '| group | check | passed | failed |',
    '| --- | --- | --- | --- |',
    ...checks,
    '',
    ...(extra ? [extra, ''] : []),
  ].join('\n');
}

/** handleSummary's answer: file name to content, and the report on stdout. */
export function summaryFiles(
  data: SummaryData,
  script: string,
  routes: readonly Route[],
  extra = '',
): Record<string, string> {
  const report = markdownReport(data, script, routes, extra);
  const base = `${config.summaryDirectory}/${script}-${config.profile}`;
  return {
    stdout: report,
    [`${base}.json`]: JSON.stringify(data, null, 2),
    [`${base}.md`]: report,
  };
}
