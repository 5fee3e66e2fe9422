import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { frontend } from '@what-if/catalog';
import { type RunningWebServer, startWebServer } from '../src/dev/web-server';

/** The web app as the browser meets it under make dev: the static export and the API on one origin. */
describe("the launcher's web server", () => {
  let root: string;
  let gateway: Server;
  let web: RunningWebServer;
  const heldStreams: ServerResponse[] = [];

  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'whatif-web-'));
    mkdirSync(path.join(root, 'en'), { recursive: true });
    mkdirSync(path.join(root, '_next', 'static', 'chunks'), { recursive: true });
    writeFileSync(path.join(root, 'index.html'), '<html>front door</html>');
    writeFileSync(path.join(root, 'en.html'), '<html>ask</html>');
    writeFileSync(path.join(root, 'en', 'history.html'), '<html>history</html>');
    writeFileSync(path.join(root, '404.html'), '<html>not found</html>');
    writeFileSync(path.join(root, '_next', 'static', 'chunks', 'app-1a2b.js'), 'console.log(1)');
    writeFileSync(path.join(tmpdir(), 'whatif-web-outside.html'), 'secret');

    // A stand-in gateway: echoes what it was asked, and holds a stream open until told to end it.
    gateway = createServer((req, res) => {
      if (req.url === '/api/v1/stream') {
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        res.write('event: meta\ndata: {}\n\n');
        heldStreams.push(res);
        return;
      }
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        res.writeHead(201, { 'content-type': 'application/json', 'set-cookie': 'refresh=1; HttpOnly' });
        res.end(
          JSON.stringify({ method: req.method, url: req.url, body, cookie: req.headers.cookie ?? null }),
        );
      });
    });
    await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
    const gatewayPort = (gateway.address() as AddressInfo).port;
    web = await startWebServer({
      root,
      gatewayUrl: `http://127.0.0.1:${gatewayPort}`,
      port: 0,
      host: '127.0.0.1',
    });
  });

  afterAll(async () => {
    for (const res of heldStreams) res.end();
    await web.close();
    await new Promise<void>((resolve) => gateway.close(() => resolve()));
    rmSync(root, { recursive: true, force: true });
    rmSync(path.join(tmpdir(), 'whatif-web-outside.html'), { force: true });
  });

  test('a page is its .html file, revalidated every time and sent with the security policy', async () => {
    const front = await fetch(`${web.url}/`);
    expect(front.status).toBe(200);
    expect(await front.text()).toBe('<html>front door</html>');
    const history = await fetch(`${web.url}/en/history`);
    expect(await history.text()).toBe('<html>history</html>');
    expect(history.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(history.headers.get('cache-control')).toBe('no-cache');
    expect(history.headers.get('content-security-policy')).toBe(frontend.contentSecurityPolicy);
    expect(history.headers.get('x-frame-options')).toBe('DENY');
  });

  test('content-hashed assets are cached for a year', async () => {
    const asset = await fetch(`${web.url}/_next/static/chunks/app-1a2b.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  test('an unknown path answers 404 with the 404 page, and nothing outside the export is reachable', async () => {
    const missing = await fetch(`${web.url}/no/such/page`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toBe('<html>not found</html>');
    for (const escape of [
      '/..%2fwhatif-web-outside.html',
      '/%2e%2e/whatif-web-outside',
      '/en/..%2f..%2fwhatif-web-outside',
    ]) {
      const answer = await fetch(`${web.url}${escape}`);
      expect({ escape, status: answer.status }).toEqual({ escape, status: 404 });
      expect(await answer.text()).not.toContain('secret');
    }
  });

  test('the site takes only reads; writes go to the API', async () => {
    const post = await fetch(`${web.url}/en`, { method: 'POST', body: 'x' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });

  test('/api is forwarded to the gateway with its method, body, cookies and answer headers', async () => {
    const answer = await fetch(`${web.url}/api/v1/auth/login?x=1`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: 'refresh=old' },
      body: '{"email":"ada@example.com"}',
    });
    expect(answer.status).toBe(201);
    expect(answer.headers.get('set-cookie')).toBe('refresh=1; HttpOnly');
    expect(await answer.json()).toEqual({
      method: 'POST',
      url: '/api/v1/auth/login?x=1',
      body: '{"email":"ada@example.com"}',
      cookie: 'refresh=old',
    });
  });

  test('a stream reaches the browser as it is written, before the gateway finishes it', async () => {
    const answer = await fetch(`${web.url}/api/v1/stream`);
    expect(answer.headers.get('content-type')).toBe('text/event-stream');
    const reader = answer.body!.getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toBe('event: meta\ndata: {}\n\n');
    heldStreams.shift()!.end();
    expect((await reader.read()).done).toBe(true);
  });

  test('an unreachable gateway is a 502 problem naming it', async () => {
    const orphan = await startWebServer({
      root,
      gatewayUrl: 'http://127.0.0.1:9',
      port: 0,
      host: '127.0.0.1',
    });
    try {
      const answer = await fetch(`${orphan.url}/api/v1/scenarios`);
      expect(answer.status).toBe(502);
      expect(answer.headers.get('content-type')).toBe('application/problem+json');
      expect(((await answer.json()) as { detail: string }).detail).toContain('http://127.0.0.1:9');
    } finally {
      await orphan.close();
    }
  });
});
