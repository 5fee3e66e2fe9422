import { randomUUID } from 'node:crypto';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { visitorHash } from '@what-if/contracts';
import { eventually } from '../../../test/support/eventually';
import { verifiedCaller } from '../../../test/support/service-identity';
import { type SocialHarness, type TestUser, startSocial } from './support/social-harness';

/**
 * A stand-in for the sharing service's moderation endpoint: answers `status`, keeps what it got,
 * and refuses (401, as the kit's guard would) a call without social's service token.
 */
let sharing: Server;
let sharingStatus = 503;
const delivered: Array<Record<string, unknown>> = [];
let social: SocialHarness;

beforeAll(async () => {
  sharing = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      if (verifiedCaller('sharing', req.headers.authorization) !== 'social') {
        res.writeHead(401).end();
        return;
      }
      if (req.method === 'POST' && req.url === '/internal/v1/moderation-actions' && sharingStatus === 204) {
        delivered.push(JSON.parse(body) as Record<string, unknown>);
      }
      res.writeHead(sharingStatus).end();
    });
  });
  await new Promise<void>((resolve) => sharing.listen(0, '127.0.0.1', resolve));
  social = await startSocial({
    SHARING_SERVICE_URL: `http://127.0.0.1:${(sharing.address() as AddressInfo).port}`,
  });
});
afterAll(async () => {
  await social?.stop();
  await new Promise((resolve) => sharing?.close(resolve));
});

interface Case {
  caseId: string;
  status: string;
  reports: number;
  voices: number;
  weight: number;
  lastDecision: { action: string; moderatorId: string | null } | null;
  decisions?: Array<{ action: string; moderatorId: string | null }>;
}

const moderator = () => social.newUser(['moderator']);
/** Each reporter from a network of their own (the gateway trusts one proxy in these tests). */
const reportPost = (user: TestUser, postId: string, reason = 'spam', network = 0) =>
  social.call<{ caseId: string; duplicate: boolean }>('POST', `/api/v1/social/posts/${postId}/reports`, {
    token: user.token,
    body: { reason },
    headers: { 'x-forwarded-for': `198.51.${network}.7` },
  });
const caseOf = (caseId: string, user: TestUser) =>
  social.call<Case>('GET', `/api/v1/social/moderation/cases/${caseId}`, { token: user.token });

function shareReport(slug: string) {
  return {
    id: randomUUID(),
    target: { service: 'sharing', kind: 'share', id: slug },
    ownerId: randomUUID(),
    reporter: { visitorHash: visitorHash('203.0.113.7') },
    reason: 'spam',
    reportedAt: new Date().toISOString(),
  };
}

test('a report from sharing joins the queue once, and only moderators read the queue', async () => {
  const report = shareReport(`slug-${randomUUID().slice(0, 8)}`);
  const first = await social.direct<{ caseId: string; duplicate: boolean }>('POST', '/internal/v1/reports', {
    body: report,
  });
  expect(first.status).toBe(202);
  expect(first.body.duplicate).toBe(false);
  const again = await social.direct('POST', '/internal/v1/reports', { body: report });
  expect(again.body).toEqual({ caseId: first.body.caseId, duplicate: true });
  expect(
    (await social.direct('POST', '/internal/v1/reports', { body: { ...report, reason: 'boring' } })).status,
  ).toBe(400);

  const mod = moderator();
  const open = await social.call<{ items: Case[] }>('GET', '/api/v1/social/moderation/cases?status=open', {
    token: mod.token,
  });
  expect(open.body.items.map((item) => item.caseId)).toContain(first.body.caseId);
  expect((await caseOf(first.body.caseId, mod)).body).toMatchObject({
    status: 'open',
    reports: 1,
    voices: 1,
  });
  expect((await caseOf(first.body.caseId, social.newUser())).status).toBe(403);
});

test('reports from enough people hide a post everywhere at once; a moderator restores it', async () => {
  const author = social.newUser();
  const post = await social.publish(author);
  const reporters = Array.from({ length: 10 }, () => social.newUser());
  // One person reporting many times is one report: the repeats say so and change nothing.
  const repeats = [];
  for (let index = 0; index < 3; index += 1) repeats.push(await reportPost(reporters[0]!, post.id));
  expect(repeats.map((answer) => answer.body.duplicate)).toEqual([false, true, true]);
  const filed = await Promise.all(
    reporters.slice(1).map((reporter, index) => reportPost(reporter, post.id, 'hate', index + 1)),
  );
  expect(filed.every((answer) => answer.status === 202)).toBe(true);
  const caseId = filed[0]!.body.caseId;

  const mod = moderator();
  // Signed-in reporters of unknown account age weigh half each: ten of them reach 5.
  const decided = await caseOf(caseId, mod);
  expect(decided.body).toMatchObject({ status: 'hidden', reports: 10, voices: 10, weight: 5 });
  expect(decided.body.lastDecision).toMatchObject({ action: 'hide', moderatorId: null });
  expect((await social.call('GET', `/api/v1/social/posts/${post.id}`)).status).toBe(404);
  const latest = await social.call<{ items: Array<{ id: string }> }>('GET', '/api/v1/feed?limit=50');
  expect(latest.body.items.map((item) => item.id)).not.toContain(post.id);
  const own = await social.call<{ moderation: string }>('GET', `/api/v1/social/posts/${post.id}`, {
    token: author.token,
  });
  expect(own.body.moderation).toBe('hidden');

  const restore = await social.call<Case>('POST', `/api/v1/social/moderation/cases/${caseId}/decisions`, {
    token: mod.token,
    body: { action: 'restore', reason: 'Reviewed: not hate speech' },
  });
  expect(restore.status).toBe(200);
  expect(restore.body.status).toBe('closed');
  expect((await social.call('GET', `/api/v1/social/posts/${post.id}`)).status).toBe(200);
  const trail = await caseOf(caseId, mod);
  expect(trail.body.decisions!.map((decision) => [decision.action, decision.moderatorId])).toEqual([
    ['restore', mod.userId],
    ['hide', null],
  ]);
});

test('nobody reports their own post, and a plain user cannot decide', async () => {
  const author = social.newUser();
  const post = await social.publish(author);
  expect((await reportPost(author, post.id)).status).toBe(400);
  const filed = await reportPost(social.newUser(), post.id);
  const attempt = await social.call(
    'POST',
    `/api/v1/social/moderation/cases/${filed.body.caseId}/decisions`,
    {
      token: social.newUser().token,
      body: { action: 'remove', reason: 'I do not like it' },
    },
  );
  expect(attempt.status).toBe(403);
});

test('a decision on a share waits in the outbox while sharing is down and arrives once it answers', async () => {
  const slug = `slug-${randomUUID().slice(0, 8)}`;
  const filed = await social.direct<{ caseId: string }>('POST', '/internal/v1/reports', {
    body: shareReport(slug),
  });
  const mod = moderator();
  sharingStatus = 503;
  const decided = await social.call(
    'POST',
    `/api/v1/social/moderation/cases/${filed.body.caseId}/decisions`,
    {
      token: mod.token,
      body: { action: 'remove', reason: 'Spam links' },
    },
  );
  expect(decided.status).toBe(200);
  // Refused for now; then sharing comes back.
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  expect(delivered.filter((action) => (action['target'] as { id: string }).id === slug)).toEqual([]);
  sharingStatus = 204;
  await eventually(
    async () =>
      expect(delivered.filter((action) => (action['target'] as { id: string }).id === slug)).toEqual([
        expect.objectContaining({ action: 'remove', reason: 'Spam links', moderatorId: mod.userId }),
      ]),
    40_000,
  );
}, 60_000);
