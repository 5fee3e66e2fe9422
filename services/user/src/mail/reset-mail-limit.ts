import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';

export interface ResetMailLimitOptions {
  /** Reset mails one address may receive per window. */
  perAddress: number;
  windowSeconds: number;
}

/**
 * How many password-reset mails one address gets: the gateway limits requests per client
 * address, but a botnet asking for one victim's reset from many addresses would still fill
 * that victim's inbox. Counted in Redis per hash of the address, so nothing stored names it.
 */
export class ResetMailLimit {
  constructor(
    private readonly redis: Redis,
    private readonly options: ResetMailLimitOptions,
  ) {}

  /** Counts one more mail to this address; false once the window's allowance is spent. */
  async allow(email: string): Promise<boolean> {
    const key = `reset-mails:${createHash('sha256').update(email.trim().toLowerCase()).digest('base64url')}`;
    const counted = await this.redis.multi().incr(key).expire(key, this.options.windowSeconds, 'NX').exec();
    return Number(counted?.[0]?.[1] ?? 0) <= this.options.perAddress;
  }
}
