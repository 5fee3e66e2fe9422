import { routeTable, service, type ServiceName } from '@what-if/catalog';
import { FilterPattern, MetricFilter, type ILogGroup } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { RouteLatencyMetrics } from '../shared/route-latency-metrics';

export interface RouteLatencyFiltersProps {
  /** The public service's log group: one JSON line per request (services/kit requestLogging). */
  readonly logGroup: ILogGroup;
  readonly metrics: RouteLatencyMetrics;
}

/** A request log line of the gateway, and the service it handed the request to. */
function requestTo(upstream: ServiceName) {
  return [
    FilterPattern.stringValue('$.msg', '=', 'request'),
    FilterPattern.stringValue('$.upstream', '=', upstream),
  ];
}

/**
 * Two metric filters per service behind the gateway: every request proxied to it, and every one
 * that took longer than its catalog p99 objective (generation's 30 s, the user service's 500 ms).
 * Each request is judged by the service that answered it; the gateway's probes, metrics and
 * unrouted paths are not user traffic and count in neither.
 */
export class RouteLatencyFilters extends Construct {
  constructor(scope: Construct, id: string, props: RouteLatencyFiltersProps) {
    super(scope, id);
    const upstreams = [...new Set(routeTable().map((rule) => rule.service))].sort();
    for (const upstream of upstreams) {
      const objectiveMs = service(upstream).latency.p99Ms;
      new MetricFilter(this, `${upstream}Routed`, {
        logGroup: props.logGroup,
        filterPattern: FilterPattern.all(...requestTo(upstream)),
        metricNamespace: props.metrics.routed.namespace,
        metricName: props.metrics.routed.metricName,
        metricValue: '1',
      });
      new MetricFilter(this, `${upstream}OverObjective`, {
        logGroup: props.logGroup,
        filterPattern: FilterPattern.all(
          ...requestTo(upstream),
          FilterPattern.numberValue('$.durationMs', '>', objectiveMs),
        ),
        metricNamespace: props.metrics.overObjective.namespace,
        metricName: props.metrics.overObjective.metricName,
        metricValue: '1',
      });
    }
  }
}
