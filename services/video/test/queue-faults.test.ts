import { type Relay, startRelay } from '../../../test/support/relay';
import { eventually } from '../../../test/support/eventually';
import { deadPort, testRedisUrl } from '../../../test/support/stores';
import { captureLogs } from '../../../test/support/logs';
import { dependencyUnavailable } from '@what-if/kit';
import { createRedis } from '@what-if/kit/redis';
import { createVideoQueue } from '../src/jobs/video-queue';
import { englishScenario } from './support/scenarios';
import { type VideoHarness, startVideo } from './support/video-harness';
import { startWorkerProcess } from './support/worker-process';

/**
 * Redis away while the API needs its queue (BullMQ, on a connection of its own): the requests
 * that touch the queue are answered 503 naming redis, the others served, and everything works
 * again once Redis is back. Redis sits behind a relay this test stops and starts.
 */
let redis: Relay;
let video: VideoHarness;

beforeAll(async () => {
  const target = new URL(testRedisUrl);
  redis = await startRelay(target.hostname, Number(target.port || 6379));
  video = await startVideo({ REDIS_URL: `redis://127.0.0.1:${redis.port}` });
});

afterAll(async () => {
  await video?.stop();
  await redis?.close();
});

interface VideoBody {
  id: string;
  status: string;
}

async function queuedVideo(token: string, userId: string): Promise<string> {
  const scenario = englishScenario();
  video.saveScenario(userId, scenario);
  const answer = await video.call<VideoBody>('POST', '/api/v1/videos', {
    token,
    body: { scenarioId: scenario.id },
  });
  expect(answer.status).toBe(202);
  return answer.body.id;
}

const redisUnavailable = {
  type: '/problems/redis-unavailable',
  status: 503,
  dependency: 'redis',
};

test('without Redis: 503 naming redis with Retry-After where the queue is needed; back, the same requests succeed', async () => {
  const user = video.newUser();
  const toDelete = await queuedVideo(user.token, user.userId);
  const toCancel = await queuedVideo(user.token, user.userId);

  await redis.stop();
  try {
    const removal = await video.call('DELETE', `/api/v1/videos/${toDelete}`, { token: user.token });
    expect(removal.status).toBe(503);
    expect(removal.headers.get('retry-after')).toBe('5');
    expect(removal.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(removal.body).toMatchObject(redisUnavailable);

    const cancel = await video.call('POST', `/api/v1/videos/${toCancel}/cancel`, { token: user.token });
    expect(cancel.status).toBe(503);
    expect(cancel.body).toMatchObject(redisUnavailable);

    const scenario = englishScenario();
    video.saveScenario(user.userId, scenario);
    const request = await video.call('POST', '/api/v1/videos', {
      token: user.token,
      body: { scenarioId: scenario.id },
    });
    expect(request.status).toBe(503);
    expect(request.body).toMatchObject(redisUnavailable);

    // What needs only DynamoDB is still served.
    const list = await video.call<{ items: VideoBody[] }>('GET', '/api/v1/videos', { token: user.token });
    expect(list.status).toBe(200);

    const ready = await fetch(`${video.url}/health/ready`);
    expect(ready.status).toBe(503);
    const readiness = (await ready.json()) as { details: Record<string, { status: string }> };
    expect(readiness.details['redis']?.status).toBe('down');
  } finally {
    await redis.start();
  }

  const removed = await eventually(async () => {
    const answer = await video.call('DELETE', `/api/v1/videos/${toDelete}`, { token: user.token });
    expect(answer.status).toBe(204);
    return answer;
  });
  expect(removed.status).toBe(204);
  expect((await video.call('GET', `/api/v1/videos/${toDelete}`, { token: user.token })).status).toBe(404);
  // The first attempt canceled the record before the queue failed: it is canceled, not running.
  const canceled = await video.call<VideoBody>('GET', `/api/v1/videos/${toCancel}`, { token: user.token });
  expect(canceled.body.status).toBe('canceled');
  const scenario = englishScenario();
  video.saveScenario(user.userId, scenario);
  await eventually(async () => {
    const answer = await video.call('POST', '/api/v1/videos', {
      token: user.token,
      body: { scenarioId: scenario.id },
    });
    expect(answer.status).toBe(202);
  });
  const metrics = await (await fetch(`${video.url}/metrics`)).text();
  // The three above, and any retry answered while Redis was coming back.
  const counted = /^dependency_unavailable_total\{dependency="redis",service="video"\} (\d+)$/m.exec(metrics);
  expect(Number(counted?.[1])).toBeGreaterThanOrEqual(3);
});

test('the worker: readiness names redis while it is away, it says so once, and it takes jobs again once Redis is back', async () => {
  const worker = await startWorkerProcess(video.env);
  try {
    const port = worker.logs.find((line) => typeof line['port'] === 'number')?.['port'] as number;
    const readiness = async () => {
      const answer = await fetch(`http://127.0.0.1:${port}/health/ready`);
      return {
        status: answer.status,
        body: (await answer.json()) as { details?: Record<string, { status: string }> },
      };
    };
    await redis.stop();
    try {
      await eventually(async () => {
        const answer = await readiness();
        expect(answer.status).toBe(503);
        expect(answer.body.details?.['redis']?.status).toBe('down');
      });
      await eventually(async () =>
        expect(
          worker.logs.filter(
            (line) => line['level'] === 'warn' && line['msg'] === 'video worker: queue error',
          ).length,
        ).toBeGreaterThan(0),
      );
    } finally {
      await redis.start();
    }
    await eventually(async () => expect((await readiness()).status).toBe(200), 20_000);
    expect(
      worker.logs.filter(
        (line) => line['msg'] === 'video worker: queue connection restored; taking jobs again',
      ),
    ).toHaveLength(1);
    // Each reconnect attempt repeats the error: it was logged once, not at every attempt.
    const warnings = worker.logs.filter((line) => line['msg'] === 'video worker: queue error');
    expect(new Set(warnings.map((line) => JSON.stringify(line['err']))).size).toBe(warnings.length);

    const user = video.newUser();
    const scenario = englishScenario();
    video.saveScenario(user.userId, scenario);
    const id = await eventually(async () => {
      const answer = await video.call<VideoBody>('POST', '/api/v1/videos', {
        token: user.token,
        body: { scenarioId: scenario.id },
      });
      expect(answer.status).toBe(202);
      return answer.body.id;
    });
    await eventually(async () => {
      const read = await video.call<VideoBody>('GET', `/api/v1/videos/${id}`, { token: user.token });
      expect(read.body.status).not.toBe('queued');
    }, 30_000);
    await video.call('POST', `/api/v1/videos/${id}/cancel`, { token: user.token });
  } finally {
    await worker.stop();
  }
}, 90_000);

test('a queue whose Redis was away from the start refuses at once, marked, instead of waiting for it', async () => {
  const logs = captureLogs('video');
  const away = createRedis({ url: `redis://127.0.0.1:${await deadPort()}`, keyPrefix: '' }, logs.logger);
  const queue = createVideoQueue(
    { prefix: 'test:away:bull', name: 'videos', attempts: 1, backoffSeconds: 1 },
    'test:away:',
    away.client,
  );
  try {
    for (const attempt of [queue.discard('a-video'), queue.enqueue('a-video'), queue.counts()]) {
      const failure = await attempt.then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(dependencyUnavailable(failure)).toBe('redis');
    }
  } finally {
    await queue.close().catch(() => undefined);
    await away.close();
  }
});
