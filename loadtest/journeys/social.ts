/**
 * A social reader, signed in: reads the latest feed, opens a post, reads its comments, now and
 * then likes it, comments or looks at its author's profile. Social takes 10 comments a minute per
 * account: each VU keeps within its share of its account's allowance (setup() computes it), so a
 * comment is always written (201); one the VU holds back is counted in `comments_held_back`.
 * setup() publishes a post, so the feed is never empty on a fresh stack.
 */
import { check, group } from 'k6';
import { Counter } from 'k6/metrics';
import type { Account } from '../lib/accounts.ts';
import { tokenFor } from '../lib/accounts.ts';
import { allowance } from '../lib/allowance.ts';
import { call, jsonBody } from '../lib/http.ts';
import { chance, pick, think } from '../lib/pacing.ts';
import { routes } from '../lib/routes.ts';

export const commentsHeldBack = new Counter('comments_held_back');

/** How often each optional step happens; the capacity model reads the same numbers. */
export const socialOdds = { read: 0.7, comments: 0.5, like: 0.2, comment: 0.05, profile: 0.2 };

interface Post {
  id: string;
  authorId: string;
  scenario: { title: string };
}

/** This VU's comments: at most its share of the account's 10 a minute. */
let comments: ReturnType<typeof allowance> | undefined;

export function socialReader(data: {
  accounts: Account[];
  postIds: string[];
  commentsPerMinutePerVu: number;
}): void {
  const token = tokenFor(data.accounts);
  group('social reader', () => {
    const feed = call(routes.feedLatest, { token, query: { limit: 20 } });
    const page = jsonBody<{ items: Post[] }>(feed);
    check(
      feed,
      {
        'feed-latest: 200': (r) => r.status === 200,
        'feed-latest: a page of posts': () => Array.isArray(page?.items),
      },
      { route: routes.feedLatest.name },
    );
    think(8);

    const postId = pick(page?.items ?? [])?.id ?? pick(data.postIds);
    if (!postId || !chance(socialOdds.read)) return;
    const read = call(routes.postRead, { token, params: { postId } });
    const post = jsonBody<Post>(read);
    check(
      read,
      {
        'post-read: 200': (r) => r.status === 200,
        'post-read: the post asked for': () => post?.id === postId && typeof post.scenario.title === 'string',
      },
      { route: routes.postRead.name },
    );
    think(15);

    if (chance(socialOdds.comments)) {
      const comments = call(routes.commentsList, { token, params: { postId }, query: { limit: 20 } });
      check(
        comments,
        {
          'comments-list: 200': (r) => r.status === 200,
          'comments-list: a page of threads': () =>
            Array.isArray(jsonBody<{ items: unknown[] }>(comments)?.items),
        },
        { route: routes.commentsList.name },
      );
      think(10);
    }

    if (chance(socialOdds.like)) {
      const liked = call(routes.like, { token, params: { postId } });
      check(
        liked,
        {
          'like: 200': (r) => r.status === 200,
          'like: liked': () => jsonBody<{ liked: boolean }>(liked)?.liked === true,
        },
        { route: routes.like.name },
      );
    }

    if (chance(socialOdds.comment)) {
      comments ??= allowance(data.commentsPerMinutePerVu);
      if (comments.take()) {
        const commented = call(routes.comment, {
          token,
          params: { postId },
          body: { body: `A thought from load test VU ${__VU}: the second act is the best part.` },
          expected: [201],
        });
        check(commented, { 'comment: 201': (r) => r.status === 201 }, { route: routes.comment.name });
        think(5);
      } else {
        commentsHeldBack.add(1, { route: routes.comment.name });
      }
    }

    if (post && chance(socialOdds.profile)) {
      const profile = call(routes.profile, { token, params: { userId: post.authorId } });
      check(profile, { 'profile: 200': (r) => r.status === 200 }, { route: routes.profile.name });
    }
  });
}

/** setup(): one post on the feed, published by an account from a scenario it wrote (writeSeedScenario). */
export function publishSeedPost(token: string, scenarioId: string): string {
  const published = call(routes.publishPost, {
    token,
    body: { scenarioId, caption: 'Load test seed post', tags: ['loadtest'] },
    expected: [200, 201],
  });
  const post = jsonBody<{ id: string }>(published);
  if (!post) throw new Error(`publishing the seed post answered ${published.status}: ${published.body}`);
  return post.id;
}
