import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { deadPort, testPostgresUrl, testRedisUrl } from '../../test/support/stores';
import { devConfigFromEnv } from '../src/dev/config';
import {
  checkBuilt,
  checkMedia,
  checkPort,
  checkPrometheus,
  checkPostgres,
  checkRedis,
  preflight,
  stackPorts,
  testAsker,
} from '../src/dev/preflight';

function postgresUrlWith(change: (url: URL) => void): string {
  const url = new URL(testPostgresUrl);
  change(url);
  return url.toString();
}

describe('pre-flight checks', () => {
  it('name Redis, its address and the ways to get one when nothing answers there', async () => {
    const port = await deadPort();
    const problem = await checkRedis(`redis://127.0.0.1:${port}`, 2_000);
    expect(problem).toContain(`Redis is not answering at 127.0.0.1:${port}`);
    expect(problem).toContain('ECONNREFUSED');
    expect(problem).toContain('sudo tools/dev/stores.sh');
    expect(problem).toContain('docker run -d --name whatif-redis -p 127.0.0.1:6379:6379 redis:7-alpine');
    expect(problem).toContain('REDIS_URL=redis://host:6379 make dev');
  });

  it('name PostgreSQL, its address and the ways to get one when nothing answers there', async () => {
    const port = await deadPort();
    const problem = await checkPostgres(
      postgresUrlWith((url) => (url.port = String(port))),
      2_000,
    );
    expect(problem).toContain(`PostgreSQL is not answering at 127.0.0.1:${port}`);
    expect(problem).toContain('sudo tools/dev/stores.sh');
    expect(problem).toContain('-p 127.0.0.1:5432:5432 -e POSTGRES_USER=whatif -e POSTGRES_PASSWORD=whatif');
    expect(problem).toContain('DATABASE_URL=');
  });

  it('name the test variables and make test when the tests are the ones asking', async () => {
    const port = await deadPort();
    const postgres = await checkPostgres(
      `postgres://whatif:whatif@127.0.0.1:${port}/postgres`,
      2_000,
      testAsker,
    );
    expect(postgres).toContain('make test needs a PostgreSQL server');
    expect(postgres).toContain('TEST_POSTGRES_URL=postgres://user:password@host:5432/whatif make test');
    const redis = await checkRedis(`redis://127.0.0.1:${port}`, 2_000, testAsker);
    expect(redis).toContain('make test needs a Redis server');
    expect(redis).toContain('TEST_REDIS_URL=redis://host:6379 make test');
  });

  it('tell a refused PostgreSQL login apart from a missing server, without echoing the password', async () => {
    const problem = await checkPostgres(
      postgresUrlWith((url) => {
        url.username = 'no_such_role_for_make_dev';
        url.password = 's3cret-value';
      }),
      2_000,
    );
    expect(problem).toContain('refused the login of user "no_such_role_for_make_dev"');
    expect(problem).toContain('sudo tools/dev/stores.sh creates the role "whatif"');
    expect(problem).toContain('DATABASE_URL=');
    expect(problem).not.toContain('s3cret-value');
  });

  it("accept the machine's PostgreSQL and Redis, and a database that does not exist yet (the launcher creates it)", async () => {
    await expect(checkRedis(testRedisUrl, 2_000)).resolves.toBeUndefined();
    await expect(checkPostgres(testPostgresUrl, 2_000)).resolves.toBeUndefined();
    await expect(
      checkPostgres(
        postgresUrlWith((url) => (url.pathname = '/whatif_never_created_by_anyone')),
        2_000,
      ),
    ).resolves.toBeUndefined();
  });

  it('say which port is taken, by whom it is needed, and how to find the holder', async () => {
    const holder = createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    const { port } = holder.address() as AddressInfo;
    try {
      const problem = await checkPort({ port, owner: 'the gateway service' });
      expect(problem).toContain(`Port ${port} is already in use, and the gateway service needs it.`);
      expect(problem).toContain(`lsof -nP -iTCP:${port} -sTCP:LISTEN`);
    } finally {
      await new Promise<void>((resolve) => holder.close(() => resolve()));
    }
    await expect(checkPort({ port, owner: 'the gateway service' })).resolves.toBeUndefined();
  });

  it('claim the catalog ports of all seven services, the video worker, the DynamoDB port and the web app', () => {
    const claims = stackPorts(devConfigFromEnv({ DEV_DYNAMODB_PORT: '8100' }));
    expect(claims.map((claim) => claim.port)).toEqual([
      3000, 3001, 3002, 3003, 3004, 3005, 3006, 3008, 8100, 3007,
    ]);
    expect(claims.find((claim) => claim.port === 3008)?.owner).toBe('the video-worker');
  });

  it('name the video renderer programs that are missing and the script that installs them', () => {
    const emptyRoot = mkdtempSync(path.join(tmpdir(), 'dev-preflight-'));
    try {
      const problem = checkMedia({ fontDir: emptyRoot, searchPath: emptyRoot });
      expect(problem).toContain(
        `The video renderer's programs are missing: ffmpeg, ffprobe, espeak-ng, DejaVuSans.ttf in ${emptyRoot}.`,
      );
      expect(problem).toContain('sudo tools/dev/media.sh');
      expect(problem).toContain('brew install ffmpeg espeak-ng');
      expect(checkMedia({ fontDir: emptyRoot, searchPath: emptyRoot }, testAsker)).toContain(
        'make test renders',
      );
    } finally {
      rmSync(emptyRoot, { recursive: true, force: true });
    }
  });

  it('find the video renderer programs this machine has (tools/dev/media.sh installed them)', () => {
    expect(
      checkMedia({ fontDir: devConfigFromEnv({}).videoFontDir, searchPath: process.env['PATH'] }),
    ).toBeUndefined();
  });

  it('name promtool and prometheus when they are missing, and the script that installs them', () => {
    const emptyRoot = mkdtempSync(path.join(tmpdir(), 'dev-preflight-'));
    try {
      const problem = checkPrometheus(['promtool', 'prometheus'], emptyRoot, 'make observe runs Prometheus');
      expect(problem).toContain('promtool and prometheus are missing: make observe runs Prometheus.');
      expect(problem).toContain('sudo tools/dev/prometheus.sh');
      expect(checkPrometheus(['promtool'], process.env['PATH'], 'make test')).toBeUndefined();
    } finally {
      rmSync(emptyRoot, { recursive: true, force: true });
    }
  });

  it('name the entry points that are not built and the command that builds them', () => {
    const emptyRoot = mkdtempSync(path.join(tmpdir(), 'dev-preflight-'));
    try {
      const problem = checkBuilt(devConfigFromEnv({}, { repoRoot: emptyRoot }));
      expect(problem).toContain(path.join('services', 'gateway', 'dist', 'main.js'));
      expect(problem).toContain(path.join('services', 'social', 'dist', 'main.js'));
      expect(problem).toContain(path.join('services', 'video', 'dist', 'worker.js'));
      expect(problem).toContain('npm run build');
    } finally {
      rmSync(emptyRoot, { recursive: true, force: true });
    }
  });

  it('report every problem of a run together', async () => {
    const [redisPort, postgresPort, dynamoPort] = [await deadPort(), await deadPort(), await deadPort()];
    const config = devConfigFromEnv({
      REDIS_URL: `redis://127.0.0.1:${redisPort}`,
      DATABASE_URL: `postgres://whatif:whatif@127.0.0.1:${postgresPort}/whatif`,
      DEV_DYNAMODB_PORT: String(dynamoPort),
    });
    // Without the services: binding their fixed ports here could collide with the end-to-end test's launcher.
    const problems = await preflight({ ...config, services: [] });
    expect(problems.some((problem) => problem.startsWith('Redis is not answering'))).toBe(true);
    expect(problems.some((problem) => problem.startsWith('PostgreSQL is not answering'))).toBe(true);
  });
});
