import { DeleteCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { isConditionFailure } from '@what-if/kit/dynamodb';
import { gsi1, postPartition, postSortKey } from './keys';
import type { PostItem } from './post-records';
import { readCounts } from './profile-counts';
import type { StoreContext } from './store-context';

/**
 * The rest of a wide author's fan-out (timelines.ts): a post whose author has more followers
 * than a publish request writes itself leaves a job, `FANOUT#<post>` / `JOB`, holding where the
 * followers' listing goes on (`after`, a sort key of gsi1 `FOLLOWERS#<author>`). gsi1
 * (`FANOUT#pending`, oldest first) lists the jobs; a replica leases one with a conditional
 * write (FANOUT_LEASE_MS), writes the next page of timeline entries, moves `after` on (conditional on its
 * lease) and deletes the job after the last page. A replica that dies mid-job leaves `after`
 * where its last finished page ended: the next replica repeats at most one page (puts are
 * idempotent) and goes on.
 */
const jobPartition = (postId: string): string => `FANOUT#${postId}`;
const jobSortKey = 'JOB';
export const pendingFanOutsPartition = 'FANOUT#pending';

export interface FanOutJob {
  post: Pick<PostItem, 'id' | 'authorId' | 'createdAt'>;
  /** The followers' listing goes on after this sort key. */
  after: string;
  /** The lease this replica holds (what its next write is conditional on). */
  leasedUntil: number;
  /** How long each page renews it (FANOUT_LEASE_MS): how long another replica waits after this one dies. */
  leaseMs: number;
}

/**
 * Leaves the rest of a post's fan-out to the background, in the publish request. The job keeps
 * how many followers it has left (`followersLeft`, for the backlog metrics): the author's
 * follower count now, less those the request wrote, less each page as it is written.
 */
export async function queueFanOut(
  context: StoreContext,
  post: Pick<PostItem, 'id' | 'authorId' | 'createdAt'>,
  after: string,
  followersWritten: number,
): Promise<void> {
  const { followers } = await readCounts(context, post.authorId);
  await context.documents.send(
    new PutCommand({
      TableName: context.tableName,
      Item: {
        pk: jobPartition(post.id),
        sk: jobSortKey,
        postId: post.id,
        authorId: post.authorId,
        createdAt: post.createdAt,
        after,
        followersLeft: Math.max(0, followers - followersWritten),
        [gsi1.partitionKey]: pendingFanOutsPartition,
        [gsi1.sortKey]: `${post.createdAt}#${post.id}`,
      },
    }),
  );
}

/** The posts whose fan-out is still to finish, oldest first. */
export async function pendingFanOuts(context: StoreContext, limit: number): Promise<string[]> {
  const result = await context.documents.send(
    new QueryCommand({
      TableName: context.tableName,
      IndexName: gsi1.name,
      KeyConditionExpression: '#pk = :pending',
      ExpressionAttributeNames: { '#pk': gsi1.partitionKey },
      ExpressionAttributeValues: { ':pending': pendingFanOutsPartition },
      Limit: limit,
    }),
  );
  return (result.Items ?? []).map((item) => String(item['postId']));
}

/** Takes a job for this replica for `leaseMs`, unless another holds it; answers it with the lease. */
export async function leaseFanOut(
  context: StoreContext,
  postId: string,
  now: Date,
  leaseMs: number,
): Promise<FanOutJob | undefined> {
  const leasedUntil = now.getTime() + leaseMs;
  try {
    const result = await context.documents.send(
      new UpdateCommand({
        TableName: context.tableName,
        Key: { pk: jobPartition(postId), sk: jobSortKey },
        UpdateExpression: 'SET leasedUntil = :until',
        ConditionExpression:
          'attribute_exists(pk) AND (attribute_not_exists(leasedUntil) OR leasedUntil < :now)',
        ExpressionAttributeValues: { ':until': leasedUntil, ':now': now.getTime() },
        ReturnValues: 'ALL_NEW',
      }),
    );
    const item = result.Attributes ?? {};
    return {
      post: { id: postId, authorId: String(item['authorId']), createdAt: String(item['createdAt']) },
      after: String(item['after']),
      leasedUntil,
      leaseMs,
    };
  } catch (error) {
    if (isConditionFailure(error)) return undefined;
    throw error;
  }
}

/**
 * Records a finished page of `written` followers: the job goes on after `after`, its lease
 * renewed. False when the lease was lost (another replica took the job over): this replica stops.
 */
export async function advanceFanOut(
  context: StoreContext,
  job: FanOutJob,
  after: string,
  written: number,
  now: Date,
): Promise<boolean> {
  const leasedUntil = now.getTime() + job.leaseMs;
  try {
    await context.documents.send(
      new UpdateCommand({
        TableName: context.tableName,
        Key: { pk: jobPartition(job.post.id), sk: jobSortKey },
        UpdateExpression: 'SET #after = :after, leasedUntil = :until ADD followersLeft :written',
        ConditionExpression: 'leasedUntil = :held',
        ExpressionAttributeNames: { '#after': 'after' },
        ExpressionAttributeValues: {
          ':after': after,
          ':until': leasedUntil,
          ':held': job.leasedUntil,
          ':written': -written,
        },
      }),
    );
    job.after = after;
    job.leasedUntil = leasedUntil;
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

/** Lets a job go before its lease ends (a replica shutting down), so another takes it over at once. */
export async function releaseFanOut(context: StoreContext, job: FanOutJob): Promise<void> {
  try {
    await context.documents.send(
      new UpdateCommand({
        TableName: context.tableName,
        Key: { pk: jobPartition(job.post.id), sk: jobSortKey },
        UpdateExpression: 'REMOVE leasedUntil',
        ConditionExpression: 'leasedUntil = :held',
        ExpressionAttributeValues: { ':held': job.leasedUntil },
      }),
    );
  } catch (error) {
    // Taken over or finished meanwhile: nothing of ours to let go.
    if (!isConditionFailure(error)) throw error;
  }
}

/** The job is done (or its post is gone): it leaves the pending list. */
export async function finishFanOut(context: StoreContext, postId: string): Promise<void> {
  await context.documents.send(
    new DeleteCommand({ TableName: context.tableName, Key: { pk: jobPartition(postId), sk: jobSortKey } }),
  );
}

/** Whether the post still exists: a deleted post's fan-out stops. */
export async function postExists(context: StoreContext, postId: string): Promise<boolean> {
  const result = await context.documents.send(
    new GetCommand({
      TableName: context.tableName,
      Key: { pk: postPartition(postId), sk: postSortKey },
      ProjectionExpression: 'pk',
      ConsistentRead: true,
    }),
  );
  return result.Item !== undefined;
}
