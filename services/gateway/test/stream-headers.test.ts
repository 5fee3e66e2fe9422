import { type GatewayUnderTest, startGatewayUnderTest } from './gateway-under-test';

let subject: GatewayUnderTest;

beforeAll(async () => {
  subject = await startGatewayUnderTest();
});

afterAll(() => subject.stop());

/**
 * A service that sends its status and headers at once and holds its body until the client says
 * it has them, or until it stops waiting: which of the two released the body tells the test
 * whether the gateway passed the headers on by themselves.
 */
function serveHeadersFirst(contentType: string, waitMs: number, body: (why: string) => string) {
  let release: (why: string) => void = () => undefined;
  const released = new Promise<string>((resolve) => {
    release = resolve;
  });
  subject.fakes.upstreams
    .find((fake) => fake.name === 'video')!
    .handleRaw((_req, res) => {
      res.writeHead(200, { 'content-type': contentType, 'cache-control': 'no-cache' });
      res.flushHeaders();
      const givingUp = setTimeout(() => release('the service stopped waiting'), waitMs);
      void released.then((why) => {
        clearTimeout(givingUp);
        res.end(body(why));
      });
    });
  return { release };
}

test.each(['text/event-stream', 'text/event-stream; charset=utf-8'])(
  "an event stream's status and headers reach the client before its first event (%s)",
  async (contentType) => {
    // A video's progress stream: open at once, its first event when the worker reports.
    const service = serveHeadersFirst(
      contentType,
      5_000,
      (why) => `event: done\ndata: ${JSON.stringify({ why })}\n\n`,
    );
    // fetch resolves once the status and headers have arrived: before any event here.
    const response = await fetch(`${subject.gateway.url}/api/v1/videos/v1/events`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(contentType);
    service.release('the client had the headers first');
    expect(await response.text()).toContain('the client had the headers first');
  },
);

test("any other answer's status and headers reach the client with its body, in one write", async () => {
  // A service that sends its headers early: the gateway holds them until the body comes.
  const service = serveHeadersFirst('application/json', 1_000, (why) => JSON.stringify({ why }));
  const response = await fetch(`${subject.gateway.url}/api/v1/videos/v1`);
  service.release('the client had the headers first');
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual({ why: 'the service stopped waiting' });
});
