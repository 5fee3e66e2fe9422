import { type IncomingMessage, type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { EngagementEvent } from '@what-if/contracts';
import { eventually } from '../../../test/support/eventually';
import { makeScenario } from '../../../test/support/scenario-fixtures';
import { deadPort } from '../../../test/support/stores';
import { type HistoryHarness, startHistory } from './support/history-harness';

/** Stands in for social's event endpoint: records what history sends. */
async function startSocialStandIn() {
  const received: { path: string; authorization: string; event: EngagementEvent }[] = [];
  const server: Server = createServer((req: IncomingMessage, res) => {
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    req.on('end', () => {
      received.push({
        path: req.url ?? '',
        authorization: req.headers.authorization ?? '',
        event: JSON.parse(text) as EngagementEvent,
      });
      res.statusCode = 204;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const save = (history: HistoryHarness, ownerId: string, scenario: ReturnType<typeof makeScenario>) =>
  history.callAs('generation', 'PUT', `/internal/v1/scenarios/${scenario.id}`, { ownerId, scenario });

test('a scenario saved for the first time is reported to social once, with its owner and language', async () => {
  const social = await startSocialStandIn();
  const history = await startHistory({ SOCIAL_SERVICE_URL: social.url });
  try {
    const { userId } = history.newUser();
    const scenario = makeScenario({ language: 'vi' });
    expect((await save(history, userId, scenario)).status).toBe(201);
    expect((await save(history, userId, scenario)).status).toBe(200);
    await eventually(async () => expect(social.received).toHaveLength(1));
    const [delivery] = social.received;
    expect(delivery?.path).toBe('/internal/v1/engagement-events');
    expect(delivery?.authorization).toMatch(/^Bearer \S+$/);
    expect(delivery?.event).toMatchObject({
      kind: 'scenario-saved',
      userId,
      scenarioId: scenario.id,
      language: 'vi',
    });
  } finally {
    await history.stop();
    await social.close();
  }
});

test('with social down a save still succeeds at once: the event is best effort', async () => {
  const history = await startHistory({ SOCIAL_SERVICE_URL: `http://127.0.0.1:${await deadPort()}` });
  try {
    const { userId, token } = history.newUser();
    const scenario = makeScenario();
    expect((await save(history, userId, scenario)).status).toBe(201);
    expect((await history.call('GET', `/api/v1/scenarios/${scenario.id}`, { token })).status).toBe(200);
  } finally {
    await history.stop();
  }
});
