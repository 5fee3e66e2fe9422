import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { countItems, queryPages, scanPages } from '@what-if/kit/dynamodb';
import { commentLikePrefix, commentSortKey, postLikePrefix, postPartition, postSortKey } from './keys';
import type { StoreContext } from './store-context';

/** One counter that disagreed with the rows it counts, and what became of it. */
export interface CounterDrift {
  postId: string;
  /** Absent for the post's own counters. */
  commentId?: string;
  counter: 'likes' | 'comments';
  counted: number;
  rows: number;
  /** `fixed`: set to the rows; `moving`: it changed while being checked, left for the next run. */
  outcome: 'fixed' | 'moving';
}

export interface ReconcileReport {
  postsChecked: number;
  countersChecked: number;
  drift: CounterDrift[];
}

function countRows(context: StoreContext, postId: string, prefix: string): Promise<number> {
  return countItems(
    queryPages(context, {
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': postPartition(postId), ':prefix': prefix },
      Select: 'COUNT',
      ConsistentRead: true,
    }),
  );
}

/** A post's comments that are not deleted: what its `comments` counter counts. */
function countLiveComments(context: StoreContext, postId: string): Promise<number> {
  return countItems(
    queryPages(context, {
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      FilterExpression: 'attribute_not_exists(deletedAt)',
      ExpressionAttributeValues: { ':pk': postPartition(postId), ':prefix': 'COMMENT#' },
      Select: 'COUNT',
      ConsistentRead: true,
    }),
  );
}

async function readCounter(
  context: StoreContext,
  key: Record<string, string>,
  counter: string,
): Promise<number | undefined> {
  const result = await context.documents.send(
    new GetCommand({ TableName: context.tableName, Key: key, ConsistentRead: true }),
  );
  const value = result.Item?.[counter];
  return result.Item ? (typeof value === 'number' ? value : 0) : undefined;
}

interface CheckedCounter {
  key: Record<string, string>;
  counter: 'likes' | 'comments';
  rows: () => Promise<number>;
  where: { postId: string; commentId?: string };
}

/**
 * Compares one counter with its rows twice, a moment apart, and corrects it only when both
 * looks agree: a like written between its row and its counter is in flight, not drift, and
 * is left alone. The correction is conditional on the counter not having moved since.
 */
async function reconcileCounter(
  context: StoreContext,
  checked: CheckedCounter,
  settleMs: number,
): Promise<CounterDrift | undefined> {
  const counted = await readCounter(context, checked.key, checked.counter);
  if (counted === undefined) return undefined;
  const rows = await checked.rows();
  if (counted === rows) return undefined;
  await new Promise((resolve) => setTimeout(resolve, settleMs));
  const countedAgain = await readCounter(context, checked.key, checked.counter);
  const rowsAgain = await checked.rows();
  const drift = {
    ...checked.where,
    counter: checked.counter,
    counted: countedAgain ?? counted,
    rows: rowsAgain,
  };
  if (countedAgain === undefined || countedAgain === rowsAgain) return undefined;
  if (countedAgain !== counted || rowsAgain !== rows) return { ...drift, outcome: 'moving' };
  try {
    await context.documents.send(
      new UpdateCommand({
        TableName: context.tableName,
        Key: checked.key,
        UpdateExpression: 'SET #counter = :rows',
        ConditionExpression: '#counter = :seen OR (attribute_not_exists(#counter) AND :seen = :zero)',
        ExpressionAttributeNames: { '#counter': checked.counter },
        ExpressionAttributeValues: { ':rows': rowsAgain, ':seen': countedAgain, ':zero': 0 },
      }),
    );
  } catch (error) {
    if (error instanceof Error && error.name === 'ConditionalCheckFailedException')
      return { ...drift, outcome: 'moving' };
    throw error;
  }
  return { ...drift, outcome: 'fixed' };
}

/** Every counter of one post: its likes and comments, and each comment's likes. */
export async function reconcilePost(
  context: StoreContext,
  postId: string,
  settleMs = 500,
): Promise<{ checked: number; drift: CounterDrift[] }> {
  const postKey = { pk: postPartition(postId), sk: postSortKey };
  const counters: CheckedCounter[] = [
    {
      key: postKey,
      counter: 'likes',
      rows: () => countRows(context, postId, postLikePrefix),
      where: { postId },
    },
    { key: postKey, counter: 'comments', rows: () => countLiveComments(context, postId), where: { postId } },
  ];
  const comments = queryPages(context, {
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: { ':pk': postPartition(postId), ':prefix': 'COMMENT#' },
    ProjectionExpression: 'id',
  });
  for await (const page of comments) {
    for (const item of page.items) {
      const commentId = String(item['id']);
      counters.push({
        key: { pk: postPartition(postId), sk: commentSortKey(commentId) },
        counter: 'likes',
        rows: () => countRows(context, postId, commentLikePrefix(commentId)),
        where: { postId, commentId },
      });
    }
  }
  const drift: CounterDrift[] = [];
  for (const checked of counters) {
    const found = await reconcileCounter(context, checked, settleMs);
    if (found) drift.push(found);
  }
  return { checked: counters.length, drift };
}

/**
 * Every post's counters. A maintenance job, never on a request path: it walks the table with a
 * Scan (posts only survive the filter), a page at a time.
 */
export async function reconcileAll(context: StoreContext, settleMs = 500): Promise<ReconcileReport> {
  const report: ReconcileReport = { postsChecked: 0, countersChecked: 0, drift: [] };
  const posts = scanPages(context, {
    FilterExpression: 'sk = :post',
    ExpressionAttributeValues: { ':post': postSortKey },
    ProjectionExpression: 'id',
  });
  for await (const page of posts) {
    for (const item of page.items) {
      const result = await reconcilePost(context, String(item['id']), settleMs);
      report.postsChecked += 1;
      report.countersChecked += result.checked;
      report.drift.push(...result.drift);
    }
  }
  return report;
}
