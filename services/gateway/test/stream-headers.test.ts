import { type GatewayUnderTest, startGatewayUnderTest } from './gateway-under-test';

let subject: GatewayUnderTest;

beforeAll(async () => {
  subject = await startGatewayUnderTest();
});

afterAll(() => subject.stop());

test("an event stream's status and headers reach the client before its first event", async () => {
  let release: (why: string) => void = () => undefined;
  const released = new Promise<string>((resolve) => {
    release = resolve;
  });
  subject.fakes.upstreams
    .find((fake) => fake.name === 'video')!
    .handleRaw((_req, res) => {
      // A video's progress stream: open at once, its first event when the worker reports.
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      res.flushHeaders();
      const givingUp = setTimeout(() => release('the service stopped waiting'), 5_000);
      void released.then((why) => {
        clearTimeout(givingUp);
        res.end(`event: done\ndata: ${JSON.stringify({ why })}\n\n`);
      });
    });
  // fetch resolves once the status and headers have arrived: before any event here.
  const response = await fetch(`${subject.gateway.url}/api/v1/videos/v1/events`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('text/event-stream');
  release('the client had the headers first');
  expect(await response.text()).toContain('the client had the headers first');
});
