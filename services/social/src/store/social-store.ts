import type {
  ModerationAction,
  ModerationStatus,
  ModerationTargetKind,
  ReportSubmission,
  ShareSignals,
} from '@what-if/contracts';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { DynamoOutbox } from '@what-if/kit/dynamodb';
import type { Mention } from '../mentions/mention-text';
import {
  type BlockItem,
  block,
  blockedEitherWay,
  blockersOf,
  blocksOf,
  isBlocking,
  listBlocks,
  unblock,
} from './blocks';
import {
  type CommentItem,
  type NewCommentOutcome,
  addComment,
  commentsBy,
  deleteComment,
  editComment,
  listReplies,
  readComment,
} from './comments';
import { setCommentModeration, setPostModeration } from './content-moderation';
import { latestPosts, postsOfAuthor, postsWithTag } from './feeds';
import { timelinePage } from './following-feed';
import { forgetTimeline } from './timelines';
import {
  type FollowItem,
  allFollowees,
  follow,
  isFollowing,
  listFollowers,
  listFollowing,
  unfollow,
} from './follows';
import { type LikeTarget, like, likes, likesBy, unlike } from './likes';
import { likedAmong } from './like-states';
import { type OutboxItem, enqueueAction, moderationOutbox } from './moderation-outbox';
import {
  type CaseItem,
  type CaseStatus,
  type DecisionItem,
  type FiledReport,
  casesIn,
  decisionsOf,
  fileReport,
  forgetCase,
  readCase,
  recordDecision,
  setStatus,
} from './moderation-queue';
import { type PostPurgeOutcome, purgePost, purgeScenarioPost } from './post-purge';
import type { PostItem } from './post-records';
import {
  type NewPost,
  type PostChanges,
  type PublishOutcome,
  deletePost,
  editPost,
  publishPost,
  readPost,
  readPosts,
} from './posts';
import { type ProfileCounts, forgetCounts, readCounts } from './profile-counts';
import type { Page } from './read-page';
import { searchPosts } from './search-feed';
import {
  type SignalsOutcome,
  applyShareSignals,
  forgetScenarioSignals,
  forgetShareSignals,
} from './share-signals';
import {
  type TrendingRanking,
  computeRanking,
  latestRanking,
  rankingAt,
  saveRanking,
} from './trending-rankings';
import type { TrendingWindow } from '../trending-score';
import { takeAllowance } from './rate-limits';
import type { StoreContext } from './store-context';

/** The social service's data access: the only module that knows DynamoDB. */
export interface SocialStore {
  counts(userId: string): Promise<ProfileCounts>;
  /** Removes a user's counters (an account purge, after the edges and posts that moved them). */
  forgetCounts(userId: string): Promise<void>;
  follow(followerId: string, followeeId: string): Promise<boolean>;
  unfollow(followerId: string, followeeId: string): Promise<boolean>;
  isFollowing(followerId: string, followeeId: string): Promise<boolean>;
  followers(userId: string, limit: number, after?: string): Promise<Page<FollowItem>>;
  following(userId: string, limit: number, after?: string): Promise<Page<FollowItem>>;
  followees(userId: string): Promise<string[]>;
  block(blockerId: string, blockedId: string): Promise<void>;
  unblock(blockerId: string, blockedId: string): Promise<void>;
  blockedEitherWay(oneId: string, otherId: string): Promise<boolean>;
  isBlocking(blockerId: string, blockedId: string): Promise<boolean>;
  blocksOf(blockerId: string): Promise<BlockItem[]>;
  /** A page of the accounts a user blocks, most recent first. */
  listBlocks(blockerId: string, limit: number, after?: string): Promise<Page<BlockItem>>;
  blockersOf(userId: string): Promise<string[]>;
  publish(post: NewPost): Promise<PublishOutcome>;
  post(postId: string): Promise<PostItem | undefined>;
  editPost(authorId: string, postId: string, changes: PostChanges): Promise<PostItem | undefined>;
  deletePost(authorId: string, postId: string): Promise<boolean>;
  /** A deleted post and everything derived from it here, resumable (see post-purge). */
  purgePost(postId: string, authorId: string): Promise<PostPurgeOutcome>;
  /** A deleted scenario's post, whoever published it, and the case about the scenario. */
  purgeScenarioPost(scenarioId: string): Promise<PostPurgeOutcome | undefined>;
  /** Removes the moderation case about deleted content, reports and decisions included. */
  forgetCase(kind: ModerationTargetKind, targetId: string): Promise<boolean>;
  latest(request: {
    limit: number;
    after?: string;
    hiddenAuthors: readonly string[];
  }): Promise<Page<PostItem>>;
  postsOfAuthor(request: {
    authorId: string;
    limit: number;
    after?: string;
    includeFollowersOnly: boolean;
  }): Promise<Page<PostItem>>;
  /** The reader's following feed (their timeline), keeping only the posts of `authorIds`. */
  followingFeed(request: {
    readerId: string;
    authorIds: readonly string[];
    limit: number;
    after?: string;
  }): Promise<Page<PostItem>>;
  /** Removes a reader's timeline (an account purge). */
  forgetTimeline(readerId: string): Promise<void>;
  postsWithTag(request: {
    tag: string;
    limit: number;
    after?: string;
    hiddenAuthors: readonly string[];
  }): Promise<Page<PostItem>>;
  /** Public posts holding every one of the (folded) words, newest first. */
  search(request: {
    words: readonly string[];
    limit: number;
    after?: string;
    hiddenAuthors: readonly string[];
  }): Promise<Page<PostItem>>;
  /** Ranks the window's public posts now (trending-rankings.ts). */
  computeRanking(window: TrendingWindow, now: Date): Promise<TrendingRanking>;
  saveRanking(ranking: TrendingRanking): Promise<void>;
  latestRanking(window: TrendingWindow): Promise<TrendingRanking | undefined>;
  rankingAt(window: TrendingWindow, computedAt: string): Promise<TrendingRanking | undefined>;
  /** A share's shares-and-views snapshot from sharing, kept when newer (share-signals.ts). */
  applyShareSignals(signals: ShareSignals): Promise<SignalsOutcome>;
  /** A deleted share's views stop counting for trending; answers whether it had any here. */
  forgetShareSignals(slug: string): Promise<boolean>;
  /** A deleted scenario's shares and views; answers whether it had any here. */
  forgetScenarioSignals(scenarioId: string): Promise<boolean>;
  /** Posts by id, in the order asked, missing ones left out. */
  posts(postIds: readonly string[]): Promise<PostItem[]>;
  like(target: LikeTarget, authorId: string, userId: string): Promise<boolean>;
  /** `authorId`: whose likes received go down; undefined for a deleted comment, which has none. */
  unlike(target: LikeTarget, authorId: string | undefined, userId: string): Promise<boolean>;
  likes(target: LikeTarget, userId: string): Promise<boolean>;
  /** The like rows one user made anywhere (for an account's purge). */
  likesBy(userId: string, limit: number, after?: string): Promise<Page<{ pk: string; sk: string }>>;
  /** The comments one user wrote anywhere, not yet deleted (for an account's purge). */
  commentsBy(userId: string, limit: number, after?: string): Promise<Page<CommentItem>>;
  /** Which of the targets the user likes, as `likeStateKey`s (like-states.ts). */
  likedAmong(targets: readonly LikeTarget[], userId: string): Promise<Set<string>>;
  /** The target's like counter (never below zero, though it may dip while requests cross). */
  likeCount(target: LikeTarget): Promise<number>;
  comment(postId: string, commentId: string): Promise<CommentItem | undefined>;
  addComment(request: {
    id: string;
    postId: string;
    authorId: string;
    body: string;
    mentions: Mention[];
    parentId?: string;
  }): Promise<NewCommentOutcome>;
  editComment(request: {
    postId: string;
    commentId: string;
    authorId: string;
    body: string;
    mentions: Mention[];
  }): Promise<CommentItem | undefined>;
  deleteComment(request: { postId: string; commentId: string; authorId: string }): Promise<boolean>;
  replies(request: {
    postId: string;
    parentId: string | null;
    limit: number;
    after?: string;
    order: 'oldest' | 'newest';
  }): Promise<Page<CommentItem>>;
  takeAllowance(request: { action: string; userId: string; perMinute: number }): Promise<boolean>;
  fileReport(report: ReportSubmission): Promise<FiledReport>;
  case(caseId: string): Promise<CaseItem | undefined>;
  cases(request: { status: CaseStatus; limit: number; after?: string }): Promise<Page<CaseItem>>;
  decisions(caseId: string, limit: number): Promise<DecisionItem[]>;
  setCaseStatus(
    caseId: string,
    from: CaseStatus | undefined,
    to: CaseStatus,
    decision: CaseItem['lastDecision'],
  ): Promise<CaseItem | undefined>;
  recordDecision(caseId: string, decision: DecisionItem['decision']): Promise<void>;
  setPostModeration(postId: string, status: ModerationStatus): Promise<boolean>;
  setCommentModeration(postId: string, commentId: string, status: ModerationStatus): Promise<boolean>;
  enqueueAction(service: string, action: ModerationAction): Promise<void>;
  /** Decisions on their way to the services that own the content (moderation-outbox.ts). */
  moderationOutbox: DynamoOutbox<OutboxItem>;
}

export function createSocialStore(documents: DynamoDBDocumentClient, tableName: string): SocialStore {
  const context: StoreContext = { documents, tableName };
  return {
    counts: (userId) => readCounts(context, userId),
    forgetCounts: (userId) => forgetCounts(context, userId),
    follow: (followerId, followeeId) => follow(context, followerId, followeeId, new Date()),
    unfollow: (followerId, followeeId) => unfollow(context, followerId, followeeId),
    isFollowing: (followerId, followeeId) => isFollowing(context, followerId, followeeId),
    followers: (userId, limit, after) => listFollowers(context, userId, limit, after),
    following: (userId, limit, after) => listFollowing(context, userId, limit, after),
    followees: (userId) => allFollowees(context, userId),
    block: (blockerId, blockedId) => block(context, blockerId, blockedId, new Date()),
    unblock: (blockerId, blockedId) => unblock(context, blockerId, blockedId),
    blockedEitherWay: (oneId, otherId) => blockedEitherWay(context, oneId, otherId),
    isBlocking: (blockerId, blockedId) => isBlocking(context, blockerId, blockedId),
    blocksOf: (blockerId) => blocksOf(context, blockerId),
    listBlocks: (blockerId, limit, after) => listBlocks(context, blockerId, limit, after),
    blockersOf: (userId) => blockersOf(context, userId),
    publish: (post) => publishPost(context, post, new Date()),
    post: (postId) => readPost(context, postId),
    editPost: (authorId, postId, changes) => editPost(context, authorId, postId, changes, new Date()),
    deletePost: (authorId, postId) => deletePost(context, authorId, postId),
    purgePost: (postId, authorId) => purgePost(context, postId, authorId),
    purgeScenarioPost: (scenarioId) => purgeScenarioPost(context, scenarioId),
    forgetCase: (kind, targetId) => forgetCase(context, kind, targetId),
    latest: (request) => latestPosts(context, request),
    postsOfAuthor: (request) => postsOfAuthor(context, request),
    followingFeed: (request) => timelinePage(context, request),
    forgetTimeline: (readerId) => forgetTimeline(context, readerId),
    postsWithTag: (request) => postsWithTag(context, request),
    search: (request) => searchPosts(context, request),
    computeRanking: (window, now) => computeRanking(context, window, now),
    saveRanking: (ranking) => saveRanking(context, ranking),
    latestRanking: (window) => latestRanking(context, window),
    rankingAt: (window, computedAt) => rankingAt(context, window, computedAt),
    applyShareSignals: (signals) => applyShareSignals(context, signals),
    forgetShareSignals: (slug) => forgetShareSignals(context, slug, new Date()),
    forgetScenarioSignals: (scenarioId) => forgetScenarioSignals(context, scenarioId),
    posts: (postIds) => readPosts(context, postIds),
    like: (target, authorId, userId) => like(context, target, authorId, userId, new Date()),
    unlike: (target, authorId, userId) => unlike(context, target, authorId, userId),
    likes: (target, userId) => likes(context, target, userId),
    likesBy: (userId, limit, after) => likesBy(context, userId, limit, after),
    commentsBy: (userId, limit, after) => commentsBy(context, userId, limit, after),
    likedAmong: (targets, userId) => likedAmong(context, targets, userId),
    async likeCount(target) {
      const item =
        target.kind === 'post'
          ? await readPost(context, target.postId)
          : await readComment(context, target.postId, target.commentId);
      return Math.max(0, item?.likes ?? 0);
    },
    comment: (postId, commentId) => readComment(context, postId, commentId),
    addComment: (request) => addComment(context, request, new Date()),
    editComment: (request) => editComment(context, request, new Date()),
    deleteComment: (request) => deleteComment(context, request, new Date()),
    replies: (request) => listReplies(context, request),
    takeAllowance: (request) => takeAllowance(context, request, new Date()),
    fileReport: (report) => fileReport(context, report, new Date()),
    case: (caseId) => readCase(context, caseId),
    cases: (request) => casesIn(context, request),
    decisions: (caseId, limit) => decisionsOf(context, caseId, limit),
    setCaseStatus: (caseId, from, to, decision) => setStatus(context, caseId, from, to, new Date(), decision),
    recordDecision: (caseId, decision) => recordDecision(context, caseId, decision),
    setPostModeration: (postId, status) => setPostModeration(context, postId, status),
    setCommentModeration: (postId, commentId, status) =>
      setCommentModeration(context, postId, commentId, status),
    enqueueAction: (service, action) => enqueueAction(context, service, action, new Date()),
    moderationOutbox: moderationOutbox(context),
  };
}
