import type { ServiceEntry } from '@what-if/catalog';
import type { RouteLatencyMetrics } from './route-latency-metrics';

/** A CloudWatch metric by name, usable by alarms, dashboards and Application Auto Scaling alike. */
export interface MetricSpec {
  readonly namespace: string;
  readonly metricName: string;
  readonly dimensions: Readonly<Record<string, string>>;
}

/**
 * How a service's latency is held to its objective: the p99 of one service's own response
 * time, or, for the public service that fronts them all, the share of requests slower than
 * the objective of the service that answered each.
 */
export type LatencyMeasure =
  | { readonly kind: 'p99'; readonly responseTime: MetricSpec; readonly unitMs: number }
  | { readonly kind: 'share-over-objective'; readonly routes: RouteLatencyMetrics };

export interface TrafficMetrics {
  readonly requests: MetricSpec;
  readonly serverErrors: MetricSpec;
  /** For graphs: the whole load balancer's for the public service. */
  readonly responseTime: MetricSpec;
  /** ALB reports seconds, Service Connect milliseconds. */
  readonly responseTimeUnitMs: number;
  /** What latency alarms watch. */
  readonly latency: LatencyMeasure;
}

export interface TrafficSource {
  readonly clusterName: string;
  readonly serviceName: string;
  /** The ALB's full name, for the public service; internal services are measured by Service Connect. */
  readonly loadBalancerFullName?: string;
  /** The public service's route-by-route latency counts. */
  readonly routeLatency?: RouteLatencyMetrics;
}

/**
 * Where a service's request metrics come from: the ALB for the public service (summed over
 * both blue-green target groups, so a deployment never breaks the series), Service
 * Connect's inbound metrics for the internal ones.
 */
export function trafficMetrics(entry: ServiceEntry, source: TrafficSource): TrafficMetrics {
  if (entry.public) {
    if (!source.loadBalancerFullName || !source.routeLatency) {
      throw new Error(`${entry.name} is public but has no load balancer or route latency metrics`);
    }
    const dimensions = { LoadBalancer: source.loadBalancerFullName };
    return {
      requests: { namespace: 'AWS/ApplicationELB', metricName: 'RequestCount', dimensions },
      serverErrors: { namespace: 'AWS/ApplicationELB', metricName: 'HTTPCode_Target_5XX_Count', dimensions },
      responseTime: { namespace: 'AWS/ApplicationELB', metricName: 'TargetResponseTime', dimensions },
      responseTimeUnitMs: 1000,
      latency: { kind: 'share-over-objective', routes: source.routeLatency },
    };
  }
  const dimensions = {
    ClusterName: source.clusterName,
    ServiceName: source.serviceName,
    DiscoveryName: entry.name,
  };
  const responseTime = { namespace: 'AWS/ECS', metricName: 'TargetResponseTime', dimensions };
  return {
    requests: { namespace: 'AWS/ECS', metricName: 'RequestCount', dimensions },
    serverErrors: { namespace: 'AWS/ECS', metricName: 'HTTPCode_Target_5XX_Count', dimensions },
    responseTime,
    responseTimeUnitMs: 1,
    latency: { kind: 'p99', responseTime, unitMs: 1 },
  };
}

/** Tasks running now (Container Insights), the denominator of per-task request rates. */
export function runningTasks(source: TrafficSource): MetricSpec {
  return {
    namespace: 'ECS/ContainerInsights',
    metricName: 'RunningTaskCount',
    dimensions: { ClusterName: source.clusterName, ServiceName: source.serviceName },
  };
}

/** ECS service utilisation, what CPU and memory alarms watch. */
export function serviceUtilization(
  source: TrafficSource,
  metricName: 'CPUUtilization' | 'MemoryUtilization',
): MetricSpec {
  return {
    namespace: 'AWS/ECS',
    metricName,
    dimensions: { ClusterName: source.clusterName, ServiceName: source.serviceName },
  };
}
