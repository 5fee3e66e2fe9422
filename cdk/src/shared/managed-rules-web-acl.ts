import { Stack, type RemovalPolicy, ArnFormat } from 'aws-cdk-lib';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { CfnLoggingConfiguration, CfnWebACL } from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';

export interface ManagedRulesWebAclProps {
  /** REGIONAL for the ALB, CLOUDFRONT (us-east-1 only) for the distribution. */
  readonly scope: 'REGIONAL' | 'CLOUDFRONT';
  readonly name: string;
  /** A per-IP rate rule; none where every request comes from a proxy (the ALB behind CloudFront). */
  readonly requestsPerIpPer5Minutes?: number;
  readonly logRetention: RetentionDays;
  readonly removalPolicy: RemovalPolicy;
}

const managedRuleGroups = [
  // Addresses Amazon threat intelligence has seen attacking.
  'AWSManagedRulesAmazonIpReputationList',
  // OWASP-style protections: oversized or malformed requests, XSS, path traversal.
  'AWSManagedRulesCommonRuleSet',
  // Request patterns known to exploit vulnerabilities (Log4Shell and the like).
  'AWSManagedRulesKnownBadInputsRuleSet',
] as const;

function visibility(metricName: string): CfnWebACL.VisibilityConfigProperty {
  return { cloudWatchMetricsEnabled: true, metricName, sampledRequestsEnabled: true };
}

/** A web ACL of AWS managed rule groups, optionally a per-IP rate rule, logging to CloudWatch without credentials. */
export class ManagedRulesWebAcl extends Construct {
  readonly webAcl: CfnWebACL;

  constructor(scope: Construct, id: string, props: ManagedRulesWebAclProps) {
    super(scope, id);
    this.webAcl = new CfnWebACL(this, 'WebAcl', {
      name: props.name,
      scope: props.scope,
      defaultAction: { allow: {} },
      visibilityConfig: visibility(props.name),
      rules: [
        ...(props.requestsPerIpPer5Minutes === undefined
          ? []
          : [
              {
                name: 'RequestsPerIp',
                priority: 0,
                action: { block: {} },
                statement: {
                  rateBasedStatement: {
                    limit: props.requestsPerIpPer5Minutes,
                    aggregateKeyType: 'IP',
                    evaluationWindowSec: 300,
                  },
                },
                visibilityConfig: visibility(`${props.name}-requests-per-ip`),
              },
            ]),
        ...managedRuleGroups.map((groupName, index) => ({
          name: groupName,
          priority: index + 1,
          overrideAction: { none: {} },
          statement: { managedRuleGroupStatement: { vendorName: 'AWS', name: groupName } },
          visibilityConfig: visibility(`${props.name}-${groupName}`),
        })),
      ],
    });

    // WAF only delivers to log groups whose name starts with aws-waf-logs-.
    const logGroup = new LogGroup(this, 'Logs', {
      logGroupName: `aws-waf-logs-${props.name}`,
      retention: props.logRetention,
      removalPolicy: props.removalPolicy,
    });
    new CfnLoggingConfiguration(this, 'Logging', {
      resourceArn: this.webAcl.attrArn,
      // WAF wants the log group ARN without the trailing :* that logGroupArn carries.
      logDestinationConfigs: [
        Stack.of(this).formatArn({
          service: 'logs',
          resource: 'log-group',
          resourceName: logGroup.logGroupName,
          arnFormat: ArnFormat.COLON_RESOURCE_NAME,
        }),
      ],
      // Bearer tokens and session cookies never reach the logs.
      redactedFields: [{ singleHeader: { Name: 'authorization' } }, { singleHeader: { Name: 'cookie' } }],
    });
  }
}
