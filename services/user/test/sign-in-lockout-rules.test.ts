import { createHash } from 'node:crypto';
import { Redis } from 'ioredis';
import { Registry } from 'prom-client';
import { type TestRedisPrefix, createTestRedisPrefix, testRedisUrl } from '../../../test/support/stores';
import { SignInLockout } from '../src/lockout/sign-in-lockout';

/**
 * The lockout's rules on real Redis, one account and address at a time: exactly when a lock
 * starts, how long it says to wait, who it spares, and what lifts it. The HTTP side (429 and
 * Retry-After at every password endpoint) is in sign-in-lockout.test.ts.
 */

let prefix: TestRedisPrefix;
let redis: Redis;

beforeAll(() => {
  prefix = createTestRedisPrefix();
  redis = new Redis(testRedisUrl, { keyPrefix: prefix.prefix });
});

afterAll(async () => {
  redis.disconnect();
  await prefix.cleanup();
});

let accounts = 0;
/** An address no other test uses. */
const newEmail = () => `person-${(accounts += 1)}-${Date.now()}@example.com`;

function lockout(options: Partial<ConstructorParameters<typeof SignInLockout>[1]> = {}) {
  const registry = new Registry();
  const made = new SignInLockout(redis, {
    perAddressThreshold: 3,
    perAccountThreshold: 5,
    lockSeconds: 60,
    registry,
    ...options,
  });
  return { lockout: made, registry };
}

async function counted(registry: Registry, name: string): Promise<string> {
  return registry.getSingleMetricAsString(name);
}

describe('one address guessing one account', () => {
  test('the threshold-th failure locks it, for the whole lock period, and earlier ones do not', async () => {
    const { lockout: rules } = lockout();
    const email = newEmail();
    expect(await rules.recordFailure(email, '198.51.100.1')).toEqual({ locked: false });
    expect(await rules.recordFailure(email, '198.51.100.1')).toEqual({ locked: false });
    expect(await rules.check(email, '198.51.100.1')).toEqual({ locked: false });
    expect(await rules.recordFailure(email, '198.51.100.1')).toEqual({ locked: true, retryAfterSeconds: 60 });
    expect(await rules.check(email, '198.51.100.1')).toEqual({ locked: true, retryAfterSeconds: 60 });
    // Other addresses, and other accounts from this address, are not locked.
    expect(await rules.check(email, '198.51.100.2')).toEqual({ locked: false });
    expect(await rules.check(newEmail(), '198.51.100.1')).toEqual({ locked: false });
  });

  test('the account is the typed address, whatever its case and surrounding spaces', async () => {
    const { lockout: rules } = lockout();
    const email = newEmail();
    await rules.recordFailure(email, '198.51.100.3');
    await rules.recordFailure(`  ${email.toUpperCase()} `, '198.51.100.3');
    expect(await rules.recordFailure(email.replace('person', 'PERSON'), '198.51.100.3')).toMatchObject({
      locked: true,
    });
  });

  test('the wait is rounded up to whole seconds', async () => {
    const { lockout: rules } = lockout({ perAddressThreshold: 1, lockSeconds: 2 });
    const email = newEmail();
    await rules.recordFailure(email, '198.51.100.4');
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect(await rules.check(email, '198.51.100.4')).toEqual({ locked: true, retryAfterSeconds: 1 });
  });

  test('failures further apart than the lock period do not add up', async () => {
    const { lockout: rules } = lockout({ perAddressThreshold: 2, perAccountThreshold: 2, lockSeconds: 1 });
    const email = newEmail();
    await rules.recordFailure(email, '198.51.100.5');
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    expect(await rules.recordFailure(email, '198.51.100.5')).toEqual({ locked: false });
  });

  test('a correct password forgets this address’s failures and makes it familiar', async () => {
    const { lockout: rules } = lockout();
    const email = newEmail();
    await rules.recordFailure(email, '198.51.100.6');
    await rules.recordFailure(email, '198.51.100.6');
    await rules.recordSuccess(email, '198.51.100.6');
    expect(await rules.recordFailure(email, '198.51.100.6')).toEqual({ locked: false });
    expect(await rules.recordFailure(email, '198.51.100.6')).toEqual({ locked: false });
    expect(await rules.recordFailure(email, '198.51.100.6')).toMatchObject({ locked: true });
  });

  test('each lock started is counted once by its scope, each failure once', async () => {
    const { lockout: rules, registry } = lockout({ perAddressThreshold: 2, perAccountThreshold: 3 });
    const email = newEmail();
    await rules.recordFailure(email, '198.51.100.7');
    await rules.recordFailure(email, '198.51.100.7');
    await rules.recordFailure(email, '198.51.100.8');
    expect(await counted(registry, 'user_sign_in_failures_total')).toContain('user_sign_in_failures_total 3');
    const lockouts = await counted(registry, 'user_sign_in_lockouts_total');
    expect(lockouts).toContain('user_sign_in_lockouts_total{scope="address"} 1');
    expect(lockouts).toContain('user_sign_in_lockouts_total{scope="account"} 1');
    // More failures while locked neither start nor extend a lock.
    await rules.recordFailure(email, '198.51.100.7');
    await rules.recordFailure(email, '198.51.100.7');
    await rules.recordFailure(email, '198.51.100.9');
    await rules.recordFailure(email, '198.51.100.9');
    await rules.recordFailure(email, '198.51.100.9');
    const after = await counted(registry, 'user_sign_in_lockouts_total');
    expect(after).toContain('user_sign_in_lockouts_total{scope="address"} 2');
    expect(after).toContain('user_sign_in_lockouts_total{scope="account"} 1');
  });

  test('without a registry it counts nothing and still locks', async () => {
    const rules = new SignInLockout(redis, {
      perAddressThreshold: 1,
      perAccountThreshold: 9,
      lockSeconds: 60,
    });
    expect(await rules.recordFailure(newEmail(), '198.51.100.10')).toMatchObject({ locked: true });
  });
});

describe('guessing spread over many addresses', () => {
  test('the account-wide threshold locks out every address the account never signed in from', async () => {
    const { lockout: rules } = lockout({ perAddressThreshold: 10, perAccountThreshold: 4 });
    const email = newEmail();
    await rules.recordSuccess(email, '192.0.2.1');
    for (const bot of ['203.0.113.1', '203.0.113.2', '203.0.113.3'])
      expect(await rules.recordFailure(email, bot)).toEqual({ locked: false });
    expect(await rules.recordFailure(email, '203.0.113.4')).toEqual({ locked: true, retryAfterSeconds: 60 });
    expect(await rules.check(email, '203.0.113.200')).toEqual({ locked: true, retryAfterSeconds: 60 });
    expect(await rules.check(email, '192.0.2.1')).toEqual({ locked: false });
  });

  test('an address stays familiar for thirty days after its last sign-in', async () => {
    const { lockout: rules } = lockout();
    const email = newEmail();
    await rules.recordSuccess(email, '192.0.2.9');
    const account = createHash('sha256').update(email).digest('base64url');
    const ttl = await redis.ttl(`sign-in-familiar:${account}`);
    expect(ttl).toBeGreaterThan(30 * 24 * 3600 - 60);
    expect(ttl).toBeLessThanOrEqual(30 * 24 * 3600);
  });

  test('a familiar address that guesses too often is locked out by its own count', async () => {
    const { lockout: rules } = lockout({ perAddressThreshold: 2, perAccountThreshold: 2 });
    const email = newEmail();
    await rules.recordSuccess(email, '192.0.2.2');
    await rules.recordFailure(email, '192.0.2.2');
    expect(await rules.recordFailure(email, '192.0.2.2')).toMatchObject({ locked: true });
  });

  test('clearing the account (a password reset) lifts every lock and count on it, each address’s own included', async () => {
    const { lockout: rules } = lockout({ perAddressThreshold: 2, perAccountThreshold: 4 });
    const email = newEmail();
    await rules.recordSuccess(email, '192.0.2.4');
    await rules.recordFailure(email, '203.0.113.10');
    await rules.recordFailure(email, '203.0.113.10');
    await rules.recordFailure(email, '203.0.113.11');
    await rules.recordFailure(email, '203.0.113.15');
    expect(await rules.check(email, '203.0.113.10')).toMatchObject({ locked: true });
    expect(await rules.check(email, '203.0.113.12')).toMatchObject({ locked: true });
    await rules.clearAccount(email);
    for (const ip of ['203.0.113.10', '203.0.113.11', '203.0.113.12'])
      expect(await rules.check(email, ip)).toEqual({ locked: false });
    // Every count starts again from nothing: one more failure locks neither 203.0.113.11 nor the account.
    expect(await rules.recordFailure(email, '203.0.113.11')).toEqual({ locked: false });
    expect(await rules.recordFailure(email, '203.0.113.13')).toEqual({ locked: false });
    // The owner's address stays familiar: the next account-wide lock spares it.
    await rules.recordFailure(email, '203.0.113.14');
    await rules.recordFailure(email, '203.0.113.16');
    expect(await rules.check(email, '203.0.113.17')).toMatchObject({ locked: true });
    expect(await rules.check(email, '192.0.2.4')).toEqual({ locked: false });
  });

  test('clearing or forgetting one account leaves every other account’s locks, and lifting those later', async () => {
    const { lockout: rules } = lockout({ perAddressThreshold: 1, perAccountThreshold: 9 });
    const [first, second] = [newEmail(), newEmail()];
    await rules.recordFailure(first, '203.0.113.50');
    await rules.recordFailure(second, '203.0.113.51');
    await rules.clearAccount(first);
    await rules.forgetAccount(first);
    expect(await rules.check(second, '203.0.113.51')).toMatchObject({ locked: true });
    await rules.clearAccount(second);
    expect(await rules.check(second, '203.0.113.51')).toEqual({ locked: false });
  });

  test('a password reset also forgets the failures counted toward an account-wide lock not reached yet', async () => {
    const { lockout: rules } = lockout({ perAddressThreshold: 10, perAccountThreshold: 3 });
    const email = newEmail();
    await rules.recordFailure(email, '203.0.113.30');
    await rules.recordFailure(email, '203.0.113.31');
    await rules.clearAccount(email);
    expect(await rules.recordFailure(email, '203.0.113.32')).toEqual({ locked: false });
    expect(await rules.recordFailure(email, '203.0.113.33')).toEqual({ locked: false });
    expect(await rules.recordFailure(email, '203.0.113.34')).toEqual({ locked: true, retryAfterSeconds: 60 });
  });

  test('a deleted account’s failures short of a lock do not count against a new account of the same address', async () => {
    const { lockout: rules } = lockout({ perAddressThreshold: 10, perAccountThreshold: 3 });
    const email = newEmail();
    await rules.recordFailure(email, '203.0.113.40');
    await rules.recordFailure(email, '203.0.113.41');
    await rules.forgetAccount(email);
    expect(await rules.recordFailure(email, '203.0.113.42')).toEqual({ locked: false });
    expect(await rules.recordFailure(email, '203.0.113.43')).toEqual({ locked: false });
    const account = createHash('sha256').update(email).digest('base64url');
    expect(await redis.exists(`sign-in-failures:${account}`)).toBe(1);
    await rules.forgetAccount(email);
    expect(await redis.exists(`sign-in-failures:${account}`)).toBe(0);
  });

  test('forgetting the account (its deletion) leaves nothing keyed by it: locks, counts and familiar addresses', async () => {
    const { lockout: rules } = lockout({ perAddressThreshold: 2, perAccountThreshold: 4 });
    const email = newEmail();
    await rules.recordSuccess(email, '192.0.2.3');
    await rules.recordFailure(email, '203.0.113.20');
    await rules.recordFailure(email, '203.0.113.20');
    await rules.recordFailure(email, '203.0.113.21');
    expect(await rules.check(email, '203.0.113.20')).toMatchObject({ locked: true });
    await rules.forgetAccount(email);
    const account = createHash('sha256').update(email).digest('base64url');
    expect(await redis.keys(`${prefix.prefix}*${account}*`)).toEqual([]);
    // A new account of the same address starts afresh: no lock, no count, no familiar address.
    expect(await rules.check(email, '203.0.113.20')).toEqual({ locked: false });
    expect(await rules.recordFailure(email, '203.0.113.21')).toEqual({ locked: false });
    await rules.recordFailure(email, '203.0.113.22');
    await rules.recordFailure(email, '203.0.113.23');
    expect(await rules.recordFailure(email, '203.0.113.24')).toMatchObject({ locked: true });
    expect(await rules.check(email, '192.0.2.3')).toMatchObject({ locked: true });
  });

  test('the list of addresses to lift outlives every lock and count on it', async () => {
    const { lockout: rules } = lockout({ perAddressThreshold: 2, lockSeconds: 60 });
    const email = newEmail();
    await rules.recordFailure(email, '203.0.113.60');
    await rules.recordFailure(email, '203.0.113.60');
    await rules.recordFailure(email, '203.0.113.61');
    const account = createHash('sha256').update(email).digest('base64url');
    const ttls = await Promise.all(
      [
        `sign-in-addresses:${account}`,
        `sign-in-lock:${account}:203.0.113.60`,
        `sign-in-failures:${account}:203.0.113.61`,
      ].map((key) => redis.ttl(key)),
    );
    const [list, ...listed] = ttls;
    expect(Math.min(...listed)).toBeGreaterThan(0);
    expect(list).toBeGreaterThanOrEqual(Math.max(...listed));
    expect(list).toBeLessThanOrEqual(2 * 60);
  });
});
