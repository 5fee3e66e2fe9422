import {
  alertRunbook,
  latencyBudget,
  services,
  socialBacklogAlerts,
  type ServiceEntry,
  type ServiceName,
  type WorkerEntry,
} from '@what-if/catalog';

/**
 * Grafana dashboards generated from the catalog: an overview, one per service, the SLOs, the
 * video pipeline and the edge. Every panel queries the metrics the services register and the
 * series the alert rules record; a test parses each query with promtool and checks every metric
 * name against the services' registries.
 */

export const grafanaDashboardsFolder = 'observability/grafana';

interface Query {
  expr: string;
  legend: string;
}

interface Panel {
  title: string;
  description?: string;
  kind: 'timeseries' | 'stat' | 'table';
  unit: string;
  queries: readonly Query[];
  /** A red line at the objective or limit. */
  threshold?: number;
  width?: number;
}

interface Row {
  title: string;
  panels: readonly Panel[];
}

export interface Dashboard {
  /** The file name under observability/grafana, and the dashboard's uid. */
  uid: string;
  title: string;
  description: string;
  rows: readonly Row[];
}

const rate = '$__rate_interval';

function q(expr: string, legend: string): Query {
  return { expr, legend };
}

function redRow(entry: ServiceEntry): Row {
  const on = `service="${entry.name}"`;
  return {
    title: 'Requests, errors, latency',
    panels: [
      {
        title: 'Requests per second by route',
        kind: 'timeseries',
        unit: 'reqps',
        queries: [
          q(`sum by (route) (rate(http_request_duration_seconds_count{${on}}[${rate}]))`, '{{route}}'),
        ],
      },
      {
        title: 'Share of 5xx answers',
        description: `The objective allows ${promPercent(1 - entry.latency.availability)} over 30 days.`,
        kind: 'timeseries',
        unit: 'percentunit',
        threshold: 1 - entry.latency.availability,
        queries: [
          q(
            `sum(rate(http_request_duration_seconds_count{${on},status_code=~"5.."}[${rate}])) / sum(rate(http_request_duration_seconds_count{${on}}[${rate}]))`,
            '5xx',
          ),
          q(
            `sum(rate(http_request_duration_seconds_count{${on},status_code=~"4.."}[${rate}])) / sum(rate(http_request_duration_seconds_count{${on}}[${rate}]))`,
            '4xx',
          ),
        ],
      },
      {
        title: `p99 latency by route (objective ${entry.latency.p99Ms} ms)`,
        description: 'Event streams are left out: their length is how long someone watched.',
        kind: 'timeseries',
        unit: 's',
        threshold: entry.latency.p99Ms / 1000,
        queries: [
          q(
            `histogram_quantile(0.99, sum by (route, le) (rate(http_request_duration_seconds_bucket{${on},route!~".*[(]event stream[)]"}[${rate}])))`,
            '{{route}}',
          ),
        ],
      },
    ],
  };
}

function resourceRow(job: string, resources: ServiceEntry['resources']): Row {
  const on = `job="${job}"`;
  return {
    title: `Saturation: ${job}`,
    panels: [
      {
        title: `CPU per replica (limit ${resources.cpu.limitMillicores}m)`,
        kind: 'timeseries',
        unit: 'short',
        threshold: resources.cpu.limitMillicores / 1000,
        queries: [q(`rate(process_cpu_seconds_total{${on}}[${rate}])`, '{{instance}}')],
      },
      {
        title: `Memory per replica (limit ${resources.memory.limitMiB} MiB)`,
        kind: 'timeseries',
        unit: 'bytes',
        threshold: resources.memory.limitMiB * 1024 * 1024,
        queries: [q(`process_resident_memory_bytes{${on}}`, '{{instance}}')],
      },
      {
        title: 'Event-loop lag p99',
        kind: 'timeseries',
        unit: 's',
        queries: [q(`nodejs_eventloop_lag_p99_seconds{${on}}`, '{{instance}}')],
      },
      {
        title: 'Replicas up and ready',
        kind: 'timeseries',
        unit: 'short',
        queries: [q(`sum(up{${on}})`, 'scraped'), q(`sum(readiness_ready{${on}})`, 'ready')],
      },
    ],
  };
}

function upstreamRow(entry: ServiceEntry): Row | undefined {
  if (entry.calls.length === 0) return undefined;
  const on = `service="${entry.name}"`;
  return {
    title: `Calls to ${entry.calls.join(', ')}`,
    panels: [
      {
        title: 'p99 latency by upstream',
        kind: 'timeseries',
        unit: 's',
        queries: [
          q(
            `histogram_quantile(0.99, sum by (upstream, le) (rate(upstream_request_duration_seconds_bucket{${on}}[${rate}])))`,
            '{{upstream}}',
          ),
        ],
      },
      {
        title: 'Calls by upstream and outcome',
        kind: 'timeseries',
        unit: 'reqps',
        queries: [
          q(
            `sum by (upstream, outcome) (rate(upstream_request_duration_seconds_count{${on}}[${rate}]))`,
            '{{upstream}} {{outcome}}',
          ),
        ],
      },
      {
        title: 'Circuit breakers (0 closed, 1 open, 2 half-open)',
        kind: 'timeseries',
        unit: 'short',
        queries: [q(`max by (upstream) (upstream_circuit_state{${on}})`, '{{upstream}}')],
      },
    ],
  };
}

/** What users feel of each service, beyond requests: its own business metrics. */
const domainRows: Partial<Record<ServiceName, Row>> = {
  gateway: {
    title: 'Edge decisions',
    panels: [
      {
        title: 'Rate-limit rejections by scope',
        kind: 'timeseries',
        unit: 'reqps',
        queries: [q(`sum by (scope) (rate(gateway_rate_limit_rejections_total[${rate}]))`, '{{scope}}')],
      },
    ],
  },
  user: {
    title: 'Sign-in',
    panels: [
      {
        title: 'Sign-ins refused for a wrong email or password',
        kind: 'timeseries',
        unit: 'reqps',
        queries: [q(`sum(rate(user_sign_in_failures_total[${rate}]))`, 'failures')],
      },
      {
        title: 'Lockouts started',
        kind: 'timeseries',
        unit: 'short',
        queries: [q(`sum by (scope) (increase(user_sign_in_lockouts_total[${rate}]))`, '{{scope}}')],
      },
    ],
  },
  generation: {
    title: 'Scenarios',
    panels: [
      {
        title: 'Scenarios by provider and outcome',
        kind: 'timeseries',
        unit: 'reqps',
        queries: [
          q(
            `sum by (provider, outcome) (rate(generation_duration_seconds_count[${rate}]))`,
            '{{provider}} {{outcome}}',
          ),
        ],
      },
      {
        title: 'Time to first streamed event, p50 and p95',
        kind: 'timeseries',
        unit: 's',
        queries: [
          q(
            `histogram_quantile(0.5, sum by (le) (rate(generation_first_event_seconds_bucket[${rate}])))`,
            'p50',
          ),
          q(
            `histogram_quantile(0.95, sum by (le) (rate(generation_first_event_seconds_bucket[${rate}])))`,
            'p95',
          ),
        ],
      },
      {
        title: 'Provider errors and fallbacks',
        kind: 'timeseries',
        unit: 'reqps',
        queries: [
          q(
            `sum by (provider, reason) (rate(generation_provider_errors_total[${rate}]))`,
            '{{provider}} {{reason}}',
          ),
          q(`sum by (from, to) (rate(generation_fallbacks_total[${rate}]))`, '{{from}} → {{to}}'),
        ],
      },
      {
        title: 'Provider breakers (0 closed, 1 open, 2 half-open)',
        kind: 'timeseries',
        unit: 'short',
        queries: [q('max by (provider) (generation_provider_circuit_state)', '{{provider}}')],
      },
      {
        title: 'Cache and quotas',
        kind: 'timeseries',
        unit: 'reqps',
        queries: [
          q(`sum by (result) (rate(generation_cache_requests_total[${rate}]))`, 'cache {{result}}'),
          q(
            `sum by (subject) (rate(generation_quota_rejections_total[${rate}]))`,
            'quota refused {{subject}}',
          ),
        ],
      },
    ],
  },
  history: {
    title: 'Scenarios kept',
    panels: [
      {
        title: 'Saves by outcome',
        kind: 'timeseries',
        unit: 'reqps',
        queries: [q(`sum by (outcome) (rate(history_scenario_saves_total[${rate}]))`, '{{outcome}}')],
      },
      {
        title: 'Summaries read per list page, p90',
        kind: 'timeseries',
        unit: 'short',
        queries: [
          q(
            `histogram_quantile(0.9, sum by (le) (rate(history_list_summaries_read_bucket[${rate}])))`,
            'p90',
          ),
        ],
      },
    ],
  },
  sharing: {
    title: 'Shares',
    panels: [
      {
        title: 'Share views by outcome',
        kind: 'timeseries',
        unit: 'reqps',
        queries: [q(`sum by (outcome) (rate(sharing_views_total[${rate}]))`, '{{outcome}}')],
      },
      {
        title: 'Reports and the report outbox',
        kind: 'timeseries',
        unit: 'short',
        queries: [
          q('max(outbox_pending{outbox="reports"})', 'pending'),
          q('max(outbox_oldest_age_seconds{outbox="reports"})', 'oldest (s)'),
          q(`sum by (outcome) (rate(outbox_deliveries_total{outbox="reports"}[${rate}]))`, '{{outcome}} /s'),
        ],
      },
      {
        title: "Views on their way to social's trending (signal outbox)",
        kind: 'timeseries',
        unit: 'short',
        queries: [
          q('max(outbox_pending{outbox="share-signals"})', 'shares waiting'),
          q('max(outbox_oldest_age_seconds{outbox="share-signals"})', 'oldest (s)'),
          q(
            `sum by (outcome) (rate(outbox_deliveries_total{outbox="share-signals"}[${rate}]))`,
            '{{outcome}} /s',
          ),
        ],
      },
    ],
  },
  social: {
    title: 'Feeds',
    panels: [
      {
        title: 'Feed latency p50 and p99 by feed',
        kind: 'timeseries',
        unit: 's',
        queries: [
          q(
            `histogram_quantile(0.5, sum by (route, le) (rate(http_request_duration_seconds_bucket{service="social",route=~"/api/v1/feed.*"}[${rate}])))`,
            'p50 {{route}}',
          ),
          q(
            `histogram_quantile(0.99, sum by (route, le) (rate(http_request_duration_seconds_bucket{service="social",route=~"/api/v1/feed.*"}[${rate}])))`,
            'p99 {{route}}',
          ),
        ],
      },
      {
        title: 'Leaderboards behind the points (refresh backlog)',
        description: `Users whose boards an award marked stale and no refresh has caught up with yet; LeaderboardsStale fires past ${socialBacklogAlerts.staleBoardsSeconds} s.`,
        kind: 'timeseries',
        unit: 'short',
        queries: [
          q('max(social_leaderboard_stale_users)', 'users waiting'),
          q('max(social_leaderboard_stale_oldest_age_seconds)', 'oldest (s)'),
        ],
      },
      {
        title: "Wide authors' fan-outs to following feeds",
        description: `Posts of authors with more than 500 followers still being written into followers' timelines; FanOutBacklog fires past ${socialBacklogAlerts.fanOutSeconds} s.`,
        kind: 'timeseries',
        unit: 'short',
        queries: [
          q('max(social_fanout_jobs_waiting)', 'jobs waiting'),
          q('max(social_fanout_oldest_age_seconds)', 'oldest (s)'),
          q('max(social_fanout_followers_left)', 'followers left'),
        ],
      },
    ],
  },
};

function videoRows(worker: WorkerEntry): Row[] {
  return [
    {
      title: 'Queue',
      panels: [
        {
          title: `Jobs by state (alert above ${worker.scaling.jobsPerReplica * worker.scaling.maxReplicas} waiting)`,
          kind: 'timeseries',
          unit: 'short',
          threshold: worker.scaling.jobsPerReplica * worker.scaling.maxReplicas,
          queries: [q('max by (state) (video_queue_jobs)', '{{state}}')],
        },
        {
          title: 'Requests by outcome',
          kind: 'timeseries',
          unit: 'reqps',
          queries: [q(`sum by (outcome) (rate(video_requests_total[${rate}]))`, '{{outcome}}')],
        },
      ],
    },
    {
      title: 'Renders',
      panels: [
        {
          title: 'Render time p50 and p90',
          kind: 'timeseries',
          unit: 's',
          queries: [
            q(`histogram_quantile(0.5, sum by (le) (rate(video_render_seconds_bucket[${rate}])))`, 'p50'),
            q(`histogram_quantile(0.9, sum by (le) (rate(video_render_seconds_bucket[${rate}])))`, 'p90'),
          ],
        },
        {
          title: 'Jobs finished by status and reason',
          kind: 'timeseries',
          unit: 'short',
          queries: [
            q(
              `sum by (status, reason) (increase(video_jobs_finished_total[${rate}]))`,
              '{{status}} {{reason}}',
            ),
            q(`sum(increase(video_jobs_requeued_total[${rate}]))`, 'requeued'),
          ],
        },
      ],
    },
    resourceRow(worker.name, worker.resources),
  ];
}

function promPercent(share: number): string {
  return `${Number((share * 100).toPrecision(6))} %`;
}

function serviceDashboard(entry: ServiceEntry): Dashboard {
  const rows = [
    redRow(entry),
    domainRows[entry.name],
    upstreamRow(entry),
    resourceRow(entry.name, entry.resources),
  ].filter((row): row is Row => row !== undefined);
  return {
    uid: `what-if-${entry.name}`,
    title: `What If / ${entry.name}`,
    description: `${entry.description}. Objectives: ${entry.latency.availability * 100} % without 5xx, p99 under ${entry.latency.p99Ms} ms.`,
    rows,
  };
}

function overview(): Dashboard {
  return {
    uid: 'what-if-overview',
    title: 'What If / overview',
    description: 'Every service at a glance; the alerts firing now link to runbooks/alerts.md.',
    rows: [
      {
        title: 'Now',
        panels: [
          {
            title: 'Alerts firing',
            description: `Each alert's runbook: ${alertRunbook}`,
            kind: 'table',
            unit: 'short',
            width: 24,
            queries: [q('ALERTS{alertstate="firing"}', '{{alertname}} {{service}} {{job}}')],
          },
        ],
      },
      {
        title: 'Services',
        panels: [
          {
            title: 'Requests per second',
            kind: 'timeseries',
            unit: 'reqps',
            queries: [
              q(`sum by (service) (rate(http_request_duration_seconds_count[${rate}]))`, '{{service}}'),
            ],
          },
          {
            title: 'Share of 5xx answers (5 minutes)',
            kind: 'timeseries',
            unit: 'percentunit',
            queries: [q('service:http_request_errors:ratio_rate5m', '{{service}}')],
          },
          {
            title: 'Share of requests slower than their objective (5 minutes)',
            kind: 'timeseries',
            unit: 'percentunit',
            threshold: latencyBudget,
            queries: [q('service:http_request_slow:ratio_rate5m', '{{service}}')],
          },
          {
            title: 'Replicas ready by deployable',
            kind: 'timeseries',
            unit: 'short',
            queries: [q('sum by (job) (readiness_ready)', '{{job}}')],
          },
        ],
      },
    ],
  };
}

function slos(): Dashboard {
  return {
    uid: 'what-if-slos',
    title: 'What If / SLOs',
    description:
      'Burn rates of the error and latency budgets (1 = spending the 30-day budget exactly in 30 days), from the recorded ratios of the alert rules.',
    rows: services.map((entry) => {
      const errorBudget = 1 - entry.latency.availability;
      const on = `{service="${entry.name}"}`;
      return {
        title: `${entry.name}: ${entry.latency.availability * 100} % without 5xx, p99 under ${entry.latency.p99Ms} ms`,
        panels: [
          {
            title: 'Error budget burn rate',
            kind: 'timeseries',
            unit: 'short',
            threshold: 14.4,
            queries: ['5m', '1h', '6h', '1d'].map((window) =>
              q(
                `service:http_request_errors:ratio_rate${window}${on} / ${errorBudget.toPrecision(3)}`,
                window,
              ),
            ),
          },
          {
            title: 'Latency budget burn rate',
            kind: 'timeseries',
            unit: 'short',
            threshold: 14.4,
            queries: ['5m', '1h', '6h', '1d'].map((window) =>
              q(`service:http_request_slow:ratio_rate${window}${on} / ${latencyBudget}`, window),
            ),
          },
          {
            title: 'Error budget left over 30 days',
            kind: 'stat',
            unit: 'percentunit',
            queries: [
              q(
                `1 - (sum(increase(http_request_duration_seconds_count{service="${entry.name}",status_code=~"5.."}[30d])) / sum(increase(http_request_duration_seconds_count{service="${entry.name}"}[30d]))) / ${errorBudget.toPrecision(3)}`,
                'left',
              ),
            ],
          },
        ],
      };
    }),
  };
}

function videoPipeline(): Dashboard | undefined {
  const worker = services.find((entry) => entry.name === 'video')?.workers?.[0];
  if (!worker) return undefined;
  return {
    uid: 'what-if-video-pipeline',
    title: 'What If / video pipeline',
    description: `${worker.description}. It scales on the queue: ${worker.scaling.jobsPerReplica} waiting jobs per replica, ${worker.scaling.minReplicas}-${worker.scaling.maxReplicas} replicas.`,
    rows: videoRows(worker),
  };
}

function edge(): Dashboard {
  const gateway = services.find((entry) => entry.name === 'gateway')!;
  return {
    uid: 'what-if-edge',
    title: 'What If / edge',
    description: 'The gateway: what reaches it, what it refuses, and how the services behind it answer.',
    rows: [
      {
        title: 'Traffic',
        panels: [
          {
            title: 'Requests by status',
            kind: 'timeseries',
            unit: 'reqps',
            queries: [
              q(
                `sum by (status_code) (rate(http_request_duration_seconds_count{service="gateway"}[${rate}]))`,
                '{{status_code}}',
              ),
            ],
          },
          {
            title: 'Rate-limit rejections by scope',
            kind: 'timeseries',
            unit: 'reqps',
            queries: [q(`sum by (scope) (rate(gateway_rate_limit_rejections_total[${rate}]))`, '{{scope}}')],
          },
          {
            title: 'p99 latency by route (each judged by its own service objective)',
            kind: 'timeseries',
            unit: 's',
            queries: [
              q(
                `histogram_quantile(0.99, sum by (route, le) (rate(http_request_duration_seconds_bucket{service="gateway",route!~".*[(]event stream[)]"}[${rate}])))`,
                '{{route}}',
              ),
            ],
          },
        ],
      },
      upstreamRow(gateway)!,
    ],
  };
}

/** Every dashboard, by file name. */
export function grafanaDashboards(): Dashboard[] {
  return [overview(), slos(), edge(), ...services.map(serviceDashboard), videoPipeline()].filter(
    (dashboard): dashboard is Dashboard => dashboard !== undefined,
  );
}

/** Every PromQL expression of a dashboard, for the test that parses and checks them. */
export function dashboardQueries(dashboard: Dashboard): string[] {
  return dashboard.rows.flatMap((row) =>
    row.panels.flatMap((panel) => panel.queries.map((query) => query.expr)),
  );
}

/** The dashboard as Grafana imports it (schema 39): a datasource variable, rows, 8-wide panels. */
export function renderGrafanaDashboard(dashboard: Dashboard): string {
  const datasource = { type: 'prometheus', uid: '${datasource}' };
  const panels: unknown[] = [];
  let id = 1;
  let y = 0;
  for (const row of dashboard.rows) {
    panels.push({
      id: id++,
      type: 'row',
      title: row.title,
      collapsed: false,
      gridPos: { h: 1, w: 24, x: 0, y },
      panels: [],
    });
    y += 1;
    let x = 0;
    for (const panel of row.panels) {
      const width = panel.width ?? 8;
      if (x + width > 24) {
        x = 0;
        y += 8;
      }
      panels.push({
        id: id++,
        type: panel.kind,
        title: panel.title,
        ...(panel.description ? { description: panel.description } : {}),
        datasource,
        gridPos: { h: 8, w: width, x, y },
        fieldConfig: {
          defaults: {
            unit: panel.unit,
            ...(panel.threshold !== undefined
              ? {
                  thresholds: {
                    mode: 'absolute',
                    steps: [
                      { color: 'green', value: null },
                      { color: 'red', value: panel.threshold },
                    ],
                  },
                  custom: { thresholdsStyle: { mode: 'line' } },
                }
              : {}),
          },
          overrides: [],
        },
        options: {},
        targets: panel.queries.map((query, index) => ({
          refId: String.fromCharCode(65 + index),
          datasource,
          expr: query.expr,
          legendFormat: query.legend,
          ...(panel.kind === 'table' ? { instant: true, format: 'table' } : { range: true }),
        })),
      });
      x += width;
    }
    y += 8;
  }
  return `${JSON.stringify(
    {
      uid: dashboard.uid,
      title: dashboard.title,
      description: dashboard.description,
      tags: ['what-if', 'generated'],
      schemaVersion: 39,
      editable: false,
      time: { from: 'now-6h', to: 'now' },
      refresh: '30s',
      templating: {
        list: [
          { name: 'datasource', label: 'Prometheus', type: 'datasource', query: 'prometheus', current: {} },
        ],
      },
      annotations: { list: [] },
      panels,
    },
    null,
    2,
  )}\n`;
}
