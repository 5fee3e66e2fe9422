import { serviceUrlVariable } from '@what-if/catalog';
import { type StartedService, startService } from '@what-if/kit';
import { historyService } from '../../history/src/service';
import { eventually } from '../../../test/support/eventually';
import { captureLogs } from '../../../test/support/logs';
import { inProcessEnv, provisionStores, type TestStores } from '../../../test/support/service-chassis';
import { signAccessToken } from '../../../test/support/tokens';
import { gatewayService } from '../src/service';
import { type FakeUpstreams, startFakeUpstreams } from './fake-upstreams';

/** The real history service behind the real gateway: one id from the client to the service's logs. */
let gatewayStores: TestStores;
let historyStores: TestStores;
let history: StartedService<unknown>;
let gateway: StartedService<unknown>;
let fakes: FakeUpstreams;
const historyLogs = captureLogs('history');

beforeAll(async () => {
  historyStores = await provisionStores(['dynamodb']);
  history = await startService(historyService, {
    env: { ...process.env, ...inProcessEnv, ...historyStores.env },
    logger: historyLogs.logger,
  });
  gatewayStores = await provisionStores(['redis']);
  fakes = await startFakeUpstreams();
  gateway = await startService(gatewayService, {
    env: {
      ...process.env,
      ...inProcessEnv,
      ...gatewayStores.env,
      ...fakes.env,
      [serviceUrlVariable('history')]: history.url,
    },
  });
  await eventually(async () => expect((await fetch(`${gateway.url}/health/ready`)).status).toBe(200));
});

afterAll(async () => {
  await gateway?.stop();
  await history?.stop();
  await fakes?.close();
  await gatewayStores?.cleanup();
  await historyStores?.cleanup();
});

test('the id a client sends is the one the service logs and the one echoed back', async () => {
  const response = await fetch(`${gateway.url}/api/v1/scenarios/unknown-thing`, {
    headers: {
      'x-request-id': 'trace-me-through-0001',
      authorization: `Bearer ${signAccessToken(fakes.signingKey)}`,
    },
  });
  expect(response.headers.get('x-request-id')).toBe('trace-me-through-0001');
  const problem = (await response.json()) as { requestId: string };
  expect(problem.requestId).toBe('trace-me-through-0001');
  const line = historyLogs.lines.find(
    (entry) => entry['msg'] === 'request' && entry['path'] === '/api/v1/scenarios/unknown-thing',
  );
  expect(line).toMatchObject({ service: 'history', requestId: 'trace-me-through-0001' });
});

test('a minted id also travels to the service', async () => {
  const response = await fetch(`${gateway.url}/api/v1/scenarios/another-thing`, {
    headers: { authorization: `Bearer ${signAccessToken(fakes.signingKey)}` },
  });
  const minted = response.headers.get('x-request-id');
  expect(minted).toBeTruthy();
  const line = historyLogs.lines.find((entry) => entry['path'] === '/api/v1/scenarios/another-thing');
  expect(line?.['requestId']).toBe(minted);
});
