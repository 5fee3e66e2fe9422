import type { Duration } from 'aws-cdk-lib';
import { MathExpression, Metric, type IMetric } from 'aws-cdk-lib/aws-cloudwatch';
import type { ServiceEntry } from '@what-if/catalog';
import { overObjectiveThresholdPercent } from './route-latency-metrics';
import type { LatencyMeasure, MetricSpec } from './traffic-metrics';

export function metricOf(spec: MetricSpec, statistic: string, period: Duration): Metric {
  return new Metric({
    namespace: spec.namespace,
    metricName: spec.metricName,
    dimensionsMap: { ...spec.dimensions },
    statistic,
    period,
  });
}

/** 5xx responses as a percentage of requests; no traffic is no error. */
export function errorRatePercent(requests: MetricSpec, errors: MetricSpec, period: Duration): MathExpression {
  return new MathExpression({
    expression: 'IF(requests > 0, 100 * FILL(errors, 0) / requests, 0)',
    usingMetrics: {
      requests: metricOf(requests, 'Sum', period),
      errors: metricOf(errors, 'Sum', period),
    },
    label: '5xx %',
    period,
  });
}

/** What a latency alarm compares, and the value past which the objective is missed. */
export interface LatencyAlarmMetric {
  readonly metric: IMetric;
  readonly threshold: number;
  /** How the alarm describes the comparison. */
  readonly meaning: string;
  /** A graph's title for the metric. */
  readonly title: string;
}

export function latencyAlarmMetric(
  entry: ServiceEntry,
  latency: LatencyMeasure,
  period: Duration,
): LatencyAlarmMetric {
  if (latency.kind === 'p99') {
    return {
      metric: metricOf(latency.responseTime, 'p99', period),
      threshold: entry.latency.p99Ms / latency.unitMs,
      meaning: `p99 latency above the catalog objective of ${entry.latency.p99Ms} ms`,
      title: `p99 latency (objective ${entry.latency.p99Ms} ms)`,
    };
  }
  return {
    metric: new MathExpression({
      expression: 'IF(routed > 0, 100 * FILL(overObjective, 0) / routed, 0)',
      usingMetrics: {
        routed: metricOf(latency.routes.routed, 'Sum', period),
        overObjective: metricOf(latency.routes.overObjective, 'Sum', period),
      },
      label: '% over their objective',
      period,
    }),
    threshold: overObjectiveThresholdPercent,
    meaning: `more than ${overObjectiveThresholdPercent} % of routed requests slower than the p99 objective of the service that answered them`,
    title: `% of requests slower than their service's objective (at most ${overObjectiveThresholdPercent})`,
  };
}
