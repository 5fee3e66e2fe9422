import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { collectItems, queryPages } from '@what-if/kit/dynamodb';
import { type TrendingWindow, trendingScore, trendingWindows } from '../trending-score';
import { gsi1, publicFeedPartition } from './keys';
import type { PostItem } from './post-records';
import { signalsOfScenarios } from './share-signals';
import type { StoreContext } from './store-context';

/**
 * A ranking of the window's public posts as computed at one moment, kept as one item so every
 * replica pages the same list: `TRENDING#<window>` / `<computedAt>`, the ranked post ids with
 * their scores, removed by DynamoDB's TTL an hour later.
 */
export interface TrendingRanking {
  window: TrendingWindow;
  computedAt: string;
  /** Post ids, highest score first. */
  postIds: string[];
  scores: number[];
}

/** The most recent public posts of a window that are ranked: the window's newest, at most. */
export const maxRankedCandidates = 2_000;
/** The length of a ranking; nobody pages further down a trending list. */
export const maxRankedPosts = 500;
/** How long a ranking lives (DynamoDB's TTL removes it); a cursor into an older one continues in the current one. */
const rankingLifetimeSeconds = 3_600;

const rankingPartition = (window: TrendingWindow) => `TRENDING#${window}`;

/** Ranks the window's public, visible posts from their counters, now. */
export async function computeRanking(
  context: StoreContext,
  window: TrendingWindow,
  now: Date,
): Promise<TrendingRanking> {
  const since = new Date(now.getTime() - trendingWindows[window] * 86_400_000).toISOString();
  const candidates = await collectItems(
    queryPages<PostItem>(
      context,
      {
        IndexName: gsi1.name,
        KeyConditionExpression: '#pk = :pk AND #sk >= :since',
        ExpressionAttributeNames: { '#pk': gsi1.partitionKey, '#sk': gsi1.sortKey },
        ExpressionAttributeValues: { ':pk': publicFeedPartition, ':since': since },
        ScanIndexForward: false,
      },
      { pageSize: 500, maxItems: maxRankedCandidates },
    ),
  );
  // Shares and views of the posts' scenarios, as sharing reported them (share-signals.ts).
  const signals = await signalsOfScenarios(
    context,
    candidates.map((post) => post.scenario.id),
    new Date(since),
  );
  const ranked = candidates
    .map((post) => ({
      post,
      score: trendingScore(
        {
          likes: post.likes,
          comments: post.comments,
          shares: signals.get(post.scenario.id)?.shares ?? 0,
          views: signals.get(post.scenario.id)?.views ?? 0,
        },
        now.getTime() - Date.parse(post.createdAt),
        window,
      ),
    }))
    .filter((entry) => entry.score > 0)
    // Equal scores: the newer post first, then the id, so the order is total.
    .sort(
      (a, b) =>
        b.score - a.score ||
        b.post.createdAt.localeCompare(a.post.createdAt) ||
        a.post.id.localeCompare(b.post.id),
    )
    .slice(0, maxRankedPosts);
  return {
    window,
    computedAt: now.toISOString(),
    postIds: ranked.map((entry) => entry.post.id),
    scores: ranked.map((entry) => Number(entry.score.toPrecision(6))),
  };
}

export async function saveRanking(context: StoreContext, ranking: TrendingRanking): Promise<void> {
  await context.documents.send(
    new PutCommand({
      TableName: context.tableName,
      Item: {
        pk: rankingPartition(ranking.window),
        sk: ranking.computedAt,
        ...ranking,
        expiresAt: Math.floor(Date.parse(ranking.computedAt) / 1000) + rankingLifetimeSeconds,
      },
    }),
  );
}

function asRanking(item: Record<string, unknown> | undefined): TrendingRanking | undefined {
  if (!item) return undefined;
  const { window, computedAt, postIds, scores } = item as unknown as TrendingRanking;
  return { window, computedAt, postIds, scores };
}

/** The most recent ranking of a window, if one is still kept. */
export async function latestRanking(
  context: StoreContext,
  window: TrendingWindow,
): Promise<TrendingRanking | undefined> {
  const result = await context.documents.send(
    new QueryCommand({
      TableName: context.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': rankingPartition(window) },
      ScanIndexForward: false,
      Limit: 1,
    }),
  );
  return asRanking(result.Items?.[0]);
}

/** The ranking computed at that moment, while it is kept. */
export async function rankingAt(
  context: StoreContext,
  window: TrendingWindow,
  computedAt: string,
): Promise<TrendingRanking | undefined> {
  const result = await context.documents.send(
    new GetCommand({ TableName: context.tableName, Key: { pk: rankingPartition(window), sk: computedAt } }),
  );
  return asRanking(result.Item);
}
