import { Redis } from 'ioredis';

/** Removes every key a benchmark wrote under its own prefix. */
export async function removeScratchKeys(redisUrl: string, prefix: string): Promise<void> {
  const redis = new Redis(redisUrl);
  try {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
  } finally {
    redis.disconnect();
  }
}
