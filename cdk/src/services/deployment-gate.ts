import { Duration, type RemovalPolicy } from 'aws-cdk-lib';
import { SubnetType, type ISecurityGroup, type IVpc } from 'aws-cdk-lib/aws-ec2';
import { DeploymentLifecycleLambdaTarget, DeploymentLifecycleStage } from 'aws-cdk-lib/aws-ecs';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { EnvironmentName } from '../config/environment-config';
import { functionLogGroupName } from '../config/naming';
import { projectFunction } from '../shared/project-function';

export interface DeploymentGateProps {
  readonly vpc: IVpc;
  /** Egress to the test listener and to CloudFront; nothing may call it. */
  readonly securityGroup: ISecurityGroup;
  /** The test listener, where only the new revision answers: https://<apiDomain>:8443. */
  readonly testUrl: string;
  /** Where production answers, through CloudFront: https://<siteDomain>. */
  readonly productionUrl: string;
  readonly environment: EnvironmentName;
  readonly logRetention: RetentionDays;
  readonly removalPolicy: RemovalPolicy;
}

/** Checks of the new revision before giving up, a pause apart: it may take a moment to settle. */
const attempts = 6;
const pause = Duration.seconds(10);
const requestTimeout = Duration.seconds(5);

/**
 * The gateway's pre-traffic test. At POST_TEST_TRAFFIC_SHIFT the new revision has the test
 * listener's traffic and none of production's; this function (src/lambda/deployment-gate) calls
 * it there through the load balancer, from the VPC, whose traffic reaches the public listener
 * through the NAT gateways. It must serve its contract, have its own stores ready and reach every
 * service the revision in production reaches; otherwise the hook answers FAILED and ECS rolls the
 * deployment back before a single production request reaches it.
 */
export class DeploymentGate extends Construct {
  readonly hook: DeploymentLifecycleLambdaTarget;

  constructor(scope: Construct, id: string, props: DeploymentGateProps) {
    super(scope, id);
    const check = projectFunction(this, 'Check', {
      source: 'deployment-gate',
      logGroupName: functionLogGroupName(props.environment, 'deployment-gate'),
      description: 'Calls the new gateway revision through the test listener before production traffic moves',
      timeout: Duration.seconds(attempts * (pause.toSeconds() + requestTimeout.toSeconds()) + 30),
      logRetention: props.logRetention,
      removalPolicy: props.removalPolicy,
      environment: {
        TEST_URL: props.testUrl,
        PRODUCTION_URL: props.productionUrl,
        ATTEMPTS: String(attempts),
        PAUSE_MS: String(pause.toMilliseconds()),
        REQUEST_TIMEOUT_MS: String(requestTimeout.toMilliseconds()),
      },
      vpc: props.vpc,
      vpcSubnets: { subnetType: SubnetType.PRIVATE_WITH_EGRESS },
      securityGroups: [props.securityGroup],
    });
    // ECS assumes this role to call the function; made here, not at binding, so the app's checks see it.
    const invoker = new Role(this, 'Invoker', { assumedBy: new ServicePrincipal('ecs.amazonaws.com') });
    check.grantInvoke(invoker);
    this.hook = new DeploymentLifecycleLambdaTarget(check, 'PreTrafficTest', {
      role: invoker,
      lifecycleStages: [DeploymentLifecycleStage.POST_TEST_TRAFFIC_SHIFT],
    });
  }
}
