import { services, storePorts } from '@what-if/catalog';
import { Aws, CfnOutput, Fn, Stack, type StackProps } from 'aws-cdk-lib';
import { Certificate, CertificateValidation } from 'aws-cdk-lib/aws-certificatemanager';
import { CfnSecurityGroupIngress } from 'aws-cdk-lib/aws-ec2';
import { CfnPodIdentityAssociation } from 'aws-cdk-lib/aws-eks';
import {
  AccountPrincipal,
  PolicyStatement,
  Role,
  ServicePrincipal,
  SessionTagsPrincipal,
  type IPrincipal,
} from 'aws-cdk-lib/aws-iam';
import { HostedZone } from 'aws-cdk-lib/aws-route53';
import { RegionInfo } from 'aws-cdk-lib/region-info';
import type { Construct } from 'constructs';
import { awsPlatformValues, containerEnvironment } from '../catalog/container-environment';
import { shutdownTiming, workerShutdownTiming } from '../catalog/shutdown';
import type { EnvironmentConfig } from '../config/environment-config';
import { prefixedName, secretPrefix, videoBucketName } from '../config/naming';
import { dataRemovalPolicy } from '../config/removal-policy';
import { grantTaskPermissions } from '../services/task-permissions';
import { LogBucket } from '../shared/log-bucket';
import { ManagedRulesWebAcl } from '../shared/managed-rules-web-acl';
import { eksImports } from './eks-exports';

export interface EksPrerequisitesStackProps extends StackProps {
  readonly config: EnvironmentConfig;
}

/** The S3 key prefix of the EKS ALB's access logs (the Ingress annotation names it too). */
export const eksAccessLogPrefix = 'eks-alb';

/** The ServiceAccount of a service (or worker) in the release `what-if`, as the chart and cdk8s name it. */
export function serviceAccountName(component: string): string {
  return `what-if-${component}`;
}

/** Output keys make deploy-eks reads back (cdk/src/bin/eks-values.ts). */
export const eksOutputKeys = {
  role: (service: string) => `${service}RoleArn`,
  externalSecretsRole: 'ExternalSecretsRoleArn',
  webAcl: 'WebAclArn',
  accessLogsBucket: 'AccessLogsBucket',
  certificate: 'CertificateArn',
  videoBucket: 'VideoBucket',
} as const;

/**
 * What an existing EKS cluster needs from AWS to run the release beside (or instead of) ECS,
 * against the same data: a role per service (and per worker) with exactly its ECS task role's
 * permissions, bound to its ServiceAccount with EKS Pod Identity; the name of the data stack's
 * video bucket; a role for the External Secrets controller
 * that reads this environment's secrets (the ECS layout); RDS and ElastiCache admitting the
 * cluster's security group; the Ingress's certificate, WAF web ACL and access-log bucket.
 * The cluster itself, its add-ons and controllers are the operator's (cdk/README.md).
 */
export class EksPrerequisitesStack extends Stack {
  constructor(scope: Construct, id: string, props: EksPrerequisitesStackProps) {
    super(scope, id, props);
    const { config } = props;
    const { eks } = config;
    const name = (...parts: string[]) => prefixedName(config.name, 'eks', ...parts);

    const podIdentity = (): IPrincipal =>
      new SessionTagsPrincipal(new ServicePrincipal('pods.eks.amazonaws.com'));
    const dataKeyArn = Fn.importValue(eksImports.dataKeyArn(config.name));
    for (const entry of services) {
      const role = new Role(this, `${entry.name}Role`, {
        roleName: name(entry.name),
        description: `What If ${entry.name} on EKS: the permissions of its ECS task role`,
        assumedBy: podIdentity(),
      });
      const granted = grantTaskPermissions({
        config,
        entry,
        role,
        environment: containerEnvironment(
          entry,
          awsPlatformValues(config, this.region, shutdownTiming(entry).timeoutMs),
        ).plain,
        dataKeyArn,
      });
      if (!granted) {
        // A service that calls no AWS API gets no role, as on ECS it gets no permission.
        this.node.tryRemoveChild(role.node.id);
        continue;
      }
      new CfnPodIdentityAssociation(this, `${entry.name}PodIdentity`, {
        clusterName: eks.clusterName,
        namespace: eks.namespace,
        serviceAccount: serviceAccountName(entry.name),
        roleArn: role.roleArn,
      });
      new CfnOutput(this, eksOutputKeys.role(entry.name), { value: role.roleArn });

      // A worker (video's renderer) gets a role of its own with its service's permissions: on EKS
      // it publishes no CloudWatch metric (KEDA reads its queue), so nothing more.
      for (const worker of entry.workers ?? []) {
        const workerRole = new Role(this, `${worker.name}Role`, {
          roleName: name(worker.name),
          description: `What If ${worker.name} on EKS: the permissions of ${entry.name}'s task role`,
          assumedBy: podIdentity(),
        });
        grantTaskPermissions({
          config,
          entry,
          role: workerRole,
          environment: containerEnvironment(
            entry,
            awsPlatformValues(config, this.region, workerShutdownTiming(entry, worker).timeoutMs),
          ).plain,
          dataKeyArn,
        });
        new CfnPodIdentityAssociation(this, `${worker.name}PodIdentity`, {
          clusterName: eks.clusterName,
          namespace: eks.namespace,
          serviceAccount: serviceAccountName(worker.name),
          roleArn: workerRole.roleArn,
        });
        new CfnOutput(this, eksOutputKeys.role(worker.name), { value: workerRole.roleArn });
      }
    }

    // The data stack's bucket, which ECS keeps videos in too: both paths share the jobs table.
    new CfnOutput(this, eksOutputKeys.videoBucket, { value: videoBucketName(config.name) });

    const externalSecrets = new Role(this, 'ExternalSecretsRole', {
      roleName: name('external-secrets'),
      description: `The External Secrets controller: reads the secrets under ${secretPrefix(config.name)}`,
      assumedBy: podIdentity(),
    });
    externalSecrets.addToPrincipalPolicy(
      new PolicyStatement({
        sid: 'ReadTheEnvironmentsSecrets',
        actions: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'],
        resources: [
          `arn:${Aws.PARTITION}:secretsmanager:${this.region}:${Aws.ACCOUNT_ID}:secret:${secretPrefix(config.name)}*`,
        ],
      }),
    );
    new CfnPodIdentityAssociation(this, 'ExternalSecretsPodIdentity', {
      clusterName: eks.clusterName,
      namespace: eks.externalSecrets.namespace,
      serviceAccount: eks.externalSecrets.serviceAccount,
      roleArn: externalSecrets.roleArn,
    });
    new CfnOutput(this, eksOutputKeys.externalSecretsRole, { value: externalSecrets.roleArn });

    // The pods carry the cluster security group; the stores admit it beside the ECS services.
    const stores = [
      ['Postgres', eksImports.postgresSecurityGroup(config.name), storePorts.postgres],
      ['Redis', eksImports.redisSecurityGroup(config.name), storePorts.redis],
    ] as const;
    for (const [store, exportName, port] of stores) {
      new CfnSecurityGroupIngress(this, `${store}FromCluster`, {
        groupId: Fn.importValue(exportName),
        sourceSecurityGroupId: eks.clusterSecurityGroupId,
        ipProtocol: 'tcp',
        fromPort: port,
        toPort: port,
        description: `${store} from the EKS cluster ${eks.clusterName}`,
      });
    }

    // The EKS ALB is internet-facing itself (no CloudFront in front), so it also limits each client IP.
    const waf = new ManagedRulesWebAcl(this, 'Waf', {
      scope: 'REGIONAL',
      name: name('api'),
      requestsPerIpPer5Minutes: config.edge.requestsPerIpPer5Minutes,
      logRetention: config.observability.logRetention,
      removalPolicy: dataRemovalPolicy(config),
    });
    new CfnOutput(this, eksOutputKeys.webAcl, { value: waf.webAcl.attrArn });

    const accessLogs = new LogBucket(this, 'AccessLogs', {
      removalPolicy: dataRemovalPolicy(config),
      expireAfterDays: config.observability.logRetention,
    });
    accessLogs.bucket.addToResourcePolicy(
      new PolicyStatement({
        sid: 'AlbAccessLogDelivery',
        actions: ['s3:PutObject'],
        principals: [albLogDelivery(this.region)],
        resources: [accessLogs.bucket.arnForObjects(`${eksAccessLogPrefix}/AWSLogs/${Aws.ACCOUNT_ID}/*`)],
      }),
    );
    new CfnOutput(this, eksOutputKeys.accessLogsBucket, { value: accessLogs.bucket.bucketName });

    const certificate = new Certificate(this, 'Certificate', {
      domainName: eks.apiDomain,
      validation: CertificateValidation.fromDns(
        HostedZone.fromHostedZoneAttributes(this, 'Zone', {
          hostedZoneId: config.domain.hostedZoneId,
          zoneName: config.domain.hostedZoneName,
        }),
      ),
    });
    new CfnOutput(this, eksOutputKeys.certificate, { value: certificate.certificateArn });
  }
}

/** Who writes ALB access logs: the region's Elastic Load Balancing account, or the log delivery service in newer regions. */
function albLogDelivery(region: string): IPrincipal {
  const account = RegionInfo.get(region).elbv2Account;
  return account
    ? new AccountPrincipal(account)
    : new ServicePrincipal('logdelivery.elasticloadbalancing.amazonaws.com');
}
