import { Duration, Size } from 'aws-cdk-lib';
import { ComparisonOperator, TreatMissingData, type Alarm } from 'aws-cdk-lib/aws-cloudwatch';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import type { EnvironmentConfig } from '../config/environment-config';
import { prefixedName, resourcePrefix } from '../config/naming';
import { metricOf } from '../shared/metric-factory';
import { notifyingAlarm } from './alarm-factory';

export interface StoreAlarmsProps {
  readonly config: EnvironmentConfig;
  readonly topic: ITopic;
}

/** The ElastiCache node ids of a cluster-mode-disabled replication group: <group>-001, -002, ... */
export function redisNodeIds(config: EnvironmentConfig): string[] {
  return Array.from(
    { length: 1 + config.redis.replicas },
    (_, index) => `${resourcePrefix(config.name)}-${String(index + 1).padStart(3, '0')}`,
  );
}

/** PostgreSQL and Redis health: CPU, memory and storage running out before the services notice. */
export class StoreAlarms extends Construct {
  readonly alarms: readonly Alarm[];

  constructor(scope: Construct, id: string, props: StoreAlarmsProps) {
    super(scope, id);
    const { config, topic } = props;
    const fiveMinutes = Duration.minutes(5);
    const database = { DBInstanceIdentifier: resourcePrefix(config.name) };
    const rds = (metricName: string) => ({ namespace: 'AWS/RDS', metricName, dimensions: database });
    const sustained = {
      evaluationPeriods: 3,
      datapointsToAlarm: 3,
      treatMissingData: TreatMissingData.BREACHING,
    };

    const postgres = [
      notifyingAlarm(this, 'PostgresCpu', topic, {
        alarmName: prefixedName(config.name, 'postgres-cpu'),
        alarmDescription: 'PostgreSQL CPU above 80 % for 15 minutes',
        metric: metricOf(rds('CPUUtilization'), 'Average', fiveMinutes),
        threshold: 80,
        comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
        ...sustained,
      }),
      notifyingAlarm(this, 'PostgresStorage', topic, {
        alarmName: prefixedName(config.name, 'postgres-free-storage'),
        alarmDescription:
          'PostgreSQL has less than 10 % of its allocated storage free (autoscaling ceiling near?)',
        metric: metricOf(rds('FreeStorageSpace'), 'Minimum', fiveMinutes),
        threshold: Size.gibibytes(config.database.allocatedStorageGiB).toBytes() * 0.1,
        comparisonOperator: ComparisonOperator.LESS_THAN_THRESHOLD,
        ...sustained,
      }),
      notifyingAlarm(this, 'PostgresMemory', topic, {
        alarmName: prefixedName(config.name, 'postgres-freeable-memory'),
        alarmDescription: 'PostgreSQL has less than 128 MiB of freeable memory',
        metric: metricOf(rds('FreeableMemory'), 'Minimum', fiveMinutes),
        threshold: Size.mebibytes(128).toBytes(),
        comparisonOperator: ComparisonOperator.LESS_THAN_THRESHOLD,
        ...sustained,
      }),
    ];

    const redis = redisNodeIds(config).flatMap((node) => {
      const metric = (metricName: string) => ({
        namespace: 'AWS/ElastiCache',
        metricName,
        dimensions: { CacheClusterId: node },
      });
      return [
        notifyingAlarm(this, `RedisCpu${node}`, topic, {
          alarmName: prefixedName(config.name, 'redis', node.split('-').pop() ?? node, 'engine-cpu'),
          alarmDescription: `Redis node ${node}: engine CPU above 80 % (Redis runs commands on one thread)`,
          metric: metricOf(metric('EngineCPUUtilization'), 'Average', fiveMinutes),
          threshold: 80,
          comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
          ...sustained,
        }),
        notifyingAlarm(this, `RedisMemory${node}`, topic, {
          alarmName: prefixedName(config.name, 'redis', node.split('-').pop() ?? node, 'memory'),
          alarmDescription: `Redis node ${node}: memory above 80 %; Redis never evicts (the video queue), so writes fail when it is full`,
          metric: metricOf(metric('DatabaseMemoryUsagePercentage'), 'Maximum', fiveMinutes),
          threshold: 80,
          comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
          ...sustained,
        }),
      ];
    });
    this.alarms = [...postgres, ...redis];
  }
}
