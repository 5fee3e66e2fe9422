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
  if (rule.methods && !rule.methods.includes(method.toUpperCase() as HttpMethod)) return false;
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
