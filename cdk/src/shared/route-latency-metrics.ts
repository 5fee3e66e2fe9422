import type { EnvironmentName } from '../config/environment-config';
import type { MetricSpec } from './traffic-metrics';

/**
 * The public service's latency, route by route. The ALB's TargetResponseTime mixes every
 * route: a JSON-mode generation legitimately takes seconds (generation's objective is 30 s),
 * so its p99 against the gateway's 300 ms would fail, and roll back, every healthy release
 * that uses a real AI provider. These two counts come from the gateway's request log instead
 * (metric filters, cdk/src/services/route-latency.ts): requests it proxied, and those slower
 * than the p99 objective of the service that answered them. More than 1 % over is a p99 over
 * its objective, with each request judged by its own service's objective.
 */
export interface RouteLatencyMetrics {
  readonly routed: MetricSpec;
  readonly overObjective: MetricSpec;
}

/** At most this share of requests may exceed their objective: the 1 % a p99 leaves. */
export const overObjectiveThresholdPercent = 1;

export function routeLatencyMetrics(environment: EnvironmentName): RouteLatencyMetrics {
  // Metric filters cannot add a fixed dimension, so the environment is in the namespace.
  const namespace = `WhatIf/${environment}`;
  return {
    routed: { namespace, metricName: 'GatewayRoutedRequests', dimensions: {} },
    overObjective: { namespace, metricName: 'GatewayRoutedRequestsOverObjective', dimensions: {} },
  };
}
