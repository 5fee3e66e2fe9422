import {
  alertDefinitions,
  alertRuleGroups,
  deployables,
  isAlertingRule,
  latencyBudget,
  promNumber,
  services,
  type AlertingRule,
  type ServiceEntry,
} from '@what-if/catalog';
import { readableYaml } from './prometheus-rules';

/**
 * `promtool test rules` cases for every alert: for each one a situation that fires it and one
 * that must stay quiet (just under its threshold, a recovery, or traffic it must not judge),
 * written as the input series a real service would expose. The expected labels and annotations
 * are the rule's own, so a changed message is a changed test.
 */

interface Series {
  series: string;
  values: string;
}

interface AlertCase {
  name: string;
  series: Series[];
  evalTime: string;
  alert: string;
  /** Picks the rule among those of that name (the per-service and per-deployable ones). */
  ruleLabels: Record<string, string>;
  /** The labels the expression leaves on the alert, besides the rule's own; undefined: it must not fire. */
  fires?: Record<string, string>;
}

const instance = '10.0.1.17:8080';

function metric(name: string, labels: Record<string, string>): string {
  const pairs = Object.entries(labels).map(([key, value]) => `${key}="${value}"`);
  return `${name}{${pairs.join(',')}}`;
}

/** `perMinute` every minute for `minutes`, then `after` per minute for `afterMinutes`. */
function counter(perMinute: number, minutes: number, after?: { perMinute: number; minutes: number }): string {
  const first = `0+${promNumber(perMinute)}x${minutes}`;
  if (!after) return first;
  const reached = perMinute * minutes;
  return `${first} ${promNumber(reached + after.perMinute)}+${promNumber(after.perMinute)}x${after.minutes - 1}`;
}

function constant(value: number, minutes: number): string {
  return `${promNumber(value)}x${minutes}`;
}

/** Requests a minute in every synthetic service; the error and slow shares are set against it. */
const requestsPerMinute = 100;

/** Errors a minute that make `share` of all answers 5xx, next to the successful ones. */
function errorSeries(entry: ServiceEntry, share: number, minutes: number, recoverFor?: number): Series[] {
  const errors = (requestsPerMinute * share) / (1 - share);
  const labels = { service: entry.name, method: 'GET', route: '/api/v1/things/:id' };
  return [
    {
      series: metric('http_request_duration_seconds_count', { ...labels, status_code: '200' }),
      values: counter(requestsPerMinute, minutes + (recoverFor ?? 0)),
    },
    {
      series: metric('http_request_duration_seconds_count', { ...labels, status_code: '500' }),
      values: counter(errors, minutes, recoverFor ? { perMinute: 0, minutes: recoverFor } : undefined),
    },
  ];
}

/** A histogram with `slowShare` of its requests slower than `objectiveSeconds`, on `route`. */
function latencySeries(
  service: string,
  route: string,
  objectiveSeconds: number,
  slowShare: number,
  minutes: number,
): Series[] {
  const labels = { service, method: 'GET', route, status_code: '200' };
  return [
    {
      series: metric('http_request_duration_seconds_count', labels),
      values: counter(requestsPerMinute, minutes),
    },
    {
      series: metric('http_request_duration_seconds_bucket', { ...labels, le: String(objectiveSeconds) }),
      values: counter(requestsPerMinute * (1 - slowShare), minutes),
    },
  ];
}

function burnRateCases(entry: ServiceEntry): AlertCase[] {
  const service = entry.name;
  const errorBudget = 1 - entry.latency.availability;
  const objective = entry.latency.p99Ms / 1000;
  const on = { service };
  const route = service === 'gateway' ? '/health' : '/api/v1/things/:id';
  const cases: AlertCase[] = [
    {
      name: `ErrorBudgetBurnFast fires for ${service}: 20x its error budget for 20 minutes`,
      series: errorSeries(entry, 20 * errorBudget, 25),
      evalTime: '20m',
      alert: 'ErrorBudgetBurnFast',
      ruleLabels: on,
      fires: on,
    },
    {
      name: `ErrorBudgetBurnFast stays quiet for ${service}: 5x its error budget`,
      series: errorSeries(entry, 5 * errorBudget, 25),
      evalTime: '20m',
      alert: 'ErrorBudgetBurnFast',
      ruleLabels: on,
    },
    {
      name: `ErrorBudgetBurnFast stops for ${service} once errors stopped 35 minutes ago`,
      series: errorSeries(entry, 20 * errorBudget, 20, 40),
      evalTime: '55m',
      alert: 'ErrorBudgetBurnFast',
      ruleLabels: on,
    },
    {
      name: `ErrorBudgetBurnSlow fires for ${service}: 5x its error budget for 20 minutes`,
      series: errorSeries(entry, 5 * errorBudget, 25),
      evalTime: '20m',
      alert: 'ErrorBudgetBurnSlow',
      ruleLabels: on,
      fires: on,
    },
    {
      name: `ErrorBudgetBurnSlow stays quiet for ${service}: errors at half its budget`,
      series: errorSeries(entry, 0.5 * errorBudget, 25),
      evalTime: '20m',
      alert: 'ErrorBudgetBurnSlow',
      ruleLabels: on,
    },
    {
      name: `LatencyBudgetBurnFast fires for ${service}: 20 % of requests slower than ${entry.latency.p99Ms} ms`,
      series: latencySeries(service, route, objective, 20 * latencyBudget, 25),
      evalTime: '20m',
      alert: 'LatencyBudgetBurnFast',
      ruleLabels: on,
      fires: on,
    },
    {
      name: `LatencyBudgetBurnFast stays quiet for ${service}: 0.5 % of requests slower than ${entry.latency.p99Ms} ms`,
      series: latencySeries(service, route, objective, 0.5 * latencyBudget, 25),
      evalTime: '20m',
      alert: 'LatencyBudgetBurnFast',
      ruleLabels: on,
    },
    {
      name: `LatencyBudgetBurnSlow fires for ${service}: 5 % of requests slower than ${entry.latency.p99Ms} ms`,
      series: latencySeries(service, route, objective, 5 * latencyBudget, 25),
      evalTime: '20m',
      alert: 'LatencyBudgetBurnSlow',
      ruleLabels: on,
      fires: on,
    },
    {
      name: `LatencyBudgetBurnSlow stays quiet for ${service}: 0.5 % of requests slower than ${entry.latency.p99Ms} ms`,
      series: latencySeries(service, route, objective, 0.5 * latencyBudget, 25),
      evalTime: '20m',
      alert: 'LatencyBudgetBurnSlow',
      ruleLabels: on,
    },
  ];
  return cases;
}

/** Traffic a latency objective must not judge by the wrong yardstick. */
function latencyScopeCases(): AlertCase[] {
  const gateway = services.find((entry) => entry.name === 'gateway')!;
  const generation = services.find((entry) => entry.name === 'generation')!;
  const gatewayBound = gateway.latency.p99Ms / 1000;
  // Every generation through the gateway is slower than the gateway's own objective, none slower than generation's.
  const proxied = { service: 'gateway', method: 'POST', route: '/api/v1/scenarios', status_code: '200' };
  return [
    {
      name: `LatencyBudgetBurnFast stays quiet for the gateway: proxied generations judged by generation's ${generation.latency.p99Ms} ms, not ${gateway.latency.p99Ms} ms`,
      series: [
        {
          series: metric('http_request_duration_seconds_count', proxied),
          values: counter(requestsPerMinute, 25),
        },
        {
          series: metric('http_request_duration_seconds_bucket', { ...proxied, le: String(gatewayBound) }),
          values: counter(0, 25),
        },
        {
          series: metric('http_request_duration_seconds_bucket', {
            ...proxied,
            le: String(generation.latency.p99Ms / 1000),
          }),
          values: counter(requestsPerMinute, 25),
        },
      ],
      evalTime: '20m',
      alert: 'LatencyBudgetBurnFast',
      ruleLabels: { service: 'gateway' },
    },
    {
      name: 'LatencyBudgetBurnFast stays quiet for video: progress streams last minutes, which is not latency',
      series: [
        ...latencySeries('video', '/api/v1/videos/:id/events (event stream)', 1, 1, 25),
        ...latencySeries('video', '/api/v1/videos/:id', 1, 0, 25),
      ],
      evalTime: '20m',
      alert: 'LatencyBudgetBurnFast',
      ruleLabels: { service: 'video' },
    },
  ];
}

function deployableCases(): AlertCase[] {
  return deployables().flatMap(({ job, service, resources, worker }) => {
    const cores = resources.cpu.limitMillicores / 1000;
    const bytes = resources.memory.limitMiB * 1024 * 1024;
    const labels = { job, instance, service };
    const cpu = (share: number) => [
      { series: metric('process_cpu_seconds_total', labels), values: counter(60 * cores * share, 30) },
    ];
    const memory = (share: number) => [
      { series: metric('process_resident_memory_bytes', labels), values: constant(bytes * share, 30) },
    ];
    const expected = { job, instance };
    const cpuCases: AlertCase[] = [
      {
        name: `CpuSaturated fires for ${job}: 90 % of ${resources.cpu.limitMillicores}m for 20 minutes`,
        series: cpu(0.9),
        evalTime: '25m',
        alert: 'CpuSaturated',
        ruleLabels: { job },
        fires: expected,
      },
      {
        name: `CpuSaturated stays quiet for ${job}: 60 % of its CPU limit`,
        series: cpu(0.6),
        evalTime: '25m',
        alert: 'CpuSaturated',
        ruleLabels: { job },
      },
    ];
    return [
      // A worker renders at its CPU limit by design; only its memory is watched.
      ...(worker ? [] : cpuCases),
      {
        name: `MemorySaturated fires for ${job}: 90 % of ${resources.memory.limitMiB} MiB for 20 minutes`,
        series: memory(0.9),
        evalTime: '25m',
        alert: 'MemorySaturated',
        ruleLabels: { job },
        fires: expected,
      },
      {
        name: `MemorySaturated stays quiet for ${job}: 60 % of its memory limit`,
        series: memory(0.6),
        evalTime: '25m',
        alert: 'MemorySaturated',
        ruleLabels: { job },
      },
    ];
  });
}

function replicaCases(): AlertCase[] {
  const history = { job: 'history', instance };
  const social = { job: 'social', instance, service: 'social' };
  const user = { job: 'user', instance, service: 'user' };
  return [
    {
      name: 'EventLoopLagHigh fires: the event loop is a second late for 15 minutes',
      series: [{ series: metric('nodejs_eventloop_lag_p99_seconds', user), values: constant(1, 20) }],
      evalTime: '15m',
      alert: 'EventLoopLagHigh',
      ruleLabels: {},
      fires: { job: 'user', instance },
    },
    {
      name: 'EventLoopLagHigh stays quiet: 50 ms of lag',
      series: [{ series: metric('nodejs_eventloop_lag_p99_seconds', user), values: constant(0.05, 20) }],
      evalTime: '15m',
      alert: 'EventLoopLagHigh',
      ruleLabels: {},
    },
    {
      name: 'InstanceDown fires: a replica unscrapeable for 6 minutes',
      series: [{ series: metric('up', history), values: constant(0, 10) }],
      evalTime: '6m',
      alert: 'InstanceDown',
      ruleLabels: {},
      fires: history,
    },
    {
      name: 'InstanceDown stays quiet: the replica answers',
      series: [{ series: metric('up', history), values: constant(1, 10) }],
      evalTime: '6m',
      alert: 'InstanceDown',
      ruleLabels: {},
    },
    {
      name: 'ReplicaNotReady fires: readiness 503 for 11 minutes',
      series: [{ series: metric('readiness_ready', social), values: constant(0, 15) }],
      evalTime: '11m',
      alert: 'ReplicaNotReady',
      ruleLabels: {},
      fires: social,
    },
    {
      name: 'ReplicaNotReady stays quiet: ready again after 3 minutes',
      series: [{ series: metric('readiness_ready', social), values: `${constant(0, 3)} ${constant(1, 11)}` }],
      evalTime: '11m',
      alert: 'ReplicaNotReady',
      ruleLabels: {},
    },
    {
      name: 'ReadinessFlapping fires: readiness changed every minute for 16 minutes',
      series: [{ series: metric('readiness_changes_total', social), values: counter(1, 20) }],
      evalTime: '16m',
      alert: 'ReadinessFlapping',
      ruleLabels: {},
      fires: social,
    },
    {
      name: 'ReadinessFlapping stays quiet: one rolling restart (two changes)',
      series: [
        { series: metric('readiness_changes_total', social), values: `${constant(0, 5)} ${constant(2, 15)}` },
      ],
      evalTime: '16m',
      alert: 'ReadinessFlapping',
      ruleLabels: {},
    },
  ];
}

function dependencyAndPipelineCases(): AlertCase[] {
  const breaker = { service: 'gateway', upstream: 'user', job: 'gateway', instance };
  const provider = { service: 'generation', provider: 'openai', job: 'generation', instance };
  const worker = services.find((entry) => entry.name === 'video')?.workers?.[0];
  const capacity = worker ? worker.scaling.jobsPerReplica * worker.scaling.maxReplicas : 0;
  const renders = { service: 'video', job: 'video-worker', instance };
  const queue = { ...renders, state: 'waiting' };
  const purges = { service: 'user', outbox: 'purges', job: 'user', instance };
  const reports = { service: 'sharing', outbox: 'reports', job: 'sharing', instance };
  const store = { service: 'history', dependency: 'dynamodb', job: 'history', instance };
  const social = { service: 'social', job: 'social', instance };
  const cases: AlertCase[] = [
    {
      name: 'StoreUnavailable fires: requests answered 503 for the store every minute for 8 minutes',
      series: [{ series: metric('dependency_unavailable_total', store), values: counter(30, 10) }],
      evalTime: '8m',
      alert: 'StoreUnavailable',
      ruleLabels: {},
      fires: { service: 'history', dependency: 'dynamodb' },
    },
    {
      name: 'StoreUnavailable stays quiet: one minute of failures, then the store answered again',
      series: [
        {
          series: metric('dependency_unavailable_total', store),
          values: counter(30, 1, { perMinute: 0, minutes: 10 }),
        },
      ],
      evalTime: '8m',
      alert: 'StoreUnavailable',
      ruleLabels: {},
    },
    {
      name: 'UpstreamCircuitOpen fires: open, then half-open, for 6 minutes',
      series: [{ series: metric('upstream_circuit_state', breaker), values: '1 1 1 2 1 1 2 1 1 1' }],
      evalTime: '6m',
      alert: 'UpstreamCircuitOpen',
      ruleLabels: {},
      fires: { service: 'gateway', upstream: 'user' },
    },
    {
      name: 'UpstreamCircuitOpen stays quiet: the breaker closed again after 2 minutes',
      series: [{ series: metric('upstream_circuit_state', breaker), values: '1 1 2 0 0 0 0 0 0 0' }],
      evalTime: '6m',
      alert: 'UpstreamCircuitOpen',
      ruleLabels: {},
    },
    {
      name: 'ProviderCircuitOpen fires: the provider skipped for 11 minutes',
      series: [{ series: metric('generation_provider_circuit_state', provider), values: constant(1, 15) }],
      evalTime: '11m',
      alert: 'ProviderCircuitOpen',
      ruleLabels: {},
      fires: { service: 'generation', provider: 'openai' },
    },
    {
      name: 'ProviderCircuitOpen stays quiet: the breaker is closed',
      series: [{ series: metric('generation_provider_circuit_state', provider), values: constant(0, 15) }],
      evalTime: '11m',
      alert: 'ProviderCircuitOpen',
      ruleLabels: {},
    },
    {
      name: 'OutboxStuck fires for purges: the oldest deletion is 12 minutes old',
      series: [{ series: metric('outbox_oldest_age_seconds', purges), values: counter(60, 15) }],
      evalTime: '12m',
      alert: 'OutboxStuck',
      ruleLabels: {},
      fires: { service: 'user', outbox: 'purges' },
    },
    {
      name: 'OutboxStuck stays quiet: deletions leave within seconds',
      series: [{ series: metric('outbox_oldest_age_seconds', purges), values: constant(5, 15) }],
      evalTime: '12m',
      alert: 'OutboxStuck',
      ruleLabels: {},
    },
    {
      name: 'OutboxStuck fires for reports: the oldest report is 12 minutes old',
      series: [{ series: metric('outbox_oldest_age_seconds', reports), values: counter(60, 15) }],
      evalTime: '12m',
      alert: 'OutboxStuck',
      ruleLabels: {},
      fires: { service: 'sharing', outbox: 'reports' },
    },
    {
      name: 'OutboxStuck stays quiet: a report 8 minutes old is within the reports outbox limit of 10',
      series: [{ series: metric('outbox_oldest_age_seconds', reports), values: constant(480, 15) }],
      evalTime: '12m',
      alert: 'OutboxStuck',
      ruleLabels: {},
    },
    {
      name: 'LeaderboardsStale fires: a mark nobody refreshes ages for 10 minutes',
      series: [
        { series: metric('social_leaderboard_stale_oldest_age_seconds', social), values: counter(60, 15) },
      ],
      evalTime: '11m',
      alert: 'LeaderboardsStale',
      ruleLabels: {},
      fires: { service: 'social' },
    },
    {
      name: 'LeaderboardsStale stays quiet: boards catch up within seconds, however busy',
      series: [
        { series: metric('social_leaderboard_stale_oldest_age_seconds', social), values: constant(4, 15) },
      ],
      evalTime: '11m',
      alert: 'LeaderboardsStale',
      ruleLabels: {},
    },
    {
      name: 'FanOutBacklog fires: a job stuck for 25 minutes',
      series: [{ series: metric('social_fanout_oldest_age_seconds', social), values: counter(60, 30) }],
      evalTime: '25m',
      alert: 'FanOutBacklog',
      ruleLabels: {},
      fires: { service: 'social' },
    },
    {
      name: 'FanOutBacklog stays quiet: a fan-out is always under way, each finishing within minutes',
      series: [{ series: metric('social_fanout_oldest_age_seconds', social), values: constant(180, 30) }],
      evalTime: '25m',
      alert: 'FanOutBacklog',
      ruleLabels: {},
    },
    {
      name: 'GaugeReadsFailing fires: the fan-out backlog unreadable at every scrape for 16 minutes',
      series: [
        {
          series: metric('metric_read_failures_total', {
            ...social,
            read: 'social fan-outs',
            reason: 'timeout',
          }),
          values: counter(2, 20),
        },
      ],
      evalTime: '16m',
      alert: 'GaugeReadsFailing',
      ruleLabels: {},
      fires: { service: 'social', read: 'social fan-outs' },
    },
    {
      name: 'GaugeReadsFailing stays quiet: failures that stopped 10 minutes ago',
      series: [
        {
          series: metric('metric_read_failures_total', {
            ...social,
            read: 'social fan-outs',
            reason: 'timeout',
          }),
          values: counter(2, 6, { perMinute: 0, minutes: 14 }),
        },
      ],
      evalTime: '20m',
      alert: 'GaugeReadsFailing',
      ruleLabels: {},
    },
  ];
  if (worker) {
    cases.push(
      {
        name: `VideoQueueBacklog fires: ${capacity + 5} jobs waiting for 11 minutes`,
        series: [{ series: metric('video_queue_jobs', queue), values: constant(capacity + 5, 15) }],
        evalTime: '11m',
        alert: 'VideoQueueBacklog',
        ruleLabels: {},
        fires: {},
      },
      {
        name: `VideoQueueBacklog stays quiet: ${capacity} jobs waiting, what the workers at their maximum take`,
        series: [{ series: metric('video_queue_jobs', queue), values: constant(capacity, 15) }],
        evalTime: '11m',
        alert: 'VideoQueueBacklog',
        ruleLabels: {},
      },
      {
        name: 'VideoJobsFailing fires: a job a minute fails for good',
        series: [
          {
            series: metric('video_jobs_finished_total', { ...renders, status: 'failed', reason: 'render' }),
            values: counter(1, 15),
          },
        ],
        evalTime: '10m',
        alert: 'VideoJobsFailing',
        ruleLabels: {},
        fires: {},
      },
      {
        name: 'VideoJobsFailing stays quiet: jobs succeed',
        series: [
          {
            series: metric('video_jobs_finished_total', { ...renders, status: 'succeeded', reason: '' }),
            values: counter(3, 15),
          },
        ],
        evalTime: '10m',
        alert: 'VideoJobsFailing',
        ruleLabels: {},
      },
    );
  }
  return cases;
}

function alertingRules(): AlertingRule[] {
  return alertRuleGroups().flatMap((group) => group.rules.filter(isAlertingRule));
}

/** The rule of that name whose own labels include `ruleLabels`. */
function ruleFor(alert: string, ruleLabels: Record<string, string>): AlertingRule {
  const matching = alertingRules().filter(
    (rule) =>
      rule.alert === alert &&
      Object.entries(ruleLabels).every(
        ([key, value]) => (rule.labels as Record<string, string>)[key] === value,
      ),
  );
  if (matching.length !== 1) {
    throw new Error(`${matching.length} rules named ${alert} with labels ${JSON.stringify(ruleLabels)}`);
  }
  return matching[0]!;
}

/** Annotations as Prometheus expands them: only `{{ $labels.x }}` is used in ours. */
function expand(template: string, labels: Record<string, string>): string {
  return template.replace(/\{\{ \$labels\.(\w+) \}\}/g, (_, name: string) => labels[name] ?? '');
}

/** Every test case, by alert: the drift test checks each alert has one that fires and one that does not. */
export function ruleTestCases(): AlertCase[] {
  return [
    ...services.flatMap(burnRateCases),
    ...latencyScopeCases(),
    ...deployableCases(),
    ...replicaCases(),
    ...dependencyAndPipelineCases(),
  ];
}

function expectedAlerts(testCase: AlertCase) {
  if (!testCase.fires) return [];
  const rule = ruleFor(testCase.alert, testCase.ruleLabels);
  const labels = { ...testCase.fires, ...rule.labels } as Record<string, string>;
  return [
    {
      exp_labels: labels,
      exp_annotations: Object.fromEntries(
        Object.entries(rule.annotations).map(([key, value]) => [key, expand(value, labels)]),
      ),
    },
  ];
}

/** What a case's series are about: a metric of one service or one deployable. */
function subjects(testCase: AlertCase): string[] {
  return testCase.series.flatMap((series) => {
    const name = series.series.slice(0, series.series.indexOf('{'));
    const values = [...series.series.matchAll(/(?:service|job)="([^"]*)"/g)].map((match) => match[1]);
    return values.map((value) => `${name}/${value}`);
  });
}

/**
 * Cases share a promtool test group (one evaluation run: promtool evaluates every rule each
 * minute, which makes a group the unit of cost) when their series cannot meet: no metric of the
 * same service or deployable, and one evaluation time per alert.
 */
function packed(cases: readonly AlertCase[]): AlertCase[][] {
  const groups: AlertCase[][] = [];
  for (const testCase of cases) {
    const mine = new Set(subjects(testCase));
    const home = groups.find(
      (group) =>
        group.every((other) => subjects(other).every((subject) => !mine.has(subject))) &&
        group.every((other) => other.alert !== testCase.alert || other.evalTime === testCase.evalTime),
    );
    if (home) home.push(testCase);
    else groups.push([testCase]);
  }
  return groups;
}

function renderGroup(group: readonly AlertCase[]) {
  const checks = new Map<string, { eval_time: string; alertname: string; exp_alerts: unknown[] }>();
  for (const testCase of group) {
    const key = `${testCase.alert}@${testCase.evalTime}`;
    const check = checks.get(key) ?? {
      eval_time: testCase.evalTime,
      alertname: testCase.alert,
      exp_alerts: [],
    };
    check.exp_alerts.push(...expectedAlerts(testCase));
    checks.set(key, check);
  }
  return {
    name: group.map((testCase) => testCase.name).join('; '),
    interval: '1m',
    input_series: group.flatMap((testCase) => testCase.series),
    alert_rule_test: [...checks.values()],
  };
}

/** `observability/prometheus/rules.test.yml`: run with `promtool test rules` from that folder's parent. */
export function renderPrometheusRuleTests(): string {
  const known = new Set(alertDefinitions.map((definition) => definition.name));
  for (const testCase of ruleTestCases()) {
    if (!known.has(testCase.alert)) throw new Error(`A test case names an unknown alert ${testCase.alert}`);
  }
  return (
    '# Generated by `make generate` (tools/src/generate/prometheus-rule-tests.ts); do not edit.\n' +
    '# promtool test rules observability/prometheus/rules.test.yml\n' +
    readableYaml({
      rule_files: ['rules.yml'],
      evaluation_interval: '1m',
      tests: packed(ruleTestCases()).map(renderGroup),
    })
  );
}
