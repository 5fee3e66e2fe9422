import { services } from '@what-if/catalog';
import { Duration } from 'aws-cdk-lib';
import {
  AlarmStatusWidget,
  Dashboard,
  GraphWidget,
  TextWidget,
  type Alarm,
  type IWidget,
} from 'aws-cdk-lib/aws-cloudwatch';
import { Construct } from 'constructs';
import type { EnvironmentConfig } from '../config/environment-config';
import { resourcePrefix } from '../config/naming';
import { errorRatePercent, latencyAlarmMetric, metricOf } from '../shared/metric-factory';
import {
  runningTasks,
  serviceUtilization,
  trafficMetrics,
  type TrafficSource,
} from '../shared/traffic-metrics';
import { redisNodeIds } from './store-alarms';

export interface OperationsDashboardProps {
  readonly config: EnvironmentConfig;
  readonly sourceOf: (service: (typeof services)[number]) => TrafficSource;
  readonly alarms: readonly Alarm[];
}

/** One dashboard per environment: alarm states first, then a row per catalog service, then the stores. */
export class OperationsDashboard extends Construct {
  readonly dashboard: Dashboard;

  constructor(scope: Construct, id: string, props: OperationsDashboardProps) {
    super(scope, id);
    const { config } = props;
    const minute = Duration.minutes(1);
    this.dashboard = new Dashboard(this, 'Dashboard', {
      dashboardName: resourcePrefix(config.name),
      defaultInterval: Duration.hours(3),
    });
    this.dashboard.addWidgets(
      new AlarmStatusWidget({ title: 'Alarms', alarms: [...props.alarms], width: 24, height: 6 }),
    );

    for (const entry of services) {
      const source = props.sourceOf(entry);
      const traffic = trafficMetrics(entry, source);
      const latency = latencyAlarmMetric(entry, traffic.latency, minute);
      const row: IWidget[] = [
        new TextWidget({ markdown: `### ${entry.name}\n${entry.description}`, width: 4, height: 6 }),
        new GraphWidget({
          title: `${entry.name}: requests and 5xx %`,
          left: [metricOf(traffic.requests, 'Sum', minute)],
          right: [errorRatePercent(traffic.requests, traffic.serverErrors, minute)],
          width: 5,
        }),
        new GraphWidget({
          title: `${entry.name}: ${latency.title}`,
          left: [latency.metric],
          leftAnnotations: [{ value: latency.threshold, label: 'objective' }],
          width: 5,
        }),
        new GraphWidget({
          title: `${entry.name}: CPU and memory %`,
          left: [
            metricOf(serviceUtilization(source, 'CPUUtilization'), 'Average', minute),
            metricOf(serviceUtilization(source, 'MemoryUtilization'), 'Average', minute),
          ],
          width: 5,
        }),
        new GraphWidget({
          title: `${entry.name}: running tasks (${entry.scaling.minReplicas}-${entry.scaling.maxReplicas})`,
          left: [metricOf(runningTasks(source), 'Average', minute)],
          width: 5,
        }),
      ];
      this.dashboard.addWidgets(...row);
    }

    const database = { DBInstanceIdentifier: resourcePrefix(config.name) };
    this.dashboard.addWidgets(
      new GraphWidget({
        title: 'PostgreSQL: CPU % and connections',
        left: [
          metricOf(
            { namespace: 'AWS/RDS', metricName: 'CPUUtilization', dimensions: database },
            'Average',
            minute,
          ),
        ],
        right: [
          metricOf(
            { namespace: 'AWS/RDS', metricName: 'DatabaseConnections', dimensions: database },
            'Maximum',
            minute,
          ),
        ],
        width: 12,
      }),
      new GraphWidget({
        title: 'Redis: engine CPU % and memory %',
        left: redisNodeIds(config).map((node) =>
          metricOf(
            {
              namespace: 'AWS/ElastiCache',
              metricName: 'EngineCPUUtilization',
              dimensions: { CacheClusterId: node },
            },
            'Average',
            minute,
          ),
        ),
        right: redisNodeIds(config).map((node) =>
          metricOf(
            {
              namespace: 'AWS/ElastiCache',
              metricName: 'DatabaseMemoryUsagePercentage',
              dimensions: { CacheClusterId: node },
            },
            'Maximum',
            minute,
          ),
        ),
        width: 12,
      }),
    );
  }
}
