import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { isConditionFailure } from '@what-if/kit/dynamodb';
import type { VideoFailure, VideoProgress, VideoRecord, VideoResult } from '../video';
import { activeIndex, jobSortKey, videoPartition } from './keys';
import { recordOf } from './records';
import type { StoreContext } from './store-context';

/**
 * Every change of a job's state is one conditional write: the condition is the state machine
 * (queued → running → succeeded | failed, queued | running → canceled), so a canceled or
 * deleted job is never brought back by a worker that had not heard yet.
 */
async function conditionalUpdate(
  context: StoreContext,
  videoId: string,
  update: {
    expression: string;
    condition: string;
    values: Record<string, unknown>;
  },
): Promise<VideoRecord | undefined> {
  const condition = `attribute_exists(pk) AND ${update.condition}`;
  // Attributes are written #name: several (status, percent, result) are DynamoDB reserved words.
  const names = Object.fromEntries(
    [...`${update.expression} ${condition}`.matchAll(/#(\w+)/g)].map(([token, name]) => [token, name!]),
  );
  try {
    const result = await context.documents.send(
      new UpdateCommand({
        TableName: context.tableName,
        Key: { pk: videoPartition(videoId), sk: jobSortKey },
        UpdateExpression: update.expression,
        ConditionExpression: condition,
        ExpressionAttributeValues: update.values,
        ExpressionAttributeNames: names,
        ReturnValues: 'ALL_NEW',
      }),
    );
    return result.Attributes ? recordOf(result.Attributes) : undefined;
  } catch (error) {
    if (isConditionFailure(error)) return undefined;
    throw error;
  }
}

const unfinished = '#status IN (:queued, :running)';
const unfinishedValues = { ':queued': 'queued', ':running': 'running' };

/** A worker starts an attempt; undefined when the job was canceled or deleted meanwhile. */
export function markRunning(
  context: StoreContext,
  videoId: string,
  attempt: number,
  now: Date,
): Promise<VideoRecord | undefined> {
  return conditionalUpdate(context, videoId, {
    expression:
      'SET #status = :running, #attempts = :attempt, #stage = :stage, #stagePercent = :zero, #percent = :zero, updatedAt = :now, startedAt = if_not_exists(startedAt, :now)',
    condition: unfinished,
    values: {
      ...unfinishedValues,
      ':attempt': attempt,
      ':stage': 'script',
      ':zero': 0,
      ':now': now.toISOString(),
    },
  });
}

/** Progress as the worker measures it; false once the job is no longer running (canceled, deleted). */
export async function recordProgress(
  context: StoreContext,
  videoId: string,
  progress: Omit<VideoProgress, 'status'>,
  now: Date,
): Promise<boolean> {
  const updated = await conditionalUpdate(context, videoId, {
    expression: 'SET #stage = :stage, #stagePercent = :stagePercent, #percent = :percent, updatedAt = :now',
    condition: '#status = :running',
    values: {
      ':running': 'running',
      ':stage': progress.stage,
      ':stagePercent': progress.stagePercent,
      ':percent': progress.percent,
      ':now': now.toISOString(),
    },
  });
  return updated !== undefined;
}

export type Finish =
  { status: 'succeeded'; result: VideoResult } | { status: 'failed'; failure: VideoFailure };

/** The job's end; undefined when it had already ended (canceled, deleted) and so keeps that end. */
export function finishVideo(
  context: StoreContext,
  videoId: string,
  finish: Finish,
  now: Date,
): Promise<VideoRecord | undefined> {
  const outcome =
    finish.status === 'succeeded'
      ? {
          expression: '#result = :outcome, #percent = :hundred, #stagePercent = :hundred',
          values: { ':outcome': finish.result, ':hundred': 100 },
        }
      : { expression: '#failure = :outcome', values: { ':outcome': finish.failure } };
  return conditionalUpdate(context, videoId, {
    expression: `SET #status = :final, ${outcome.expression}, finishedAt = :now, updatedAt = :now REMOVE ${activeIndex.partitionKey}, ${activeIndex.sortKey}`,
    condition: unfinished,
    values: { ...unfinishedValues, ...outcome.values, ':final': finish.status, ':now': now.toISOString() },
  });
}

/** An attempt ended without finishing the job (it will be retried, or was handed back): queued again. */
export function markQueued(
  context: StoreContext,
  videoId: string,
  now: Date,
): Promise<VideoRecord | undefined> {
  return conditionalUpdate(context, videoId, {
    expression: 'SET #status = :queued, updatedAt = :now REMOVE #stage',
    condition: unfinished,
    values: { ...unfinishedValues, ':now': now.toISOString() },
  });
}

/** The owner cancels; undefined when the job is not theirs or has already ended. */
export function cancelVideo(
  context: StoreContext,
  ownerId: string,
  videoId: string,
  now: Date,
): Promise<VideoRecord | undefined> {
  return conditionalUpdate(context, videoId, {
    expression: `SET #status = :canceled, finishedAt = :now, updatedAt = :now REMOVE ${activeIndex.partitionKey}, ${activeIndex.sortKey}`,
    condition: `ownerId = :owner AND ${unfinished}`,
    values: { ...unfinishedValues, ':owner': ownerId, ':canceled': 'canceled', ':now': now.toISOString() },
  });
}
