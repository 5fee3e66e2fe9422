import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { Counter, type Registry } from 'prom-client';

export interface SignInLockoutOptions {
  /** Failures from one address on one account that lock that address out of it. */
  perAddressThreshold: number;
  /** Failures from every address on one account that lock it for unfamiliar addresses. */
  perAccountThreshold: number;
  /** How long a lock lasts; failures are counted over the same window. */
  lockSeconds: number;
  /** Where the failure and lockout counters go: the service's registry. */
  registry?: Registry;
}

export type LockState = { locked: false } | { locked: true; retryAfterSeconds: number };

/** Addresses an account signed in from stay familiar this long. */
const familiarForSeconds = 30 * 24 * 3600;

/**
 * Temporary lockout after repeated failed sign-ins, designed so an attacker cannot lock a
 * person out for good:
 * - failures are counted per account *and* address: guessing from one address locks only
 *   that address out of that account;
 * - a per-account cap catches guessing spread over many addresses, but it locks out only
 *   addresses the account has never signed in from, so its owner's usual networks still work;
 * - a lock lasts a fixed time and attempts during it are refused without being counted,
 *   so hammering does not extend it; a password reset lifts every lock on the account.
 * Accounts are keyed by a hash of the typed email, existing or not, so a lock reveals nothing.
 */
export class SignInLockout {
  private readonly failures: Counter | undefined;
  private readonly lockouts: Counter<'scope'> | undefined;

  constructor(
    private readonly redis: Redis,
    private readonly options: SignInLockoutOptions,
  ) {
    if (!options.registry) return;
    const registers = [options.registry];
    this.failures = new Counter({
      name: 'user_sign_in_failures_total',
      help: 'Sign-ins refused for a wrong email or password (each one counts toward a lockout)',
      registers,
    });
    this.lockouts = new Counter({
      name: 'user_sign_in_lockouts_total',
      help: 'Lockouts started, by scope: one address on one account, or an account for unfamiliar addresses',
      labelNames: ['scope'] as const,
      registers,
    });
  }

  async check(email: string, ip: string): Promise<LockState> {
    const account = accountKey(email);
    const [addressLockMs, accountLockMs, familiar] = await Promise.all([
      this.redis.pttl(`sign-in-lock:${account}:${ip}`),
      this.redis.pttl(`sign-in-lock:${account}`),
      this.redis.sismember(`sign-in-familiar:${account}`, ip),
    ]);
    const remainingMs = Math.max(addressLockMs, familiar ? -1 : accountLockMs);
    return remainingMs > 0
      ? { locked: true, retryAfterSeconds: Math.ceil(remainingMs / 1000) }
      : { locked: false };
  }

  /** Counts a failure; answers the lock it caused, if any. */
  async recordFailure(email: string, ip: string): Promise<LockState> {
    const account = accountKey(email);
    const { lockSeconds, perAddressThreshold, perAccountThreshold } = this.options;
    const addressCounter = `sign-in-failures:${account}:${ip}`;
    const accountCounter = `sign-in-failures:${account}`;
    const addresses = addressesKey(account);
    const counts = await this.redis
      .multi()
      .incr(addressCounter)
      .expire(addressCounter, lockSeconds, 'NX')
      .incr(accountCounter)
      .expire(accountCounter, lockSeconds, 'NX')
      // The addresses with a count or a lock on this account, so a reset or a deletion finds them
      // without a key scan. Kept twice the lock period after the latest failure: an address's lock
      // starts at one of its failures and lasts one period, its count lasts one period from the first.
      .sadd(addresses, ip)
      .expire(addresses, 2 * lockSeconds)
      .exec();
    const addressFailures = Number(counts?.[0]?.[1] ?? 0);
    const accountFailures = Number(counts?.[2]?.[1] ?? 0);
    this.failures?.inc();
    if (addressFailures >= perAddressThreshold) {
      const locked = await this.redis
        .multi()
        .set(`sign-in-lock:${account}:${ip}`, '1', 'EX', lockSeconds, 'NX')
        .del(addressCounter)
        .exec();
      if (locked?.[0]?.[1] === 'OK') this.lockouts?.inc({ scope: 'address' });
    }
    if (accountFailures >= perAccountThreshold) {
      const locked = await this.redis
        .multi()
        .set(`sign-in-lock:${account}`, '1', 'EX', lockSeconds, 'NX')
        .del(accountCounter)
        .exec();
      if (locked?.[0]?.[1] === 'OK') this.lockouts?.inc({ scope: 'account' });
    }
    return this.check(email, ip);
  }

  /** A correct password: this address's failures are forgotten and it becomes familiar. */
  async recordSuccess(email: string, ip: string): Promise<void> {
    const account = accountKey(email);
    await this.redis
      .multi()
      .del(`sign-in-failures:${account}:${ip}`)
      .sadd(`sign-in-familiar:${account}`, ip)
      .expire(`sign-in-familiar:${account}`, familiarForSeconds)
      .exec();
  }

  /**
   * After a password reset, which proves the owner is back: every lock and count on the account
   * goes, the account-wide one and each address's own (the owner's included, who may have locked
   * their own address out before asking for the reset). Familiar addresses stay familiar.
   */
  async clearAccount(email: string): Promise<void> {
    const account = accountKey(email);
    await this.redis.del(...(await this.countsAndLocks(account)));
  }

  /** When the account is deleted (or its address changed), nothing keyed by its address stays behind. */
  async forgetAccount(email: string): Promise<void> {
    const account = accountKey(email);
    await this.redis.del(...(await this.countsAndLocks(account)), `sign-in-familiar:${account}`);
  }

  private async countsAndLocks(account: string): Promise<string[]> {
    const ips = await this.redis.smembers(addressesKey(account));
    return [
      `sign-in-lock:${account}`,
      `sign-in-failures:${account}`,
      addressesKey(account),
      ...ips.flatMap((ip) => [`sign-in-lock:${account}:${ip}`, `sign-in-failures:${account}:${ip}`]),
    ];
  }
}

function accountKey(email: string): string {
  return createHash('sha256').update(email.trim().toLowerCase()).digest('base64url');
}

function addressesKey(account: string): string {
  return `sign-in-addresses:${account}`;
}
