// autocannon ships no type declarations; this is the part of its API the benchmarks use.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as (
  options: {
    url: string;
    connections: number;
    duration: number;
    method?: string;
    headers?: Record<string, string>;
    body?: string;
    overallRate?: number;
    amount?: number;
    requests?: { setupRequest: (request: { headers?: Record<string, string> }) => unknown }[];
  },
  done: (error: Error | null, result: LoadResult) => void,
) => void;

export interface LoadResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; average: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}

/**
 * A fixed-duration load from this process against one URL, on loopback only: as fast as the
 * connections go, or at most `requestsPerSecond` (all connections together).
 */
export function load(options: {
  url: string;
  connections: number;
  durationSeconds: number;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  requestsPerSecond?: number;
  /** Stop after this many requests instead of after `durationSeconds`. */
  amount?: number;
  /** Headers for each request in turn, over `headers` (a different account per request). */
  nextHeaders?: () => Record<string, string>;
}): Promise<LoadResult> {
  if (!/^http:\/\/127\.0\.0\.1:\d+\//.test(options.url)) throw new Error('benchmarks target loopback only');
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: options.url,
        connections: options.connections,
        duration: options.durationSeconds,
        ...(options.method ? { method: options.method } : {}),
        ...(options.headers ? { headers: options.headers } : {}),
        ...(options.body ? { body: options.body } : {}),
        ...(options.requestsPerSecond ? { overallRate: options.requestsPerSecond } : {}),
        ...(options.amount ? { amount: options.amount } : {}),
        ...(options.nextHeaders
          ? {
              requests: [
                {
                  setupRequest: (request: { headers?: Record<string, string> }) => ({
                    ...request,
                    headers: { ...request.headers, ...options.nextHeaders!() },
                  }),
                },
              ],
            }
          : {}),
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
  });
}
