import { CloudWatchClient, PutMetricDataCommand, StandardUnit } from '@aws-sdk/client-cloudwatch';
import { service } from '@what-if/catalog';
import type { Logger } from '@what-if/kit';
import type { VideoQueue } from './video-queue';

/** The metrics the catalog says the video worker publishes: what ECS scales on and an alarm watches. */
const published = service('video').workers![0]!.cloudWatch!;

export interface CloudWatchPublisher {
  /** A job failed for good (its attempts used up, or a failure no attempt mends). */
  jobFailed(): void;
  stop(): Promise<void>;
}

/**
 * Publishes the queue's depth (jobs waiting or running) every `intervalMs`, and each job that
 * failed for good, to CloudWatch under the namespace and environment the deployment sets. Off
 * the AWS path (no namespace) it publishes nothing. A failed publish is logged and tried again
 * at the next tick: scaling reads a minute's maximum, so one missed point changes nothing.
 */
export function startCloudWatchPublisher(options: {
  namespace: string;
  environment: string;
  region: string;
  queue: VideoQueue;
  intervalMs: number;
  logger: Logger;
  client?: CloudWatchClient;
}): CloudWatchPublisher {
  if (!options.namespace) return { jobFailed: () => undefined, stop: async () => undefined };
  const client = options.client ?? new CloudWatchClient({ region: options.region });
  const dimensions = [{ Name: published.environmentDimension, Value: options.environment }];
  let failed = 0;
  const publish = async () => {
    const failedNow = failed;
    failed = 0;
    try {
      const counts = await options.queue.counts();
      await client.send(
        new PutMetricDataCommand({
          Namespace: options.namespace,
          MetricData: [
            {
              MetricName: published.queueDepth,
              Dimensions: dimensions,
              Value: counts.waiting + counts.delayed + counts.active,
              Unit: StandardUnit.Count,
            },
            ...(failedNow > 0
              ? [
                  {
                    MetricName: published.jobsFailed,
                    Dimensions: dimensions,
                    Value: failedNow,
                    Unit: StandardUnit.Count,
                  },
                ]
              : []),
          ],
        }),
      );
    } catch (error) {
      failed += failedNow;
      throw error;
    }
  };
  let running: Promise<void> = Promise.resolve();
  const tick = () => {
    running = publish().catch((error: unknown) =>
      options.logger.warn(
        { err: error },
        'video worker: could not publish its CloudWatch metrics; trying again',
      ),
    );
  };
  tick();
  const timer = setInterval(tick, options.intervalMs);
  timer.unref();
  return {
    jobFailed() {
      failed += 1;
    },
    async stop() {
      clearInterval(timer);
      await running;
      // A failure counted since the last tick still reaches the alarm.
      if (failed > 0) {
        tick();
        await running;
      }
      client.destroy();
    },
  };
}
