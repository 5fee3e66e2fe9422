import { service as catalogService, type ServiceName, type StoreKind } from '@what-if/catalog';
import { CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import type { IVpc } from 'aws-cdk-lib/aws-ec2';
import type { Secret as ContainerSecret } from 'aws-cdk-lib/aws-ecs';
import { Key } from 'aws-cdk-lib/aws-kms';
import type { Construct } from 'constructs';
import type { EnvironmentConfig } from '../config/environment-config';
import { resourcePrefix } from '../config/naming';
import { dataRemovalPolicy } from '../config/removal-policy';
import { eksImports } from '../eks/eks-exports';
import type { ReachabilityGroups } from '../network/reachability-groups';
import { LogBucket } from '../shared/log-bucket';
import { ApplicationSecrets } from './application-secrets';
import { DynamoTables } from './dynamo-tables';
import { PostgresDatabase } from './postgres-database';
import { RedisCache } from './redis-cache';
import { VideoBucket } from './video-bucket';

export interface DataStackProps extends StackProps {
  readonly config: EnvironmentConfig;
  readonly vpc: IVpc;
  readonly groups: ReachabilityGroups;
}

/**
 * Everything stateful: PostgreSQL, Redis, the DynamoDB tables, the video bucket, their key,
 * and every secret the services read.
 */
export class DataStack extends Stack {
  readonly encryptionKey: Key;
  readonly postgres: PostgresDatabase;
  readonly redis: RedisCache;
  readonly tables: DynamoTables;
  readonly videoBucket: VideoBucket;
  readonly applicationSecrets: ApplicationSecrets;

  constructor(scope: Construct, id: string, props: DataStackProps) {
    super(scope, id, props);
    const { config, vpc, groups } = props;

    this.encryptionKey = new Key(this, 'DataKey', {
      alias: `${resourcePrefix(config.name)}/data`,
      description: 'What If data at rest: RDS, ElastiCache, DynamoDB and the video bucket',
      enableKeyRotation: true,
      removalPolicy: dataRemovalPolicy(config),
      pendingWindow: Duration.days(30),
    });

    // A named export, kept whether or not an EKS stack imports it (cdk/src/eks/eks-exports.ts).
    new CfnOutput(this, 'DataKeyArn', {
      value: this.encryptionKey.keyArn,
      exportName: eksImports.dataKeyArn(config.name),
    });

    this.postgres = new PostgresDatabase(this, 'Postgres', {
      config,
      vpc,
      securityGroup: groups.stores.postgres,
      rotationSecurityGroup: groups.databaseRotation,
      encryptionKey: this.encryptionKey,
    });
    this.redis = new RedisCache(this, 'Redis', {
      config,
      vpc,
      securityGroup: groups.stores.redis,
      encryptionKey: this.encryptionKey,
    });
    this.tables = new DynamoTables(this, 'Tables', { config, encryptionKey: this.encryptionKey });

    const accessLogs = new LogBucket(this, 'AccessLogs', {
      removalPolicy: dataRemovalPolicy(config),
      expireAfterDays: config.observability.logRetention,
    });
    this.videoBucket = new VideoBucket(this, 'Videos', {
      config,
      encryptionKey: this.encryptionKey,
      accessLogs: accessLogs.bucket,
    });
    this.applicationSecrets = new ApplicationSecrets(this, 'ApplicationSecrets', {
      config,
      providedByStores: (service) => new Set(Object.keys(this.storeSecretsOf(service))),
    });
  }

  /** Every ECS secret a service receives: its stores' connection secrets and its application secrets. */
  containerSecretsOf(service: ServiceName): Readonly<Record<string, ContainerSecret>> {
    return { ...this.storeSecretsOf(service), ...this.applicationSecrets.containerSecretsFor(service) };
  }

  /** The connection secrets of a service's stores (none for DynamoDB: its task role suffices). */
  private storeSecretsOf(service: ServiceName): Record<string, ContainerSecret> {
    const secretsByStore: Record<StoreKind, Readonly<Record<string, ContainerSecret>>> = {
      postgres: this.postgres.containerSecrets,
      redis: this.redis.containerSecrets,
      dynamodb: {},
    };
    return Object.assign({}, ...catalogService(service).stores.map((store) => secretsByStore[store]));
  }

  tablesOf(service: ServiceName) {
    return this.tables.tablesOf(service);
  }
}
