/** What a call answered: status, headers and the parsed JSON body (empty object when none). */
export interface ApiAnswer<Body = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: Body;
}

export interface CallOptions {
  token?: string;
  body?: unknown;
  /** Sent as the raw request body instead of JSON.stringify(body). */
  rawBody?: string;
  headers?: Record<string, string>;
}

/** A JSON client for one service, the way the gateway would reach it. */
export function apiClient(baseUrl: string) {
  return async function call<Body = Record<string, unknown>>(
    method: string,
    path: string,
    options: CallOptions = {},
  ): Promise<ApiAnswer<Body>> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers['authorization'] = `Bearer ${options.token}`;
    let payload: string | undefined;
    if (options.rawBody !== undefined || options.body !== undefined) {
      headers['content-type'] ??= 'application/json';
      payload = options.rawBody ?? JSON.stringify(options.body);
    }
    const response = await fetch(`${baseUrl}${path}`, { method, headers, body: payload, redirect: 'manual' });
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      body: (text ? JSON.parse(text) : {}) as Body,
    };
  };
}

export type ApiCall = ReturnType<typeof apiClient>;

export interface SignedIn {
  user: { id: string; email: string; displayName: string; roles: string[]; emailVerified: boolean };
  accessToken: string;
  refreshToken: string;
  tokenType: string;
  expiresIn: number;
}

let counter = 0;

/** An address no other test in the run uses. */
export function uniqueEmail(label = 'person'): string {
  counter += 1;
  return `${label}.${Date.now().toString(36)}.${counter}@example.test`;
}

export const goodPassword = 'correct horse 42';

export async function register(
  call: ApiCall,
  overrides: { email?: string; password?: string; displayName?: string } = {},
): Promise<SignedIn & { email: string; password: string }> {
  const email = overrides.email ?? uniqueEmail();
  const password = overrides.password ?? goodPassword;
  const answer = await call<SignedIn>('POST', '/api/v1/auth/register', {
    body: { email, password, displayName: overrides.displayName ?? 'Ada' },
  });
  if (answer.status !== 201)
    throw new Error(`register answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  return { ...answer.body, email, password };
}
