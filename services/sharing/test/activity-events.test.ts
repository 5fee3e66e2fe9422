import { eventually } from '../../../test/support/eventually';
import { type SharingHarness, startSharing } from './support/sharing-harness';

let sharing: SharingHarness;
beforeAll(async () => {
  sharing = await startSharing();
});
afterAll(async () => {
  await sharing?.stop();
});

test('a share created is reported to social (experience points), once per share made', async () => {
  const { userId, token } = sharing.newUser();
  const scenario = sharing.saveScenario(userId, { language: 'vi' });
  await sharing.share(token, { scenarioId: scenario.id });
  // Asking again answers the same link (200): nothing new happened, nothing more is reported.
  const again = await sharing.call('POST', '/api/v1/shares', { token, body: { scenarioId: scenario.id } });
  expect(again.status).toBe(200);
  await eventually(async () =>
    expect(sharing.social.events.filter((event) => event.userId === userId)).toEqual([
      expect.objectContaining({ kind: 'share-created', userId, scenarioId: scenario.id, language: 'vi' }),
    ]),
  );
});
