import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';

/** One counter a request is counted on: its key and how many requests its window admits. */
export interface WindowCounter {
  key: string;
  limit: number;
}

/** The first counter a request went over, and how long until its window ends. */
export interface OverLimit {
  index: number;
  msLeft: number;
}

/**
 * Fixed-window counters: a window opens with the first request counted on a key and lasts
 * `windowMs`; past its limit a key refuses until the window ends. Counters are counted in order
 * and counting stops at the first one over its limit, so a request refused by one limit never
 * uses up another (as if each were checked in turn).
 */
export interface WindowCounters {
  count(counters: readonly WindowCounter[]): Promise<OverLimit | undefined>;
}

/**
 * The whole check in one Redis round trip. KEYS are the counters in order, ARGV their limits
 * followed by the window in ms. A key that somehow lost its expiry gets one again, so it can
 * never refuse for good.
 */
const countScript = `
local window = tonumber(ARGV[#KEYS + 1])
for index, key in ipairs(KEYS) do
  local count = redis.call('INCR', key)
  local msLeft = redis.call('PTTL', key)
  if msLeft < 0 then
    redis.call('PEXPIRE', key, window)
    msLeft = window
  end
  if count > tonumber(ARGV[index]) then
    return {index, msLeft}
  end
end
return {0, 0}
`;
const countScriptSha = createHash('sha1').update(countScript).digest('hex');

/** Counters every replica shares, on Redis. */
export function redisWindowCounters(redis: Redis, windowMs: number): WindowCounters {
  return {
    async count(counters) {
      const keys = counters.map((counter) => counter.key);
      const args = [...counters.map((counter) => counter.limit), windowMs];
      let answer: unknown;
      try {
        answer = await redis.evalsha(countScriptSha, keys.length, ...keys, ...args);
      } catch (error) {
        // The first call after Redis started (or flushed its scripts) sends the script itself.
        if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
        answer = await redis.eval(countScript, keys.length, ...keys, ...args);
      }
      const [index, msLeft] = answer as [number, number];
      return index === 0 ? undefined : { index: index - 1, msLeft };
    },
  };
}

/** Counters of this process alone, for when Redis cannot be reached. */
export function memoryWindowCounters(windowMs: number, now: () => number = Date.now): WindowCounters {
  const windows = new Map<string, { count: number; endsAt: number }>();
  let nextSweep = now() + windowMs;
  function sweep(at: number): void {
    if (at < nextSweep) return;
    nextSweep = at + windowMs;
    for (const [key, window] of windows) if (window.endsAt <= at) windows.delete(key);
  }
  return {
    async count(counters) {
      const at = now();
      sweep(at);
      for (const [index, counter] of counters.entries()) {
        let window = windows.get(counter.key);
        if (!window || window.endsAt <= at) {
          window = { count: 0, endsAt: at + windowMs };
          windows.set(counter.key, window);
        }
        window.count += 1;
        if (window.count > counter.limit) return { index, msLeft: window.endsAt - at };
      }
      return undefined;
    },
  };
}

/**
 * Redis while it answers, this process's own counters while it does not: limits keep holding
 * per replica through a Redis outage instead of failing open or refusing everyone. A client that
 * is not connected is not asked at all, so an outage costs no waiting.
 */
export function windowCountersWithFallback(redis: Redis, windowMs: number): WindowCounters {
  const shared = redisWindowCounters(redis, windowMs);
  const local = memoryWindowCounters(windowMs);
  return {
    async count(counters) {
      if (redis.status !== 'ready') return local.count(counters);
      try {
        return await shared.count(counters);
      } catch {
        return local.count(counters);
      }
    },
  };
}
