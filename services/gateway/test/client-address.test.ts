import { type DeploymentPath, deploymentPaths, trustedProxyCount } from '@what-if/catalog';
import { type GatewayUnderTest, startGatewayUnderTest } from './gateway-under-test';

/**
 * X-Forwarded-For as a chain of proxies builds it: whatever the client wrote (perhaps a forgery),
 * then each proxy appends the address it received the request from. The last proxy connects to
 * the gateway itself, so its own address is the socket's, not an entry.
 */
function forwardedFor(path: DeploymentPath, client: string, forged?: string): string {
  const proxies = deploymentPaths[path];
  const seenBy = [client, ...proxies.slice(0, -1).map((_proxy, index) => `130.176.0.${index + 1}`)];
  return [...(forged ? [forged] : []), ...seenBy].join(', ');
}

describe.each(['ecs', 'eks-alb', 'ingress-nginx'] as const)('behind the %s proxies', (path) => {
  let subject: GatewayUnderTest;

  beforeAll(async () => {
    subject = await startGatewayUnderTest({
      TRUSTED_PROXY_COUNT: String(trustedProxyCount(path)),
      RATE_LIMIT_IP_PER_MINUTE: '3',
    });
  });
  afterAll(() => subject.stop());

  async function feedFrom(client: string, forged?: string): Promise<{ status: number; seenAs: string }> {
    const feed = subject.fakes.upstreams.find((fake) => fake.name === 'social')!;
    feed.received.length = 0;
    const response = await fetch(`${subject.gateway.url}/api/v1/feed`, {
      headers: { 'x-forwarded-for': forwardedFor(path, client, forged) },
    });
    await response.arrayBuffer();
    return { status: response.status, seenAs: String(feed.received[0]?.headers['x-forwarded-for'] ?? '') };
  }

  test('the client address is the one the first proxy saw, whatever the client claims', async () => {
    expect(await feedFrom('203.0.113.10')).toEqual({ status: 200, seenAs: '203.0.113.10' });
    expect(await feedFrom('203.0.113.11', '198.51.100.1')).toEqual({ status: 200, seenAs: '203.0.113.11' });
  });

  test('clients behind the same proxies have buckets of their own, and a forgery does not escape one', async () => {
    for (let request = 0; request < 3; request += 1)
      expect((await feedFrom('203.0.113.20', `198.51.100.${request}`)).status).toBe(200);
    expect((await feedFrom('203.0.113.20', '198.51.100.99')).status).toBe(429);
    expect((await feedFrom('203.0.113.21')).status).toBe(200);
  });
});

test('on ECS the gateway trusts CloudFront and the ALB; on EKS the ALB; locally nobody', () => {
  expect(trustedProxyCount('ecs')).toBe(2);
  expect(trustedProxyCount('eks-alb')).toBe(1);
  expect(trustedProxyCount('local')).toBe(0);
});
