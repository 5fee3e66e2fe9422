/**
 * Where a worker's BullMQ queue lives in Redis: every key under <REDIS_KEY_PREFIX>bull:<queue>:,
 * the jobs that wait for a worker in the list <...>:wait. The video service opens its queue with
 * this prefix, and KEDA scales the worker on that list's length, so both read it from here.
 */
export function queueKeyPrefix(redisKeyPrefix: string): string {
  return `${redisKeyPrefix}bull`;
}

export function queueWaitList(redisKeyPrefix: string, queue: string): string {
  return `${queueKeyPrefix(redisKeyPrefix)}:${queue}:wait`;
}
