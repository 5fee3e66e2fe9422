/** A dependency a service needs to serve: readiness asks each one, and shutdown closes it. */
export interface Store {
  /** Shown in readiness answers: postgres, redis, dynamodb. */
  name: string;
  /** Resolves when the store answers; rejects with the reason when it does not. */
  check(): Promise<void>;
  /**
   * The service serves without it, degraded (the gateway's rate limits and generation's quotas
   * count in each replica's memory): readiness names it down but stays ready, so a load balancer
   * does not pull every replica out, and the product with them, while this store is away.
   */
  degradesWithout?: boolean;
  close(): Promise<void>;
}

/** Rejects when a check takes longer than a probe may wait. */
export function withTimeout<T>(work: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${timeoutMs} ms`)), timeoutMs);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
