import type { VideoDependencies } from './dependencies';
import { type VideoRecord, finishedStatuses } from './video';

export const isFinished = (record: VideoRecord): boolean => finishedStatuses.includes(record.status);

/** Stopping and removing videos, one way for the owner's requests and for purges alike. */
export interface VideoRemoval {
  /** Stops a job that has not ended: the record first (the worker obeys it), then the queue and any render. */
  stop(record: VideoRecord): Promise<VideoRecord | undefined>;
  /** Stops the video if it is still being made, then removes its files and, last, its record. */
  remove(record: VideoRecord): Promise<void>;
}

export function videoRemoval(
  deps: Pick<VideoDependencies, 'store' | 'queue' | 'storage' | 'metrics'>,
): VideoRemoval {
  const removal: VideoRemoval = {
    async stop(record) {
      const canceled = await deps.store.cancel(record.ownerId, record.id);
      if (!canceled) return undefined;
      if (!(await deps.queue.discard(record.id))) await deps.queue.requestCancel(record.id);
      deps.metrics.finished.inc({ status: 'canceled', reason: '' });
      return canceled;
    },
    async remove(record) {
      if (!isFinished(record)) await removal.stop(record);
      // Files first: the record is what finds them, so it goes last.
      await deps.storage.remove(record.id);
      await deps.store.delete(record.id, record.ownerId);
    },
  };
  return removal;
}
