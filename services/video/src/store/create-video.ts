import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { putIfAbsent } from '@what-if/kit/dynamodb';
import type { VideoRecord } from '../video';
import { idempotencyKey } from './keys';
import { readVideo } from './read-videos';
import { newJobItem } from './records';
import type { StoreContext } from './store-context';

/** How long an idempotency key is remembered: a client's retries come within minutes, not days. */
export const idempotencyKeySeconds = 24 * 3600;

export interface IdempotencyClaim {
  /** A digest of the client's key (the key itself is never stored). */
  keyDigest: string;
  /** A digest of what the request asked for: the same key with another request is refused. */
  requestDigest: string;
}

export type CreateOutcome =
  | { outcome: 'created'; record: VideoRecord }
  | { outcome: 'existing'; record: VideoRecord }
  | { outcome: 'key-reused' };

/** What an earlier request with the same key made, if any: its video, or a refusal for another request. */
export async function findClaimed(
  context: StoreContext,
  ownerId: string,
  claim: IdempotencyClaim,
): Promise<CreateOutcome | undefined> {
  const stored = await context.documents.send(
    new GetCommand({
      TableName: context.tableName,
      Key: idempotencyKey(ownerId, claim.keyDigest),
      ConsistentRead: true,
    }),
  );
  const item = stored.Item as { videoId: string; requestDigest: string } | undefined;
  if (!item) return undefined;
  if (item.requestDigest !== claim.requestDigest) return { outcome: 'key-reused' };
  const existing = await readVideo(context, item.videoId);
  return existing ? { outcome: 'existing', record: existing } : undefined;
}

/**
 * Records a new job, idempotent per user and key without transactions: the key's item is
 * written first and names the video id, so a retry (or a concurrent duplicate) finds the id
 * and answers that job; a crash between the two writes leaves a key whose job the retry
 * then creates under the id the key already names.
 */
export async function createVideo(
  context: StoreContext,
  record: VideoRecord,
  claim: IdempotencyClaim | undefined,
  now: Date,
): Promise<CreateOutcome> {
  let id = record.id;
  if (claim) {
    const key = idempotencyKey(record.ownerId, claim.keyDigest);
    const claimed = await putIfAbsent(context, {
      ...key,
      videoId: record.id,
      requestDigest: claim.requestDigest,
      expiresAt: Math.floor(now.getTime() / 1000) + idempotencyKeySeconds,
    });
    if (!claimed) {
      const stored = await context.documents.send(
        new GetCommand({ TableName: context.tableName, Key: key, ConsistentRead: true }),
      );
      const item = stored.Item as { videoId: string; requestDigest: string } | undefined;
      if (item) {
        if (item.requestDigest !== claim.requestDigest) return { outcome: 'key-reused' };
        const existing = await readVideo(context, item.videoId);
        if (existing) return { outcome: 'existing', record: existing };
        id = item.videoId;
      }
    }
  }
  const job = { ...record, id };
  if (await putIfAbsent(context, newJobItem(job))) return { outcome: 'created', record: job };
  const existing = await readVideo(context, id);
  // Only a concurrent duplicate of this very request gets here; it made the job first.
  if (existing) return { outcome: 'existing', record: existing };
  throw new Error(`video ${id} could be neither created nor read`);
}
