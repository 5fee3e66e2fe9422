import { outboxNames, outboxOwners, outboxes } from './outboxes';
import { routeTable } from './routes';
import { services } from './services';
import type { ServiceName } from './types';

/**
 * Prometheus recording and alerting rules, derived from the catalog: each service's availability
 * and latency objectives become multi-window, multi-burn-rate alerts (the Google SRE workbook's
 * 1h/5m and 6h/30m pages, 1d/2h and 3d/6h tickets); resources, replica bounds and the video
 * queue's sizing become saturation and backlog alerts. The plain rules file, the chart's and
 * cdk8s's PrometheusRule, the rule unit tests and the alert runbook all follow from `alertRuleGroups()`.
 *
 * Two label conventions hold the rules together. `service` is the label every process sets on
 * its own metrics (the kit's registry); `job` is the scrape target's deployable, as the catalog
 * names it (`video-worker` besides the seven services): make observe's scrape jobs and the
 * chart's PodMonitor (`jobLabel: app.kubernetes.io/component`) both set it.
 */

export type AlertSeverity = 'page' | 'ticket';

export interface RecordingRule {
  record: string;
  expr: string;
  /** Tells apart the per-service rules that record one series name. */
  labels?: Record<string, string>;
}

export interface AlertingRule {
  alert: string;
  expr: string;
  for?: string;
  labels: { severity: AlertSeverity } & Record<string, string>;
  annotations: { summary: string; description: string; runbook_url: string };
}

export type PrometheusRule = RecordingRule | AlertingRule;

export interface PrometheusRuleGroup {
  name: string;
  rules: readonly PrometheusRule[];
}

/**
 * What an ECS deployment watches instead: the CloudWatch alarm whose name ends in `alarm`
 * (per service where the alert is per service, `{service}` standing for its name), or why there is none.
 */
export type CloudWatchCounterpart =
  | {
      alarm: string;
      /** Subjects (services, deployables) that have no such alarm, and why. */
      except?: Readonly<Record<string, string>>;
    }
  | { none: string };

/**
 * What an alert is about: each service (its `service` label), each deployable Prometheus
 * scrapes (its `job`: the services and their workers), or the system as a whole.
 */
export type AlertScope = 'service' | 'deployable' | 'system';

export interface AlertDefinition {
  name: string;
  severity: AlertSeverity;
  scope: AlertScope;
  /** One line: what is wrong, for the notification's title. */
  meaning: string;
  cloudWatch: CloudWatchCounterpart;
}

/** Where the runbook lives for someone holding a notification. */
export const alertRunbook = 'https://github.com/what-if/what-if/blob/main/runbooks/alerts.md';

/** The GitHub anchor of an alert's section in runbooks/alerts.md (its heading is the alert's name). */
export function runbookAnchor(alert: string): string {
  return alert.toLowerCase();
}

export function runbookUrl(alert: string): string {
  return `${alertRunbook}#${runbookAnchor(alert)}`;
}

/** Saturation thresholds, as a share of the catalog's limits (the prod CloudWatch alarms use the same). */
export const saturation = { cpu: 0.8, memory: 0.8, eventLoopLagSeconds: 0.5 } as const;

const workerReason =
  "the worker's tasks are replaced by ECS and a job they lose fails for good, which the video-jobs-failed alarm sees";

/** Every alert, with its CloudWatch counterpart on ECS: the one place their differences are written down. */
export const alertDefinitions: readonly AlertDefinition[] = [
  {
    name: 'ErrorBudgetBurnFast',
    scope: 'service',
    severity: 'page',
    meaning: '5xx answers spend the 30-day error budget within days',
    cloudWatch: { alarm: '{service}-5xx' },
  },
  {
    name: 'ErrorBudgetBurnSlow',
    scope: 'service',
    severity: 'ticket',
    meaning: '5xx answers spend the error budget faster than it refills',
    cloudWatch: {
      none: 'CloudWatch alarms evaluate one window of at most a day; the 5xx alarm pages on the fast burn only',
    },
  },
  {
    name: 'LatencyBudgetBurnFast',
    scope: 'service',
    severity: 'page',
    meaning: 'more than 1 % of requests slower than the objective, fast enough to page',
    cloudWatch: { alarm: '{service}-p99' },
  },
  {
    name: 'LatencyBudgetBurnSlow',
    scope: 'service',
    severity: 'ticket',
    meaning: 'requests slower than the objective spend the latency budget faster than it refills',
    cloudWatch: { none: 'as for ErrorBudgetBurnSlow: the p99 alarm covers the fast burn only' },
  },
  {
    name: 'CpuSaturated',
    scope: 'service',
    severity: 'ticket',
    meaning:
      "a service's replica uses most of its CPU limit for 15 minutes (workers render at their limit by design)",
    cloudWatch: { alarm: '{service}-cpu' },
  },
  {
    name: 'MemorySaturated',
    scope: 'deployable',
    severity: 'ticket',
    meaning: 'a replica holds most of its memory limit for 15 minutes',
    cloudWatch: {
      alarm: '{service}-memory',
      except: { 'video-worker': `no memory alarm on ECS: ${workerReason}` },
    },
  },
  {
    name: 'EventLoopLagHigh',
    scope: 'deployable',
    severity: 'ticket',
    meaning: "a replica's event loop is late by half a second at p99",
    cloudWatch: {
      none: 'ECS publishes no process metrics to CloudWatch; CPU saturation is the nearest alarm',
    },
  },
  {
    name: 'InstanceDown',
    scope: 'deployable',
    severity: 'page',
    meaning: 'Prometheus cannot scrape a replica for 5 minutes',
    cloudWatch: {
      alarm: '{service}-tasks-below-minimum',
      except: { 'video-worker': `no task-count alarm on ECS: ${workerReason}` },
    },
  },
  {
    name: 'ReplicaNotReady',
    scope: 'deployable',
    severity: 'ticket',
    meaning: 'a replica answers its readiness check with 503 for 10 minutes',
    cloudWatch: {
      alarm: '{service}-tasks-below-minimum',
      except: { 'video-worker': `no task-count alarm on ECS: ${workerReason}` },
    },
  },
  {
    name: 'ReadinessFlapping',
    scope: 'deployable',
    severity: 'ticket',
    meaning: "a replica's readiness keeps changing between ready and not ready",
    cloudWatch: {
      none: 'ECS replaces a task that fails its health checks; the tasks-below-minimum alarm sees the churn',
    },
  },
  {
    name: 'UpstreamCircuitOpen',
    scope: 'service',
    severity: 'page',
    meaning: 'a circuit breaker to another service stays open for 5 minutes',
    cloudWatch: { none: 'breaker state is a Prometheus metric only; the callers 5xx alarms fire on ECS' },
  },
  {
    name: 'StoreUnavailable',
    scope: 'service',
    severity: 'page',
    meaning: 'a service has answered requests 503 for 5 minutes because one of its stores does not answer',
    cloudWatch: {
      none: 'the count is a Prometheus metric only; on ECS the 5xx alarm fires and the log names the store',
    },
  },
  {
    name: 'ProviderCircuitOpen',
    scope: 'system',
    severity: 'ticket',
    meaning: "an AI provider's circuit breaker stays open for 10 minutes; generation falls back",
    cloudWatch: { none: 'breaker state is a Prometheus metric only; fallbacks keep generation answering' },
  },
  {
    name: 'VideoQueueBacklog',
    scope: 'system',
    severity: 'ticket',
    meaning: 'more video jobs wait than the workers at their maximum can take',
    cloudWatch: { alarm: 'video-queue-backlog' },
  },
  {
    name: 'VideoJobsFailing',
    scope: 'system',
    severity: 'ticket',
    meaning: 'video jobs fail after their retries',
    cloudWatch: { alarm: 'video-jobs-failed' },
  },
  {
    name: 'OutboxStuck',
    scope: 'service',
    severity: 'ticket',
    meaning:
      "an outbox's oldest item has waited past its limit for the receiver to acknowledge it (deletions and moderation decisions 5 minutes, reports and share signals 10)",
    cloudWatch: {
      // Every relay's backlog line feeds it (catalog outboxBacklogReport).
      alarm: '{service}-outbox-stuck',
      except: Object.fromEntries(
        services
          .filter((entry) => !outboxOwners().includes(entry.name))
          .map((entry) => [entry.name, 'keeps no outbox, so it has none to watch']),
      ),
    },
  },
  {
    name: 'LeaderboardsStale',
    scope: 'system',
    severity: 'ticket',
    meaning: "a user's leaderboard entries have lagged their points for 5 minutes: no replica refreshes them",
    cloudWatch: { none: "social's backlog gauges are Prometheus metrics only" },
  },
  {
    name: 'FanOutBacklog',
    scope: 'system',
    severity: 'ticket',
    meaning: "a wide author's post has not reached all its followers' following feeds within 15 minutes",
    cloudWatch: { none: "social's backlog gauges are Prometheus metrics only" },
  },
  {
    name: 'GaugeReadsFailing',
    scope: 'service',
    severity: 'ticket',
    meaning:
      'a gauge read from a store when scraped has failed or timed out for 10 minutes: the backlog alerts that read it (OutboxStuck, LeaderboardsStale, FanOutBacklog, VideoQueueBacklog) cannot see',
    cloudWatch: {
      none: "scrape-time reads are Prometheus's; on ECS the outbox-stuck alarm reads the relays' backlog log line, which does not go through a scrape",
    },
  },
];

/**
 * How far social's background work may fall behind before a person should look. A refresh
 * runs at once after each award, and marks another replica left wait for the next leaderboard
 * poll, or for the lease (60 s) of a replica that died holding one: 5 minutes behind means
 * no replica is refreshing. A fan-out writes 500 followers a page at 0.13-0.26 ms a follower
 * (services/social/README.md, "Measured"), so even a million followers take a few minutes:
 * 15 minutes means a job is stuck.
 */
export const socialBacklogAlerts = { staleBoardsSeconds: 300, fanOutSeconds: 900 } as const;

/**
 * CloudWatch alarms with no Prometheus alert, and why: what an ECS deployment watches that a
 * Kubernetes one leaves to the platform (`{service}`, `{node}` and `{colour}` stand for any).
 */
export const cloudWatchOnlyAlarms: readonly { alarm: string; reason: string }[] = [
  {
    alarm: 'unified-health',
    reason:
      'a canary through CloudFront asks the unified /health as users reach it; Kubernetes runs it as helm test',
  },
  {
    alarm: 'alb-5xx',
    reason: "the load balancer's own answers; on Kubernetes the ingress controller's metrics show them",
  },
  {
    alarm: '{service}-unhealthy-targets-{colour}',
    reason:
      "the ALB's view of the gateway per blue-green target group; ReplicaNotReady is the replica's own view",
  },
  {
    alarm: '{service}-deployment-{kind}',
    reason:
      'the blue-green bake alarms that roll a deployment back; Argo Rollouts analyses do this on Kubernetes',
  },
  {
    alarm: 'postgres-{kind}',
    reason:
      'RDS health (CPU, storage, memory) from CloudWatch; the services see a failing store as ReplicaNotReady',
  },
  {
    alarm: 'redis-{node}-{kind}',
    reason: 'ElastiCache health from CloudWatch; the services see a failing store as ReplicaNotReady',
  },
];

/** The deployables Prometheus scrapes: the services, and their workers, each with its limits. */
export function deployables() {
  return services.flatMap((entry) => [
    { job: entry.name, service: entry.name, resources: entry.resources, worker: false },
    ...(entry.workers ?? []).map((worker) => ({
      job: worker.name,
      service: entry.name,
      resources: worker.resources,
      worker: true,
    })),
  ]);
}

/** What one alert is raised about: each service, each deployable, or the system once. */
export function alertSubjects(alert: AlertDefinition): string[] {
  if (alert.scope === 'service') return services.map((entry) => entry.name);
  if (alert.scope === 'deployable') return deployables().map((deployable) => deployable.job);
  return ['system'];
}

function definition(name: string): AlertDefinition {
  const found = alertDefinitions.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`No alert definition named ${name}`);
  return found;
}

function alert(
  name: string,
  expr: string,
  options: { for?: string; labels?: Record<string, string>; summary: string; description: string },
): AlertingRule {
  return {
    alert: name,
    expr,
    ...(options.for ? { for: options.for } : {}),
    labels: { severity: definition(name).severity, ...options.labels },
    annotations: {
      summary: options.summary,
      description: options.description,
      runbook_url: runbookUrl(name),
    },
  };
}

/** A number as PromQL and people read it: 0.0144, not 0.014400000000000001. */
export function promNumber(value: number): string {
  return String(Number(value.toPrecision(6)));
}

/** A regex alternation of exact strings, as a PromQL raw string (backticks: no escape processing). */
function exactly(values: readonly string[]): string {
  return '`' + values.map((value) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|') + '`';
}

/** The kit labels server-sent event streams apart; how long someone watched is not latency. */
const notAStream = 'route!~".*[(]event stream[)]"';

/** Burn-rate windows: the long window decides, the short one makes the alert stop soon after the cause. */
export const burnRateAlerts = {
  fast: [
    { long: '1h', short: '5m', factor: 14.4 },
    { long: '6h', short: '30m', factor: 6 },
  ],
  slow: [
    { long: '1d', short: '2h', factor: 3 },
    { long: '3d', short: '6h', factor: 1 },
  ],
} as const;

export const burnRateWindows = ['5m', '30m', '1h', '2h', '6h', '1d', '3d'] as const;

/** The share of requests a latency objective lets exceed it: a p99 leaves 1 %. */
export const latencyBudget = 0.01;

export const recordedRatios = {
  errors: (window: string) => `service:http_request_errors:ratio_rate${window}`,
  slow: (window: string) => `service:http_request_slow:ratio_rate${window}`,
};

function errorRatio(window: string): RecordingRule {
  const count = 'http_request_duration_seconds_count';
  return {
    record: recordedRatios.errors(window),
    expr:
      `sum by (service) (rate(${count}{status_code=~"5.."}[${window}]))\n` +
      `/\nsum by (service) (rate(${count}[${window}]))`,
  };
}

/** Seconds, as the kit's histogram bucket bound of that objective (prom-client writes 0.3, 30). */
function bound(milliseconds: number): string {
  return String(milliseconds / 1000);
}

/**
 * The share of a service's requests slower than its objective. The gateway judges each proxied
 * request by the objective of the service it went to (its route label names the catalog rule),
 * and what it answers itself by its own.
 */
function slowRatio(name: ServiceName, window: string): RecordingRule {
  const bucket = 'http_request_duration_seconds_bucket';
  const own = services.find((entry) => entry.name === name)!;
  let fast: string;
  if (name === 'gateway') {
    const labelsByUpstream = new Map<ServiceName, string[]>();
    for (const rule of routeTable()) {
      const label = rule.exact ? rule.path : `${rule.path}/*`;
      labelsByUpstream.set(rule.service, [...(labelsByUpstream.get(rule.service) ?? []), label]);
    }
    const proxied = [...labelsByUpstream.values()].flat();
    const terms = [...labelsByUpstream.entries()].map(([upstream, labels]) => {
      const objective = services.find((entry) => entry.name === upstream)!.latency.p99Ms;
      return `rate(${bucket}{service="gateway",route=~${exactly(labels)},le="${bound(objective)}"}[${window}])`;
    });
    terms.push(
      `rate(${bucket}{service="gateway",route!~${exactly(proxied)},${notAStream},le="${bound(own.latency.p99Ms)}"}[${window}])`,
    );
    fast = `sum by (service) (\n  ${terms.join('\n  or\n  ')}\n)`;
  } else {
    fast = `sum by (service) (rate(${bucket}{service="${name}",${notAStream},le="${bound(own.latency.p99Ms)}"}[${window}]))`;
  }
  const all = `sum by (service) (rate(http_request_duration_seconds_count{service="${name}",${notAStream}}[${window}]))`;
  return {
    record: recordedRatios.slow(window),
    expr: `1 - (\n${fast}\n/\n${all}\n)`,
    labels: { service: name },
  };
}

function percent(share: number): string {
  return `${promNumber(share * 100)} %`;
}

function burnRateAlert(
  name: string,
  kind: 'errors' | 'slow',
  speed: 'fast' | 'slow',
  service: ServiceName,
  budget: number,
  what: string,
): AlertingRule {
  const conditions = burnRateAlerts[speed].map(({ long, short, factor }) => {
    const threshold = promNumber(factor * budget);
    const ratio = recordedRatios[kind];
    return `(\n  ${ratio(long)}{service="${service}"} > ${threshold}\n  and\n  ${ratio(short)}{service="${service}"} > ${threshold}\n)`;
  });
  const windows = burnRateAlerts[speed]
    .map(({ long, short, factor }) => `${factor}x over ${long} and ${short}`)
    .join(', or ');
  return alert(name, conditions.join('\nor\n'), {
    for: speed === 'fast' ? '2m' : '15m',
    labels: { service },
    summary: `${service}: ${what} burn the ${speed === 'fast' ? 'budget fast' : 'budget steadily'}`,
    description:
      `The share of ${service}'s ${what} exceeds its budget of ${percent(budget)} ${windows}. ` +
      (speed === 'fast'
        ? 'At this pace the 30-day budget is gone within days: users see it now.'
        : 'At this pace the 30-day budget runs out before the month does.'),
  });
}

function sloGroups(): PrometheusRuleGroup[] {
  const recording: RecordingRule[] = burnRateWindows.flatMap((window) => [
    errorRatio(window),
    ...services.map((entry) => slowRatio(entry.name, window)),
  ]);
  const alerts = services.flatMap((entry) => {
    const errorBudget = 1 - entry.latency.availability;
    const answers = `answers that are 5xx`;
    const slow = `requests slower than ${entry.latency.p99Ms} ms`;
    return [
      burnRateAlert('ErrorBudgetBurnFast', 'errors', 'fast', entry.name, errorBudget, answers),
      burnRateAlert('ErrorBudgetBurnSlow', 'errors', 'slow', entry.name, errorBudget, answers),
      burnRateAlert('LatencyBudgetBurnFast', 'slow', 'fast', entry.name, latencyBudget, slow),
      burnRateAlert('LatencyBudgetBurnSlow', 'slow', 'slow', entry.name, latencyBudget, slow),
    ];
  });
  return [
    { name: 'what-if-slo-ratios', rules: recording },
    { name: 'what-if-slo-alerts', rules: alerts },
  ];
}

function saturationGroup(): PrometheusRuleGroup {
  const rules = deployables().flatMap(({ job, resources, worker }) => {
    const cores = resources.cpu.limitMillicores / 1000;
    const bytes = resources.memory.limitMiB * 1024 * 1024;
    // A worker renders at its CPU limit by design: its saturation is the queue backlog.
    const cpu = worker
      ? []
      : [
          alert(
            'CpuSaturated',
            `sum by (job, instance) (rate(process_cpu_seconds_total{job="${job}"}[5m])) / ${promNumber(cores)} > ${promNumber(saturation.cpu)}`,
            {
              for: '15m',
              labels: { job },
              summary: `${job}: a replica uses over ${percent(saturation.cpu)} of its CPU limit`,
              description: `{{ $labels.instance }} of ${job} has used more than ${percent(saturation.cpu)} of its ${resources.cpu.limitMillicores}m CPU limit for 15 minutes; requests queue behind it.`,
            },
          ),
        ];
    return [
      ...cpu,
      alert(
        'MemorySaturated',
        `max by (job, instance) (process_resident_memory_bytes{job="${job}"}) / ${bytes} > ${promNumber(saturation.memory)}`,
        {
          for: '15m',
          labels: { job },
          summary: `${job}: a replica holds over ${percent(saturation.memory)} of its memory limit`,
          description: `{{ $labels.instance }} of ${job} has held more than ${percent(saturation.memory)} of its ${resources.memory.limitMiB} MiB memory limit for 15 minutes; at the limit it is killed.`,
        },
      ),
    ];
  });
  const jobs = exactly(deployables().map((deployable) => deployable.job));
  rules.push(
    alert(
      'EventLoopLagHigh',
      `max by (job, instance) (nodejs_eventloop_lag_p99_seconds{job=~${jobs}}) > ${saturation.eventLoopLagSeconds}`,
      {
        for: '10m',
        summary: '{{ $labels.job }}: the event loop of {{ $labels.instance }} lags',
        description: `The p99 event-loop delay of {{ $labels.instance }} ({{ $labels.job }}) has stayed above ${saturation.eventLoopLagSeconds} s for 10 minutes: every request on it waits that long before its handler runs.`,
      },
    ),
  );
  return { name: 'what-if-saturation', rules };
}

function availabilityGroup(): PrometheusRuleGroup {
  const jobs = exactly(deployables().map((deployable) => deployable.job));
  return {
    name: 'what-if-replicas',
    rules: [
      alert('InstanceDown', `up{job=~${jobs}} == 0`, {
        for: '5m',
        summary: '{{ $labels.job }}: {{ $labels.instance }} cannot be scraped',
        description:
          'Prometheus has not reached /metrics of {{ $labels.instance }} ({{ $labels.job }}) for 5 minutes: the replica is down, hung or unreachable.',
      }),
      alert('ReplicaNotReady', `max by (job, instance, service) (readiness_ready{job=~${jobs}}) == 0`, {
        for: '10m',
        summary: '{{ $labels.job }}: {{ $labels.instance }} has not been ready for 10 minutes',
        description:
          '{{ $labels.instance }} ({{ $labels.job }}) answers /health/ready with 503: a store it needs does not answer, so it gets no traffic.',
      }),
      alert(
        'ReadinessFlapping',
        `sum by (job, instance, service) (increase(readiness_changes_total{job=~${jobs}}[15m])) > 3`,
        {
          summary: '{{ $labels.job }}: the readiness of {{ $labels.instance }} flaps',
          description:
            "{{ $labels.instance }} ({{ $labels.job }}) changed between ready and not ready more than three times in 15 minutes: a store's answers hover around the readiness timeout, or the replica is starved.",
        },
      ),
    ],
  };
}

function dependencyGroup(): PrometheusRuleGroup {
  return {
    name: 'what-if-dependencies',
    rules: [
      alert('UpstreamCircuitOpen', 'max by (service, upstream) (upstream_circuit_state) >= 1', {
        for: '5m',
        summary: '{{ $labels.service }}: the breaker to {{ $labels.upstream }} is open',
        description:
          '{{ $labels.service }} has refused to call {{ $labels.upstream }} for 5 minutes (open or half-open): its calls failed or timed out. Whatever needs {{ $labels.upstream }} fails fast.',
      }),
      // Failures in every 2-minute window for 5 minutes: an outage, not a blip a retry got over.
      alert(
        'StoreUnavailable',
        'sum by (service, dependency) (increase(dependency_unavailable_total[2m])) > 0',
        {
          for: '5m',
          summary: '{{ $labels.service }}: {{ $labels.dependency }} does not answer',
          description:
            '{{ $labels.service }} has answered requests that need {{ $labels.dependency }} with 503 for 5 minutes: the store refuses connections, times out or fails. Its /health/ready names the store as down.',
        },
      ),
      alert('ProviderCircuitOpen', 'max by (service, provider) (generation_provider_circuit_state) >= 1', {
        for: '10m',
        summary: 'generation: the breaker to provider {{ $labels.provider }} is open',
        description:
          'The {{ $labels.provider }} provider failed often enough that generation has skipped it for 10 minutes; scenarios come from the next provider in GENERATION_PROVIDERS (the offline writer last).',
      }),
    ],
  };
}

/**
 * Every outbox past its own limit, in one rule: one comparison per limit over the outboxes that
 * share it (the kit's `outbox_oldest_age_seconds`, labelled with the catalog's outbox names).
 */
function outboxStuckExpression(): string {
  const byLimit = new Map<number, string[]>();
  for (const name of outboxNames) {
    const limit = outboxes[name].stuckAfterSeconds;
    byLimit.set(limit, [...(byLimit.get(limit) ?? []), name]);
  }
  return [...byLimit]
    .sort(([one], [other]) => one - other)
    .map(
      ([limit, names]) =>
        `max by (service, outbox) (outbox_oldest_age_seconds{outbox=~${exactly(names)}}) > ${limit}`,
    )
    .join(' or ');
}

function pipelineGroup(): PrometheusRuleGroup {
  const video = services.find((entry) => entry.name === 'video');
  const worker = video?.workers?.[0];
  const rules: AlertingRule[] = [];
  if (worker) {
    const capacity = worker.scaling.jobsPerReplica * worker.scaling.maxReplicas;
    rules.push(
      alert('VideoQueueBacklog', `max(video_queue_jobs{state="waiting"}) > ${capacity}`, {
        for: '10m',
        labels: { service: 'video' },
        summary: `video: more than ${capacity} jobs wait in the queue`,
        description: `More than ${capacity} video jobs (${worker.scaling.jobsPerReplica} per replica at the maximum of ${worker.scaling.maxReplicas} ${worker.name} replicas) have waited for 10 minutes: users wait longer and longer for their videos.`,
      }),
      alert('VideoJobsFailing', 'sum(increase(video_jobs_finished_total{status="failed"}[10m])) > 0', {
        labels: { service: 'video' },
        summary: 'video: jobs fail after their retries',
        description:
          'At least one video job failed for good in the last 10 minutes; its owner sees a failed video. The reason label of video_jobs_finished_total says why.',
      }),
    );
  }
  rules.push(
    alert('OutboxStuck', outboxStuckExpression(), {
      for: '1m',
      summary: '{{ $labels.service }}: the {{ $labels.outbox }} outbox is stuck',
      description: `The oldest item in the {{ $labels.outbox }} outbox of {{ $labels.service }} has waited past that outbox's limit for its receiver to acknowledge it (${outboxNames.map((name) => `${name} ${outboxes[name].stuckAfterSeconds / 60} min`).join(', ')}): a receiver is down or refuses it, and what it carries has not arrived.`,
    }),
  );
  rules.push(
    alert(
      'LeaderboardsStale',
      `max by (service) (social_leaderboard_stale_oldest_age_seconds) > ${socialBacklogAlerts.staleBoardsSeconds}`,
      {
        for: '5m',
        summary: '{{ $labels.service }}: leaderboards lag the points earned',
        description: `A user's leaderboard entries have been behind their points for more than ${socialBacklogAlerts.staleBoardsSeconds / 60} minutes: no replica refreshes them, so ranks and board points are out of date (each user's own points and level are right). social_leaderboard_stale_users counts the users waiting.`,
      },
    ),
    alert(
      'FanOutBacklog',
      `max by (service) (social_fanout_oldest_age_seconds) > ${socialBacklogAlerts.fanOutSeconds}`,
      {
        for: '5m',
        summary: "{{ $labels.service }}: a wide author's post is stuck on its way to followers",
        description: `A post of an author with more than 500 followers was published over ${socialBacklogAlerts.fanOutSeconds / 60} minutes ago and its background fan-out has not finished: followers past the first 500 do not see it in their following feed yet (social_fanout_followers_left counts them).`,
      },
    ),
    // The backlog gauges above show NaN while their read fails, which those alerts cannot tell
    // from a healthy backlog: this one says they are blind.
    alert('GaugeReadsFailing', 'sum by (service, read) (increase(metric_read_failures_total[5m])) > 0', {
      for: '10m',
      summary: '{{ $labels.service }}: the {{ $labels.read }} gauges cannot be read when scraped',
      description:
        "Reading {{ $labels.read }} for /metrics has failed or run past the scrape's 3 s for 10 minutes: its gauges show NaN, and the alerts on them (OutboxStuck, LeaderboardsStale, FanOutBacklog, VideoQueueBacklog) cannot fire. The rest of the replica's metrics still arrive.",
    }),
  );
  return { name: 'what-if-pipelines', rules };
}

/** Every rule group, in the order the rules file lists them. */
export function alertRuleGroups(): PrometheusRuleGroup[] {
  return [...sloGroups(), saturationGroup(), availabilityGroup(), dependencyGroup(), pipelineGroup()];
}

export function isAlertingRule(rule: PrometheusRule): rule is AlertingRule {
  return 'alert' in rule;
}
