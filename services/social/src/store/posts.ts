import {
  BatchGetCommand,
  type BatchGetCommandOutput,
  DeleteCommand,
  GetCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { isConditionFailure, putIfAbsent, queryPages, writeBatches } from '@what-if/kit/dynamodb';
import { type Mention, mentionFields } from '../mentions/mention-text';
import { foldForSearch } from '../search-text';
import {
  authorPartition,
  chronologicalKey,
  postPartition,
  postSortKey,
  publicFeedPartition,
  scenarioClaimKey,
  tagPartition,
} from './keys';
import type { PostItem, PostVisibility, ScenarioPreview } from './post-records';
import { addToCounts } from './profile-counts';
import { reindexPost } from './search-index';
import { queueFanOut } from './fan-out-jobs';
import { fanOutPost, withdrawPost } from './timelines';
import type { StoreContext } from './store-context';

export interface NewPost {
  id: string;
  authorId: string;
  scenario: ScenarioPreview;
  caption: string;
  mentions: Mention[];
  tags: string[];
  visibility: PostVisibility;
}

export type PublishOutcome =
  | { outcome: 'created'; post: PostItem }
  | { outcome: 'existing'; post: PostItem }
  | { outcome: 'claimed-by-another' };

const postKey = (postId: string) => ({ pk: postPartition(postId), sk: postSortKey });

function searchTextOf(post: Pick<PostItem, 'caption' | 'tags' | 'scenario'>): string {
  return foldForSearch([post.scenario.title, post.scenario.question, post.caption, ...post.tags].join(' '));
}

/** The index keys a post carries while it may be shown (see PostItem). */
function indexKeys(
  post: Pick<PostItem, 'authorId' | 'createdAt' | 'id' | 'visibility' | 'moderation'>,
): Pick<PostItem, 'gsi1pk' | 'gsi1sk' | 'gsi2pk' | 'gsi2sk'> {
  if (post.moderation !== 'visible') return {};
  const position = chronologicalKey(post.createdAt, post.id);
  return {
    ...(post.visibility === 'public' ? { gsi1pk: publicFeedPartition, gsi1sk: position } : {}),
    gsi2pk: authorPartition(post.authorId),
    gsi2sk: position,
  };
}

export async function readPost(context: StoreContext, postId: string): Promise<PostItem | undefined> {
  const result = await context.documents.send(
    new GetCommand({ TableName: context.tableName, Key: postKey(postId), ConsistentRead: true }),
  );
  return result.Item as PostItem | undefined;
}

/** Posts by id, in the order asked, missing ones left out (deleted since they were listed). */
export async function readPosts(context: StoreContext, postIds: readonly string[]): Promise<PostItem[]> {
  const unique = [...new Set(postIds)];
  const found = new Map<string, PostItem>();
  for (let start = 0; start < unique.length; start += 100) {
    let keys: Array<Record<string, unknown>> | undefined = unique.slice(start, start + 100).map(postKey);
    while (keys && keys.length > 0) {
      const result: BatchGetCommandOutput = await context.documents.send(
        new BatchGetCommand({ RequestItems: { [context.tableName]: { Keys: keys } } }),
      );
      for (const item of (result.Responses?.[context.tableName] ?? []) as PostItem[])
        found.set(item.id, item);
      keys = result.UnprocessedKeys?.[context.tableName]?.Keys;
    }
  }
  return postIds.flatMap((id) => {
    const post = found.get(id);
    return post ? [post] : [];
  });
}

async function writeTagEntries(
  context: StoreContext,
  post: PostItem,
  tags: readonly string[],
  remove = false,
) {
  const position = chronologicalKey(post.createdAt, post.id);
  await writeBatches(
    context,
    tags.map((tag) =>
      remove
        ? { DeleteRequest: { Key: { pk: tagPartition(tag), sk: position } } }
        : { PutRequest: { Item: { pk: tagPartition(tag), sk: position, postId: post.id } } },
    ),
  );
}

/**
 * Publishes a scenario as a post, once: a claim item keyed by the scenario decides which post
 * publishes it, so a retry or a concurrent second request answers the same post. A crash
 * after the claim leaves a claim without a post, which the next attempt completes.
 */
export async function publishPost(context: StoreContext, post: NewPost, now: Date): Promise<PublishOutcome> {
  const claim = { ...scenarioClaimKey(post.scenario.id), postId: post.id, authorId: post.authorId };
  let postId = post.id;
  if (!(await putIfAbsent(context, claim))) {
    const stored = await context.documents.send(
      new GetCommand({
        TableName: context.tableName,
        Key: scenarioClaimKey(post.scenario.id),
        ConsistentRead: true,
      }),
    );
    if (stored.Item?.['authorId'] !== post.authorId) return { outcome: 'claimed-by-another' };
    postId = String(stored.Item['postId']);
    const existing = await readPost(context, postId);
    if (existing) return { outcome: 'existing', post: existing };
  }
  const createdAt = now.toISOString();
  const item: PostItem = {
    ...postKey(postId),
    id: postId,
    authorId: post.authorId,
    caption: post.caption,
    ...mentionFields(post.mentions),
    tags: post.tags,
    visibility: post.visibility,
    moderation: 'visible',
    scenario: post.scenario,
    searchText: searchTextOf(post),
    createdAt,
    likes: 0,
    comments: 0,
    ...indexKeys({ ...post, id: postId, createdAt, moderation: 'visible' }),
  };
  if (!(await putIfAbsent(context, item))) {
    const existing = await readPost(context, postId);
    if (existing) return { outcome: 'existing', post: existing };
    throw new Error(`post ${postId} was neither written nor found`);
  }
  await addToCounts(context, post.authorId, { posts: 1 });
  await writeTagEntries(context, item, item.tags);
  await reindexPost(context, undefined, item);
  const fanOut = await fanOutPost(context, item);
  if (fanOut.after) await queueFanOut(context, item, fanOut.after, fanOut.followersWritten);
  return { outcome: 'created', post: item };
}

export interface PostChanges {
  caption?: string;
  /** The caption's mentions: given with every caption. */
  mentions?: Mention[];
  tags?: string[];
  visibility?: PostVisibility;
}

/** Changes the author's post; undefined when it is missing or someone else's. */
export async function editPost(
  context: StoreContext,
  authorId: string,
  postId: string,
  changes: PostChanges,
  now: Date,
): Promise<PostItem | undefined> {
  const current = await readPost(context, postId);
  if (!current || current.authorId !== authorId) return undefined;
  const { mentions, ...fields } = changes;
  const next = { ...current, ...fields, editedAt: now.toISOString() };
  const keys = indexKeys(next);
  const sets: string[] = [
    'caption = :caption',
    'tags = :tags',
    'visibility = :visibility',
    'editedAt = :editedAt',
    'searchText = :searchText',
  ];
  const values: Record<string, unknown> = {
    ':caption': next.caption,
    ':tags': next.tags,
    ':visibility': next.visibility,
    ':editedAt': next.editedAt,
    ':searchText': searchTextOf(next),
    ':author': authorId,
  };
  const removes: string[] = [];
  const adds: string[] = [];
  if (mentions) {
    const { mentionsNotified } = mentionFields(mentions);
    sets.push('mentions = :mentions');
    values[':mentions'] = mentions;
    if (mentionsNotified) {
      adds.push('mentionsNotified :told');
      values[':told'] = mentionsNotified;
    }
  }
  if (keys.gsi1pk) {
    sets.push('gsi1pk = :gsi1pk', 'gsi1sk = :gsi1sk');
    values[':gsi1pk'] = keys.gsi1pk;
    values[':gsi1sk'] = keys.gsi1sk;
  } else {
    removes.push('gsi1pk', 'gsi1sk');
  }
  let updated: PostItem;
  try {
    const result = await context.documents.send(
      new UpdateCommand({
        TableName: context.tableName,
        Key: postKey(postId),
        UpdateExpression: `SET ${sets.join(', ')}${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}${adds.length ? ` ADD ${adds.join(', ')}` : ''}`,
        ConditionExpression: 'authorId = :author',
        ExpressionAttributeValues: values,
        ReturnValues: 'ALL_NEW',
      }),
    );
    updated = result.Attributes as PostItem;
  } catch (error) {
    if (isConditionFailure(error)) return undefined;
    throw error;
  }
  const removedTags = current.tags.filter((tag) => !updated.tags.includes(tag));
  await writeTagEntries(context, updated, removedTags, true);
  await writeTagEntries(context, updated, updated.tags);
  await reindexPost(context, current, updated);
  return updated;
}

/**
 * Removes what is left in a deleted post's partition (its comments and likes), giving back the
 * likes its comments' authors had received for them.
 */
export async function removePartition(context: StoreContext, postId: string): Promise<void> {
  const pages = queryPages(context, {
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': postPartition(postId) },
    ConsistentRead: true,
  });
  for await (const { items } of pages) {
    for (const item of items) {
      const likes = typeof item['likes'] === 'number' ? item['likes'] : 0;
      if (typeof item['authorId'] === 'string' && String(item['sk']).startsWith('COMMENT#') && likes > 0) {
        await addToCounts(context, item['authorId'], { likesReceived: -likes });
      }
    }
    await writeBatches(
      context,
      items.map((item) => ({ DeleteRequest: { Key: { pk: item['pk'], sk: item['sk'] } } })),
    );
  }
}

/**
 * Deletes the author's post; false when it is missing or someone else's. The post goes first,
 * so it leaves every feed at once; its tag entries, comments, likes and its scenario's claim follow (a tag feed
 * skips entries whose post is gone, and a claim without a post is completed by a re-publish).
 */
export async function deletePost(context: StoreContext, authorId: string, postId: string): Promise<boolean> {
  let removed: PostItem;
  try {
    const result = await context.documents.send(
      new DeleteCommand({
        TableName: context.tableName,
        Key: postKey(postId),
        ConditionExpression: 'authorId = :author',
        ExpressionAttributeValues: { ':author': authorId },
        ReturnValues: 'ALL_OLD',
      }),
    );
    removed = result.Attributes as PostItem;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
  await addToCounts(context, authorId, { posts: -1, likesReceived: -Math.max(0, removed.likes) });
  await writeTagEntries(context, removed, removed.tags, true);
  await reindexPost(context, removed, undefined);
  await withdrawPost(context, removed);
  await removePartition(context, postId);
  await context.documents
    .send(
      new DeleteCommand({
        TableName: context.tableName,
        Key: scenarioClaimKey(removed.scenario.id),
        ConditionExpression: 'postId = :post',
        ExpressionAttributeValues: { ':post': postId },
      }),
    )
    .catch((error: unknown) => {
      if (!isConditionFailure(error)) throw error;
    });
  return true;
}
