import { CfnOutput, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import {
  CfnEIP,
  FlowLogDestination,
  FlowLogTrafficType,
  GatewayVpcEndpointAwsService,
  InterfaceVpcEndpointAwsService,
  IpAddresses,
  SubnetType,
  Vpc,
} from 'aws-cdk-lib/aws-ec2';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import type { EnvironmentConfig } from '../config/environment-config';
import { eksImports } from '../eks/eks-exports';
import { CloudFrontOriginFacing } from './cloudfront-origin-facing';
import { ReachabilityGroups } from './reachability-groups';

export interface NetworkStackProps extends StackProps {
  readonly config: EnvironmentConfig;
}

/** The VPC, its private paths to AWS services, flow logs, and every security group. */
export class NetworkStack extends Stack {
  readonly vpc: Vpc;
  readonly groups: ReachabilityGroups;

  constructor(scope: Construct, id: string, props: NetworkStackProps) {
    super(scope, id, props);
    const { config } = props;

    this.vpc = new Vpc(this, 'Vpc', {
      ipAddresses: IpAddresses.cidr(config.network.cidr),
      availabilityZones: [...config.network.availabilityZones],
      natGateways: config.network.natGateways,
      subnetConfiguration: [
        { name: 'public', subnetType: SubnetType.PUBLIC, cidrMask: 24 },
        // Tasks: room for thousands of ENIs per AZ.
        { name: 'private', subnetType: SubnetType.PRIVATE_WITH_EGRESS, cidrMask: 20 },
        // Databases and caches: no route out at all.
        { name: 'isolated', subnetType: SubnetType.PRIVATE_ISOLATED, cidrMask: 24 },
      ],
      gatewayEndpoints: {
        S3: { service: GatewayVpcEndpointAwsService.S3 },
        DynamoDb: { service: GatewayVpcEndpointAwsService.DYNAMODB },
      },
    });

    const flowLogGroup = new LogGroup(this, 'FlowLogs', {
      retention: config.observability.logRetention,
      removalPolicy: config.retainData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    this.vpc.addFlowLog('FlowLog', {
      destination: FlowLogDestination.toCloudWatchLogs(flowLogGroup),
      trafficType: FlowLogTrafficType.ALL,
    });

    // What the tasks call on every start and request, kept off the NAT: image pulls,
    // secrets, logs (and X-Ray when tracing is on).
    const interfaceEndpoints = {
      EcrApi: InterfaceVpcEndpointAwsService.ECR,
      EcrDocker: InterfaceVpcEndpointAwsService.ECR_DOCKER,
      SecretsManager: InterfaceVpcEndpointAwsService.SECRETS_MANAGER,
      CloudWatchLogs: InterfaceVpcEndpointAwsService.CLOUDWATCH_LOGS,
      ...(config.compute.tracing ? { XRay: InterfaceVpcEndpointAwsService.XRAY } : {}),
    };
    const cloudFront = new CloudFrontOriginFacing(this, 'CloudFrontOriginFacing', {
      logRetention: config.observability.logRetention,
      removalPolicy: config.retainData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    this.groups = new ReachabilityGroups(this, 'SecurityGroups', {
      vpc: this.vpc,
      vpcCidr: config.network.cidr,
      cloudFrontPrefixListId: cloudFront.prefixListId,
      natPublicIps: natPublicIps(this.vpc),
      testListenerCidrs: config.edge.testListenerCidrs,
    });
    // Named exports, kept whether or not an EKS stack imports them (cdk/src/eks/eks-exports.ts).
    new CfnOutput(this, 'PostgresSecurityGroup', {
      value: this.groups.stores.postgres.securityGroupId,
      exportName: eksImports.postgresSecurityGroup(config.name),
    });
    new CfnOutput(this, 'RedisSecurityGroup', {
      value: this.groups.stores.redis.securityGroupId,
      exportName: eksImports.redisSecurityGroup(config.name),
    });
    new CfnOutput(this, 'VpcId', { value: this.vpc.vpcId, exportName: eksImports.vpcId(config.name) });
    for (const [name, service] of Object.entries(interfaceEndpoints)) {
      this.vpc.addInterfaceEndpoint(name, {
        service,
        subnets: { subnetType: SubnetType.PRIVATE_WITH_EGRESS },
        privateDnsEnabled: true,
        securityGroups: [this.groups.endpoints],
        open: false,
      });
    }
  }
}

/** The Elastic IPs the VPC made for its NAT gateways (one per public subnet that has one). */
function natPublicIps(vpc: Vpc): string[] {
  return vpc.publicSubnets.flatMap((subnet) => {
    const address = subnet.node.tryFindChild('EIP');
    return address instanceof CfnEIP ? [address.attrPublicIp] : [];
  });
}
