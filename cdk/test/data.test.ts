import { dynamoTableName, services } from '@what-if/catalog';
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { buildWhatIf } from '../src/app';
import { environments } from '../src/config/environments';
import { featureFlags, synthesized, testImageTag } from './support/synthesized';
import { onlyResource, resourcesOfType } from './support/template-queries';

const prod = synthesized('prod');
const dev = synthesized('dev');

const declaredTables = services.flatMap((entry) => entry.dynamoTables);

describe.each([
  ['dev', dev],
  ['prod', prod],
] as const)('%s DynamoDB', (name, environment) => {
  const tables = Object.values(resourcesOfType(environment.templates.data, 'AWS::DynamoDB::Table'));

  test('has exactly the tables the catalog declares, under the environment prefix', () => {
    const names = tables.map((table) => table.Properties.TableName).sort();
    expect(names).toEqual(
      declaredTables.map((table) => dynamoTableName(`whatif-${name}-`, table.name)).sort(),
    );
  });

  test('every table has point-in-time recovery and customer-managed encryption', () => {
    for (const table of tables) {
      expect(table.Properties.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
      expect(table.Properties.SSESpecification).toEqual(
        expect.objectContaining({ SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: expect.anything() }),
      );
    }
  });

  test("keys, indexes and TTL are the catalog's", () => {
    for (const declared of declaredTables) {
      const table = tables.find(
        (candidate) => candidate.Properties.TableName === dynamoTableName(`whatif-${name}-`, declared.name),
      )!;
      const keySchema = [
        { AttributeName: declared.partitionKey.name, KeyType: 'HASH' },
        ...(declared.sortKey ? [{ AttributeName: declared.sortKey.name, KeyType: 'RANGE' }] : []),
      ];
      expect(table.Properties.KeySchema).toEqual(keySchema);
      const indexes = (table.Properties.GlobalSecondaryIndexes ?? []) as Array<{
        IndexName: string;
        KeySchema: unknown;
      }>;
      expect(indexes.map((index) => index.IndexName).sort()).toEqual(
        (declared.globalIndexes ?? []).map((index) => index.name).sort(),
      );
      expect(table.Properties.TimeToLiveSpecification).toEqual(
        declared.ttlAttribute ? { AttributeName: declared.ttlAttribute, Enabled: true } : undefined,
      );
    }
  });
});

test('prod tables are protected from deletion and autoscale their provisioned capacity', () => {
  const capacity = environments.prod.dynamo.capacity;
  if (capacity.mode !== 'provisioned') throw new Error('prod is expected to provision DynamoDB capacity');
  for (const table of Object.values(resourcesOfType(prod.templates.data, 'AWS::DynamoDB::Table'))) {
    expect(table.Properties.DeletionProtectionEnabled).toBe(true);
  }
  prod.templates.data.resourceCountIs('AWS::DynamoDB::Table', declaredTables.length);
  const readTargets = Object.values(
    resourcesOfType(prod.templates.data, 'AWS::ApplicationAutoScaling::ScalableTarget'),
  ).filter((target) => target.Properties.ScalableDimension === 'dynamodb:table:ReadCapacityUnits');
  expect(readTargets).toHaveLength(declaredTables.length);
  for (const target of readTargets) {
    expect(target.Properties).toEqual(
      expect.objectContaining({ MinCapacity: capacity.read.min, MaxCapacity: capacity.read.max }),
    );
  }
});

test('dev tables are on demand and may be deleted with the stack', () => {
  for (const table of Object.values(resourcesOfType(dev.templates.data, 'AWS::DynamoDB::Table'))) {
    expect(table.Properties.BillingMode).toBe('PAY_PER_REQUEST');
  }
  dev.templates.data.resourceCountIs('AWS::ApplicationAutoScaling::ScalableTarget', 0);
});

test('prod PostgreSQL is Multi-AZ, encrypted, backed up for 30 days, protected and snapshotted on delete', () => {
  prod.templates.data.hasResource('AWS::RDS::DBInstance', {
    Properties: Match.objectLike({
      MultiAZ: true,
      StorageEncrypted: true,
      DeletionProtection: true,
      BackupRetentionPeriod: 30,
      PubliclyAccessible: false,
      EnableCloudwatchLogsExports: ['postgresql', 'upgrade'],
    }),
    DeletionPolicy: 'Snapshot',
    UpdateReplacePolicy: 'Snapshot',
  });
});

test('dev PostgreSQL is single-AZ and disposable', () => {
  dev.templates.data.hasResourceProperties('AWS::RDS::DBInstance', {
    MultiAZ: false,
    DeletionProtection: false,
  });
});

test('PostgreSQL accepts TLS connections only', () => {
  prod.templates.data.hasResourceProperties('AWS::RDS::DBParameterGroup', {
    Parameters: Match.objectLike({ 'rds.force_ssl': '1' }),
  });
});

test('prod Redis fails over automatically across AZs; dev runs one node', () => {
  const group = (template: typeof prod.templates.data) =>
    onlyResource(template, 'AWS::ElastiCache::ReplicationGroup', () => true).Properties;
  expect(group(prod.templates.data)).toEqual(
    expect.objectContaining({ MultiAZEnabled: true, AutomaticFailoverEnabled: true, NumCacheClusters: 3 }),
  );
  expect(group(dev.templates.data)).toEqual(
    expect.objectContaining({ MultiAZEnabled: false, AutomaticFailoverEnabled: false, NumCacheClusters: 1 }),
  );
});

test('Redis never evicts keys, so the video queue cannot lose jobs', () => {
  prod.templates.data.hasResourceProperties('AWS::ElastiCache::ParameterGroup', {
    Properties: { 'maxmemory-policy': 'noeviction' },
  });
});

test('the video bucket is private, encrypted with the data key, TLS-only and ages its objects', () => {
  const bucket = onlyResource(prod.templates.data, 'AWS::S3::Bucket', (resource) =>
    JSON.stringify(resource.Properties.BucketName ?? '').includes('-videos-'),
  );
  expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual({
    BlockPublicAcls: true,
    BlockPublicPolicy: true,
    IgnorePublicAcls: true,
    RestrictPublicBuckets: true,
  });
  expect(JSON.stringify(bucket.Properties.BucketEncryption)).toContain('aws:kms');
  expect(JSON.stringify(bucket.Properties.LifecycleConfiguration)).toContain('INTELLIGENT_TIERING');
  prod.templates.data.hasResourceProperties('AWS::S3::BucketPolicy', {
    PolicyDocument: {
      Statement: Match.arrayWith([
        Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
      ]),
    },
  });
});

test.each([
  ['dev', dev],
  ['prod', prod],
] as const)(
  "%s video bucket answers the web app's origin over CORS, for reads only, so the player loads captions from presigned links",
  (name, environment) => {
    const bucket = onlyResource(environment.templates.data, 'AWS::S3::Bucket', (resource) =>
      JSON.stringify(resource.Properties.BucketName ?? '').includes('-videos-'),
    );
    expect(bucket.Properties.CorsConfiguration).toEqual({
      CorsRules: [
        {
          AllowedOrigins: [`https://${environments[name].domain.siteDomain}`],
          AllowedMethods: ['GET', 'HEAD'],
          AllowedHeaders: ['Range'],
          ExposedHeaders: ['Accept-Ranges', 'Content-Length', 'Content-Range', 'ETag'],
          MaxAge: 3600,
        },
      ],
    });
  },
);

test('the read replica option adds a replica of the (encrypted) database', () => {
  const app = new App({ context: featureFlags() });
  const config = { ...environments.dev, database: { ...environments.dev.database, readReplica: true } };
  const { data } = buildWhatIf(app, { config, imageTag: testImageTag, eks: false });
  const template = Template.fromStack(data);
  template.resourceCountIs('AWS::RDS::DBInstance', 2);
  template.hasResourceProperties('AWS::RDS::DBInstance', {
    SourceDBInstanceIdentifier: Match.anyValue(),
    PubliclyAccessible: false,
  });
  dev.templates.data.resourceCountIs('AWS::RDS::DBInstance', 1);
});
