import type { CloudWatchClient, PutMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { createLogger } from '@what-if/kit';
import { startCloudWatchPublisher } from '../src/jobs/cloudwatch-publisher';
import type { VideoQueue } from '../src/jobs/video-queue';

/** A CloudWatch client that keeps what it is sent: the AWS API itself is out of reach here. */
function recordingClient() {
  const sent: Array<PutMetricDataCommand['input']> = [];
  const client = {
    send: async (command: PutMetricDataCommand) => {
      sent.push(command.input);
      return {};
    },
    destroy: () => undefined,
  } as unknown as CloudWatchClient;
  return { client, sent };
}

const queue = {
  counts: async () => ({ waiting: 3, active: 1, delayed: 2, failed: 7 }),
} as unknown as VideoQueue;
const logger = createLogger({ service: 'video', level: 'silent' });

test('publishes the queue depth (waiting, delayed and running jobs) and failed jobs under the environment', async () => {
  const { client, sent } = recordingClient();
  const publisher = startCloudWatchPublisher({
    namespace: 'WhatIf',
    environment: 'prod',
    region: 'us-east-1',
    queue,
    intervalMs: 60_000,
    logger,
    client,
  });
  publisher.jobFailed();
  publisher.jobFailed();
  await publisher.stop();
  expect(sent[0]).toEqual({
    Namespace: 'WhatIf',
    MetricData: [
      {
        MetricName: 'VideoQueueDepth',
        Dimensions: [{ Name: 'Environment', Value: 'prod' }],
        Value: 6,
        Unit: 'Count',
      },
    ],
  });
  // The failures counted after the first point still reach CloudWatch when the worker stops.
  expect(sent[1]?.MetricData).toContainEqual({
    MetricName: 'VideoJobsFailed',
    Dimensions: [{ Name: 'Environment', Value: 'prod' }],
    Value: 2,
    Unit: 'Count',
  });
});

test('publishes nothing off the AWS path (no namespace)', async () => {
  const { client, sent } = recordingClient();
  const publisher = startCloudWatchPublisher({
    namespace: '',
    environment: '',
    region: 'us-east-1',
    queue,
    intervalMs: 60_000,
    logger,
    client,
  });
  publisher.jobFailed();
  await publisher.stop();
  expect(sent).toEqual([]);
});
