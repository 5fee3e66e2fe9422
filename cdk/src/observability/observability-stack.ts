import { services, type ServiceEntry } from '@what-if/catalog';
import { Stack, type StackProps } from 'aws-cdk-lib';
import type { Alarm } from 'aws-cdk-lib/aws-cloudwatch';
import type { Construct } from 'constructs';
import { publicEntry } from '../catalog/reachability';
import type { EnvironmentConfig } from '../config/environment-config';
import { prefixedName, clusterName, resourcePrefix } from '../config/naming';
import { dataRemovalPolicy } from '../config/removal-policy';
import type { EdgeStack } from '../edge/edge-stack';
import { LogBucket } from '../shared/log-bucket';
import { routeLatencyMetrics } from '../shared/route-latency-metrics';
import type { TrafficSource } from '../shared/traffic-metrics';
import { AlertTopic } from './alert-topic';
import { CostBudget } from './cost-budget';
import { OperationsDashboard } from './dashboard';
import { keepsOutbox } from './outbox-backlog-metric';
import { outboxStuckAlarm } from './outbox-stuck-alarm';
import { EdgeAlarms } from './edge-alarms';
import { ServiceAlarms } from './service-alarms';
import { StoreAlarms } from './store-alarms';
import { UnifiedHealthCanary } from './unified-health-canary';
import { videoJobAlarm } from './video-job-alarm';
import { videoJobsFailed } from './video-job-metric';
import { videoQueueAlarm } from './video-queue-alarm';

export interface ObservabilityStackProps extends StackProps {
  readonly config: EnvironmentConfig;
  readonly edge: EdgeStack;
}

/**
 * Alarms, the alert topic, the unified-health canary, the dashboard and the cost budget. Services and stores
 * are measured by their predictable names (cluster, service, database, cache nodes), so this
 * stack depends on the others only for the load balancer's generated names.
 */
export class ObservabilityStack extends Stack {
  readonly alarms: readonly Alarm[];
  readonly serviceAlarms: Readonly<Record<string, ServiceAlarms>>;

  constructor(scope: Construct, id: string, props: ObservabilityStackProps) {
    super(scope, id, props);
    const { config, edge } = props;
    const removalPolicy = dataRemovalPolicy(config);
    const { topic } = new AlertTopic(this, 'Alerts', {
      topicName: prefixedName(config.name, 'alerts'),
      removalPolicy,
      ...(config.observability.alertEmail ? { email: config.observability.alertEmail } : {}),
    });

    const sourceOf = (entry: ServiceEntry): TrafficSource => ({
      clusterName: clusterName(config.name),
      serviceName: entry.name,
      ...(entry.public
        ? {
            loadBalancerFullName: edge.loadBalancer.loadBalancerFullName,
            routeLatency: routeLatencyMetrics(config.name),
          }
        : {}),
    });
    this.serviceAlarms = Object.fromEntries(
      services.map((entry) => [
        entry.name,
        new ServiceAlarms(this, `${entry.name}Alarms`, { config, entry, source: sourceOf(entry), topic }),
      ]),
    );
    const edgeAlarms = new EdgeAlarms(this, 'EdgeAlarms', {
      config,
      serviceName: publicEntry().name,
      loadBalancer: edge.loadBalancer,
      targetGroups: { blue: edge.targetGroups.blue, green: edge.targetGroups.green },
      topic,
    });
    const storeAlarms = new StoreAlarms(this, 'StoreAlarms', { config, topic });
    const accessLogs = new LogBucket(this, 'AccessLogs', {
      removalPolicy,
      expireAfterDays: config.observability.logRetention,
    });
    const health = new UnifiedHealthCanary(this, 'UnifiedHealth', {
      canaryName: `${resourcePrefix(config.name)}-health`,
      alarmName: prefixedName(config.name, 'unified-health'),
      // Through CloudFront, as every client: the ALB admits nothing else.
      url: `https://${config.domain.siteDomain}/health`,
      everyMinutes: config.observability.healthCanaryEveryMinutes,
      topic,
      accessLogs: accessLogs.bucket,
      removalPolicy,
    });

    this.alarms = [
      health.alarm,
      ...Object.values(this.serviceAlarms).flatMap((set) => set.alarms),
      ...edgeAlarms.alarms,
      ...storeAlarms.alarms,
      ...(services.some((entry) => entry.name === videoJobsFailed.publisher)
        ? [videoJobAlarm(this, config, topic), videoQueueAlarm(this, config, topic)]
        : []),
      ...services.filter(keepsOutbox).map((entry) => outboxStuckAlarm(this, config, entry, topic)),
    ];
    new OperationsDashboard(this, 'Operations', { config, sourceOf, alarms: this.alarms });
    new CostBudget(this, 'Cost', {
      budgetName: prefixedName(config.name, 'monthly-cost'),
      environment: config.name,
      monthlyUsd: config.cost.monthlyBudgetUsd,
      topic,
    });
  }
}
