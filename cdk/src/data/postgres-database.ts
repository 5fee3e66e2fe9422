import { storePorts, storeSecretKeys } from '@what-if/catalog';
import { Duration, Fn, SecretValue, Validations } from 'aws-cdk-lib';
import { InstanceType, SubnetType, type ISecurityGroup, type IVpc } from 'aws-cdk-lib/aws-ec2';
import { Secret as ContainerSecret } from 'aws-cdk-lib/aws-ecs';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import {
  CaCertificate,
  Credentials,
  DatabaseInstance,
  DatabaseInstanceEngine,
  DatabaseInstanceReadReplica,
  DatabaseSecret,
  ParameterGroup,
  PostgresEngineVersion,
  StorageType,
} from 'aws-cdk-lib/aws-rds';
import { HostedRotation, Secret, type ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import type { EnvironmentConfig } from '../config/environment-config';
import { resourcePrefix, secretName } from '../config/naming';
import { dataRemovalPolicy, databaseRemovalPolicy } from '../config/removal-policy';

export interface PostgresDatabaseProps {
  readonly config: EnvironmentConfig;
  readonly vpc: IVpc;
  readonly securityGroup: ISecurityGroup;
  readonly rotationSecurityGroup: ISecurityGroup;
  readonly encryptionKey: IKey;
}

const databaseName = 'whatif';
const ownerName = 'whatif';
/** The major version compose runs locally; RDS applies minor versions itself. */
const engineVersion = PostgresEngineVersion.of('16', '16');

/**
 * RDS PostgreSQL and how the services connect to it. Credentials are generated into Secrets
 * Manager and rotated; DATABASE_URL (its own secret) carries host, port, database and TLS
 * mode but no credential, and PGUSER/PGPASSWORD come from the rotated secret's fields: node-postgres
 * reads them when the URL has none, so a rotation never leaves a stale copy of the password behind.
 */
export class PostgresDatabase extends Construct {
  readonly instance: DatabaseInstance;
  readonly credentials: ISecret;
  readonly connectionUrl: Secret;
  /** ECS secrets every service that declares the postgres store receives. */
  readonly containerSecrets: Readonly<Record<string, ContainerSecret>>;

  constructor(scope: Construct, id: string, props: PostgresDatabaseProps) {
    super(scope, id);
    const { config, vpc, encryptionKey } = props;
    const instanceIdentifier = resourcePrefix(config.name);
    const logRetention = config.observability.logRetention;

    const logGroups = ['postgresql', 'upgrade'].map(
      (log) =>
        new LogGroup(this, `${log}Log`, {
          logGroupName: `/aws/rds/instance/${instanceIdentifier}/${log}`,
          retention: logRetention,
          removalPolicy: dataRemovalPolicy(config),
        }),
    );

    const credentialsSecret = new DatabaseSecret(this, 'Credentials', {
      username: ownerName,
      secretName: secretName(config.name, storeSecretKeys.postgresCredentials),
    });
    credentialsSecret.applyRemovalPolicy(dataRemovalPolicy(config));

    this.instance = new DatabaseInstance(this, 'Instance', {
      instanceIdentifier,
      engine: DatabaseInstanceEngine.postgres({ version: engineVersion }),
      instanceType: new InstanceType(config.database.instanceType),
      vpc,
      vpcSubnets: { subnetType: SubnetType.PRIVATE_ISOLATED },
      securityGroups: [props.securityGroup],
      port: storePorts.postgres,
      databaseName,
      credentials: Credentials.fromSecret(credentialsSecret),
      multiAz: config.database.multiAz,
      storageType: StorageType.GP3,
      allocatedStorage: config.database.allocatedStorageGiB,
      maxAllocatedStorage: config.database.maxAllocatedStorageGiB,
      storageEncrypted: true,
      storageEncryptionKey: encryptionKey,
      backupRetention: Duration.days(config.database.backupRetentionDays),
      deleteAutomatedBackups: !config.retainData,
      deletionProtection: config.database.deletionProtection,
      removalPolicy: databaseRemovalPolicy(config),
      autoMinorVersionUpgrade: true,
      copyTagsToSnapshot: true,
      caCertificate: CaCertificate.RDS_CA_RSA2048_G1,
      cloudwatchLogsExports: ['postgresql', 'upgrade'],
      parameterGroup: new ParameterGroup(this, 'Parameters', {
        engine: DatabaseInstanceEngine.postgres({ version: engineVersion }),
        description: 'What If: TLS only, slow statements logged',
        parameters: { 'rds.force_ssl': '1', log_min_duration_statement: '1000' },
      }),
    });
    for (const logGroup of logGroups) this.instance.node.addDependency(logGroup);
    Validations.of(this.instance).acknowledge(
      {
        id: 'AwsSolutions-RDS11',
        reason:
          'The security group admits only the services that declare PostgreSQL; a non-default port hides nothing from them and breaks every tool default',
      },
      {
        id: 'AwsSolutions-RDS6',
        reason:
          'The services authenticate with rotated Secrets Manager credentials; node-postgres cannot refresh IAM tokens',
      },
    );
    if (!config.database.multiAz) {
      Validations.of(this.instance).acknowledge({
        id: 'AwsSolutions-RDS3',
        reason: `${config.name} runs single-AZ to save cost; prod is Multi-AZ (asserted by the tests)`,
      });
    }
    if (!config.database.deletionProtection) {
      Validations.of(this.instance).acknowledge({
        id: 'AwsSolutions-RDS10',
        reason: `${config.name} can be torn down and rebuilt without a console step; prod has deletion protection (asserted by the tests)`,
      });
    }

    const credentials = this.instance.secret;
    if (!credentials) throw new Error('The database instance was created without its generated secret');
    this.credentials = credentials;
    credentials.addRotationSchedule('Rotation', {
      automaticallyAfter: Duration.days(config.database.credentialRotationDays),
      hostedRotation: HostedRotation.postgreSqlSingleUser({
        vpc,
        vpcSubnets: { subnetType: SubnetType.PRIVATE_WITH_EGRESS },
        securityGroups: [props.rotationSecurityGroup],
      }),
    });

    if (config.database.readReplica) {
      new DatabaseInstanceReadReplica(this, 'ReadReplica', {
        sourceDatabaseInstance: this.instance,
        instanceType: new InstanceType(config.database.instanceType),
        vpc,
        vpcSubnets: { subnetType: SubnetType.PRIVATE_ISOLATED },
        securityGroups: [props.securityGroup],
        // Encryption and its key are the source's; RDS refuses them on a replica.
        deletionProtection: config.database.deletionProtection,
        removalPolicy: dataRemovalPolicy(config),
        autoMinorVersionUpgrade: true,
        caCertificate: CaCertificate.RDS_CA_RSA2048_G1,
      });
    }

    // No credential inside, so the template may spell it out. TLS is required by the server;
    // no-verify because the images do not carry the RDS CA bundle yet (cdk/README.md).
    this.connectionUrl = new Secret(this, 'ConnectionUrl', {
      secretName: secretName(config.name, storeSecretKeys.postgresUrl),
      description:
        'DATABASE_URL without credentials; PGUSER and PGPASSWORD come from the rotated credentials secret',
      secretStringValue: SecretValue.unsafePlainText(
        Fn.join('', [
          'postgresql://',
          this.instance.dbInstanceEndpointAddress,
          ':',
          this.instance.dbInstanceEndpointPort,
          `/${databaseName}?sslmode=no-verify`,
        ]),
      ),
    });
    Validations.of(this.connectionUrl).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'Holds only host, port and database name; the credentials it is used with rotate in their own secret',
    });

    this.containerSecrets = {
      DATABASE_URL: ContainerSecret.fromSecretsManager(this.connectionUrl),
      PGUSER: ContainerSecret.fromSecretsManager(credentials, 'username'),
      PGPASSWORD: ContainerSecret.fromSecretsManager(credentials, 'password'),
    };
  }
}
