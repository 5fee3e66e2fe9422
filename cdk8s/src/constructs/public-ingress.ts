import { type ServiceEntry, edgePaths } from '@what-if/catalog';
import * as kplus from 'cdk8s-plus-27';
import { Construct } from 'constructs';
import { configData, shutdownSeconds } from '../environment';
import { imageTag } from '../images';
import { componentName, metadata } from '../naming';
import type { AlbSettings, Profile } from '../profile';

export interface PublicIngressProps {
  profile: Profile;
  entry: ServiceEntry;
}

/**
 * The AWS Load Balancer Controller's annotations. The ALB targets pod IPs and checks each
 * pod's own readiness path, not the gateway's unified /health: that view turns 503 when any
 * one service is down and would take every gateway out of the load balancer at once.
 * Deregistration lasts as long as a pod keeps serving after SIGTERM; the idle timeout stays
 * under the services' 65 s keep-alive.
 */
export function albAnnotations(
  alb: AlbSettings,
  entry: ServiceEntry,
  shutdown: number,
): Record<string, string> {
  const prefix = 'alb.ingress.kubernetes.io';
  return {
    [`${prefix}/scheme`]: alb.scheme,
    [`${prefix}/target-type`]: 'ip',
    [`${prefix}/backend-protocol`]: 'HTTP',
    [`${prefix}/healthcheck-path`]: entry.health.ready,
    [`${prefix}/healthcheck-port`]: 'traffic-port',
    [`${prefix}/healthcheck-interval-seconds`]: '10',
    [`${prefix}/healthcheck-timeout-seconds`]: '5',
    [`${prefix}/healthy-threshold-count`]: '2',
    [`${prefix}/unhealthy-threshold-count`]: '2',
    [`${prefix}/success-codes`]: '200',
    [`${prefix}/target-group-attributes`]: `deregistration_delay.timeout_seconds=${shutdown}`,
    [`${prefix}/load-balancer-attributes`]: [
      `idle_timeout.timeout_seconds=${alb.idleTimeoutSeconds}`,
      'routing.http.drop_invalid_header_fields.enabled=true',
      ...(alb.accessLogs.bucket
        ? [
            'access_logs.s3.enabled=true',
            `access_logs.s3.bucket=${alb.accessLogs.bucket}`,
            `access_logs.s3.prefix=${alb.accessLogs.prefix}`,
          ]
        : []),
    ].join(','),
    ...(alb.certificateArn
      ? {
          [`${prefix}/certificate-arn`]: alb.certificateArn,
          [`${prefix}/listen-ports`]: '[{"HTTP": 80}, {"HTTPS": 443}]',
          [`${prefix}/ssl-redirect`]: '443',
          [`${prefix}/ssl-policy`]: alb.sslPolicy,
        }
      : { [`${prefix}/listen-ports`]: '[{"HTTP": 80}]' }),
    ...(alb.groupName ? { [`${prefix}/group.name`]: alb.groupName } : {}),
    ...(alb.wafv2AclArn ? { [`${prefix}/wafv2-acl-arn`]: alb.wafv2AclArn } : {}),
  };
}

/** The Ingress in front of the public service. */
export class PublicIngress extends Construct {
  constructor(scope: Construct, id: string, { profile, entry }: PublicIngressProps) {
    super(scope, id);
    const { ingress } = profile;
    const annotations =
      ingress.className === 'alb'
        ? albAnnotations(ingress.alb, entry, shutdownSeconds(configData(profile, entry)))
        : undefined;
    new kplus.k8s.KubeIngress(this, 'ingress', {
      metadata: {
        ...metadata(profile, entry.name, imageTag(profile)),
        ...(annotations ? { annotations } : {}),
      },
      spec: {
        ingressClassName: ingress.className,
        rules: [
          {
            ...(ingress.host ? { host: ingress.host } : {}),
            http: {
              // Only the public surface; /metrics and the probes answer 404 at the edge.
              paths: edgePaths().map((edge) => ({
                path: edge.path,
                pathType: edge.match === 'prefix' ? 'Prefix' : 'Exact',
                backend: {
                  service: { name: componentName(profile, entry.name), port: { number: entry.port } },
                },
              })),
            },
          },
        ],
      },
    });
  }
}
