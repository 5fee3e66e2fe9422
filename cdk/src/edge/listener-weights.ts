import { CustomResource, Duration, Lazy, Stack, Token, type RemovalPolicy } from 'aws-cdk-lib';
import type {
  ApplicationListener,
  ApplicationListenerRule,
  ApplicationTargetGroup,
  CfnListenerRule,
} from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { EnvironmentName } from '../config/environment-config';
import { functionLogGroupName } from '../config/naming';
import { projectFunction } from '../shared/project-function';

export interface ListenerWeightsProps {
  readonly productionListener: ApplicationListener;
  readonly testListener: ApplicationListener;
  readonly blue: ApplicationTargetGroup;
  readonly green: ApplicationTargetGroup;
  readonly clusterName: string;
  readonly serviceName: string;
  readonly environment: EnvironmentName;
  readonly logRetention: RetentionDays;
  readonly removalPolicy: RemovalPolicy;
}

/** A colour's weight on one rule, as CloudFormation resolves it at deploy time. */
export interface RuleWeights {
  readonly blue: number;
  readonly green: number;
}

/**
 * The weights the gateway's production and test listener rules are written with: what the load
 * balancer has now. ECS native blue-green moves them at every deployment, so the template's first
 * weights go stale after the first swap, and a later stack update that touches a rule (a new route
 * prefix in the catalog) would write them back and send production to the idle colour, empty once
 * the bake ends (aws/aws-cdk#36649). A custom resource reads the live weights right before any such
 * update (its properties are the rules' other inputs), refuses while a deployment is moving traffic,
 * and the rules take their weights from it. Our code: src/lambda/listener-weights.
 */
export class ListenerWeights extends Construct {
  readonly production: RuleWeights;
  readonly test: RuleWeights;
  private readonly rules: ApplicationListenerRule[] = [];

  constructor(scope: Construct, id: string, props: ListenerWeightsProps) {
    super(scope, id);
    const reader = projectFunction(this, 'Reader', {
      source: 'listener-weights',
      logGroupName: functionLogGroupName(props.environment, 'listener-weights'),
      description:
        "Reads the gateway's listener rule weights so a stack update keeps them (aws/aws-cdk#36649)",
      timeout: Duration.minutes(1),
      logRetention: props.logRetention,
      removalPolicy: props.removalPolicy,
    });
    reader.addToRolePolicy(
      // DescribeRules cannot be scoped to a listener.
      new PolicyStatement({ actions: ['elasticloadbalancing:DescribeRules'], resources: ['*'] }),
    );
    reader.addToRolePolicy(
      new PolicyStatement({
        actions: ['ecs:DescribeServices'],
        resources: [
          Stack.of(this).formatArn({
            service: 'ecs',
            resource: 'service',
            resourceName: `${props.clusterName}/${props.serviceName}`,
          }),
        ],
      }),
    );
    const weights = new CustomResource(this, 'Resource', {
      serviceToken: reader.functionArn,
      resourceType: 'Custom::GatewayListenerWeights',
      properties: {
        ProductionListenerArn: props.productionListener.listenerArn,
        TestListenerArn: props.testListener.listenerArn,
        BlueTargetGroupArn: props.blue.targetGroupArn,
        GreenTargetGroupArn: props.green.targetGroupArn,
        ClusterName: props.clusterName,
        ServiceName: props.serviceName,
        // Everything else the rules are made of: when it changes, CloudFormation rewrites them,
        // so the weights are read again just before.
        RuleShape: Lazy.string({ produce: () => this.ruleShape() }),
      },
    });
    const weight = (name: string) => Token.asNumber(weights.getAtt(name));
    this.production = { blue: weight('ProductionBlueWeight'), green: weight('ProductionGreenWeight') };
    this.test = { blue: weight('TestBlueWeight'), green: weight('TestGreenWeight') };
  }

  /** A rule written with these weights: its other properties become inputs of the reader. */
  weigh(rule: ApplicationListenerRule): void {
    this.rules.push(rule);
  }

  private ruleShape(): string {
    const stack = Stack.of(this);
    return JSON.stringify(
      this.rules.map((rule) => {
        const resource = rule.node.defaultChild as CfnListenerRule;
        return { priority: resource.priority, conditions: stack.resolve(resource.conditions) as unknown };
      }),
    );
  }
}
