import { type GatewayUnderTest, startGatewayUnderTest } from './gateway-under-test';
import { signAccessToken } from '../../../test/support/tokens';

let subject: GatewayUnderTest;

beforeAll(async () => {
  subject = await startGatewayUnderTest();
});
afterAll(() => subject.stop());

function requestLines(path: string) {
  return subject.logs.lines.filter((line) => line['msg'] === 'request' && line['path'] === path);
}

// The ECS latency alarms read these fields with CloudWatch Logs metric filters
// (cdk/src/services/route-latency.ts): msg, upstream and durationMs must keep their names.
test('a proxied request is logged with the service that answered it and how long it took', async () => {
  const response = await fetch(`${subject.gateway.url}/api/v1/scenarios`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${signAccessToken(subject.fakes.signingKey)}`,
    },
    body: JSON.stringify({ question: 'What if the printing press came a century late?' }),
  });
  expect(response.status).toBe(200);
  await response.arrayBuffer();
  const [line] = requestLines('/api/v1/scenarios');
  expect(line).toMatchObject({ msg: 'request', method: 'POST', upstream: 'generation', status: 200 });
  expect(typeof line!['durationMs']).toBe('number');
});

test("the gateway's own endpoints name no upstream", async () => {
  expect((await fetch(`${subject.gateway.url}/openapi.json`)).status).toBe(200);
  const [line] = requestLines('/openapi.json');
  expect(line).toMatchObject({ msg: 'request', status: 200 });
  expect(line).not.toHaveProperty('upstream');
});
