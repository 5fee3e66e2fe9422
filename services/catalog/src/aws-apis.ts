import { configured } from './aws-resources';
import { service } from './services';
import { dynamoTableName } from './tables';
import type { AwsAccount, ConfiguredEnv, ServiceName } from './types';

/** One IAM statement a service's role needs: the calls it makes, on exactly what they touch. */
export interface AwsPermission {
  /** An IAM statement id: letters and digits. */
  sid: string;
  purpose: string;
  actions: readonly string[];
  resources: readonly string[];
}

const dynamoDataActions = [
  'dynamodb:BatchGetItem',
  'dynamodb:BatchWriteItem',
  'dynamodb:ConditionCheckItem',
  'dynamodb:DeleteItem',
  'dynamodb:DescribeTable',
  'dynamodb:GetItem',
  'dynamodb:PutItem',
  'dynamodb:Query',
  'dynamodb:Scan',
  'dynamodb:UpdateItem',
];

function ownTables(name: ServiceName, env: ConfiguredEnv, account: AwsAccount): AwsPermission[] {
  const tables = service(name).dynamoTables;
  if (tables.length === 0) return [];
  const region = configured(env, 'AWS_REGION');
  const prefix = env['DYNAMODB_TABLE_PREFIX'] ?? '';
  const resources = tables.flatMap((table) => {
    const tableArn = `arn:${account.partition}:dynamodb:${region}:${account.accountId}:table/${dynamoTableName(prefix, table.name)}`;
    return [tableArn, ...(table.globalIndexes ?? []).map((index) => `${tableArn}/index/${index.name}`)];
  });
  return [
    {
      sid: 'OwnTables',
      purpose: 'Read and write its own DynamoDB tables and their indexes',
      actions: dynamoDataActions,
      resources,
    },
  ];
}

/**
 * Every AWS permission a service needs when it runs with this configuration: its own DynamoDB
 * tables, and each of its `awsApis` that the configuration turns on, on the resources the
 * configuration names. ECS task roles are built from it; an IRSA or EKS Pod Identity role
 * policy can be built from it the same way. Resources may hold deployment tokens (the account).
 */
export function awsPermissions(name: ServiceName, env: ConfiguredEnv, account: AwsAccount): AwsPermission[] {
  const calls = service(name)
    .awsApis.filter((use) => use.usedWhen?.(env) ?? true)
    .map((use) => ({
      sid: use.sid,
      purpose: use.purpose,
      actions: use.actions,
      resources: use.resources(env, account),
    }));
  return [...ownTables(name, env, account), ...calls];
}
