import { CfnResource, Stack, Validations } from 'aws-cdk-lib';
import { CfnManagedPolicy, CfnPolicy, CfnRole } from 'aws-cdk-lib/aws-iam';
import { flattenCfnReference } from 'cdk-nag/lib/utils/flatten-cfn-reference';
import type { IConstruct } from 'constructs';

interface PolicyStatementJson {
  Effect?: string;
  Action?: string | string[];
  Resource?: unknown;
}

/** Actions IAM cannot scope to a resource: granting them on "*" is the only way. */
const actionsWithoutResourceScope = new Set([
  'ecr:GetAuthorizationToken',
  'ssmmessages:CreateControlChannel',
  'ssmmessages:CreateDataChannel',
  'ssmmessages:OpenControlChannel',
  'ssmmessages:OpenDataChannel',
  'xray:PutTraceSegments',
  'xray:PutTelemetryRecords',
  'xray:GetSamplingRules',
  'xray:GetSamplingTargets',
  'xray:GetSamplingStatisticSummaries',
  'cloudwatch:PutMetricData',
  's3:ListAllMyBuckets',
  'logs:CreateLogDelivery',
  'logs:GetLogDelivery',
  'logs:UpdateLogDelivery',
  'logs:DeleteLogDelivery',
  'logs:ListLogDeliveries',
  'logs:PutResourcePolicy',
  'logs:DescribeResourcePolicies',
  'logs:DescribeLogGroups',
  'ec2:DescribeManagedPrefixLists',
  'elasticloadbalancing:DescribeRules',
]);

interface AcceptedWildcard {
  /** The flattened resource, as cdk-nag prints it after Resource::. */
  readonly resource: RegExp;
  /** Every statement granting the resource must pass this. */
  readonly accepts: (actions: readonly string[]) => boolean;
  readonly reason: string;
}

const objectActions = /^s3:(GetObject|PutObject|DeleteObject|AbortMultipartUpload)\w*$/;

/** One ARN segment as cdk-nag flattens it: literal text or a <Pseudo::Parameter>. */
const arnSegment = '(?:<[^>]+>|[^:<>]*)';

/**
 * The only wildcard resources this app grants, each with the reason a reviewer accepts. A
 * wildcard outside this list, or one of these with an action it does not expect, stays a
 * cdk-nag error and fails synthesis and the tests.
 */
export const acceptedWildcards: readonly AcceptedWildcard[] = [
  {
    resource: /^\*$/,
    accepts: (actions) => actions.every((action) => actionsWithoutResourceScope.has(action)),
    reason:
      'Only actions that IAM cannot scope to a resource are granted on "*": ECR login, ECS Exec channels, X-Ray, PutMetricData (limited by a namespace condition where ours), Step Functions log delivery, Synthetics bucket listing, the CloudFront prefix-list lookup, reading listener rules',
  },
  {
    resource: new RegExp(`^(arn:${arnSegment}:s3:::[^/*]+|<[A-Za-z0-9]+\\.Arn>)/\\*$`),
    accepts: (actions) => actions.every((action) => objectActions.test(action)),
    reason: 'Object actions inside one named bucket: object keys exist only at run time',
  },
  {
    resource: new RegExp(`^arn:${arnSegment}:logs:${arnSegment}:${arnSegment}:log-group:[^*:]+:\\*$`),
    accepts: (actions) => actions.every((action) => action.startsWith('logs:')),
    reason: 'The log streams of one named log group: stream names exist only at run time',
  },
  {
    resource: /^<[A-Za-z0-9]+\.Arn>:\*$/,
    accepts: (actions) => actions.every((action) => action === 'lambda:InvokeFunction'),
    reason:
      'Invoking the versions and aliases of one named function: the role ECS assumes to run the deployment lifecycle hook',
  },
  {
    resource: new RegExp(`^arn:${arnSegment}:bedrock:\\*::foundation-model/[^*]+$`),
    accepts: (actions) =>
      actions.every(
        (action) => action === 'bedrock:InvokeModel' || action === 'bedrock:InvokeModelWithResponseStream',
      ),
    reason:
      'One named Bedrock model in whichever region its cross-region inference profile routes a request to; the profile itself is named exactly',
  },
  {
    resource: new RegExp(
      `^arn:${arnSegment}:ecs:${arnSegment}:${arnSegment}:service-deployment/[^*/]+/[^*/]+/\\*$`,
    ),
    accepts: (actions) => actions.every((action) => action === 'ecs:DescribeServiceDeployments'),
    reason:
      "Reading the deployments of one named ECS service: make deploy-ecs watches the deployment its deploy started, whose id ECS mints at run time (the release workflow's deploy role)",
  },
  {
    resource: new RegExp(
      `^arn:${arnSegment}:secretsmanager:${arnSegment}:${arnSegment}:secret:whatif/[a-z]+/\\*$`,
    ),
    accepts: (actions) =>
      actions.every(
        (action) => action === 'secretsmanager:GetSecretValue' || action === 'secretsmanager:DescribeSecret',
      ),
    reason:
      "Reading one environment's secrets by name prefix (the External Secrets controller on EKS): Secrets Manager appends a random suffix to every secret ARN, and the set of secrets grows with the catalog",
  },
  {
    resource: new RegExp(
      `^arn:${arnSegment}:logs:${arnSegment}:${arnSegment}:log-group:/aws/lambda/cwsyn-\\*$`,
    ),
    accepts: (actions) => actions.every((action) => action.startsWith('logs:')),
    reason:
      'CloudWatch Synthetics names the canary function at run time; the cwsyn- prefix is its narrowest log group ARN',
  },
];

/** AWS managed policies this app attaches, and why they are the right choice. */
export const acceptedManagedPolicies: Readonly<Record<string, string>> = {
  AWSLambdaBasicExecutionRole:
    "The role aws-cdk-lib gives a Lambda function it creates (the CloudFront prefix-list lookup, the listener-weights reader, the deployment gate): writing that function's own logs",
  AWSLambdaVPCAccessExecutionRole:
    "The role aws-cdk-lib gives a function in the VPC (the gateway's deployment gate): creating and deleting the function's own network interfaces",
  AmazonECSInfrastructureRolePolicyForLoadBalancers:
    'The AWS-maintained policy ECS blue-green deployments need to shift listener rules between target groups; AWS widens it as the feature grows',
};

function statementsOf(node: CfnResource): PolicyStatementJson[] {
  const stack = Stack.of(node);
  const documents: unknown[] = [];
  if (node instanceof CfnPolicy || node instanceof CfnManagedPolicy)
    documents.push(stack.resolve(node.policyDocument));
  if (node instanceof CfnRole) {
    const inline = stack.resolve(node.policies) as
      Array<{ policyDocument?: unknown; PolicyDocument?: unknown }> | undefined;
    for (const policy of inline ?? [])
      documents.push(stack.resolve(policy.policyDocument ?? policy.PolicyDocument));
  }
  return documents.flatMap(
    (document) => (document as { Statement?: PolicyStatementJson[] } | undefined)?.Statement ?? [],
  );
}

function list<T>(value: T | T[] | undefined): T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

function acknowledgeResourceWildcards(node: CfnResource): void {
  const grantedActions = new Map<string, string[][]>();
  for (const statement of statementsOf(node)) {
    if (statement.Effect !== 'Allow') continue;
    const actions = list(statement.Action);
    for (const resource of list(statement.Resource).map(flattenCfnReference)) {
      if (!resource.includes('*')) continue;
      grantedActions.set(resource, [...(grantedActions.get(resource) ?? []), actions]);
    }
  }
  for (const [resource, statements] of grantedActions) {
    const accepted = acceptedWildcards.find(
      (rule) => rule.resource.test(resource) && statements.every((actions) => rule.accepts(actions)),
    );
    if (accepted) {
      Validations.of(node).acknowledge({
        id: `AwsSolutions-IAM5[Resource::${resource}]`,
        reason: accepted.reason,
      });
    }
  }
}

function acknowledgeManagedPolicies(node: CfnRole): void {
  const stack = Stack.of(node);
  for (const arn of list(stack.resolve(node.managedPolicyArns) as unknown[] | undefined)) {
    const flattened = flattenCfnReference(arn);
    const name = flattened.split('/').pop() ?? '';
    const reason = acceptedManagedPolicies[name];
    if (reason) Validations.of(node).acknowledge({ id: `AwsSolutions-IAM4[Policy::${flattened}]`, reason });
  }
}

/**
 * Acknowledges, policy by policy, the wildcard permissions and managed policies listed
 * above, and nothing else. Runs once the app is built, so it sees every statement.
 */
export function acknowledgeAcceptedWildcards(scope: IConstruct): void {
  for (const node of scope.node.findAll()) {
    if (!CfnResource.isCfnResource(node)) continue;
    if (node instanceof CfnPolicy || node instanceof CfnManagedPolicy || node instanceof CfnRole) {
      acknowledgeResourceWildcards(node);
    }
    if (node instanceof CfnRole) acknowledgeManagedPolicies(node);
  }
}
