import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { timelineMarkerKey, timelinePartition } from './keys';
import type { PostItem } from './post-records';
import { readPosts } from './posts';
import { type Page, baseTable, readPage } from './read-page';
import type { StoreContext } from './store-context';
import { type TimelineEntry, copyAuthorIn } from './timelines';

/**
 * A timeline starts the first time its reader asks for it: accounts that followed others before
 * timelines existed get the newest posts of everyone they follow (and their own) copied in once,
 * then the marker says it is built.
 */
async function ensureBuilt(
  context: StoreContext,
  readerId: string,
  authorIds: readonly string[],
): Promise<void> {
  const marker = await context.documents.send(
    new GetCommand({ TableName: context.tableName, Key: timelineMarkerKey(readerId) }),
  );
  if (marker.Item) return;
  for (const authorId of authorIds) await copyAuthorIn(context, readerId, authorId);
  await context.documents.send(
    new PutCommand({
      TableName: context.tableName,
      Item: { ...timelineMarkerKey(readerId), builtAt: new Date().toISOString() },
    }),
  );
}

/** How many rounds of entries one page reads at most before answering a short page. */
const timelineRounds = 5;

/**
 * A page of the reader's following feed, newest first. Entries are checked as the page is read:
 * an entry whose author the reader no longer follows (an unfollow racing a publish), whose post
 * is gone or hidden is skipped, so the feed is exact even where the writes ahead lag.
 */
export async function timelinePage(
  context: StoreContext,
  request: { readerId: string; authorIds: readonly string[]; limit: number; after?: string },
): Promise<Page<PostItem>> {
  await ensureBuilt(context, request.readerId, request.authorIds);
  const allowed = new Set(request.authorIds);
  const items: PostItem[] = [];
  let after = request.after;
  for (let round = 0; round < timelineRounds && items.length < request.limit; round += 1) {
    const entries = await readPage<TimelineEntry & Record<string, unknown>>(context, {
      listing: baseTable,
      partition: timelinePartition(request.readerId),
      limit: request.limit - items.length,
      ...(after ? { after } : {}),
    });
    const wanted = entries.items.filter((entry) => allowed.has(entry.authorId));
    const posts = await readPosts(
      context,
      wanted.map((entry) => entry.postId),
    );
    items.push(...posts.filter((post) => post.moderation === 'visible' && allowed.has(post.authorId)));
    after = entries.after;
    if (!after) return { items };
  }
  return { items, ...(after ? { after } : {}) };
}
