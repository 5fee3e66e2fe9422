/**
 * The routes the journeys call. Each request is tagged with its route's name, so every
 * threshold and every line of the summary names the route; the service that answers it,
 * and so the latency objective it is held to, comes from the catalog's routing table.
 */
import { type ServiceName, routeTable, services } from './catalog.ts';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface Route {
  /** The tag value: short, no spaces or braces, so it reads well in a threshold's name. */
  name: string;
  method: HttpMethod;
  /** The path template, {param} for a path parameter; also the request's `name` tag. */
  path: string;
}

export const routes = {
  register: { name: 'register', method: 'POST', path: '/api/v1/auth/register' },
  signIn: { name: 'sign-in', method: 'POST', path: '/api/v1/auth/login' },
  deleteAccount: { name: 'account-delete', method: 'DELETE', path: '/api/v1/users/me' },
  suggestions: { name: 'suggestions', method: 'GET', path: '/api/v1/scenarios/suggestions' },
  generate: { name: 'generate', method: 'POST', path: '/api/v1/scenarios' },
  generateStreamed: { name: 'generate-streamed', method: 'POST', path: '/api/v1/scenarios' },
  historyList: { name: 'history-list', method: 'GET', path: '/api/v1/scenarios' },
  historySearch: { name: 'history-search', method: 'GET', path: '/api/v1/scenarios' },
  historyRead: { name: 'history-read', method: 'GET', path: '/api/v1/scenarios/{id}' },
  publishPost: { name: 'post-publish', method: 'POST', path: '/api/v1/social/posts' },
  feedLatest: { name: 'feed-latest', method: 'GET', path: '/api/v1/feed' },
  postRead: { name: 'post-read', method: 'GET', path: '/api/v1/social/posts/{postId}' },
  commentsList: { name: 'comments-list', method: 'GET', path: '/api/v1/social/posts/{postId}/comments' },
  like: { name: 'like', method: 'PUT', path: '/api/v1/social/posts/{postId}/like' },
  comment: { name: 'comment', method: 'POST', path: '/api/v1/social/posts/{postId}/comments' },
  profile: { name: 'profile', method: 'GET', path: '/api/v1/social/users/{userId}' },
  shareCreate: { name: 'share-create', method: 'POST', path: '/api/v1/shares' },
  sharePage: { name: 'share-page', method: 'GET', path: '/s/{slug}' },
  videoRequest: { name: 'video-request', method: 'POST', path: '/api/v1/videos' },
  videoRead: { name: 'video-read', method: 'GET', path: '/api/v1/videos/{id}' },
} as const satisfies Record<string, Route>;

/** The path as the gateway sees it, with every {param} filled in. */
function samplePath(path: string): string {
  return path.replace(/\{[^}]+\}/g, 'x');
}

/** The service the gateway forwards a route to: the first rule of its table that matches. */
export function serviceOf(route: Route): ServiceName {
  const path = samplePath(route.path);
  const rule = routeTable.find(
    (candidate) =>
      (candidate.methods === null || candidate.methods.includes(route.method)) &&
      (path === candidate.path ||
        (!candidate.exact &&
          path.startsWith(candidate.path.endsWith('/') ? candidate.path : `${candidate.path}/`))),
  );
  if (!rule) throw new Error(`no service answers ${route.method} ${route.path} (see services/catalog)`);
  return rule.service;
}

/** The p99 latency, in milliseconds, the route's service promises. */
export function latencyObjectiveMs(route: Route): number {
  return services[serviceOf(route)].latencyP99Ms;
}
