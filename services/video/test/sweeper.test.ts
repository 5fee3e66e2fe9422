import { Redis } from 'ioredis';
import { eventually } from '../../../test/support/eventually';
import { bullPrefix } from '../src/jobs/video-queue';
import { queueName } from '../src/service';
import { englishScenario } from './support/scenarios';
import { type VideoHarness, startVideo } from './support/video-harness';

let video: VideoHarness;
let redis: Redis;

beforeAll(async () => {
  video = await startVideo();
  redis = new Redis(video.env['REDIS_URL']!);
});

afterAll(async () => {
  redis?.disconnect();
  await video?.stop();
});

/** Every key BullMQ keeps for the videos queue: what a Redis failover to an empty replica loses. */
async function queueKeys(): Promise<string[]> {
  const pattern = `${bullPrefix(video.env['REDIS_KEY_PREFIX']!)}:${queueName}:*`;
  const keys: string[] = [];
  let cursor = '0';
  do {
    const [next, found] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
    cursor = next;
    keys.push(...found);
  } while (cursor !== '0');
  return keys;
}

test('an accepted video whose queue entry Redis lost is queued again by the sweeper and rendered', async () => {
  const user = video.newUser();
  const scenario = englishScenario();
  video.saveScenario(user.userId, scenario);
  // No worker runs yet: the job is accepted, recorded and queued, and waits.
  const accepted = await video.call<{ id: string; status: string }>('POST', '/api/v1/videos', {
    token: user.token,
    body: { scenarioId: scenario.id, rate: 1.5 },
  });
  expect(accepted.status).toBe(202);
  const id = accepted.body.id;
  const entry = (await queueKeys()).filter((key) => key.endsWith(`:${id}`));
  expect(entry).toHaveLength(1);

  // Redis loses the queue (a failover to a replica that had not seen it); the record stays.
  const lost = await queueKeys();
  await redis.del(...lost);
  expect(await queueKeys()).toEqual([]);
  expect((await video.store.read(id))?.status).toBe('queued');

  // A worker starts: its sweeper finds the accepted job with no queue entry, once the job is
  // older than the grace it gives jobs still on their way into the queue, and queues it again.
  const worker = await video.startWorker();
  try {
    const done = await eventually(
      async () => {
        const answer = await video.call<{ status: string; attempts: number; files?: unknown }>(
          'GET',
          `/api/v1/videos/${id}`,
          { token: user.token },
        );
        if (answer.body.status !== 'succeeded') throw new Error(`video ${id} is ${answer.body.status}`);
        return answer.body;
      },
      120_000,
      250,
    );
    expect(done.attempts).toBe(1);
    expect(done.files).toBeDefined();
    // The operator sees it: the re-queue is counted on the worker's metrics.
    const metrics = await (await fetch(`${worker.url}/metrics`)).text();
    expect(metrics).toMatch(/^video_jobs_requeued_total(\{[^}]*\})? 1$/m);
  } finally {
    await worker.stop();
  }
}, 180_000);
