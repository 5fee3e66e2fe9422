import { randomUUID } from 'node:crypto';
import type { PurgeInstruction } from '@what-if/contracts';
import { serviceToken } from '../../../test/support/service-identity';
import { type SocialHarness, type TestUser, startSocial } from './support/social-harness';

let social: SocialHarness;
beforeAll(async () => {
  social = await startSocial();
});
afterAll(async () => {
  await social?.stop();
});

function accountPurge(userId: string): PurgeInstruction {
  return {
    id: randomUUID(),
    kind: 'account',
    subjectId: userId,
    ownerId: userId,
    requestedAt: new Date().toISOString(),
    origin: 'user',
  };
}

const purge = (instruction: PurgeInstruction, caller: 'user' | 'gateway' = 'user') =>
  social.direct('POST', '/internal/v1/purges', { token: serviceToken(caller, 'social'), body: instruction });

const counts = async (of: TestUser) =>
  (await social.call<{ counts: Record<string, number> }>('GET', `/api/v1/social/users/${of.userId}`)).body
    .counts;

test("a deleted account's posts, follows and blocks all go, the others' counts follow; a repeat is 204 too", async () => {
  const leaving = social.newUser();
  const friend = social.newUser();
  const other = social.newUser();
  const post = await social.publish(leaving, { caption: 'soon gone' });
  await social.call('POST', `/api/v1/social/posts/${post.id}/comments`, {
    token: friend.token,
    body: { body: 'a comment on a post that goes' },
  });
  expect(
    (await social.call('PUT', `/api/v1/social/following/${friend.userId}`, { token: leaving.token })).status,
  ).toBe(204);
  expect(
    (await social.call('PUT', `/api/v1/social/following/${leaving.userId}`, { token: friend.token })).status,
  ).toBe(204);
  expect(
    (await social.call('PUT', `/api/v1/social/blocks/${other.userId}`, { token: leaving.token })).status,
  ).toBe(204);
  expect((await counts(friend)).followers).toBe(1);

  const instruction = accountPurge(leaving.userId);
  expect((await purge(instruction)).status).toBe(204);
  expect((await social.call('GET', `/api/v1/social/posts/${post.id}`, { token: friend.token })).status).toBe(
    404,
  );
  expect(await counts(friend)).toEqual({ posts: 0, followers: 0, following: 0, likesReceived: 0 });
  expect(await counts(leaving)).toEqual({ posts: 0, followers: 0, following: 0, likesReceived: 0 });
  // The block is gone too: the other account may follow the departed id's (now empty) profile.
  expect(
    (await social.call('PUT', `/api/v1/social/following/${leaving.userId}`, { token: other.token })).status,
  ).toBe(204);
  await social.call('DELETE', `/api/v1/social/following/${leaving.userId}`, { token: other.token });

  expect((await purge(instruction)).status).toBe(204);
});

test('only a purge owner of the catalog may send one: no token is 401, another service 403', async () => {
  const instruction = accountPurge(randomUUID());
  const anonymous = await social.direct('POST', '/internal/v1/purges', { token: '', body: instruction });
  expect(anonymous.status).toBe(401);
  const gateway = await purge(instruction, 'gateway');
  expect(gateway.status).toBe(403);
  expect(gateway.body['type']).toBe('/problems/caller-not-allowed');
});
