import path from 'node:path';
import type { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type { ISecurityGroup, IVpc, SubnetSelection } from 'aws-cdk-lib/aws-ec2';
import { Architecture, Code, Function as LambdaFunction, Runtime } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';

export interface ProjectFunctionProps {
  /** The folder under src/lambda whose index exports `handler`; it imports nothing of ours outside it. */
  readonly source: string;
  readonly description: string;
  /** Its log group, e.g. /whatif/prod/functions/deployment-gate: where an operator reads it. */
  readonly logGroupName: string;
  readonly timeout: Duration;
  readonly logRetention: RetentionDays;
  readonly removalPolicy: RemovalPolicy;
  readonly environment?: Record<string, string>;
  readonly vpc?: IVpc;
  readonly vpcSubnets?: SubnetSelection;
  readonly securityGroups?: ISecurityGroup[];
}

/**
 * One of our own Lambda functions, from its folder under src/lambda. `cdk synth` runs the compiled
 * app (dist/), so the asset is the compiled JavaScript there; the AWS SDK it imports comes with
 * the Node.js runtime. (The tests build from src/, whose asset they never run: its hash is masked.)
 */
export function projectFunction(scope: Construct, id: string, props: ProjectFunctionProps): LambdaFunction {
  const logGroup = new LogGroup(scope, `${id}Logs`, {
    logGroupName: props.logGroupName,
    retention: props.logRetention,
    removalPolicy: props.removalPolicy,
  });
  return new LambdaFunction(scope, id, {
    runtime: Runtime.NODEJS_24_X,
    architecture: Architecture.ARM_64,
    handler: 'index.handler',
    code: Code.fromAsset(path.join(__dirname, '..', 'lambda', props.source), {
      exclude: ['*.map', '*.d.ts'],
    }),
    description: props.description,
    timeout: props.timeout,
    memorySize: 256,
    logGroup,
    ...(props.environment ? { environment: props.environment } : {}),
    ...(props.vpc
      ? { vpc: props.vpc, vpcSubnets: props.vpcSubnets, securityGroups: props.securityGroups }
      : {}),
  });
}
