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
export const httpPort = 80;
/** The blue-green test listener, where the new gateway revision answers before it takes traffic. */
export const testListenerPort = 8443;

export interface ReachabilityGroupsProps {
  readonly vpc: IVpc;
  /** The VPC's CIDR as configured (a literal, so rules and their checks read plainly). */
  readonly vpcCidr: string;
  /** Besides the VPC itself, who may reach the blue-green test listener. */
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
  readonly services: Readonly<Record<ServiceName, SecurityGroup>>;
  readonly stores: Readonly<Record<NetworkStore, SecurityGroup>>;
  /** The database credential rotation function: it alone, besides the services, reaches PostgreSQL. */
  readonly databaseRotation: SecurityGroup;
  /** The interface VPC endpoints: HTTPS from anywhere in the VPC. */
  readonly endpoints: SecurityGroup;

  constructor(scope: Construct, id: string, props: ReachabilityGroupsProps) {
    super(scope, id);
    const { vpc } = props;

    this.loadBalancer = new SecurityGroup(this, 'LoadBalancer', {
      vpc,
      description:
        'Internet-facing ALB: HTTPS and the HTTP redirect from anywhere; reaches only the public service',
      allowAllOutbound: false,
    });
    this.loadBalancer.addIngressRule(Peer.anyIpv4(), Port.tcp(httpsPort), 'HTTPS from the internet');
    this.loadBalancer.addIngressRule(
      Peer.anyIpv4(),
      Port.tcp(httpPort),
      'HTTP from the internet, redirected to HTTPS',
    );
    for (const cidr of [props.vpcCidr, ...props.testListenerCidrs]) {
      this.loadBalancer.addIngressRule(
        Peer.ipv4(cidr),
        Port.tcp(testListenerPort),
        'Blue-green test listener',
      );
    }
    Validations.of(this.loadBalancer).acknowledge({
      id: 'AwsSolutions-EC23',
      reason:
        'The public entry of the API: 443 and the 80-to-443 redirect must be open to every client; AWS WAF on the ALB filters what arrives',
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
