import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { type BlockItem, block, blockedEitherWay, blockersOf, blocksOf, unblock } from './blocks';
import { latestPosts, postsOfAuthor, postsOfAuthors, postsWithTag } from './feeds';
import {
  type FollowItem,
  allFollowees,
  follow,
  isFollowing,
  listFollowers,
  listFollowing,
  unfollow,
} from './follows';
import type { PostItem } from './post-records';
import {
  type NewPost,
  type PostChanges,
  type PublishOutcome,
  deletePost,
  editPost,
  publishPost,
  readPost,
} from './posts';
import { type ProfileCounts, readCounts } from './profile-counts';
import type { Page } from './read-page';
import type { StoreContext } from './store-context';

/** The social service's data access: the only module that knows DynamoDB. */
export interface SocialStore {
  counts(userId: string): Promise<ProfileCounts>;
  follow(followerId: string, followeeId: string): Promise<boolean>;
  unfollow(followerId: string, followeeId: string): Promise<boolean>;
  isFollowing(followerId: string, followeeId: string): Promise<boolean>;
  followers(userId: string, limit: number, after?: string): Promise<Page<FollowItem>>;
  following(userId: string, limit: number, after?: string): Promise<Page<FollowItem>>;
  followees(userId: string): Promise<string[]>;
  block(blockerId: string, blockedId: string): Promise<void>;
  unblock(blockerId: string, blockedId: string): Promise<void>;
  blockedEitherWay(oneId: string, otherId: string): Promise<boolean>;
  blocksOf(blockerId: string): Promise<BlockItem[]>;
  blockersOf(userId: string): Promise<string[]>;
  publish(post: NewPost): Promise<PublishOutcome>;
  post(postId: string): Promise<PostItem | undefined>;
  editPost(authorId: string, postId: string, changes: PostChanges): Promise<PostItem | undefined>;
  deletePost(authorId: string, postId: string): Promise<boolean>;
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
  postsOfAuthors(request: {
    authorIds: readonly string[];
    limit: number;
    after?: string;
  }): Promise<Page<PostItem>>;
  postsWithTag(request: {
    tag: string;
    limit: number;
    after?: string;
    hiddenAuthors: readonly string[];
  }): Promise<Page<PostItem>>;
}

export function createSocialStore(documents: DynamoDBDocumentClient, tableName: string): SocialStore {
  const context: StoreContext = { documents, tableName };
  return {
    counts: (userId) => readCounts(context, userId),
    follow: (followerId, followeeId) => follow(context, followerId, followeeId, new Date()),
    unfollow: (followerId, followeeId) => unfollow(context, followerId, followeeId),
    isFollowing: (followerId, followeeId) => isFollowing(context, followerId, followeeId),
    followers: (userId, limit, after) => listFollowers(context, userId, limit, after),
    following: (userId, limit, after) => listFollowing(context, userId, limit, after),
    followees: (userId) => allFollowees(context, userId),
    block: (blockerId, blockedId) => block(context, blockerId, blockedId, new Date()),
    unblock: (blockerId, blockedId) => unblock(context, blockerId, blockedId),
    blockedEitherWay: (oneId, otherId) => blockedEitherWay(context, oneId, otherId),
    blocksOf: (blockerId) => blocksOf(context, blockerId),
    blockersOf: (userId) => blockersOf(context, userId),
    publish: (post) => publishPost(context, post, new Date()),
    post: (postId) => readPost(context, postId),
    editPost: (authorId, postId, changes) => editPost(context, authorId, postId, changes, new Date()),
    deletePost: (authorId, postId) => deletePost(context, authorId, postId),
    latest: (request) => latestPosts(context, request),
    postsOfAuthor: (request) => postsOfAuthor(context, request),
    postsOfAuthors: (request) => postsOfAuthors(context, request),
    postsWithTag: (request) => postsWithTag(context, request),
  };
}
