import type { Duration } from 'aws-cdk-lib';
import { MathExpression, Metric } from 'aws-cdk-lib/aws-cloudwatch';
import type { MetricSpec } from './traffic-metrics';

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
