import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { services } from '@what-if/catalog';
import express from 'express';
import { createMetrics, eventStreamRouteSuffix, httpMetricsMiddleware } from '../src/metrics';

async function served(app: express.Express) {
  const server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

describe('the request histogram', () => {
  const metrics = createMetrics('history');
  const app = express();
  app.use(httpMetricsMiddleware(metrics));
  app.get('/things/:id', (_req, res) => {
    res.json({ ok: true });
  });
  app.get('/things/:id/events', (_req, res) => {
    res.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
    res.write('event: done\ndata: {}\n\n');
    res.end();
  });
  let running: Awaited<ReturnType<typeof served>>;
  beforeAll(async () => {
    running = await served(app);
  });
  afterAll(() => running.server.close());

  test('has a bucket at every catalog latency objective, so "slower than the objective" is exact', async () => {
    await (await fetch(`${running.url}/things/42`)).text();
    const text = await metrics.registry.metrics();
    for (const entry of services) {
      const bound = String(entry.latency.p99Ms / 1000);
      expect(text).toContain(`http_request_duration_seconds_bucket{le="${bound}",service="history"`);
    }
  });

  test('labels an event stream apart, so latency objectives can leave out how long someone watched', async () => {
    await (await fetch(`${running.url}/things/42/events`)).text();
    await (await fetch(`${running.url}/things/7`)).text();
    const text = await metrics.registry.metrics();
    expect(text).toContain(`route="/things/:id/events${eventStreamRouteSuffix}",status_code="200"} 1`);
    expect(text).toMatch(
      /_count\{service="history",method="GET",route="\/things\/:id",status_code="200"\} 2/,
    );
  });
});

describe('readiness metrics', () => {
  test('keep the last answer and count each change between ready and not ready', async () => {
    const metrics = createMetrics('user');
    for (const ready of [true, true, false, false, true]) metrics.recordReadiness(ready);
    const text = await metrics.registry.metrics();
    expect(text).toMatch(/^readiness_ready\{service="user"\} 1$/m);
    expect(text).toMatch(/^readiness_changes_total\{service="user"\} 2$/m);
  });
});
