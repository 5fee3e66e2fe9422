import { checkPostgres, checkRedis, testAsker } from '../../tools/src/dev/preflight';
import { testPostgresUrl, testRedisUrl } from './stores';

/**
 * Jest's global setup: before any suite starts, make sure the machine's PostgreSQL and Redis
 * answer, and when one does not, stop with the make dev launcher's message naming the way to
 * get it (tools/dev/stores.sh), instead of dozens of suites failing on ECONNREFUSED.
 */
export default async function storePreflight(): Promise<void> {
  const problems = (
    await Promise.all([
      checkPostgres(testPostgresUrl, 3_000, testAsker),
      checkRedis(testRedisUrl, 3_000, testAsker),
    ])
  ).filter((problem) => problem !== undefined);
  if (problems.length > 0) {
    throw new Error(`The tests need PostgreSQL and Redis.\n${problems.join('\n')}`);
  }
}
