import { BatchGetCommand, type BatchGetCommandOutput } from '@aws-sdk/lib-dynamodb';
import { writeBatches } from '@what-if/kit/dynamodb';
import {
  authorPartition,
  chronologicalKey,
  followPartition,
  followersPartition,
  gsi1,
  gsi2,
  timelineMarkerKey,
  timelinePartition,
  userPartition,
} from './keys';
import type { PostItem } from './post-records';
import { baseTable, readAll, readPage } from './read-page';
import type { StoreContext } from './store-context';

/**
 * Each reader's following feed, written ahead (fan-out on write): one entry per post of an
 * account they follow (and of their own), `TIMELINE#<reader>` / `<time>#<post>`, the same
 * position the post has in its author's list. Publishing writes the entry into the author's and
 * every follower's timeline, following copies the author's newest posts in, unfollowing and
 * deleting take them out. A page is then one query and one batch read, however many accounts
 * the reader follows.
 */
export interface TimelineEntry {
  pk: string;
  sk: string;
  postId: string;
  authorId: string;
}

/** How many of an author's newest posts following them copies into the follower's timeline. */
export const followBackfillPosts = 100;

const entryFor = (
  readerId: string,
  post: Pick<PostItem, 'id' | 'authorId' | 'createdAt'>,
): TimelineEntry => ({
  pk: timelinePartition(readerId),
  sk: chronologicalKey(post.createdAt, post.id),
  postId: post.id,
  authorId: post.authorId,
});

/** The author and everyone following them: the timelines a post of theirs belongs in. */
async function readersOf(context: StoreContext, authorId: string): Promise<string[]> {
  const followers = await readAll<{ followerId: string }>(
    context,
    { index: gsi1.name, partitionKey: gsi1.partitionKey, sortKey: gsi1.sortKey },
    followersPartition(authorId),
  );
  return [authorId, ...followers.map((edge) => edge.followerId)];
}

/**
 * How many followers' timelines a publish request writes itself (20 batch writes). An author
 * with more leaves the rest to a background job (fan-out-jobs.ts), so publishing stays within
 * the service's latency objective however many followers there are.
 */
export const inlineFanOutFollowers = 500;

/** A page of an author's followers, newest first, after `after`: whose timelines to write. */
async function followerPage(context: StoreContext, authorId: string, limit: number, after?: string) {
  const page = await readPage<{ followerId: string } & Record<string, unknown>>(context, {
    listing: { index: gsi1.name, partitionKey: gsi1.partitionKey, sortKey: gsi1.sortKey },
    partition: followersPartition(authorId),
    limit,
    ...(after ? { after } : {}),
  });
  return { readers: page.items.map((edge) => edge.followerId), ...(page.after ? { after: page.after } : {}) };
}

/**
 * Writes a new post into its author's timeline and those of their newest `inline` followers;
 * answers how many followers it wrote and where the followers' listing goes on when there are
 * more (the caller queues the rest).
 */
export async function fanOutPost(
  context: StoreContext,
  post: Pick<PostItem, 'id' | 'authorId' | 'createdAt'>,
  inline = inlineFanOutFollowers,
): Promise<{ followersWritten: number; after?: string }> {
  const first = await followerPage(context, post.authorId, inline);
  await writeBatches(
    context,
    [post.authorId, ...first.readers].map((reader) => ({ PutRequest: { Item: entryFor(reader, post) } })),
  );
  return { followersWritten: first.readers.length, ...(first.after ? { after: first.after } : {}) };
}

/**
 * The next page of a queued fan-out: writes the post into the timelines of `limit` more
 * followers after `after`; answers the readers written and where the listing goes on.
 */
export async function fanOutPage(
  context: StoreContext,
  post: Pick<PostItem, 'id' | 'authorId' | 'createdAt'>,
  after: string,
  limit: number,
): Promise<{ readers: string[]; after?: string }> {
  const page = await followerPage(context, post.authorId, limit, after);
  await writeBatches(
    context,
    page.readers.map((reader) => ({ PutRequest: { Item: entryFor(reader, post) } })),
  );
  return page;
}

/** Takes a post out of some readers' timelines (a queued fan-out that outran the post's deletion). */
export async function withdrawFrom(
  context: StoreContext,
  post: Pick<PostItem, 'id' | 'createdAt'>,
  readers: readonly string[],
): Promise<void> {
  const position = chronologicalKey(post.createdAt, post.id);
  await writeBatches(
    context,
    readers.map((reader) => ({ DeleteRequest: { Key: { pk: timelinePartition(reader), sk: position } } })),
  );
}

/** Which of these readers follow the author now (consistent reads of their follow edges, 100 a request). */
async function stillFollowing(
  context: StoreContext,
  authorId: string,
  readers: readonly string[],
): Promise<Set<string>> {
  const following = new Set<string>();
  const keys = readers.map((reader) => ({ pk: followPartition(reader), sk: userPartition(authorId) }));
  for (let start = 0; start < keys.length; start += 100) {
    let batch: Array<Record<string, unknown>> | undefined = keys.slice(start, start + 100);
    while (batch && batch.length > 0) {
      const result: BatchGetCommandOutput = await context.documents.send(
        new BatchGetCommand({
          RequestItems: {
            [context.tableName]: { Keys: batch, ProjectionExpression: 'pk', ConsistentRead: true },
          },
        }),
      );
      for (const edge of result.Responses?.[context.tableName] ?? [])
        following.add(String(edge['pk']).slice(followPartition('').length));
      batch = result.UnprocessedKeys?.[context.tableName]?.Keys;
    }
  }
  return following;
}

/**
 * After a page of a queued fan-out is written: takes the post back out of the timelines of
 * readers who stopped following the author since the page was read (unfollowed, blocked, or
 * their account was deleted). An account purge removes the follow edges first and the timeline
 * last, so an entry written after the purge's timeline removal finds the edge gone here and
 * goes; one written before it is removed by the purge. Answers the readers taken out.
 */
export async function withdrawFromFormerFollowers(
  context: StoreContext,
  post: Pick<PostItem, 'id' | 'authorId' | 'createdAt'>,
  readers: readonly string[],
): Promise<string[]> {
  const following = await stillFollowing(context, post.authorId, readers);
  const gone = readers.filter((reader) => !following.has(reader));
  if (gone.length > 0) await withdrawFrom(context, post, gone);
  return gone;
}

/** Takes a deleted post out of its author's and their followers' timelines. */
export async function withdrawPost(
  context: StoreContext,
  post: Pick<PostItem, 'id' | 'authorId' | 'createdAt'>,
): Promise<void> {
  const readers = await readersOf(context, post.authorId);
  const position = chronologicalKey(post.createdAt, post.id);
  await writeBatches(
    context,
    readers.map((reader) => ({ DeleteRequest: { Key: { pk: timelinePartition(reader), sk: position } } })),
  );
}

/** The author's newest visible posts (their own list), at most `limit`, or all of them. */
async function postsListedFor(context: StoreContext, authorId: string, limit?: number) {
  const listing = { index: gsi2.name, partitionKey: gsi2.partitionKey, sortKey: gsi2.sortKey };
  if (limit !== undefined) {
    return (
      await readPage<PostItem & Record<string, unknown>>(context, {
        listing,
        partition: authorPartition(authorId),
        limit,
      })
    ).items;
  }
  return readAll<PostItem & Record<string, unknown>>(context, listing, authorPartition(authorId));
}

/** Following someone copies their newest posts into the follower's timeline. */
export async function copyAuthorIn(context: StoreContext, readerId: string, authorId: string): Promise<void> {
  const posts = await postsListedFor(context, authorId, followBackfillPosts);
  await writeBatches(
    context,
    posts.map((post) => ({ PutRequest: { Item: entryFor(readerId, post) } })),
  );
}

/** Unfollowing someone takes their posts out of the former follower's timeline. */
export async function takeAuthorOut(
  context: StoreContext,
  readerId: string,
  authorId: string,
): Promise<void> {
  const posts = await postsListedFor(context, authorId);
  await writeBatches(
    context,
    posts.map((post) => ({
      DeleteRequest: {
        Key: { pk: timelinePartition(readerId), sk: chronologicalKey(post.createdAt, post.id) },
      },
    })),
  );
}

/** Removes a reader's whole timeline and its marker (an account purge). */
export async function forgetTimeline(context: StoreContext, readerId: string): Promise<void> {
  const entries = await readAll<TimelineEntry & Record<string, unknown>>(
    context,
    baseTable,
    timelinePartition(readerId),
  );
  await writeBatches(context, [
    ...entries.map((entry) => ({ DeleteRequest: { Key: { pk: entry.pk, sk: entry.sk } } })),
    { DeleteRequest: { Key: timelineMarkerKey(readerId) } },
  ]);
}
