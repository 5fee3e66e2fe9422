import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { ISecurityGroup, IVpc } from 'aws-cdk-lib/aws-ec2';
import { SubnetType } from 'aws-cdk-lib/aws-ec2';
import {
  type ApplicationListener,
  ApplicationListenerRule,
  ApplicationLoadBalancer,
  ApplicationProtocol,
  ListenerAction,
  ListenerCertificate,
  ListenerCondition,
  SslPolicy,
} from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { ARecord, PublicHostedZone, RecordTarget } from 'aws-cdk-lib/aws-route53';
import { EmailIdentity, Identity } from 'aws-cdk-lib/aws-ses';
import { LoadBalancerTarget } from 'aws-cdk-lib/aws-route53-targets';
import { CfnWebACLAssociation } from 'aws-cdk-lib/aws-wafv2';
import { edgePaths } from '@what-if/catalog';
import type { Construct } from 'constructs';
import { publicEntry } from '../catalog/reachability';
import type { EnvironmentConfig } from '../config/environment-config';
import { clusterName, resourcePrefix } from '../config/naming';
import { dataRemovalPolicy } from '../config/removal-policy';
import { httpsPort, testListenerPort } from '../network/reachability-groups';
import { LogBucket } from '../shared/log-bucket';
import { ManagedRulesWebAcl } from '../shared/managed-rules-web-acl';
import { GatewayTargetGroups } from './gateway-target-groups';
import { ListenerWeights } from './listener-weights';

export interface EdgeStackProps extends StackProps {
  readonly config: EnvironmentConfig;
  readonly vpc: IVpc;
  readonly loadBalancerSecurityGroup: ISecurityGroup;
  /** Who may reach the blue-green test listener. */
  readonly testListenerSecurityGroup: ISecurityGroup;
}

/** The gateway's one rule on each listener. */
const publicPathsPriority = 1;

/** An unmatched path gets a problem document like every other error of the API. */
const notFound = ListenerAction.fixedResponse(404, {
  contentType: 'application/problem+json',
  messageBody: JSON.stringify({ type: 'about:blank', title: 'Not Found', status: 404 }),
});

/**
 * The internet-facing ALB in front of the gateway: HTTPS with the configured certificate for
 * CloudFront only (its security group admits CloudFront's origin-facing addresses), AWS WAF,
 * access logs, the DNS name CloudFront calls it by, and the listener rules and target groups
 * the gateway's blue-green deployments switch between.
 */
export class EdgeStack extends Stack {
  readonly loadBalancer: ApplicationLoadBalancer;
  readonly targetGroups: GatewayTargetGroups;
  /** Production traffic: ECS moves its weights from blue to green during a deployment. */
  readonly productionRule: ApplicationListenerRule;
  /** Reaches the new revision before it takes production traffic. */
  readonly testRule: ApplicationListenerRule;

  constructor(scope: Construct, id: string, props: EdgeStackProps) {
    super(scope, id, props);
    const { config, vpc } = props;
    const gateway = publicEntry();

    const accessLogs = new LogBucket(this, 'AccessLogs', {
      removalPolicy: dataRemovalPolicy(config),
      expireAfterDays: config.observability.logRetention,
    });
    this.loadBalancer = new ApplicationLoadBalancer(this, 'LoadBalancer', {
      vpc,
      vpcSubnets: { subnetType: SubnetType.PUBLIC },
      internetFacing: true,
      securityGroup: props.loadBalancerSecurityGroup,
      dropInvalidHeaderFields: true,
      deletionProtection: config.edge.loadBalancerDeletionProtection,
    });
    this.loadBalancer.addSecurityGroup(props.testListenerSecurityGroup);
    this.loadBalancer.logAccessLogs(accessLogs.bucket, 'alb');

    // No per-IP rate rule here: every request arrives from a CloudFront address, and CloudFront's
    // own web ACL limits each viewer.
    const waf = new ManagedRulesWebAcl(this, 'Waf', {
      scope: 'REGIONAL',
      name: `${resourcePrefix(config.name)}-api`,
      logRetention: config.observability.logRetention,
      removalPolicy: dataRemovalPolicy(config),
    });
    new CfnWebACLAssociation(this, 'WafAssociation', {
      resourceArn: this.loadBalancer.loadBalancerArn,
      webAclArn: waf.webAcl.attrArn,
    });

    const certificates = [ListenerCertificate.fromArn(config.domain.certificateArn)];
    // Security group rules live with the reachability graph in the network stack.
    const https = this.loadBalancer.addListener('Https', {
      port: httpsPort,
      protocol: ApplicationProtocol.HTTPS,
      certificates,
      sslPolicy: SslPolicy.RECOMMENDED_TLS,
      open: false,
      defaultAction: notFound,
    });
    const test = this.loadBalancer.addListener('BlueGreenTest', {
      port: testListenerPort,
      protocol: ApplicationProtocol.HTTPS,
      certificates,
      sslPolicy: SslPolicy.RECOMMENDED_TLS,
      open: false,
      defaultAction: notFound,
    });

    this.targetGroups = new GatewayTargetGroups(this, 'Gateway', { vpc, gateway });
    const { blue, green } = this.targetGroups;
    // ECS owns the weights after the first deploy; the rules are written with the live ones.
    const weights = new ListenerWeights(this, 'ListenerWeights', {
      productionListener: https,
      testListener: test,
      blue,
      green,
      clusterName: clusterName(config.name),
      serviceName: gateway.name,
      environment: config.name,
      logRetention: config.observability.logRetention,
      removalPolicy: dataRemovalPolicy(config),
    });
    this.productionRule = this.forwardPublicPaths('ProductionRule', https, [
      { targetGroup: blue, weight: weights.production.blue },
      { targetGroup: green, weight: weights.production.green },
    ]);
    this.testRule = this.forwardPublicPaths('TestRule', test, [
      { targetGroup: blue, weight: weights.test.blue },
      { targetGroup: green, weight: weights.test.green },
    ]);
    weights.weigh(this.productionRule);
    weights.weigh(this.testRule);

    const zone = PublicHostedZone.fromPublicHostedZoneAttributes(this, 'Zone', {
      hostedZoneId: config.domain.hostedZoneId,
      zoneName: config.domain.hostedZoneName,
    });
    new ARecord(this, 'ApiAlias', {
      zone,
      recordName: config.domain.apiDomain,
      target: RecordTarget.fromAlias(new LoadBalancerTarget(this.loadBalancer)),
    });
    // The domain the user service sends account mail as (MAIL_FROM), verified by DKIM records in the zone.
    if (config.mail.mailer === 'ses') {
      new EmailIdentity(this, 'MailDomain', { identity: Identity.publicHostedZone(zone) });
    }
    new CfnOutput(this, 'ApiUrl', { value: `https://${config.domain.apiDomain}` });
    new CfnOutput(this, 'BlueGreenTestUrl', {
      value: `https://${config.domain.apiDomain}:${testListenerPort}`,
    });
  }

  /**
   * Only the public surface reaches the gateway (the catalog's route prefixes and the gateway's
   * public endpoints); /metrics and the probes answer the default 404 here. Both target groups
   * stay attached (one at weight 0) so either can hold the gateway's tasks.
   */
  private forwardPublicPaths(
    id: string,
    listener: ApplicationListener,
    targets: Parameters<typeof ListenerAction.weightedForward>[0],
  ): ApplicationListenerRule {
    return new ApplicationListenerRule(this, id, {
      listener,
      priority: publicPathsPriority,
      conditions: [ListenerCondition.pathPatterns(albPathPatterns())],
      action: ListenerAction.weightedForward(targets),
    });
  }
}

/** The catalog's edge paths as ALB path patterns (a prefix covers everything below it). */
export function albPathPatterns(): string[] {
  return edgePaths().map((edge) => (edge.match === 'prefix' ? `${edge.path}/*` : edge.path));
}
