/**
 * The requests `make capacity` and `make loadtest-autoscale-local` send for each route the k6
 * journeys call (the same route names as loadtest/lib/routes.ts), the account and data they need
 * first, and each service's CPU time as it reports it.
 */
import { type ServiceName, serviceNames } from '@what-if/catalog';

export interface RouteLoad {
  /** The k6 scripts' route name (loadtest/lib/routes.ts). */
  route: string;
  method: 'GET' | 'POST' | 'PUT';
  path: string;
  headers?: Record<string, string>;
  body?: string;
  /** Fewer connections for what is slow on purpose (argon2id sign-in, writing a scenario, a video). */
  connections?: number;
  /**
   * For a route each account may call only `perMinute` times a minute (a comment): the accounts'
   * headers, taken in turn (accountRotation), so the load stays within the limit.
   */
  perAccount?: { headers: readonly Record<string, string>[]; perMinute: number };
}

/** Social takes this many comments a minute per account (comment-routes.ts; loadtest/lib/allowance.ts). */
export const commentsPerMinute = 10;

export async function cpuSeconds(url: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`, { signal: AbortSignal.timeout(10_000) })).text();
  const line = text.split('\n').find((candidate) => candidate.startsWith('process_cpu_seconds_total'));
  if (!line) throw new Error(`${url}/metrics has no process_cpu_seconds_total`);
  return Number(line.slice(line.lastIndexOf(' ') + 1));
}

/** Requests a service has answered, all routes and statuses (its `http_request_duration_seconds` count). */
export async function requestsAnswered(url: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`, { signal: AbortSignal.timeout(10_000) })).text();
  return text
    .split('\n')
    .filter((line) => line.startsWith('http_request_duration_seconds_count'))
    .reduce((total, line) => total + Number(line.slice(line.lastIndexOf(' ') + 1)), 0);
}

export async function allRequestsAnswered(
  urls: Record<ServiceName, string>,
): Promise<Record<ServiceName, number>> {
  const entries = await Promise.all(
    serviceNames.map(async (name) => [name, await requestsAnswered(urls[name])] as const),
  );
  return Object.fromEntries(entries) as Record<ServiceName, number>;
}

export async function allCpuSeconds(urls: Record<ServiceName, string>): Promise<Record<ServiceName, number>> {
  const entries = await Promise.all(
    serviceNames.map(async (name) => [name, await cpuSeconds(urls[name])] as const),
  );
  return Object.fromEntries(entries) as Record<ServiceName, number>;
}

export interface Account {
  email: string;
  password: string;
  token: string;
}

/** A new account, waiting out the gateway's limit on registrations per address (make dev keeps it) as Retry-After asks. */
export async function signUp(gatewayUrl: string): Promise<Account> {
  const credentials = {
    email: `capacity-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}@example.com`,
    password: 'Capacity-Model-2026',
  };
  for (let attempt = 1; ; attempt += 1) {
    const response = await fetch(`${gatewayUrl}/api/v1/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...credentials, displayName: 'Capacity' }),
      signal: AbortSignal.timeout(10_000),
    });
    const body = (await response.json()) as { accessToken?: string };
    if (response.status === 201 && body.accessToken) return { ...credentials, token: body.accessToken };
    if (response.status !== 429 || attempt === 5) throw new Error(`registering answered ${response.status}`);
    const wait = Number(response.headers.get('retry-after') ?? 60);
    await new Promise((resolve) => setTimeout(resolve, wait * 1000));
  }
}

/** A history worth browsing: `count` scenarios written for the account; the id of one. */
export async function seedHistory(gatewayUrl: string, token: string, count: number): Promise<string> {
  let id = '';
  for (let index = 0; index < count; index += 1) {
    const response = await fetch(`${gatewayUrl}/api/v1/scenarios`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ question: `What if the Roman empire had kept Britain, case ${index}?` }),
      signal: AbortSignal.timeout(60_000),
    });
    const body = (await response.json()) as { id?: string };
    if (response.status !== 201 || !body.id) throw new Error(`seeding history answered ${response.status}`);
    id = body.id;
  }
  return id;
}

export async function postJson(url: string, token: string, body: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(30_000),
  });
  const answer = (await response.json()) as Record<string, unknown>;
  if (!response.ok) throw new Error(`POST ${new URL(url).pathname} answered ${response.status}`);
  return answer;
}

/** A post on the feed, from one of the account's scenarios: its id and author. */
export async function publishPost(
  gatewayUrl: string,
  token: string,
  scenarioId: string,
): Promise<{ id: string; authorId: string }> {
  const response = await fetch(`${gatewayUrl}/api/v1/social/posts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ scenarioId, caption: 'Capacity', tags: ['capacity'] }),
    signal: AbortSignal.timeout(30_000),
  });
  const body = (await response.json()) as { id?: string; authorId?: string };
  if (!response.ok || !body.id || !body.authorId)
    throw new Error(`publishing a post answered ${response.status}`);
  return { id: body.id, authorId: body.authorId };
}

export interface Seeded {
  scenarioId: string;
  post: { id: string; authorId: string };
  shareSlug: string;
  videoId: string;
}

export function routeLoads(
  account: Account,
  { scenarioId, post, shareSlug, videoId }: Seeded,
  commenters: readonly Account[],
): RouteLoad[] {
  const json = { 'content-type': 'application/json' };
  const signedIn = { authorization: `Bearer ${account.token}` };
  return [
    { route: 'suggestions', method: 'GET', path: '/api/v1/scenarios/suggestions?language=en' },
    {
      route: 'generate',
      method: 'POST',
      path: '/api/v1/scenarios',
      headers: json,
      // The same suggested question every time: after the first, generation's cache answers.
      body: JSON.stringify({ question: 'What if the Library of Alexandria had never burned?' }),
    },
    {
      route: 'generate-streamed',
      method: 'POST',
      path: '/api/v1/scenarios',
      headers: { ...json, ...signedIn, accept: 'text/event-stream' },
      // Written anew every time and saved to the writer's history, as a question of their own is.
      body: JSON.stringify({
        question: 'What if the steam engine had been built in 1200?',
        regenerate: true,
      }),
      connections: 2,
    },
    { route: 'history-list', method: 'GET', path: '/api/v1/scenarios?limit=20', headers: signedIn },
    {
      route: 'history-search',
      method: 'GET',
      path: '/api/v1/scenarios?q=empire&limit=20',
      headers: signedIn,
    },
    { route: 'history-read', method: 'GET', path: `/api/v1/scenarios/${scenarioId}`, headers: signedIn },
    { route: 'feed-latest', method: 'GET', path: '/api/v1/feed?limit=20', headers: signedIn },
    { route: 'post-read', method: 'GET', path: `/api/v1/social/posts/${post.id}`, headers: signedIn },
    {
      route: 'comments-list',
      method: 'GET',
      path: `/api/v1/social/posts/${post.id}/comments?limit=20`,
      headers: signedIn,
    },
    {
      route: 'comment',
      method: 'POST',
      path: `/api/v1/social/posts/${post.id}/comments`,
      headers: json,
      body: JSON.stringify({ body: 'A thought from the capacity model: the second act is the best part.' }),
      // Each a new comment on the post (a notification for its author, XP for the commenter).
      perAccount: {
        headers: commenters.map((commenter) => ({ authorization: `Bearer ${commenter.token}` })),
        perMinute: commentsPerMinute,
      },
    },
    // Idempotent: after the first, each like finds the post liked already, as a double tap does.
    { route: 'like', method: 'PUT', path: `/api/v1/social/posts/${post.id}/like`, headers: signedIn },
    { route: 'profile', method: 'GET', path: `/api/v1/social/users/${post.authorId}`, headers: signedIn },
    {
      route: 'share-create',
      method: 'POST',
      path: '/api/v1/shares',
      headers: { ...json, ...signedIn },
      // A new link every time, as a writer sharing a scenario for the first time makes.
      body: JSON.stringify({ scenarioId, another: true }),
    },
    { route: 'share-page', method: 'GET', path: `/s/${shareSlug}?via=x`, headers: { accept: 'text/html' } },
    { route: 'video-read', method: 'GET', path: `/api/v1/videos/${videoId}`, headers: signedIn },
    {
      route: 'sign-in',
      method: 'POST',
      path: '/api/v1/auth/login',
      headers: json,
      // Each a new session: argon2id, a PostgreSQL row and a Redis entry, as a real sign-in.
      body: JSON.stringify({ email: account.email, password: account.password }),
      connections: 2,
    },
    // Last: each request queues a render, and the worker (not counted here) works on them afterwards.
    {
      route: 'video-request',
      method: 'POST',
      path: '/api/v1/videos',
      headers: { ...json, ...signedIn },
      body: JSON.stringify({ scenarioId, length: 'short' }),
      connections: 1,
    },
  ];
}

/**
 * An account with `scenarios` scenarios in its history, one of them published, shared and
 * narrated; and `commenters` accounts more, for the comment route.
 */
export async function seedData(
  gatewayUrl: string,
  scenarios: number,
  commenters: number,
): Promise<{ account: Account; seeded: Seeded; commenters: Account[] }> {
  const account = await signUp(gatewayUrl);
  const others: Account[] = [];
  for (let index = 0; index < commenters; index += 1) others.push(await signUp(gatewayUrl));
  const scenarioId = await seedHistory(gatewayUrl, account.token, scenarios);
  const post = await publishPost(gatewayUrl, account.token, scenarioId);
  const share = await postJson(`${gatewayUrl}/api/v1/shares`, account.token, { scenarioId });
  const video = await postJson(`${gatewayUrl}/api/v1/videos`, account.token, { scenarioId, length: 'short' });
  return {
    account,
    seeded: { scenarioId, post, shareSlug: String(share['slug']), videoId: String(video['id']) },
    commenters: others,
  };
}
