/**
 * The ways What If runs, and the proxies each puts between a client and the gateway. Every
 * proxy appends the address it received the request from to X-Forwarded-For, so the client's
 * own address is the entry just before theirs; whatever a client wrote into the header itself
 * comes earlier and is never believed. The gateway's TRUSTED_PROXY_COUNT on each path is the
 * length of its chain.
 */
export const deploymentPaths = {
  /** make dev and Docker Compose: clients call the gateway's port directly. */
  local: [],
  /**
   * ECS: browsers and API clients reach CloudFront, which forwards /api, /s and the gateway's
   * public endpoints to the ALB; the ALB admits CloudFront alone, so no request skips a hop.
   */
  ecs: ['CloudFront', 'ALB'],
  /** EKS with the AWS Load Balancer Controller: an internet-facing ALB in front of the pods. */
  'eks-alb': ['ALB'],
  /** A cluster with ingress-nginx, which sets X-Forwarded-For to the address it saw. */
  'ingress-nginx': ['ingress-nginx'],
} as const satisfies Record<string, readonly string[]>;

export type DeploymentPath = keyof typeof deploymentPaths;

/** TRUSTED_PROXY_COUNT for the gateway on a deployment path. */
export function trustedProxyCount(path: DeploymentPath): number {
  return deploymentPaths[path].length;
}
