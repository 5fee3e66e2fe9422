/**
 * The subset of k6's JavaScript API the loadtest/ scripts use — `k6` (check, group, sleep,
 * fail), `k6/http` (request and its shorthands, expectedStatuses, setResponseCallback) and
 * `k6/metrics` (Counter, Gauge, Rate, Trend) — with k6's documented semantics, for the CI
 * smoke harness. Anything else a script imports is refused by name.
 */
import { createHash } from 'node:crypto';
import { type BridgeRequest, type BridgeResponse } from './http-bridge';
import { type MetricType, type Registry, type Tags } from './metrics';

/** One virtual user's state: the tags k6 adds to its samples, and where in its life it is. */
export interface VuState {
  id: number;
  iteration: number;
  scenario: string;
  /** The names of the groups it is in, outermost first. */
  groups: string[];
  /** In the init context (loading the script), where k6 allows declaring metrics and nothing that measures. */
  inInit: boolean;
}

export interface GroupNode {
  name: string;
  path: string;
  id: string;
  groups: GroupNode[];
  checks: { name: string; path: string; id: string; passes: number; fails: number }[];
}

export function groupNode(name: string, path: string): GroupNode {
  return { name, path, id: createHash('md5').update(path).digest('hex'), groups: [], checks: [] };
}

export interface K6Environment {
  registry: Registry;
  rootGroup: GroupNode;
  vu: VuState;
  send: (request: BridgeRequest) => BridgeResponse;
  sleep: (milliseconds: number) => void;
}

/** k6's `group` tag: "::outer::inner", "" outside any group. */
function groupPath(groups: readonly string[]): string {
  return groups.length === 0 ? '' : `::${groups.join('::')}`;
}

function nodeFor(root: GroupNode, groups: readonly string[]): GroupNode {
  let node = root;
  for (let depth = 0; depth < groups.length; depth += 1) {
    const name = groups[depth]!;
    let child = node.groups.find((candidate) => candidate.name === name);
    if (!child) {
      child = groupNode(name, groupPath(groups.slice(0, depth + 1)));
      node.groups.push(child);
    }
    node = child;
  }
  return node;
}

function vuTags(vu: VuState): Record<string, string> {
  return { group: groupPath(vu.groups), ...(vu.scenario ? { scenario: vu.scenario } : {}) };
}

function notInInit(vu: VuState, what: string): void {
  if (vu.inInit) throw new Error(`${what} is not supported in the init context`);
}

/** Tag values are strings in k6; anything else a script passes is made one. */
function stringTags(tags: unknown): Record<string, string> {
  if (tags === undefined || tags === null) return {};
  return Object.fromEntries(
    Object.entries(tags as Record<string, unknown>).map(([key, value]) => [key, String(value)]),
  );
}

export function k6Module(env: K6Environment) {
  const { vu } = env;
  return {
    check(value: unknown, sets: Record<string, unknown>, tags?: Record<string, unknown>): boolean {
      notInInit(vu, 'check()');
      const node = nodeFor(env.rootGroup, vu.groups);
      let all = true;
      for (const [name, predicate] of Object.entries(sets)) {
        // A thrown exception interrupts the iteration, as in k6.
        const ok = Boolean(typeof predicate === 'function' ? predicate(value) : predicate);
        env.registry.add('checks', ok ? 1 : 0, { ...vuTags(vu), ...stringTags(tags), check: name });
        let entry = node.checks.find((candidate) => candidate.name === name);
        if (!entry) {
          const path = `${node.path}::${name}`;
          entry = { name, path, id: createHash('md5').update(path).digest('hex'), passes: 0, fails: 0 };
          node.checks.push(entry);
        }
        if (ok) entry.passes += 1;
        else entry.fails += 1;
        all &&= ok;
      }
      return all;
    },
    group<T>(name: string, body: () => T): T {
      notInInit(vu, 'group()');
      if (name.includes('::')) throw new Error(`group and check names may not contain '::' (got "${name}")`);
      vu.groups.push(name);
      nodeFor(env.rootGroup, vu.groups);
      const started = performance.now();
      try {
        return body();
      } finally {
        env.registry.add('group_duration', performance.now() - started, vuTags(vu));
        vu.groups.pop();
      }
    },
    sleep(seconds: number): void {
      notInInit(vu, 'sleep()');
      env.sleep(Math.max(0, Number(seconds)) * 1000);
    },
    fail(message?: string): never {
      throw new Error(message ?? '');
    },
  };
}

export function metricsModule(env: K6Environment) {
  const { vu } = env;
  const metricClass = (type: MetricType, toValue: (value: unknown) => number) =>
    class {
      readonly name: string;
      constructor(name: string, isTime = false) {
        if (!vu.inInit) throw new Error('metrics must be declared in the init context');
        this.name = name;
        env.registry.declare(name, type, type === 'trend' && isTime ? 'time' : 'default');
      }
      add(value: unknown, tags?: Record<string, unknown>): void {
        notInInit(vu, 'adding to a metric');
        env.registry.add(this.name, toValue(value), { ...vuTags(vu), ...stringTags(tags) });
      }
    };
  const numeric = (value: unknown) => Number(value);
  return {
    Counter: metricClass('counter', numeric),
    Gauge: metricClass('gauge', numeric),
    // Rate counts non-zero (true) values: add(true), add(1).
    Rate: metricClass('rate', (value) => (Number(value) !== 0 ? 1 : 0)),
    Trend: metricClass('trend', numeric),
  };
}

/** Header names as Go's net/http writes them, as k6 shows them: Content-Type, Retry-After. */
export function canonicalHeaderName(name: string): string {
  return name
    .split('-')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1).toLowerCase())
    .join('-');
}

interface ExpectedStatuses {
  readonly expected: readonly (number | { min: number; max: number })[];
}

function expectedStatuses(...statuses: unknown[]): ExpectedStatuses {
  const expected = statuses.map((entry) => {
    if (typeof entry === 'number' && Number.isInteger(entry)) return entry;
    const range = entry as { min?: unknown; max?: unknown };
    if (
      typeof range === 'object' &&
      range !== null &&
      Number.isInteger(range.min) &&
      Number.isInteger(range.max)
    ) {
      return { min: range.min as number, max: range.max as number };
    }
    throw new Error(
      `expectedStatuses takes whole numbers or {min, max} objects (got ${JSON.stringify(entry)})`,
    );
  });
  return { expected };
}

function isExpected(callback: ExpectedStatuses, status: number): boolean {
  return callback.expected.some((entry) =>
    typeof entry === 'number' ? entry === status : status >= entry.min && status <= entry.max,
  );
}

/** k6's duration strings: "60s", "1m30s", "500ms"; a number is milliseconds. */
export function durationMs(value: unknown, what: string): number {
  if (typeof value === 'number' && value >= 0) return value;
  const text = String(value);
  const parts = [...text.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)];
  if (parts.length === 0 || parts.map((part) => part[0]).join('') !== text) {
    throw new Error(`${what}: "${text}" is not a duration such as 30s, 1m30s or 500ms`);
  }
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 } as const;
  return parts.reduce((sum, part) => sum + Number(part[1]) * unit[part[2] as keyof typeof unit], 0);
}

export interface HttpParams {
  headers?: Record<string, unknown>;
  tags?: Record<string, unknown>;
  timeout?: string | number;
  responseType?: 'text' | 'none' | 'binary';
  responseCallback?: ExpectedStatuses | null;
  redirects?: number;
}

const supportedParams = new Set([
  'headers',
  'tags',
  'timeout',
  'responseType',
  'responseCallback',
  'redirects',
]);

export function httpModule(env: K6Environment) {
  const { vu } = env;
  let defaultCallback: ExpectedStatuses | null = expectedStatuses({ min: 200, max: 399 });

  function request(method: string, url: unknown, body?: unknown, params: HttpParams = {}) {
    notInInit(vu, 'making HTTP requests');
    for (const key of Object.keys(params ?? {})) {
      if (!supportedParams.has(key))
        throw new Error(`the CI smoke harness does not implement the http param "${key}"`);
    }
    if (body !== null && body !== undefined && typeof body !== 'string') {
      throw new Error('the CI smoke harness sends string bodies only (JSON.stringify the body)');
    }
    if (params.responseType === 'binary')
      throw new Error('the CI smoke harness does not implement responseType "binary"');
    const headers = Object.fromEntries(
      Object.entries(params.headers ?? {}).map(([name, value]) => [name, String(value)]),
    );
    if (!Object.keys(headers).some((name) => name.toLowerCase() === 'user-agent')) {
      headers['User-Agent'] = 'k6-ci-smoke-harness (not k6)';
    }
    const target = String(url);
    const answer = env.send({
      method: method.toUpperCase(),
      url: target,
      headers,
      body: typeof body === 'string' ? body : null,
      timeoutMs: durationMs(params.timeout ?? '60s', 'timeout'),
      redirects: params.redirects ?? 10,
    });
    const callback = params.responseCallback === undefined ? defaultCallback : params.responseCallback;
    if (callback !== null && !Array.isArray((callback as Partial<ExpectedStatuses>).expected)) {
      throw new Error('responseCallback must be what http.expectedStatuses() returns, or null');
    }
    const tags: Record<string, string> = {
      ...vuTags(vu),
      method: method.toUpperCase(),
      url: target,
      name: target,
      status: String(answer.status),
      ...(answer.errorCode ? { error_code: String(answer.errorCode) } : {}),
      ...(callback ? { expected_response: String(isExpected(callback, answer.status)) } : {}),
      ...stringTags(params.tags),
    };
    const duration = answer.waiting + answer.receiving;
    env.registry.add('http_reqs', 1, tags);
    env.registry.add('http_req_duration', duration, tags);
    env.registry.add('http_req_waiting', answer.waiting, tags);
    env.registry.add('http_req_receiving', answer.receiving, tags);
    for (const unmeasured of [
      'http_req_blocked',
      'http_req_connecting',
      'http_req_tls_handshaking',
      'http_req_sending',
    ]) {
      env.registry.add(unmeasured, 0, tags);
    }
    if (callback) env.registry.add('http_req_failed', isExpected(callback, answer.status) ? 0 : 1, tags);
    env.registry.add('data_sent', answer.bytesSent, tags);
    env.registry.add('data_received', answer.bytesReceived, tags);

    const responseHeaders: Record<string, string> = {};
    for (const [name, value] of answer.headers) {
      const canonical = canonicalHeaderName(name);
      responseHeaders[canonical] =
        canonical in responseHeaders ? `${responseHeaders[canonical]}, ${value}` : value;
    }
    const responseBody = answer.status === 0 || params.responseType === 'none' ? null : answer.body;
    return {
      status: answer.status,
      status_text: answer.statusText,
      proto: answer.status === 0 ? '' : 'HTTP/1.1',
      url: answer.url,
      body: responseBody,
      headers: responseHeaders,
      cookies: {},
      error: answer.error,
      error_code: answer.errorCode,
      timings: {
        blocked: 0,
        connecting: 0,
        tls_handshaking: 0,
        sending: 0,
        waiting: answer.waiting,
        receiving: answer.receiving,
        duration,
      },
      request: { method: method.toUpperCase(), url: target, headers: headers, body: body ?? '', cookies: {} },
      json(selector?: string): unknown {
        if (selector !== undefined) throw new Error('the CI smoke harness does not implement json(selector)');
        if (responseBody === null) throw new Error('the response has no body');
        return JSON.parse(responseBody);
      },
    };
  }

  const withoutBody = (method: string) => (url: unknown, params?: HttpParams) =>
    request(method, url, null, params);
  const withBody = (method: string) => (url: unknown, body?: unknown, params?: HttpParams) =>
    request(method, url, body, params);
  return {
    request,
    get: withoutBody('GET'),
    head: withoutBody('HEAD'),
    options: withBody('OPTIONS'),
    post: withBody('POST'),
    put: withBody('PUT'),
    patch: withBody('PATCH'),
    del: withBody('DELETE'),
    expectedStatuses,
    setResponseCallback(callback: ExpectedStatuses | null): void {
      defaultCallback = callback;
    },
  };
}

/** The metrics k6 itself declares, with their types. */
export const builtinMetrics: readonly [string, MetricType, 'time' | 'data' | 'default'][] = [
  ['checks', 'rate', 'default'],
  ['data_received', 'counter', 'data'],
  ['data_sent', 'counter', 'data'],
  ['group_duration', 'trend', 'time'],
  ['http_req_blocked', 'trend', 'time'],
  ['http_req_connecting', 'trend', 'time'],
  ['http_req_duration', 'trend', 'time'],
  ['http_req_failed', 'rate', 'default'],
  ['http_req_receiving', 'trend', 'time'],
  ['http_req_sending', 'trend', 'time'],
  ['http_req_tls_handshaking', 'trend', 'time'],
  ['http_req_waiting', 'trend', 'time'],
  ['http_reqs', 'counter', 'default'],
  ['iteration_duration', 'trend', 'time'],
  ['iterations', 'counter', 'default'],
  ['vus', 'gauge', 'default'],
  ['vus_max', 'gauge', 'default'],
];

export type { Tags };
