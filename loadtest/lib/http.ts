/** One way to call a route: tagged with its name, with the statuses that count as success. */
import http, { type RefinedResponse } from 'k6/http';
import { Counter } from 'k6/metrics';
import { config } from './config.ts';
import type { Route } from './routes.ts';

/** Requests refused with 429 that the journey did not expect: a rate limit or quota the run ran into. */
export const rateLimited = new Counter('rate_limited');

export interface CallOptions {
  /** Values for the path's {param}s. */
  params?: Record<string, string>;
  query?: Record<string, string | number | boolean | undefined>;
  /** Sent as JSON. */
  body?: unknown;
  /** An access token, sent as a bearer token. */
  token?: string;
  headers?: Record<string, string>;
  /** Statuses that are a success for this call (not counted in http_req_failed). */
  expected?: number[];
  timeout?: string;
}

function queryString(query: CallOptions['query']): string {
  if (!query) return '';
  const pairs = Object.keys(query)
    .filter((key) => query[key] !== undefined)
    .map((key) => `${encodeURIComponent(key)}=${encodeURIComponent(String(query[key]))}`);
  return pairs.length > 0 ? `?${pairs.join('&')}` : '';
}

export function call(route: Route, options: CallOptions = {}): RefinedResponse<'text'> {
  const path = route.path.replace(/\{([^}]+)\}/g, (_match, name: string) => {
    const value = options.params?.[name];
    if (value === undefined) throw new Error(`${route.name}: no value for {${name}}`);
    return encodeURIComponent(value);
  });
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.token) headers['authorization'] = `Bearer ${options.token}`;
  const tags = { route: route.name, name: `${route.method} ${route.path}` };
  const response = http.request(
    route.method,
    `${config.baseUrl}${path}${queryString(options.query)}`,
    options.body === undefined ? null : JSON.stringify(options.body),
    {
      headers,
      tags,
      responseType: 'text',
      timeout: options.timeout ?? '60s',
      responseCallback: http.expectedStatuses(...(options.expected ?? [200])),
    },
  );
  if (response.status === 429 && !(options.expected ?? []).includes(429)) rateLimited.add(1, tags);
  return response;
}

/** The body as JSON, or undefined when it is not JSON. */
export function jsonBody<T>(response: RefinedResponse<'text'>): T | undefined {
  try {
    return JSON.parse(response.body) as T;
  } catch {
    return undefined;
  }
}

/** Seconds to wait before asking again, from Retry-After (bounded, so a run never stalls for long). */
export function retryAfterSeconds(response: RefinedResponse<'text'>, fallback = 5): number {
  const value = Number(response.headers['Retry-After']);
  return Number.isFinite(value) && value > 0 ? Math.min(value, 60) : fallback;
}
