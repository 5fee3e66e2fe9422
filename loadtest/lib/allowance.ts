/**
 * Limits the journeys keep within, as a person would, instead of counting refusals: social takes
 * `commentsPerMinute` comments a minute per account (services/social: comment-routes.ts; a test
 * keeps the two equal).
 */
export const commentsPerMinute = 10;

/**
 * At most `limit` actions in any 61 s (a second more than the minute, for the service's clock
 * and the time on the way), so the service's per-minute count never refuses one. Per VU: each
 * VU holds its own.
 */
export function allowance(limit: number): { take(): boolean } {
  const windowMs = 61_000;
  const taken: number[] = [];
  return {
    take() {
      const now = Date.now();
      while (taken.length > 0 && taken[0]! <= now - windowMs) taken.shift();
      if (taken.length >= limit) return false;
      taken.push(now);
      return true;
    },
  };
}

/**
 * A VU's share of an account's allowance: VUs take accounts in turn (lib/accounts.ts), so when
 * there are more VUs than accounts, up to `ceil(vus / accounts)` share one.
 */
export function perVuShare(limit: number, vus: number, accounts: number): number {
  return Math.floor(limit / Math.max(1, Math.ceil(vus / Math.max(1, accounts))));
}
