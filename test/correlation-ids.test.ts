import { serviceUrlVariable } from '@what-if/catalog';
import { eventually } from './support/eventually';
import { type FakeUpstreams, startFakeUpstreams } from './support/fake-upstreams';
import { type TestStores, provisionStores } from './support/service-chassis';
import { type ServiceProcess, startServiceProcess } from './support/service-processes';
import { signAccessToken } from './support/tokens';

/**
 * The real gateway and the real history service, each in its own process, the other services
 * stood in for: one request id from the client, through the gateway, into history's logs.
 */
let gatewayStores: TestStores;
let historyStores: TestStores;
let history: ServiceProcess;
let gateway: ServiceProcess;
let fakes: FakeUpstreams;

beforeAll(async () => {
  fakes = await startFakeUpstreams();
  historyStores = await provisionStores(['dynamodb']);
  history = await startServiceProcess('history', {
    env: { ...historyStores.env, USER_SERVICE_URL: fakes.env[serviceUrlVariable('user')] as string },
  });
  gatewayStores = await provisionStores(['redis']);
  gateway = await startServiceProcess('gateway', {
    env: { ...gatewayStores.env, ...fakes.env, [serviceUrlVariable('history')]: history.url },
  });
  await eventually(async () => expect((await fetch(`${gateway.url}/health/ready`)).status).toBe(200));
  await eventually(async () => expect((await fetch(`${history.url}/health/ready`)).status).toBe(200));
});

afterAll(async () => {
  await gateway?.stop();
  await history?.stop();
  await fakes?.close();
  await gatewayStores?.cleanup();
  await historyStores?.cleanup();
});

function historyLogLine(path: string) {
  return history.logs.find((entry) => entry['msg'] === 'request' && entry['path'] === path);
}

test('the id a client sends is the one the service logs and the one echoed back', async () => {
  const response = await fetch(`${gateway.url}/api/v1/scenarios/unknown-thing`, {
    headers: {
      'x-request-id': 'trace-me-through-0001',
      authorization: `Bearer ${signAccessToken(fakes.signingKey)}`,
    },
  });
  expect(response.status).toBe(404);
  expect(response.headers.get('x-request-id')).toBe('trace-me-through-0001');
  const problem = (await response.json()) as { requestId: string };
  expect(problem.requestId).toBe('trace-me-through-0001');
  // The log line is written when the response closes, which may be a moment after the client has it.
  await eventually(async () =>
    expect(historyLogLine('/api/v1/scenarios/unknown-thing')).toMatchObject({
      service: 'history',
      requestId: 'trace-me-through-0001',
    }),
  );
});

test('a minted id also travels to the service', async () => {
  const response = await fetch(`${gateway.url}/api/v1/scenarios/another-thing`, {
    headers: { authorization: `Bearer ${signAccessToken(fakes.signingKey)}` },
  });
  const minted = response.headers.get('x-request-id');
  expect(minted).toMatch(/^[0-9a-f-]{36}$/);
  await eventually(async () =>
    expect(historyLogLine('/api/v1/scenarios/another-thing')?.['requestId']).toBe(minted),
  );
});
