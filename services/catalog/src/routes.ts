import { services } from './services';
import type { HttpMethod, RouteRule, ServiceName } from './types';

export interface RouteTableEntry extends RouteRule {
  service: ServiceName;
}

/**
 * The gateway's routing table: every public route of every service, most specific first
 * (exact before prefix, longer before shorter, method-narrowed before open), so the first
 * match wins.
 */
export function routeTable(): RouteTableEntry[] {
  const entries = services.flatMap((entry) => entry.routes.map((rule) => ({ ...rule, service: entry.name })));
  return entries.sort(
    (a, b) =>
      Number(Boolean(b.exact)) - Number(Boolean(a.exact)) ||
      b.path.length - a.path.length ||
      Number(Boolean(b.methods)) - Number(Boolean(a.methods)),
  );
}

export function routeMatches(rule: RouteRule, method: string, path: string): boolean {
  const asked = method.toUpperCase() as HttpMethod;
  // HEAD is GET without the body: it goes where GET goes, with GET's auth level.
  const accepted = asked === 'HEAD' ? ['HEAD', 'GET'] : [asked];
  if (rule.methods && !rule.methods.some((allowed) => accepted.includes(allowed))) return false;
  if (path === rule.path) return true;
  return !rule.exact && path.startsWith(rule.path.endsWith('/') ? rule.path : `${rule.path}/`);
}

/** The route that serves a request, or undefined when no service owns the path. */
export function resolveRoute(
  table: readonly RouteTableEntry[],
  method: string,
  path: string,
): RouteTableEntry | undefined {
  return table.find((rule) => routeMatches(rule, method, path));
}

/** A path the load balancer in front of the gateway forwards: a whole prefix, or one path exactly. */
export interface EdgePath {
  path: string;
  match: 'prefix' | 'exact';
}

/** The gateway's own endpoints that the public may call; its metrics and probes stay internal. */
export const gatewayPublicEndpoints: readonly string[] = ['/health', '/openapi.json'];

/**
 * What the edge (ALB listener rules, the Kubernetes Ingress) forwards to the gateway: the first
 * segment of every public route, and the gateway's public endpoints. Everything else — /metrics,
 * /health/live, /health/ready — answers 404 at the edge and is reached only from inside.
 */
export function edgePaths(): EdgePath[] {
  const prefixes = [...new Set(routeTable().map((rule) => `/${rule.path.split('/')[1] ?? ''}`))].sort();
  return [
    ...prefixes.map((path) => ({ path, match: 'prefix' as const })),
    ...gatewayPublicEndpoints.map((path) => ({ path, match: 'exact' as const })),
  ];
}
