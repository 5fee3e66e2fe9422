/** The seed's calls through the gateway, as any client of the public API makes them. */

export interface ApiAnswer<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

/** An answer the seed did not expect, with the problem's own words. */
export class ApiCallError extends Error {
  constructor(
    readonly what: string,
    readonly status: number,
    detail: string,
  ) {
    super(`${what}: the API answered ${status}${detail ? ` (${detail})` : ''}`);
    this.name = 'ApiCallError';
  }
}

export interface ApiCall {
  /** What the call is for, as the error message names it. */
  what: string;
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** Statuses that are an answer rather than a failure; 2xx when absent. */
  accept?: readonly number[];
}

/** Longest wait the seed accepts for a rate limit or quota to pass before it gives up. */
const longestRetryWaitSeconds = 65;
const rateLimitAttempts = 3;
const requestTimeoutMs = 60_000;

function problemDetail(body: unknown): string {
  if (body && typeof body === 'object') {
    const problem = body as { title?: unknown; detail?: unknown };
    const text = [problem.title, problem.detail].filter((part) => typeof part === 'string').join(': ');
    if (text) return text;
  }
  return typeof body === 'string' ? body.slice(0, 200) : '';
}

export class ApiClient {
  constructor(
    private readonly baseUrl: string,
    /** Told when the seed waits out a rate limit, so a quiet pause is explained. */
    private readonly onWait: (message: string) => void = () => undefined,
  ) {}

  async call<T = unknown>(request: ApiCall): Promise<ApiAnswer<T>> {
    for (let attempt = 1; ; attempt += 1) {
      const answer = await this.once<T>(request);
      const accepted = request.accept?.includes(answer.status) ?? false;
      if ((answer.status >= 200 && answer.status < 300) || accepted) return answer;
      const retryAfter = Number(answer.headers.get('retry-after'));
      if (
        answer.status === 429 &&
        attempt < rateLimitAttempts &&
        Number.isFinite(retryAfter) &&
        retryAfter <= longestRetryWaitSeconds
      ) {
        this.onWait(`${request.what}: rate limited, waiting ${retryAfter} s as the gateway asks`);
        await new Promise((resolve) => setTimeout(resolve, Math.max(1, retryAfter) * 1000));
        continue;
      }
      throw new ApiCallError(request.what, answer.status, problemDetail(answer.body));
    }
  }

  /** Every page of a cursor-paged list. */
  async all<T>(request: Omit<ApiCall, 'method' | 'body'>): Promise<T[]> {
    const items: T[] = [];
    let cursor: string | null = null;
    do {
      const separator = request.path.includes('?') ? '&' : '?';
      const path: string = `${request.path}${separator}limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const page: ApiAnswer<{ items: T[]; nextCursor: string | null }> = await this.call({
        ...request,
        path,
      });
      items.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    return items;
  }

  private async once<T>(request: ApiCall): Promise<ApiAnswer<T>> {
    const headers: Record<string, string> = { accept: 'application/json', ...request.headers };
    if (request.token) headers['authorization'] = `Bearer ${request.token}`;
    if (request.body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await fetch(new URL(request.path, this.baseUrl), {
        method: request.method ?? 'GET',
        headers,
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        signal: AbortSignal.timeout(requestTimeoutMs),
      });
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
      throw new ApiCallError(request.what, 0, `no answer from ${this.baseUrl}: ${cause}`);
    }
    const text = await response.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // Not JSON: kept as text for the error message.
    }
    return { status: response.status, body: body as T, headers: response.headers };
  }
}
