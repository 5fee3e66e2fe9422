import { catalogDefault } from '../../tools/src/dev/config';
import {
  checkMedia,
  checkPostgres,
  checkPrometheus,
  checkRedis,
  testAsker,
} from '../../tools/src/dev/preflight';
import { testPostgresUrl, testRedisUrl } from './stores';

/**
 * Jest's global setup: before any suite starts, make sure the machine's PostgreSQL and Redis
 * answer and the video renderer's programs and promtool are installed, and when one is missing,
 * stop with the make dev launcher's message naming the way to get it (tools/dev/stores.sh,
 * tools/dev/media.sh, tools/dev/prometheus.sh), instead of dozens of suites failing on ECONNREFUSED or ENOENT.
 */
export default async function storePreflight(): Promise<void> {
  const problems = (
    await Promise.all([
      checkPostgres(testPostgresUrl, 3_000, testAsker),
      checkRedis(testRedisUrl, 3_000, testAsker),
      checkMedia(
        {
          fontDir: process.env['VIDEO_FONT_DIR'] || catalogDefault('VIDEO_FONT_DIR'),
          searchPath: process.env['PATH'],
        },
        testAsker,
      ),
      checkPrometheus(
        ['promtool'],
        process.env['PATH'],
        'make test checks and unit-tests the alert rules with it',
      ),
    ])
  ).filter((problem) => problem !== undefined);
  if (problems.length > 0) {
    throw new Error(
      `The tests need PostgreSQL, Redis, the video renderer's programs and promtool.\n${problems.join('\n')}`,
    );
  }
}
