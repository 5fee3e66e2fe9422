import { type IncomingHttpHeaders, request as httpRequest } from 'node:http';
import type { Socket } from 'node:net';
import { signAccessToken } from '../../../test/support/tokens';
import type { FakeUpstream } from '../../../test/support/fake-upstreams';
import { type GatewayUnderTest, startGatewayUnderTest } from './gateway-under-test';

/** What the proxy forwards, what it keeps to itself, and how it answers when a service fails. */

let subject: GatewayUnderTest;

beforeAll(async () => {
  subject = await startGatewayUnderTest({
    UPSTREAM_IDLE_TIMEOUT_MS: '2000',
    UPSTREAM_CONNECT_TIMEOUT_MS: '500',
  });
});
afterAll(() => subject.stop());

function upstream(name: string): FakeUpstream {
  return subject.fakes.upstreams.find((fake) => fake.name === name)!;
}

beforeEach(() => {
  for (const fake of subject.fakes.upstreams) {
    fake.received.length = 0;
    fake.handle((req, res, body) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ service: fake.name, method: req.method, url: req.url, body }));
    });
  }
});

/** A raw HTTP exchange, so hop-by-hop headers that fetch refuses to send can be sent. */
function exchange(
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: string,
): Promise<{ status: number; headers: IncomingHttpHeaders; body: string }> {
  const port = new URL(subject.gateway.url).port;
  return new Promise((resolve, reject) => {
    const client = httpRequest({ host: '127.0.0.1', port, method, path, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString(),
        }),
      );
      res.on('error', reject);
    });
    client.on('error', reject);
    client.end(body);
  });
}

const signedIn = () => ({ authorization: `Bearer ${signAccessToken(subject.fakes.signingKey)}` });

describe('headers', () => {
  test('hop-by-hop request headers, and those the client lists in Connection, stay at the gateway', async () => {
    const answer = await exchange('GET', '/api/v1/feed', {
      connection: 'keep-alive, x-hop-secret',
      'keep-alive': 'timeout=5',
      'proxy-authorization': 'Basic c2VjcmV0OnNlY3JldA==',
      'proxy-authenticate': 'Basic',
      'proxy-connection': 'keep-alive',
      te: 'trailers',
      upgrade: 'websocket',
      'x-hop-secret': 'for the gateway only',
      'x-end-to-end': 'for the service',
    });
    expect(answer.status).toBe(200);
    const received = upstream('social').received[0]!.headers;
    expect(received['x-end-to-end']).toBe('for the service');
    for (const name of [
      'keep-alive',
      'proxy-authorization',
      'proxy-authenticate',
      'proxy-connection',
      'te',
      'upgrade',
      'x-hop-secret',
    ])
      expect({ name, value: received[name] }).toEqual({ name, value: undefined });
    expect(received.connection ?? '').not.toContain('x-hop-secret');
  });

  test('hop-by-hop response headers, and those the service lists in Connection, stay at the gateway', async () => {
    upstream('social').handle((_req, res) => {
      res.writeHead(200, {
        'content-type': 'application/json',
        connection: 'keep-alive, x-internal-hop',
        'keep-alive': 'timeout=61',
        'proxy-authenticate': 'Basic realm="upstream"',
        trailer: 'x-checksum',
        'x-internal-hop': 'between gateway and service',
        'x-end-to-end': 'for the client',
      });
      res.end('{}');
    });
    const answer = await exchange('GET', '/api/v1/feed');
    expect(answer.status).toBe(200);
    expect(answer.headers['x-end-to-end']).toBe('for the client');
    expect(answer.headers['x-internal-hop']).toBeUndefined();
    expect(answer.headers['proxy-authenticate']).toBeUndefined();
    expect(answer.headers['trailer']).toBeUndefined();
    expect(answer.headers['keep-alive']).not.toBe('timeout=61');
  });

  test('the service learns the client, the scheme and the host it was asked for, and gets its own Host', async () => {
    const answer = await exchange('GET', '/api/v1/feed', { host: 'api.example.com' });
    expect(answer.status).toBe(200);
    const received = upstream('social').received[0]!.headers;
    expect(received['x-forwarded-for']).toBe('127.0.0.1');
    expect(received['x-forwarded-proto']).toBe('http');
    expect(received['x-forwarded-host']).toBe('api.example.com');
    expect(received.host).toBe(new URL(upstream('social').url).host);
    // The correlation id the gateway minted is the one the service sees and the client gets back.
    expect(received['x-request-id']).toBe(answer.headers['x-request-id']);
  });

  test('a scheme and host set by the proxies in front are passed on as they are', async () => {
    await exchange('GET', '/api/v1/feed', {
      'x-forwarded-proto': 'https',
      'x-forwarded-host': 'www.example.com',
    });
    const received = upstream('social').received[0]!.headers;
    expect(received['x-forwarded-proto']).toBe('https');
    expect(received['x-forwarded-host']).toBe('www.example.com');
  });

  test('a path that looks like another host stays on the service’s host', async () => {
    const answer = await exchange('GET', '//evil.example/api/v1/feed');
    expect(answer.status).toBe(404);
    const scenarios = await exchange('GET', '/api/v1/scenarios//evil.example/x', signedIn());
    expect(JSON.parse(scenarios.body)).toMatchObject({
      service: 'history',
      url: '/api/v1/scenarios//evil.example/x',
    });
  });
});

describe('answers', () => {
  test('an answer without a body or a content type (204) reaches the client as it is', async () => {
    upstream('social').handle((_req, res) => {
      res.writeHead(204);
      res.end();
    });
    const answer = await exchange('GET', '/api/v1/feed');
    expect(answer.status).toBe(204);
    expect(answer.headers['content-type']).toBeUndefined();
    expect(answer.body).toBe('');
  });
});

describe('connections to the services', () => {
  test('requests one after another reuse one connection to the service', async () => {
    const social = upstream('social');
    let opened = 0;
    const count = () => (opened += 1);
    social.server.on('connection', count);
    try {
      for (let index = 0; index < 3; index += 1)
        expect((await exchange('GET', '/api/v1/feed')).status).toBe(200);
    } finally {
      social.server.off('connection', count);
    }
    expect(opened).toBeLessThanOrEqual(1);
  });
});

describe('when the service fails', () => {
  test('a service that stops answering is a 504 problem naming it, after the idle timeout', async () => {
    upstream('social').handleRaw(() => {
      // Reads the request and never answers.
    });
    const answer = await exchange('GET', '/api/v1/feed');
    expect(answer.status).toBe(504);
    expect(answer.headers['content-type']).toContain('application/problem+json');
    expect(JSON.parse(answer.body)).toMatchObject({
      type: '/problems/upstream-timeout',
      status: 504,
      detail: 'The social service did not answer in time.',
      upstream: 'social',
    });
    expect(subject.logs.lines).toContainEqual(
      expect.objectContaining({
        level: 'warn',
        upstream: 'social',
        status: 504,
        err: expect.objectContaining({ message: 'no data for 2000 ms' }),
      }),
    );
  });

  test('a service that stalls mid-answer past the idle timeout cuts the client’s answer off, and the operator is told', async () => {
    upstream('social').handleRaw((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.write('the first part');
      // Never finishes.
    });
    const outcome = await exchange('GET', '/api/v1/feed').then(
      () => 'completed',
      (error: NodeJS.ErrnoException) => `cut: ${error.code ?? error.message}`,
    );
    expect(outcome).toMatch(/^cut/);
    expect(subject.logs.lines).toContainEqual(
      expect.objectContaining({
        level: 'warn',
        upstream: 'social',
        msg: 'upstream failed mid-response',
        err: expect.objectContaining({ message: 'no data for 2000 ms' }),
      }),
    );
  });

  test('the connect timeout bounds only the connecting: an answer slower than it, on a new or a reused connection, arrives', async () => {
    upstream('social').handleRaw((_req, res) => {
      setTimeout(() => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"slow":true}');
      }, 1_000);
    });
    const first = await exchange('GET', '/api/v1/feed');
    const second = await exchange('GET', '/api/v1/feed');
    expect([first.status, second.status]).toEqual([200, 200]);
  });

  test('a service that drops the connection without answering is a 502 problem naming it, and the request is not sent again', async () => {
    let arrivals = 0;
    upstream('sharing').handleRaw((req) => {
      arrivals += 1;
      req.socket.destroy();
    });
    const answer = await exchange(
      'POST',
      '/api/v1/shares',
      { ...signedIn(), 'content-type': 'application/json' },
      '{}',
    );
    expect(answer.status).toBe(502);
    expect(JSON.parse(answer.body)).toMatchObject({
      type: '/problems/upstream-failed',
      status: 502,
      detail: 'The sharing service failed to answer.',
      upstream: 'sharing',
    });
    expect(arrivals).toBe(1);
  });

  test('a service that fails mid-answer cuts the client’s answer off', async () => {
    upstream('social').handleRaw((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.write('the first part');
      setTimeout(() => res.socket?.destroy(), 50);
    });
    const outcome = await exchange('GET', '/api/v1/feed').then(
      () => 'completed',
      (error: NodeJS.ErrnoException) => `cut: ${error.code ?? error.message}`,
    );
    expect(outcome).toMatch(/^cut/);
  });

  test('a GET the service drops on a fresh connection is a 502 and is not sent again: the service had it', async () => {
    const social = upstream('social');
    // Closes the gateway's pooled connections to the service, so the next request opens one.
    social.server.closeAllConnections();
    await new Promise((resolve) => setTimeout(resolve, 50));
    let arrivals = 0;
    social.handleRaw((req) => {
      arrivals += 1;
      req.socket.destroy();
    });
    const answer = await exchange('GET', '/api/v1/feed');
    expect(answer.status).toBe(502);
    expect(arrivals).toBe(1);
  });

  test('a client that leaves before the answer: the service got the request once, and no upstream failure is reported', async () => {
    let arrivals = 0;
    let closed: () => void = () => undefined;
    const upstreamClosed = new Promise<void>((resolve) => {
      closed = resolve;
    });
    upstream('social').handleRaw((req, res) => {
      arrivals += 1;
      res.on('close', () => closed());
    });
    const port = new URL(subject.gateway.url).port;
    const client = httpRequest({
      host: '127.0.0.1',
      port,
      method: 'GET',
      path: '/api/v1/feed',
      agent: false,
    });
    client.on('error', () => undefined);
    client.end();
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        if (arrivals > 0) {
          clearInterval(poll);
          resolve();
        }
      }, 10);
    });
    const logged = subject.logs.lines.length;
    client.destroy();
    await upstreamClosed;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(arrivals).toBe(1);
    expect(subject.logs.lines.slice(logged)).not.toContainEqual(
      expect.objectContaining({ level: 'warn', upstream: 'social' }),
    );
  });

  describe('a pooled connection the service already closed', () => {
    /** Serves the first request on each connection; closes a reused one without a word, as a service whose keep-alive ran out. */
    function closeReusedConnections(fake: FakeUpstream) {
      const served = new WeakSet<Socket>();
      fake.handleRaw((req, res) => {
        if (served.has(req.socket)) {
          req.socket.destroy();
          return;
        }
        served.add(req.socket);
        req.resume();
        req.on('end', () => {
          // With its length, as a real service answers: a HEAD answer without one ends its connection.
          const body = JSON.stringify({ method: req.method });
          res.writeHead(200, {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
          });
          res.end(body);
        });
      });
    }

    test.each(['GET', 'HEAD', 'OPTIONS'])('%s is sent again on a fresh connection', async (method) => {
      closeReusedConnections(upstream('social'));
      expect((await exchange(method, '/api/v1/feed')).status).toBe(200);
      expect((await exchange(method, '/api/v1/feed')).status).toBe(200);
    });

    test('a GET is sent again once, not twice: when the second try also meets a closed pooled connection, 502', async () => {
      const social = upstream('social');
      // Two pooled connections, each served once: the service answers the first two requests together.
      const served = new WeakSet<Socket>();
      const held: (() => void)[] = [];
      let dropped = 0;
      social.handleRaw((req, res) => {
        if (served.has(req.socket)) {
          dropped += 1;
          req.socket.destroy();
          return;
        }
        served.add(req.socket);
        held.push(() => {
          res.writeHead(200, { 'content-type': 'application/json', 'content-length': 2 });
          res.end('{}');
        });
        if (held.length === 2) for (const answer of held) answer();
        if (held.length > 2) held.at(-1)!();
      });
      const pair = await Promise.all([exchange('GET', '/api/v1/feed'), exchange('GET', '/api/v1/feed')]);
      expect(pair.map((answer) => answer.status)).toEqual([200, 200]);
      const answer = await exchange('GET', '/api/v1/feed');
      expect(answer.status).toBe(502);
      expect(dropped).toBe(2);
    });

    test.each([
      ['with its length', { 'content-length': '6' }],
      ['chunked', { 'transfer-encoding': 'chunked' }],
    ])(
      'a GET with a body (%s) is not sent again: its body is gone, so 502 at once',
      async (_how, framing) => {
        closeReusedConnections(upstream('social'));
        expect((await exchange('GET', '/api/v1/feed')).status).toBe(200);
        const answer = await exchange(
          'GET',
          '/api/v1/feed',
          { 'content-type': 'text/plain', ...framing },
          'a body',
        );
        expect(answer.status).toBe(502);
        expect(JSON.parse(answer.body)).toMatchObject({
          type: '/problems/upstream-failed',
          upstream: 'social',
        });
      },
    );

    test('a POST is not sent again even without a body: 502', async () => {
      closeReusedConnections(upstream('sharing'));
      const post = () => exchange('POST', '/api/v1/shares', signedIn());
      expect((await post()).status).toBe(200);
      expect((await post()).status).toBe(502);
    });

    test('a request with a body is not sent twice: 502', async () => {
      closeReusedConnections(upstream('sharing'));
      const post = () =>
        exchange('POST', '/api/v1/shares', { ...signedIn(), 'content-type': 'application/json' }, '{}');
      expect((await post()).status).toBe(200);
      expect((await post()).status).toBe(502);
    });
  });
});
