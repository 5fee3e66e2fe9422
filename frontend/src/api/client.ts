import { ApiProblem, networkProblem, problemFrom } from './problem';
import { currentSession, forgetSession, refreshSession, sessionSettled } from './session';

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
  accept?: string;
  /** Further request headers, such as an Idempotency-Key. */
  headers?: Record<string, string>;
}

async function send(path: string, options: RequestOptions, token: string | null): Promise<Response> {
  const headers: Record<string, string> = {
    ...options.headers,
    accept: options.accept ?? 'application/json',
  };
  if (token) headers['authorization'] = `Bearer ${token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  try {
    return await fetch(path, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw networkProblem();
  }
}

/**
 * Calls the API on this origin with the in-memory access token. A 401 refreshes the session
 * once and repeats the call; a second 401 forgets the session (pages that need one then send
 * the person to sign in, keeping where they were).
 */
export async function apiResponse(path: string, options: RequestOptions = {}): Promise<Response> {
  await sessionSettled();
  const token = currentSession().accessToken;
  let response = await send(path, options, token);
  if (response.status === 401 && token) {
    if (await refreshSession()) response = await send(path, options, currentSession().accessToken);
    if (response.status === 401) forgetSession();
  }
  if (!response.ok) throw await problemFrom(response);
  return response;
}

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const response = await apiResponse(path, options);
  if (response.status === 204 || response.status === 202) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** SWR's fetcher: the key is the path. */
export const fetcher = <T>(path: string): Promise<T> => api<T>(path);

export function isProblem(error: unknown): error is ApiProblem {
  return error instanceof ApiProblem;
}

export function query(params: Record<string, string | number | boolean | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  // Spaces as %20, not the form encoding's "+": an OpenAPI validator takes "+" for a reserved
  // character in a parameter that does not allow them (a literal "+" is already "%2B").
  const text = search.toString().replace(/\+/g, '%20');
  return text ? `?${text}` : '';
}
