import { services, storePorts, type ServiceEntry, type ServiceName } from '@what-if/catalog';
import { Peer, Port, SecurityGroup, type IVpc } from 'aws-cdk-lib/aws-ec2';
import { Validations } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { perService } from '../catalog/per-service';
import { publicEntry } from '../catalog/reachability';

/** The stores that live in the VPC and are reached on a port (DynamoDB is reached over HTTPS). */
export type NetworkStore = 'postgres' | 'redis';
const networkStores: readonly NetworkStore[] = ['postgres', 'redis'];

export const httpsPort = 443;
/** The blue-green test listener, where the new gateway revision answers before it takes traffic. */
export const testListenerPort = 8443;

export interface ReachabilityGroupsProps {
  readonly vpc: IVpc;
  /** The VPC's CIDR as configured (a literal, so rules and their checks read plainly). */
  readonly vpcCidr: string;
  /** CloudFront's origin-facing managed prefix list: the only way in to the API. */
  readonly cloudFrontPrefixListId: string;
  /**
   * The NAT gateways' public addresses. Whatever runs in the VPC and calls the load balancer by
   * its name (the deployment test gate) reaches it through them, not from a VPC address.
   */
  readonly natPublicIps: readonly string[];
  /** Besides the VPC's own traffic, who may reach the blue-green test listener. */
  readonly testListenerCidrs: readonly string[];
}

/**
 * Every security group of the stack and every rule between them, derived from the catalog:
 * the load balancer reaches only the public service, a service is reached only by the
 * services whose `calls` name it, and a store only by the services that declare it.
 * All of them live in one stack so the whole reachability graph reads, and is tested, in one place.
 */
export class ReachabilityGroups extends Construct {
  readonly loadBalancer: SecurityGroup;
  /** Also on the ALB: who may reach the blue-green test listener. */
  readonly testListener: SecurityGroup;
  readonly services: Readonly<Record<ServiceName, SecurityGroup>>;
  readonly stores: Readonly<Record<NetworkStore, SecurityGroup>>;
  /** The database credential rotation function: it alone, besides the services, reaches PostgreSQL. */
  readonly databaseRotation: SecurityGroup;
  /** The interface VPC endpoints: HTTPS from anywhere in the VPC. */
  readonly endpoints: SecurityGroup;
  /** The gateway's pre-traffic test function: out to the test listener and CloudFront, nothing in. */
  readonly deploymentGate: SecurityGroup;

  constructor(scope: Construct, id: string, props: ReachabilityGroupsProps) {
    super(scope, id);
    const { vpc } = props;

    this.loadBalancer = new SecurityGroup(this, 'LoadBalancer', {
      vpc,
      description: 'Internet-facing ALB: HTTPS from CloudFront only; reaches only the public service',
      allowAllOutbound: false,
    });
    // Every client comes through CloudFront (WAF, the viewer's address in X-Forwarded-For): a
    // request straight to the ALB could write its own X-Forwarded-For and pick its rate-limit bucket.
    this.loadBalancer.addIngressRule(
      Peer.prefixList(props.cloudFrontPrefixListId),
      Port.tcp(httpsPort),
      'HTTPS from CloudFront',
    );

    // A group of its own: the CloudFront prefix list takes most of one group's rule quota.
    this.testListener = new SecurityGroup(this, 'TestListener', {
      vpc,
      description:
        'The ALB blue-green test listener: the VPC (through its NAT gateways) and the configured ranges',
      allowAllOutbound: false,
    });
    for (const [index, address] of props.natPublicIps.entries()) {
      this.testListener.addIngressRule(
        Peer.ipv4(`${address}/32`),
        Port.tcp(testListenerPort),
        `Blue-green test listener from NAT gateway ${index + 1}`,
      );
    }
    for (const cidr of props.testListenerCidrs) {
      if (/\/0$/.test(cidr)) {
        throw new Error(
          `edge.testListenerCidrs: ${cidr} opens the test listener to everyone; name the ranges that need it`,
        );
      }
      this.testListener.addIngressRule(
        Peer.ipv4(cidr),
        Port.tcp(testListenerPort),
        'Blue-green test listener',
      );
    }
    Validations.of(this.testListener).acknowledge({
      id: 'AwsSolutions-EC23',
      reason:
        "cdk-nag cannot read the NAT gateways' addresses before deployment; each rule is one NAT gateway's /32 or a configured range, and synthesis refuses a /0",
    });

    this.services = perService(
      (entry) =>
        new SecurityGroup(this, `${entry.name}Service`, {
          vpc,
          description: `${entry.name} tasks: reached only by the callers the catalog declares`,
          allowAllOutbound: false,
        }),
    );

    this.stores = {
      postgres: new SecurityGroup(this, 'Postgres', {
        vpc,
        description: 'RDS PostgreSQL: reached only by the services that declare the postgres store',
        allowAllOutbound: false,
      }),
      redis: new SecurityGroup(this, 'Redis', {
        vpc,
        description: 'ElastiCache Redis: reached only by the services that declare the redis store',
        allowAllOutbound: false,
      }),
    };

    this.endpoints = new SecurityGroup(this, 'Endpoints', {
      vpc,
      description: 'Interface VPC endpoints: HTTPS from inside the VPC',
      allowAllOutbound: false,
    });
    this.endpoints.addIngressRule(
      Peer.ipv4(props.vpcCidr),
      Port.tcp(httpsPort),
      'AWS APIs from inside the VPC',
    );

    this.deploymentGate = new SecurityGroup(this, 'DeploymentGate', {
      vpc,
      description:
        'Gateway deployment test: calls the test listener of the ALB and CloudFront; nothing calls it',
      allowAllOutbound: false,
    });
    this.deploymentGate.addEgressRule(
      Peer.anyIpv4(),
      Port.tcp(testListenerPort),
      'The test listener, through the NAT gateways',
    );
    this.deploymentGate.addEgressRule(Peer.anyIpv4(), Port.tcp(httpsPort), 'Production, through CloudFront');

    this.databaseRotation = new SecurityGroup(this, 'DatabaseRotation', {
      vpc,
      description: 'Secrets Manager rotation function for the PostgreSQL credentials',
      allowAllOutbound: false,
    });
    this.databaseRotation.addEgressRule(Peer.anyIpv4(), Port.tcp(httpsPort), 'Secrets Manager API');
    this.databaseRotation.connections.allowTo(
      this.stores.postgres,
      Port.tcp(storePorts.postgres),
      'Rotation sets the new password',
    );

    const gateway = publicEntry();
    this.loadBalancer.connections.allowTo(
      this.services[gateway.name],
      Port.tcp(gateway.port),
      `ALB to ${gateway.name}`,
    );
    for (const entry of services) this.allowServiceTraffic(entry);
  }

  private allowServiceTraffic(entry: ServiceEntry): void {
    const group = this.services[entry.name];
    // AWS APIs (through the VPC endpoints or the NAT), image layers and the external
    // providers a service calls. Internal services listen on their own ports, not 443, so
    // this opens no path to them.
    group.addEgressRule(Peer.anyIpv4(), Port.tcp(httpsPort), 'HTTPS to AWS APIs and external providers');
    for (const calleeName of entry.calls) {
      const callee = services.find((candidate) => candidate.name === calleeName);
      if (!callee) throw new Error(`${entry.name} calls ${calleeName}, which the catalog does not have`);
      group.connections.allowTo(
        this.services[callee.name],
        Port.tcp(callee.port),
        `${entry.name} calls ${callee.name}`,
      );
    }
    for (const store of networkStores) {
      if (!entry.stores.includes(store)) continue;
      group.connections.allowTo(
        this.stores[store],
        Port.tcp(storePorts[store]),
        `${entry.name} uses ${store}`,
      );
    }
  }
}
