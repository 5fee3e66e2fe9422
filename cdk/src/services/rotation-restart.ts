import { type RemovalPolicy } from 'aws-cdk-lib';
import { Rule } from 'aws-cdk-lib/aws-events';
import { SfnStateMachine } from 'aws-cdk-lib/aws-events-targets';
import type { FargateService } from 'aws-cdk-lib/aws-ecs';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { DefinitionBody, LogLevel, Parallel, StateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { CallAwsService } from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { Construct } from 'constructs';

export interface RotationRestartProps {
  readonly secret: ISecret;
  readonly clusterName: string;
  /** The services to restart, by catalog name. */
  readonly services: ReadonlyArray<{ readonly name: string; readonly service: FargateService }>;
  readonly logRetention: RetentionDays;
  readonly removalPolicy: RemovalPolicy;
}

/**
 * ECS reads secrets when a task starts. When the database credentials rotate, this starts
 * a rolling (or blue-green) deployment of every service that uses them, so no task keeps
 * the old password past the rotation.
 */
export class RotationRestart extends Construct {
  constructor(scope: Construct, id: string, props: RotationRestartProps) {
    super(scope, id);
    const restarts = new Parallel(this, 'RestartEveryUser');
    for (const { name, service } of props.services) {
      restarts.branch(
        new CallAwsService(this, `Restart${name}`, {
          service: 'ecs',
          action: 'updateService',
          parameters: { Cluster: props.clusterName, Service: service.serviceName, ForceNewDeployment: true },
          iamResources: [service.serviceArn],
          iamAction: 'ecs:UpdateService',
        }),
      );
    }
    const stateMachine = new StateMachine(this, 'StateMachine', {
      definitionBody: DefinitionBody.fromChainable(restarts),
      tracingEnabled: true,
      logs: {
        destination: new LogGroup(this, 'Logs', {
          retention: props.logRetention,
          removalPolicy: props.removalPolicy,
        }),
        level: LogLevel.ALL,
      },
    });
    new Rule(this, 'OnRotation', {
      description: 'Database credentials rotated: restart the services that read them',
      eventPattern: {
        source: ['aws.secretsmanager'],
        detailType: ['AWS Service Event via CloudTrail'],
        detail: {
          eventSource: ['secretsmanager.amazonaws.com'],
          eventName: ['RotationSucceeded'],
          additionalEventData: { SecretId: [props.secret.secretArn] },
        },
      },
      targets: [new SfnStateMachine(stateMachine)],
    });
  }
}
