import { ApiClient } from './api-client';
import {
  type SignedInAccount,
  demoPasswords,
  promoteToAdmin,
  registerOrSignIn,
  signInAgain,
} from './demo-accounts';
import {
  type AccountKey,
  type ScenarioKey,
  demoAccounts,
  demoComments,
  demoFollows,
  demoLikes,
  demoPosts,
  demoReport,
  demoScenarios,
  demoShares,
  demoVideo,
} from './demo-data';

export interface SeedOptions {
  /** The running stack's gateway: everything but the first administrator goes through it. */
  gatewayUrl: string;
  repoRoot: string;
  /** The user service's environment, for the operator's create-admin command. */
  userEnvironment: NodeJS.ProcessEnv;
  /** Where this machine's demo passwords are kept (.dev/seed-passwords.json under make dev). */
  passwordFile: string;
  /** Each step as it happens. */
  progress?: (line: string) => void;
}

/** One thing the seed made, or found already there from an earlier run. */
export interface SeedItem {
  kind: string;
  name: string;
  created: boolean;
}

export interface SeedReport {
  items: SeedItem[];
  accounts: { email: string; password: string; displayName: string; roles: string[] }[];
  shares: { url: string; password: string | undefined }[];
}

interface SavedSummary {
  id: string;
  question: string;
  tags: string[];
  favorite: boolean;
}

interface Thread {
  id: string;
  authorId: string | null;
  body: string | null;
}

function sameTags(current: readonly string[], wanted: readonly string[]): boolean {
  const normal = (tags: readonly string[]) =>
    [...new Set(tags.map((tag) => tag.trim().toLowerCase()))].sort();
  return JSON.stringify(normal(current)) === JSON.stringify(normal(wanted));
}

/**
 * Fills a running stack with the demo data set through its public API, finding first what an
 * earlier run made, so running it again adds nothing. Only the first administrator is made
 * another way: with the operator's create-admin command, as the user service documents.
 */
export async function seedDemoData(options: SeedOptions): Promise<SeedReport> {
  const progress = options.progress ?? (() => undefined);
  const api = new ApiClient(options.gatewayUrl, progress);
  const items: SeedItem[] = [];
  const record = (kind: string, name: string, created: boolean) => {
    items.push({ kind, name, created });
    progress(`${created ? 'created' : 'already there'}: ${kind} ${name}`);
  };

  const sharePasswordName = (scenario: ScenarioKey) => `share:${scenario}`;
  const passwords = demoPasswords(options.passwordFile, [
    ...demoAccounts.map((account) => account.email),
    ...demoShares.filter((share) => share.withPassword).map((share) => sharePasswordName(share.scenario)),
  ]);

  // Accounts, then roles: the admin through create-admin, the moderator by that admin.
  const people = new Map<AccountKey, SignedInAccount>();
  for (const account of demoAccounts) {
    const signedIn = await registerOrSignIn(api, account, passwords[account.email]!);
    people.set(account.key, signedIn);
    record('account', account.email, signedIn.registered);
  }
  const person = (key: AccountKey) => people.get(key)!;
  for (const account of demoAccounts.filter((candidate) => candidate.role === 'admin')) {
    const admin = person(account.key);
    const promoted = !admin.roles.includes('admin');
    if (promoted) {
      await promoteToAdmin(options.repoRoot, options.userEnvironment, account.email);
      people.set(account.key, await signInAgain(api, admin, passwords[account.email]!));
    }
    record('role', `admin for ${account.email} (create-admin)`, promoted);
  }
  const admin = [...people.values()].find((candidate) => candidate.account.role === 'admin')!;
  for (const account of demoAccounts.filter((candidate) => candidate.role === 'moderator')) {
    const moderator = person(account.key);
    const promoted = !moderator.roles.includes('moderator');
    if (promoted) {
      await api.call({
        what: `making ${account.email} a moderator`,
        method: 'PUT',
        path: `/api/v1/admin/users/${moderator.id}/roles`,
        token: admin.token,
        body: { roles: ['user', 'moderator'] },
      });
      people.set(account.key, await signInAgain(api, moderator, passwords[account.email]!));
    }
    record('role', `moderator for ${account.email} (by the admin)`, promoted);
  }

  // Usernames, chosen by each owner after sign-up (registration does not ask for one).
  for (const account of demoAccounts) {
    const owner = person(account.key);
    const { body: me } = await api.call<{ username: string | null }>({
      what: `reading ${account.email}'s account`,
      path: '/api/v1/users/me',
      token: owner.token,
    });
    const missing = me.username !== account.username;
    if (missing) {
      await api.call({
        what: `choosing the username ${account.username} for ${account.email}`,
        method: 'PATCH',
        path: '/api/v1/users/me',
        token: owner.token,
        body: { username: account.username },
      });
    }
    record('username', `@${account.username} for ${account.email}`, missing);
  }

  // Scenarios, written by whichever provider generation runs (the offline writer by default),
  // each kept in its owner's history with the owner's favourite and tags.
  const scenarioIds = new Map<ScenarioKey, string>();
  const histories = new Map<AccountKey, SavedSummary[]>();
  for (const scenario of demoScenarios) {
    const owner = person(scenario.owner);
    let history = histories.get(scenario.owner);
    if (!history) {
      history = await api.all<SavedSummary>({
        what: `reading ${owner.account.email}'s history`,
        path: '/api/v1/scenarios',
        token: owner.token,
      });
      histories.set(scenario.owner, history);
    }
    let saved = history.find((entry) => entry.question === scenario.question);
    record('scenario', `"${scenario.question}" (${scenario.language}, ${owner.account.email})`, !saved);
    if (!saved) {
      const { body } = await api.call<SavedSummary>({
        what: `writing "${scenario.question}"`,
        method: 'POST',
        path: '/api/v1/scenarios',
        token: owner.token,
        body: { question: scenario.question, tone: scenario.tone, language: scenario.language },
      });
      saved = { id: body.id, question: scenario.question, tags: body.tags, favorite: false };
      history.push(saved);
    }
    scenarioIds.set(scenario.key, saved.id);

    const changes: { favorite?: boolean; tags?: string[] } = {};
    if (scenario.favorite !== undefined && saved.favorite !== scenario.favorite)
      changes.favorite = scenario.favorite;
    if (scenario.tags && !sameTags(saved.tags, scenario.tags)) changes.tags = [...scenario.tags];
    if (scenario.favorite || scenario.tags) {
      const described = [
        scenario.favorite ? 'favourite' : '',
        ...(scenario.tags ?? []).map((tag) => `#${tag}`),
      ]
        .filter(Boolean)
        .join(' ');
      record('history', `${described} on "${scenario.question}"`, Object.keys(changes).length > 0);
    }
    if (Object.keys(changes).length > 0) {
      await api.call({
        what: `marking "${scenario.question}" in the history`,
        method: 'PATCH',
        path: `/api/v1/scenarios/${encodeURIComponent(saved.id)}`,
        token: owner.token,
        body: changes,
      });
    }
  }
  const scenarioId = (key: ScenarioKey) => scenarioIds.get(key)!;
  const ownerOf = (key: ScenarioKey) => person(demoScenarios.find((scenario) => scenario.key === key)!.owner);

  // Shares: a scenario has one live share per owner, so asking again answers it (200).
  const shares: SeedReport['shares'] = [];
  for (const share of demoShares) {
    const owner = ownerOf(share.scenario);
    const password = share.withPassword ? passwords[sharePasswordName(share.scenario)] : undefined;
    const { status, body } = await api.call<{ url: string; hasPassword: boolean }>({
      what: `sharing ${share.scenario}`,
      method: 'POST',
      path: '/api/v1/shares',
      token: owner.token,
      body: {
        scenarioId: scenarioId(share.scenario),
        visibility: share.visibility,
        ...(password ? { password } : {}),
      },
    });
    shares.push({ url: body.url, password: body.hasPassword ? password : undefined });
    record(
      'share',
      `${body.url} (${share.visibility}${password ? ', with a password' : ''})`,
      status === 201,
    );
  }

  // Posts: a scenario is published once; publishing it again answers its post (200).
  const postIds = new Map<ScenarioKey, string>();
  for (const post of demoPosts) {
    const { status, body } = await api.call<{ id: string }>({
      what: `publishing ${post.scenario}`,
      method: 'POST',
      path: '/api/v1/social/posts',
      token: ownerOf(post.scenario).token,
      body: { scenarioId: scenarioId(post.scenario), caption: post.caption, tags: [...post.tags] },
    });
    postIds.set(post.scenario, body.id);
    record('post', `of ${post.scenario} by ${ownerOf(post.scenario).account.email}`, status === 201);
  }
  const postId = (key: ScenarioKey) => postIds.get(key)!;

  for (const [followerKey, followedKey] of demoFollows) {
    const follower = person(followerKey);
    const followed = person(followedKey);
    const { body } = await api.call<{ follows: boolean }>({
      what: `asking whether ${followerKey} follows ${followedKey}`,
      path: `/api/v1/social/users/${follower.id}/following/${followed.id}`,
      token: follower.token,
    });
    if (!body.follows) {
      await api.call({
        what: `${followerKey} following ${followedKey}`,
        method: 'PUT',
        path: `/api/v1/social/following/${followed.id}`,
        token: follower.token,
      });
    }
    record('follow', `${follower.account.email} → ${followed.account.email}`, !body.follows);
  }

  // Likes are idempotent; the count before and after tells whether this one is new.
  for (const [likerKey, post] of demoLikes) {
    const liker = person(likerKey);
    const before = await api.call<{ counts: { likes: number } }>({
      what: `reading the post of ${post}`,
      path: `/api/v1/social/posts/${postId(post)}`,
      token: liker.token,
    });
    const after = await api.call<{ likes: number }>({
      what: `${likerKey} liking the post of ${post}`,
      method: 'PUT',
      path: `/api/v1/social/posts/${postId(post)}/like`,
      token: liker.token,
    });
    record(
      'like',
      `${liker.account.email} likes the post of ${post}`,
      after.body.likes > before.body.counts.likes,
    );
  }

  // Comments are found again by author and text.
  const commentIds = new Map<string, string>();
  for (const comment of demoComments) {
    const author = person(comment.author);
    const parentId = comment.replyTo ? commentIds.get(comment.replyTo) : undefined;
    const path = parentId
      ? `/api/v1/social/posts/${postId(comment.post)}/comments/${parentId}/replies`
      : `/api/v1/social/posts/${postId(comment.post)}/comments`;
    const existing = (
      await api.all<Thread>({ what: `reading the comments on ${comment.post}`, path, token: author.token })
    ).find((candidate) => candidate.authorId === author.id && candidate.body === comment.body);
    let id = existing?.id;
    if (!id) {
      const { body } = await api.call<{ id: string }>({
        what: `${comment.author} commenting on ${comment.post}`,
        method: 'POST',
        path: `/api/v1/social/posts/${postId(comment.post)}/comments`,
        token: author.token,
        body: { body: comment.body, ...(parentId ? { parentId } : {}) },
      });
      id = body.id;
    }
    commentIds.set(comment.body, id);
    record(
      comment.replyTo ? 'reply' : 'comment',
      `by ${author.account.email} on the post of ${comment.post}`,
      !existing,
    );
  }

  // A repeated report counts again in its case, so the moderator's queue (every status, as a
  // moderator may have decided it since) says whether an earlier run filed it.
  const reporter = person(demoReport.reporter);
  const moderator = [...people.values()].find((candidate) => candidate.account.role === 'moderator')!;
  let reported = false;
  for (const status of ['open', 'hidden', 'removed', 'closed']) {
    const cases = await api.all<{ target: { kind: string; id: string } }>({
      what: `reading the moderation queue (${status})`,
      path: `/api/v1/social/moderation/cases?status=${status}`,
      token: moderator.token,
    });
    reported ||= cases.some(
      (entry) => entry.target.kind === 'post' && entry.target.id === postId(demoReport.post),
    );
  }
  if (!reported) {
    await api.call({
      what: `reporting the post of ${demoReport.post}`,
      method: 'POST',
      path: `/api/v1/social/posts/${postId(demoReport.post)}/reports`,
      token: reporter.token,
      body: { reason: demoReport.reason, note: demoReport.note },
    });
  }
  record(
    'report',
    `of the post of ${demoReport.post} by ${reporter.account.email} (${demoReport.reason})`,
    !reported,
  );

  // The video: found again by its scenario; the key also makes a retried request harmless.
  const videoOwner = person(demoVideo.owner);
  const videos = await api.all<{ scenarioId: string }>({
    what: `reading ${videoOwner.account.email}'s videos`,
    path: '/api/v1/videos',
    token: videoOwner.token,
  });
  const hasVideo = videos.some((video) => video.scenarioId === scenarioId(demoVideo.scenario));
  if (!hasVideo) {
    await api.call({
      what: `asking for a video of ${demoVideo.scenario}`,
      method: 'POST',
      path: '/api/v1/videos',
      token: videoOwner.token,
      headers: { 'idempotency-key': `seed-${scenarioId(demoVideo.scenario)}` },
      body: { scenarioId: scenarioId(demoVideo.scenario) },
    });
  }
  record('video', `of ${demoVideo.scenario} for ${videoOwner.account.email}`, !hasVideo);

  return {
    items,
    accounts: demoAccounts.map((account) => ({
      email: account.email,
      password: passwords[account.email]!,
      displayName: account.displayName,
      roles: person(account.key).roles,
    })),
    shares,
  };
}
