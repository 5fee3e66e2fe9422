import { storePorts, storeSecretKeys } from '@what-if/catalog';
import { Fn, SecretValue, Token, Validations } from 'aws-cdk-lib';
import { SubnetType, type ISecurityGroup, type IVpc } from 'aws-cdk-lib/aws-ec2';
import { Secret as ContainerSecret } from 'aws-cdk-lib/aws-ecs';
import { CfnParameterGroup, CfnReplicationGroup, CfnSubnetGroup } from 'aws-cdk-lib/aws-elasticache';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import type { EnvironmentConfig } from '../config/environment-config';
import { resourcePrefix, secretName } from '../config/naming';
import { dataRemovalPolicy } from '../config/removal-policy';

export interface RedisCacheProps {
  readonly config: EnvironmentConfig;
  readonly vpc: IVpc;
  readonly securityGroup: ISecurityGroup;
  readonly encryptionKey: IKey;
}

/**
 * ElastiCache Redis (one shard, replicas per environment), TLS and AUTH required, and
 * REDIS_URL as a secret of its own: rediss://:<token>@<primary endpoint>:<port>, assembled
 * by CloudFormation from the generated token, so the token is never in the template.
 */
export class RedisCache extends Construct {
  readonly replicationGroup: CfnReplicationGroup;
  readonly authToken: Secret;
  readonly connectionUrl: Secret;
  readonly containerSecrets: Readonly<Record<string, ContainerSecret>>;

  constructor(scope: Construct, id: string, props: RedisCacheProps) {
    super(scope, id);
    const { config, encryptionKey } = props;
    const rotationReason =
      'An ElastiCache AUTH token changes in two phases (ROTATE, then SET) on the replication group, which Secrets Manager rotation cannot drive; cdk/README.md gives the rotation procedure';

    this.authToken = new Secret(this, 'AuthToken', {
      secretName: secretName(config.name, storeSecretKeys.redisAuthToken),
      description: 'Redis AUTH token',
      // ElastiCache accepts printable ASCII except a few symbols; letters and digits also keep the URL plain.
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
      removalPolicy: dataRemovalPolicy(config),
    });
    Validations.of(this.authToken).acknowledge({ id: 'AwsSolutions-SMG4', reason: rotationReason });

    const subnetGroup = new CfnSubnetGroup(this, 'Subnets', {
      description: 'What If Redis: isolated subnets',
      subnetIds: props.vpc.selectSubnets({ subnetType: SubnetType.PRIVATE_ISOLATED }).subnetIds,
    });
    // BullMQ (the video queue) loses jobs if Redis evicts keys; caches expire by TTL instead.
    const parameters = new CfnParameterGroup(this, 'Parameters', {
      cacheParameterGroupFamily: 'redis7',
      description: 'What If Redis: never evict',
      properties: { 'maxmemory-policy': 'noeviction' },
    });
    const slowLog = new LogGroup(this, 'SlowLog', {
      retention: config.observability.logRetention,
      removalPolicy: dataRemovalPolicy(config),
    });

    this.replicationGroup = new CfnReplicationGroup(this, 'ReplicationGroup', {
      replicationGroupId: resourcePrefix(config.name),
      replicationGroupDescription: `What If ${config.name} Redis`,
      engine: 'redis',
      engineVersion: '7.1',
      cacheNodeType: config.redis.nodeType,
      numCacheClusters: 1 + config.redis.replicas,
      automaticFailoverEnabled: config.redis.multiAz,
      multiAzEnabled: config.redis.multiAz,
      port: storePorts.redis,
      cacheSubnetGroupName: subnetGroup.ref,
      securityGroupIds: [props.securityGroup.securityGroupId],
      cacheParameterGroupName: parameters.ref,
      transitEncryptionEnabled: true,
      transitEncryptionMode: 'required',
      atRestEncryptionEnabled: true,
      kmsKeyId: encryptionKey.keyArn,
      authToken: this.authToken.secretValue.unsafeUnwrap(),
      snapshotRetentionLimit: config.redis.snapshotRetentionDays,
      autoMinorVersionUpgrade: true,
      logDeliveryConfigurations: [
        {
          destinationType: 'cloudwatch-logs',
          logFormat: 'json',
          logType: 'slow-log',
          destinationDetails: { cloudWatchLogsDetails: { logGroup: slowLog.logGroupName } },
        },
      ],
    });
    this.replicationGroup.applyRemovalPolicy(dataRemovalPolicy(config));
    Validations.of(this.replicationGroup).acknowledge({
      id: 'AwsSolutions-AEC5',
      reason:
        'The security group admits only the services that declare Redis; a non-default port hides nothing from them and breaks every client default',
    });
    if (!config.redis.multiAz) {
      Validations.of(this.replicationGroup).acknowledge({
        id: 'AwsSolutions-AEC4',
        reason: `${config.name} runs one Redis node to save cost; staging and prod are Multi-AZ with automatic failover`,
      });
    }

    this.connectionUrl = new Secret(this, 'ConnectionUrl', {
      secretName: secretName(config.name, storeSecretKeys.redisUrl),
      description: 'REDIS_URL: TLS, the AUTH token and the primary endpoint',
      secretStringValue: SecretValue.unsafePlainText(
        Fn.join('', [
          'rediss://:',
          this.authToken.secretValue.unsafeUnwrap(),
          '@',
          this.replicationGroup.attrPrimaryEndPointAddress,
          ':',
          Token.asString(this.replicationGroup.attrPrimaryEndPointPort),
        ]),
      ),
    });
    Validations.of(this.connectionUrl).acknowledge({ id: 'AwsSolutions-SMG4', reason: rotationReason });

    this.containerSecrets = { REDIS_URL: ContainerSecret.fromSecretsManager(this.connectionUrl) };
  }
}
