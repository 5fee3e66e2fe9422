import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defaultRepoRoot } from '../src/dev/config';
import { type PrivateStack, startPrivateStack } from '../src/harness/private-stack';
import { ApiClient } from '../src/seed/api-client';
import { type SeedReport, seedDemoData } from '../src/seed/seed';
import { seedSummary } from '../src/seed/seed-summary';

// make seed against a stack of the test's own (free ports, its own database, Redis prefix and
// in-memory dynalite), run twice as a developer would.
describe('make seed', () => {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'whatif-seed-'));
  const passwordFile = path.join(folder, '.dev', 'seed-passwords.json');
  let stack: PrivateStack;
  let first: SeedReport;
  let second: SeedReport;

  const seed = () =>
    seedDemoData({
      gatewayUrl: stack.urls.gateway,
      repoRoot: defaultRepoRoot,
      userEnvironment: stack.userEnvironment,
      passwordFile,
    });

  beforeAll(async () => {
    stack = await startPrivateStack({
      label: 'seed',
      logFile: path.join(folder, 'stack.log'),
      env: process.env,
    });
    first = await seed();
    second = await seed();
  }, 300_000);

  afterAll(async () => {
    await stack?.stop();
    rmSync(folder, { recursive: true, force: true });
  }, 60_000);

  const signIn = async (api: ApiClient, email: string) => {
    const password = first.accounts.find((account) => account.email === email)!.password;
    const { body } = await api.call<{ accessToken: string; user: { id: string } }>({
      what: `signing ${email} in`,
      method: 'POST',
      path: '/api/v1/auth/login',
      body: { email, password },
    });
    return { token: body.accessToken, id: body.user.id };
  };

  test('the first run creates every item and the second finds them all', () => {
    expect(first.items.filter((item) => !item.created)).toEqual([]);
    expect(second.items.filter((item) => item.created)).toEqual([]);
    expect(second.items.map((item) => `${item.kind} ${item.name}`)).toEqual(
      first.items.map((item) => `${item.kind} ${item.name}`),
    );
    expect(new Set(first.items.map((item) => item.kind))).toEqual(
      new Set([
        'account',
        'role',
        'username',
        'scenario',
        'history',
        'share',
        'post',
        'follow',
        'like',
        'comment',
        'reply',
        'report',
        'video',
      ]),
    );
  });

  test('the passwords are made once for this machine, readable by its owner alone, and printed with the roles', () => {
    expect(second.accounts).toEqual(first.accounts);
    expect(statSync(passwordFile).mode & 0o077).toBe(0);
    const stored = JSON.parse(readFileSync(passwordFile, 'utf8')) as Record<string, string>;
    for (const account of first.accounts) expect(stored[account.email]).toBe(account.password);
    const summary = seedSummary(second, 'http://localhost:3007');
    expect(summary).toContain('nothing was added');
    expect(summary).toMatch(/grace\.demo@example\.com +\S+ +user, admin/);
    expect(summary).toMatch(/hypatia\.demo@example\.com +\S+ +user, moderator/);
    expect(summary).toContain(`(password ${stored['share:engine']})`);
  });

  test('the stack holds each thing once, as its users see it through the API', async () => {
    const api = new ApiClient(stack.urls.gateway);
    const grace = await signIn(api, 'grace.demo@example.com');
    const hypatia = await signIn(api, 'hypatia.demo@example.com');
    const ibn = await signIn(api, 'ibn.demo@example.com');
    const linh = await signIn(api, 'linh.demo@example.com');

    const admins = await api.all<{ email: string; roles: string[] }>({
      what: 'listing demo accounts',
      path: '/api/v1/admin/users?q=.demo%40example.com',
      token: grace.token,
    });
    expect(admins.map((account) => `${account.email} ${[...account.roles].sort().join(',')}`).sort()).toEqual(
      [
        'grace.demo@example.com admin,user',
        'hypatia.demo@example.com moderator,user',
        'ibn.demo@example.com user',
        'linh.demo@example.com user',
      ],
    );

    const linhsHistory = await api.all<{
      question: string;
      language: string;
      favorite: boolean;
      tags: string[];
    }>({
      what: "reading linh's history",
      path: '/api/v1/scenarios',
      token: linh.token,
    });
    expect(linhsHistory.map((entry) => entry.language).sort()).toEqual(['vi', 'vi']);
    const gracesHistory = await api.all<{ favorite: boolean; tags: string[] }>({
      what: "reading grace's history",
      path: '/api/v1/scenarios',
      token: grace.token,
    });
    expect(gracesHistory).toEqual([
      expect.objectContaining({ favorite: true, tags: ['computing', 'victorian'] }),
    ]);

    const gracesShares = await api.all<{ hasPassword: boolean }>({
      what: "reading grace's shares",
      path: '/api/v1/shares',
      token: grace.token,
    });
    expect(gracesShares.map((share) => share.hasPassword)).toEqual([true]);
    const ibnsShares = await api.all<{ hasPassword: boolean; visibility: string }>({
      what: "reading ibn's shares",
      path: '/api/v1/shares',
      token: ibn.token,
    });
    expect(ibnsShares.map((share) => `${share.visibility} ${share.hasPassword}`)).toEqual(['public false']);

    const profile = async (id: string) =>
      (
        await api.call<{ counts: Record<string, number> }>({
          what: 'a profile',
          path: `/api/v1/social/users/${id}`,
        })
      ).body.counts;
    expect(await profile(ibn.id)).toMatchObject({ posts: 1, followers: 2, following: 2, likesReceived: 2 });
    expect(await profile(grace.id)).toMatchObject({ posts: 1, followers: 1, following: 1, likesReceived: 1 });
    expect(await profile(linh.id)).toMatchObject({ posts: 1, followers: 2, following: 1 });

    const ibnsPosts = await api.all<{ id: string; counts: { likes: number } }>({
      what: "ibn's posts",
      path: `/api/v1/social/users/${ibn.id}/posts`,
    });
    expect(ibnsPosts.map((post) => post.counts.likes)).toEqual([2]);
    const threads = await api.all<{ body: string; counts: { replies: number } }>({
      what: "the comments on ibn's post",
      path: `/api/v1/social/posts/${ibnsPosts[0]!.id}/comments`,
    });
    expect(threads.map((thread) => thread.counts.replies)).toEqual([1]);

    const cases = await api.all<{ target: { kind: string }; reports: number }>({
      what: 'the moderation queue',
      path: '/api/v1/social/moderation/cases?status=open',
      token: hypatia.token,
    });
    expect(cases.map((entry) => `${entry.target.kind} ${entry.reports}`)).toEqual(['post 1']);

    const videos = await api.all<{ scenarioId: string }>({
      what: "grace's videos",
      path: '/api/v1/videos',
      token: grace.token,
    });
    expect(videos).toHaveLength(1);
  }, 60_000);
});
