import { type ChildProcess, spawn } from 'node:child_process';
import dns from 'node:dns';
import { request as httpRequest } from 'node:http';
import { type AddressInfo, type Socket, connect } from 'node:net';
import express from 'express';
import { routeTable } from '@what-if/catalog';
import { type HttpProblem, sendProblem } from '@what-if/kit';
import { eventually } from '../../../test/support/eventually';
import { captureLogs } from '../../../test/support/logs';
import { signAccessToken } from '../../../test/support/tokens';
import { createProxy, routeRequests } from '../src/proxy';
import { type GatewayUnderTest, startGatewayUnderTest } from './gateway-under-test';

/** The proxy's answers to the faults the other proxy tests do not reach: a connect that hangs, a service name that does not resolve, a body that grows after the answer began, a client without a Host or without chunked encoding, a service without an address, and shutdown. */

/**
 * A host that takes no more connections: a process that listens and never accepts, its accept
 * queue filled, so the kernel drops further connection attempts and a connect hangs, as towards a
 * host that is down behind a firewall.
 */
async function startUnreachableHost(): Promise<{ url: string; close(): void }> {
  const listener: ChildProcess = spawn(
    process.execPath,
    [
      '-e',
      `const server = require('node:net').createServer();
server.listen({ host: '127.0.0.1', port: 0, backlog: 1 }, () => {
  process.stdout.write(server.address().port + '\\n', () => {
    // Blocks this process without using the CPU, so nothing is ever accepted; it wakes once a
    // second only to leave when the test process is gone.
    const parent = process.ppid;
    for (;;) {
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1000);
      try { process.kill(parent, 0); } catch { process.exit(0); }
    }
  });
});`,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const port = await new Promise<number>((resolve) =>
    listener.stdout!.once('data', (data: Buffer) => resolve(Number(data.toString().trim()))),
  );
  // The queue holds backlog + 1 connections; once they are in, further SYNs are dropped.
  const fillers: Socket[] = [];
  for (let index = 0; index < 2; index += 1) {
    const socket = connect(port, '127.0.0.1');
    fillers.push(socket);
    await new Promise((resolve) => socket.once('connect', resolve));
  }
  return {
    url: `http://127.0.0.1:${port}`,
    close() {
      for (const socket of fillers) socket.destroy();
      listener.kill('SIGKILL');
    },
  };
}

/** A raw HTTP exchange that settles as 'completed' or 'cut'. */
function outcomeOf(response: Promise<unknown>): Promise<string> {
  return response.then(
    () => 'completed',
    () => 'cut',
  );
}

describe('a service whose host does not take the connection', () => {
  let host: { url: string; close(): void };
  let subject: GatewayUnderTest;

  beforeAll(async () => {
    host = await startUnreachableHost();
    subject = await startGatewayUnderTest({
      SOCIAL_SERVICE_URL: host.url,
      UPSTREAM_CONNECT_TIMEOUT_MS: '300',
      // Far longer than the test may wait: only the connect timeout can end this exchange.
      UPSTREAM_IDLE_TIMEOUT_MS: '600000',
    });
  });
  afterAll(async () => {
    await subject.stop();
    host.close();
  });

  test('is a 504 problem naming it after the connect timeout, and the operator is told the connect timed out', async () => {
    const response = await fetch(`${subject.gateway.url}/api/v1/feed`);
    expect(response.status).toBe(504);
    expect(await response.json()).toMatchObject({
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
        err: expect.objectContaining({ message: 'connect timeout after 300 ms' }),
      }),
    );
  });
});

describe('a service whose name does not resolve', () => {
  // The resolver's two failures: a name that does not exist, and a resolver that cannot answer now.
  // Answered here, so no query leaves the machine; every other name is resolved as usual.
  const failures: Record<string, string> = { 'social.invalid': 'ENOTFOUND', 'video.invalid': 'EAI_AGAIN' };
  const asked: string[] = [];
  const realLookup = dns.lookup;
  let subject: GatewayUnderTest;

  beforeAll(async () => {
    jest.spyOn(dns, 'lookup').mockImplementation(((hostname: string, ...rest: unknown[]) => {
      const code = failures[hostname];
      if (!code) return (realLookup as (...args: unknown[]) => void).call(dns, hostname, ...rest);
      asked.push(hostname);
      const callback = rest.at(-1) as (error: Error) => void;
      const error = Object.assign(new Error(`getaddrinfo ${code} ${hostname}`), {
        code,
        hostname,
        syscall: 'getaddrinfo',
      });
      process.nextTick(callback, error);
    }) as typeof dns.lookup);
    subject = await startGatewayUnderTest({
      SOCIAL_SERVICE_URL: 'http://social.invalid',
      VIDEO_SERVICE_URL: 'http://video.invalid',
    });
  });
  afterAll(async () => {
    await subject.stop();
    jest.restoreAllMocks();
  });

  test.each([
    ['social', '/api/v1/feed', 'ENOTFOUND'],
    ['video', '/api/v1/videos/v1', 'EAI_AGAIN'],
  ])(
    '%s (%s; the resolver answers %s): a 503 problem naming it, unavailable for now',
    async (name, path, code) => {
      const response = await fetch(`${subject.gateway.url}${path}`);
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({
        type: '/problems/upstream-unavailable',
        status: 503,
        detail: `The ${name} service is unavailable right now; try again shortly.`,
        upstream: name,
      });
      expect(asked).toContain(`${name}.invalid`);
      expect(subject.logs.lines).toContainEqual(
        expect.objectContaining({
          level: 'warn',
          upstream: name,
          status: 503,
          err: expect.objectContaining({ code }),
        }),
      );
    },
  );
});

describe('faults on the way', () => {
  let subject: GatewayUnderTest;

  beforeAll(async () => {
    subject = await startGatewayUnderTest({ BODY_LIMIT_BYTES: '2048' });
  });
  afterAll(() => subject.stop());

  const upstream = (name: string) => subject.fakes.upstreams.find((fake) => fake.name === name)!;

  test('a body that grows past the limit after the service began its answer cuts the answer off, and the gateway serves on', async () => {
    upstream('sharing').handleRaw((req, res) => {
      // A service that answers as soon as a request arrives and reads the body as it comes.
      req.resume();
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.write('accepted so far');
    });
    const port = new URL(subject.gateway.url).port;
    const client = httpRequest({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: '/api/v1/shares',
      headers: {
        authorization: `Bearer ${signAccessToken(subject.fakes.signingKey)}`,
        'content-type': 'text/plain',
        'transfer-encoding': 'chunked',
      },
      agent: false,
    });
    const answered = new Promise<string>((resolve, reject) => {
      client.on('error', reject);
      client.on('response', (response) => {
        response.once('data', () => {
          // The answer has begun: now the body passes the limit.
          client.write('x'.repeat(4096));
        });
        response.on('error', reject);
        response.on('aborted', () => reject(new Error('aborted')));
        response.on('end', () => resolve('ended'));
      });
    });
    client.write('a small start');
    expect(await outcomeOf(answered)).toBe('cut');
    client.destroy();
    expect((await fetch(`${subject.gateway.url}/api/v1/feed`)).status).toBe(200);
  });

  test('a client that names no host (HTTP/1.0): the service is told no host, never an invented one', async () => {
    const social = upstream('social');
    social.received.length = 0;
    const port = Number(new URL(subject.gateway.url).port);
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => socket.write('GET /api/v1/feed HTTP/1.0\r\n\r\n'));
      const chunks: Buffer[] = [];
      socket.on('data', (chunk: Buffer) => chunks.push(chunk));
      socket.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      socket.on('error', reject);
    });
    expect(raw).toMatch(/^HTTP\/1\.1 200 /);
    expect(social.received).toHaveLength(1);
    expect(social.received[0]!.headers['x-forwarded-host']).toBe('');
  });

  test('a Keep-Alive header stays at the gateway even when the client does not list it in Connection', async () => {
    const social = upstream('social');
    social.received.length = 0;
    const port = new URL(subject.gateway.url).port;
    const status = await new Promise<number>((resolve, reject) => {
      const client = httpRequest(
        {
          host: '127.0.0.1',
          port,
          path: '/api/v1/feed',
          headers: { connection: 'close', 'keep-alive': 'timeout=600' },
          agent: false,
        },
        (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        },
      );
      client.on('error', reject);
      client.end();
    });
    expect(status).toBe(200);
    expect(social.received[0]!.headers['keep-alive']).toBeUndefined();
  });

  test('a client that cannot read chunked encoding (HTTP/1.0) gets an answer the service streamed as it was sent', async () => {
    upstream('social').handleRaw((_req, res) => {
      // No length: the service streams its answer to the gateway in chunks.
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.write('part one, ');
      res.end('part two');
    });
    const port = Number(new URL(subject.gateway.url).port);
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => socket.write('GET /api/v1/feed HTTP/1.0\r\n\r\n'));
      const chunks: Buffer[] = [];
      socket.on('data', (chunk: Buffer) => chunks.push(chunk));
      socket.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      socket.on('error', reject);
    });
    const [head = '', ...body] = raw.split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 200 /);
    expect(head.toLowerCase()).not.toContain('transfer-encoding');
    expect(body.join('\r\n\r\n')).toBe('part one, part two');
  });
});

test('a route whose service has no address configured is a 503 problem naming the service', async () => {
  const app = express();
  app.use(routeRequests(routeTable()));
  const proxy = createProxy({
    upstreams: new Map(),
    maxBodyBytes: 2048,
    connectTimeoutMs: 300,
    idleTimeoutMs: 2_000,
    logger: captureLogs('gateway').logger,
  });
  app.use(proxy.handler);
  app.use((error: HttpProblem, req: express.Request, res: express.Response, _next: express.NextFunction) =>
    sendProblem(req, res, error),
  );
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const response = await fetch(`http://127.0.0.1:${port}/api/v1/feed`);
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({
      status: 503,
      detail: 'No address is configured for the social service.',
    });
  } finally {
    proxy.close();
    server.close();
  }
});

test('a gateway that stops closes its pooled connections to the services', async () => {
  const subject = await startGatewayUnderTest({ UPSTREAM_IDLE_TIMEOUT_MS: '600000' });
  const social = subject.fakes.upstreams.find((fake) => fake.name === 'social')!;
  // The service would keep an idle connection for good: only the gateway can close it.
  social.server.keepAliveTimeout = 0;
  const openConnections = () =>
    new Promise<number>((resolve, reject) =>
      social.server.getConnections((error, count) => (error ? reject(error) : resolve(count))),
    );
  try {
    expect((await fetch(`${subject.gateway.url}/api/v1/feed`)).status).toBe(200);
    expect(await openConnections()).toBeGreaterThan(0);
    await subject.gateway.stop();
    await eventually(async () => expect(await openConnections()).toBe(0));
  } finally {
    await subject.fakes.close();
    await subject.stores.cleanup();
  }
});
