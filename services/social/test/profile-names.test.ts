import { randomUUID } from 'node:crypto';
import { profileBatchLimit } from '../src/routes/profile-batch-routes';
import { type SocialHarness, startSocial } from './support/social-harness';

let social: SocialHarness;
beforeAll(async () => {
  social = await startSocial();
});
afterAll(async () => {
  await social?.stop();
});

interface Names {
  items: Array<{ id: string; username: string | null; displayName: string | null; avatarUrl: string | null }>;
}

interface Problem {
  type: string;
  detail: string;
  errors?: Array<{ path: string }>;
}

test("several accounts' names in one read, in the order asked, through the gateway", async () => {
  const reader = social.newUser();
  const ada = social.newUser();
  const bo = social.newUser();
  const unnamed = social.newUser();
  social.setProfile(ada, { username: `ada_${Date.now().toString(36)}`, displayName: 'Ada', avatarUrl: null });
  social.setProfile(bo, { username: `bo_${Date.now().toString(36)}`, displayName: 'Bảo Ngọc' });
  const lookups = social.identity.profileLookups();

  // A repeated id is answered once; an account the user service does not show has null names.
  const ids = [bo.userId, ada.userId, bo.userId, unnamed.userId];
  const answer = await social.call<Names>('GET', `/api/v1/social/profiles?ids=${ids.join(',')}`, {
    token: reader.token,
  });
  expect(answer.status).toBe(200);
  expect(answer.body.items).toEqual([
    expect.objectContaining({ id: bo.userId, displayName: 'Bảo Ngọc' }),
    expect.objectContaining({ id: ada.userId, displayName: 'Ada', avatarUrl: null }),
    { id: unnamed.userId, username: null, displayName: null, avatarUrl: null },
  ]);
  // One batched lookup in the user service for the whole list, not one per member.
  expect(social.identity.profileLookups() - lookups).toBe(1);

  // Commas encoded as a browser's encodeURIComponent leaves them, and signed out, answer the same.
  const encoded = await social.call<Names>(
    'GET',
    `/api/v1/social/profiles?ids=${encodeURIComponent(ids.join(','))}`,
  );
  expect(encoded.status).toBe(200);
  expect(encoded.body.items.map((item) => item.id)).toEqual([bo.userId, ada.userId, unnamed.userId]);
});

test('the list is bounded and each id checked, with a problem that names the parameter', async () => {
  const tooMany = Array.from({ length: profileBatchLimit + 1 }, () => randomUUID());
  const refused = await social.call<Problem>('GET', `/api/v1/social/profiles?ids=${tooMany.join(',')}`);
  expect(refused.status).toBe(400);
  expect(refused.body.type).toMatch(/validation$/);
  expect(refused.body.detail).toMatch(/ids/);

  const notAnId = await social.call<Problem>('GET', `/api/v1/social/profiles?ids=${randomUUID()},bob`);
  expect(notAnId.status).toBe(400);
  expect(notAnId.body.detail).toMatch(/ids/);

  const none = await social.call<Problem>('GET', '/api/v1/social/profiles');
  expect(none.status).toBe(400);
  expect(none.body.detail).toMatch(/ids/);
});
