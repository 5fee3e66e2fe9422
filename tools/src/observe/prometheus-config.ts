import { services } from '@what-if/catalog';
import { stringify } from 'yaml';

/** A deployable Prometheus scrapes, named as the catalog names it: the rules' `job` label. */
export interface ScrapeTarget {
  job: string;
  /** host:port of its /metrics. */
  address: string;
}

/** Every deployable of `make dev` on this machine: the seven services and the video worker, on the catalog's ports. */
export function devStackTargets(host = '127.0.0.1'): ScrapeTarget[] {
  return services.flatMap((entry) => [
    { job: entry.name, address: `${host}:${entry.port}` },
    ...(entry.workers ?? []).map((worker) => ({ job: worker.name, address: `${host}:${worker.port}` })),
  ]);
}

export interface PrometheusConfigOptions {
  targets: readonly ScrapeTarget[];
  /** Absolute path of observability/prometheus/rules.yml: the very rules production loads. */
  rulesFile: string;
  /** How often to scrape and evaluate; 15 s for a person watching, shorter in a test. */
  interval: string;
}

/**
 * A Prometheus configuration that scrapes each deployable as its own job, named after it, as
 * the chart's PodMonitor does in a cluster (`jobLabel: app.kubernetes.io/component`), so the
 * same rules see the same labels.
 */
export function renderPrometheusConfig(options: PrometheusConfigOptions): string {
  return stringify(
    {
      global: { scrape_interval: options.interval, evaluation_interval: options.interval },
      rule_files: [options.rulesFile],
      scrape_configs: options.targets.map((target) => ({
        job_name: target.job,
        metrics_path: '/metrics',
        static_configs: [{ targets: [target.address] }],
      })),
    },
    { lineWidth: 0 },
  );
}
