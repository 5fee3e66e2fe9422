import type { VideoRecord } from '../video';
import {
  activeIndex,
  activePartition,
  chronologicalKey,
  jobSortKey,
  ownerIndex,
  ownerPartition,
  scenarioIndex,
  scenarioPartition,
  videoPartition,
} from './keys';

/** A job record as stored: the record plus its table and index keys. */
export type JobItem = VideoRecord & Record<string, unknown>;

/** The item for a new job: listed for its owner and its scenario, and active until it finishes. */
export function newJobItem(record: VideoRecord): JobItem {
  const position = chronologicalKey(record.createdAt, record.id);
  return {
    ...record,
    pk: videoPartition(record.id),
    sk: jobSortKey,
    [ownerIndex.partitionKey]: ownerPartition(record.ownerId),
    [ownerIndex.sortKey]: position,
    [scenarioIndex.partitionKey]: scenarioPartition(record.scenarioId),
    [scenarioIndex.sortKey]: position,
    [activeIndex.partitionKey]: activePartition,
    [activeIndex.sortKey]: position,
  };
}

const keyAttributes = new Set([
  'pk',
  'sk',
  ownerIndex.partitionKey,
  ownerIndex.sortKey,
  scenarioIndex.partitionKey,
  scenarioIndex.sortKey,
  activeIndex.partitionKey,
  activeIndex.sortKey,
]);

/** The record without the table's keys. */
export function recordOf(item: Record<string, unknown>): VideoRecord {
  return Object.fromEntries(
    Object.entries(item).filter(([name]) => !keyAttributes.has(name)),
  ) as unknown as VideoRecord;
}
