import { request as httpRequest } from 'node:http';
import { eventually } from '../../../test/support/eventually';
import { signAccessToken } from '../../../test/support/tokens';
import { type GatewayUnderTest, startGatewayUnderTest } from './gateway-under-test';

describe('rate limits', () => {
  let subject: GatewayUnderTest;

  beforeAll(async () => {
    subject = await startGatewayUnderTest({
      TRUSTED_PROXY_COUNT: '1',
      RATE_LIMIT_IP_PER_MINUTE: '5',
      RATE_LIMIT_USER_PER_MINUTE: '4',
      RATE_LIMIT_AUTH_PER_MINUTE: '3',
      RATE_LIMIT_REFRESH_PER_MINUTE: '4',
    });
  });
  afterAll(() => subject.stop());

  /** As the load balancer in front would forward it: what the client claimed, then the address it saw. */
  function viaProxy(path: string, clientAddress: string, init: RequestInit & { forged?: string } = {}) {
    const forwarded = init.forged ? `${init.forged}, ${clientAddress}` : clientAddress;
    const headers = new Headers(init.headers);
    headers.set('x-forwarded-for', forwarded);
    return fetch(`${subject.gateway.url}${path}`, { ...init, headers });
  }

  test('per IP: past the limit, 429 problem+json with Retry-After', async () => {
    for (let index = 0; index < 5; index += 1)
      expect((await viaProxy('/api/v1/feed', '203.0.113.1')).status).toBe(200);
    const limited = await viaProxy('/api/v1/feed', '203.0.113.1');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await limited.json()).toMatchObject({ type: '/problems/too-many-requests', status: 429 });
    expect((await viaProxy('/api/v1/feed', '203.0.113.2')).status).toBe(200);
  });

  /** The security event logged while answering this response (the request log line aside). */
  function refusalLogged(response: Response) {
    const requestId = response.headers.get('x-request-id');
    return subject.logs.lines.find(
      (line) =>
        line['requestId'] === requestId && line['securityEvent'] === true && line['outcome'] === 'denied',
    );
  }

  test('the refusal says when to come back: whole seconds until the minute’s window ends, in the header and the problem', async () => {
    const client = '203.0.113.20';
    const started = Date.now();
    for (let index = 0; index < 5; index += 1) await viaProxy('/api/v1/feed', client);
    const limited = await viaProxy('/api/v1/feed', client);
    const elapsedSeconds = Math.ceil((Date.now() - started) / 1000);
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get('retry-after'));
    // The window opened with the first request; the wait left is the rest of its minute.
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(retryAfter).toBeGreaterThanOrEqual(60 - elapsedSeconds);
    expect(await limited.json()).toEqual({
      type: '/problems/too-many-requests',
      title: 'Too many requests',
      status: 429,
      detail: `Too many requests from this address; try again in ${retryAfter} s.`,
      retryAfterSeconds: retryAfter,
      instance: '/api/v1/feed',
      requestId: limited.headers.get('x-request-id'),
    });
  });

  test('every refusal is a security event naming the limit, the client and what it asked for', async () => {
    const client = '203.0.113.21';
    for (let index = 0; index < 5; index += 1) await viaProxy('/api/v1/feed', client);
    const limited = await viaProxy('/api/v1/feed?page=2', client);
    expect(limited.status).toBe(429);
    expect(refusalLogged(limited)).toMatchObject({
      level: 'warn',
      event: 'rate-limit',
      outcome: 'denied',
      scope: 'from this address',
      ip: client,
      path: '/api/v1/feed',
    });
  });

  test('per user and per credential endpoint: the problem and the security event name the limit that refused', async () => {
    const token = signAccessToken(subject.fakes.signingKey, { sub: 'counted-user', sid: 'counted-session' });
    let byUser: Response | undefined;
    for (let index = 0; index < 5; index += 1) {
      byUser = await viaProxy('/api/v1/scenarios', `192.0.2.${40 + index}`, {
        headers: { authorization: `Bearer ${token}` },
      });
    }
    expect(byUser!.status).toBe(429);
    const userRetryAfter = Number(byUser!.headers.get('retry-after'));
    expect(await byUser!.json()).toMatchObject({
      detail: `Too many requests for this account; try again in ${userRetryAfter} s.`,
      retryAfterSeconds: userRetryAfter,
    });
    expect(refusalLogged(byUser!)).toMatchObject({
      securityEvent: true,
      event: 'rate-limit',
      outcome: 'denied',
      scope: 'for this account',
      userId: 'counted-user',
    });

    let signIn: Response | undefined;
    for (let index = 0; index < 4; index += 1) {
      signIn = await viaProxy('/api/v1/auth/login', '203.0.113.22', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'victim@example.com', password: `guess-${index}` }),
      });
    }
    expect(signIn!.status).toBe(429);
    expect(signIn!.headers.get('retry-after')).toMatch(/^[1-9]\d*$/);
    expect(refusalLogged(signIn!)).toMatchObject({
      securityEvent: true,
      event: 'rate-limit',
      outcome: 'denied',
      scope: 'at /api/v1/auth/login from this address',
      ip: '203.0.113.22',
      endpoint: '/api/v1/auth/login',
    });
  });

  test('only POSTs to the credential endpoints count toward the sign-in limit', async () => {
    const client = '203.0.113.23';
    const statuses: number[] = [];
    // Other POSTs under /api/v1/auth, and other methods at the sign-in path: four of each, one past the sign-in limit.
    for (let index = 0; index < 4; index += 1) {
      statuses.push(
        (
          await viaProxy('/api/v1/auth/email-verification', client, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: '{}',
          })
        ).status,
      );
    }
    expect(statuses).toEqual([200, 200, 200, 200]);
    const other = '203.0.113.24';
    const gets: number[] = [];
    for (let index = 0; index < 4; index += 1)
      gets.push((await viaProxy('/api/v1/auth/login', other)).status);
    expect(gets).toEqual([200, 200, 200, 200]);
  });

  test('a trailing slash does not open a fresh sign-in bucket', async () => {
    const client = '203.0.113.25';
    const statuses: number[] = [];
    for (const path of [
      '/api/v1/auth/login',
      '/api/v1/auth/login/',
      '/api/v1/auth/login//',
      '/api/v1/auth/login',
    ]) {
      const response = await viaProxy(path, client, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'victim@example.com', password: 'guess' }),
      });
      statuses.push(response.status);
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
  });

  test('each refusal is counted on /metrics by the limit that refused it', async () => {
    const refusedByIp = async () => {
      const text = await (await fetch(`${subject.gateway.url}/metrics`)).text();
      return Number(
        /^gateway_rate_limit_rejections_total\{[^}]*limit="ip"[^}]*\} (\d+)$/m.exec(text)?.[1] ?? 0,
      );
    };
    const before = await refusedByIp();
    const statuses: number[] = [];
    for (let index = 0; index < 7; index += 1)
      statuses.push((await viaProxy('/api/v1/feed', '203.0.113.9')).status);
    expect(statuses.filter((status) => status === 429)).toHaveLength(2);
    expect((await refusedByIp()) - before).toBe(2);
  });

  test('past the per-IP limit the limit answers first, whatever token the request carries', async () => {
    const client = '203.0.113.30';
    for (let index = 0; index < 5; index += 1) await viaProxy('/api/v1/feed', client);
    const forged = await viaProxy('/api/v1/scenarios', client, {
      headers: { authorization: 'Bearer not-a-token' },
    });
    expect(forged.status).toBe(429);
    expect(refusalLogged(forged)).toMatchObject({ event: 'rate-limit', scope: 'from this address' });
    const token = signAccessToken(subject.fakes.signingKey, {
      sub: 'address-limited',
      sid: 'address-session',
    });
    const signedIn = await viaProxy('/api/v1/scenarios', client, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(signedIn.status).toBe(429);
    // Refused by its address, the account was not counted: from another address it has its whole allowance.
    const elsewhere: number[] = [];
    for (let index = 0; index < 4; index += 1) {
      const response = await viaProxy('/api/v1/scenarios', `192.0.2.${60 + index}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      elsewhere.push(response.status);
    }
    expect(elsewhere).toEqual([200, 200, 200, 200]);
  });

  test('paths no route claims count toward the per-IP limit too', async () => {
    const client = '203.0.113.31';
    const statuses: number[] = [];
    for (let index = 0; index < 6; index += 1)
      statuses.push((await viaProxy('/api/v1/no-such-thing', client)).status);
    expect(statuses).toEqual([404, 404, 404, 404, 404, 429]);
  });

  test('a forged X-Forwarded-For does not escape the limit', async () => {
    for (let index = 0; index < 5; index += 1) {
      await viaProxy('/api/v1/feed', '203.0.113.3', { forged: `198.51.100.${index}` });
    }
    const limited = await viaProxy('/api/v1/feed', '203.0.113.3', { forged: '198.51.100.99' });
    expect(limited.status).toBe(429);
  });

  test('per user: one account across many addresses is limited', async () => {
    const token = signAccessToken(subject.fakes.signingKey, { sub: 'busy-user', sid: 'busy-session' });
    const statuses: number[] = [];
    for (let index = 0; index < 6; index += 1) {
      const response = await viaProxy('/api/v1/scenarios', `192.0.2.${10 + index}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      statuses.push(response.status);
    }
    expect(statuses.slice(0, 4)).toEqual([200, 200, 200, 200]);
    expect(statuses[4]).toBe(429);
  });

  test('credential endpoints have a tighter limit per IP', async () => {
    const statuses: number[] = [];
    for (let index = 0; index < 4; index += 1) {
      const response = await viaProxy('/api/v1/auth/login', '203.0.113.50', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'victim@example.com', password: `guess-${index}` }),
      });
      statuses.push(response.status);
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
  });

  test('each credential endpoint counts on its own: password resets do not lock anyone out of signing in', async () => {
    const client = '203.0.113.51';
    const post = (path: string, body: unknown) =>
      viaProxy(path, client, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const resets: Response[] = [];
    for (let index = 0; index < 4; index += 1)
      resets.push(await post('/api/v1/auth/password-reset', { email: 'victim@example.com' }));
    expect(resets.map((answer) => answer.status)).toEqual([200, 200, 200, 429]);
    expect(((await resets[3]!.json()) as { detail: string }).detail).toContain(
      'at /api/v1/auth/password-reset from this address',
    );
    // The fifth request from this address (its per-IP limit is 5): sign-in still has its own bucket.
    expect((await post('/api/v1/auth/login', { email: 'victim@example.com', password: 'mine' })).status).toBe(
      200,
    );
  });

  test('refresh has a bucket of its own size, far above the password endpoints', async () => {
    const statuses: number[] = [];
    for (let index = 0; index < 5; index += 1)
      statuses.push((await viaProxy('/api/v1/auth/refresh', '203.0.113.52', { method: 'POST' })).status);
    expect(statuses).toEqual([200, 200, 200, 200, 429]);
  });

  test('guessing the current password with a stolen token is limited per IP like sign-in', async () => {
    const token = signAccessToken(subject.fakes.signingKey, { sub: 'stolen-user', sid: 'stolen-session' });
    const answers: Response[] = [];
    for (let index = 0; index < 4; index += 1) {
      answers.push(
        await viaProxy('/api/v1/users/me/password', '198.51.100.70', {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ currentPassword: `guess-${index}`, newPassword: 'whatever-it-is-9' }),
        }),
      );
    }
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 429]);
    expect(((await answers[3]!.json()) as { detail: string }).detail).toContain(
      'at /api/v1/users/me/password from this address',
    );
  });

  test('with Redis down, limits still hold on this replica (in-memory insurance)', async () => {
    const relay = subject.stores.relays.redis!;
    await relay.stop();
    try {
      // The gateway stays ready without Redis (it counts in memory), naming Redis down.
      await eventually(async () => {
        const ready = await fetch(`${subject.gateway.url}/health/ready`);
        expect(ready.status).toBe(200);
        expect(((await ready.json()) as { checks: Record<string, unknown> }).checks['redis']).toMatchObject({
          status: 'down',
          degraded: true,
        });
      });
      const statuses: number[] = [];
      for (let index = 0; index < 7; index += 1)
        statuses.push((await viaProxy('/api/v1/feed', '203.0.113.77')).status);
      expect(statuses).toContain(200);
      expect(statuses.at(-1)).toBe(429);
    } finally {
      await relay.start();
    }
  });
});

describe('browser-facing headers and body limits', () => {
  let subject: GatewayUnderTest;

  beforeAll(async () => {
    subject = await startGatewayUnderTest({
      CORS_ALLOWED_ORIGINS: 'https://app.example.com',
      BODY_LIMIT_BYTES: '2048',
    });
  });
  afterAll(() => subject.stop());

  test('security headers: a strict CSP, HSTS, no sniffing, no framing', async () => {
    const response = await fetch(`${subject.gateway.url}/api/v1/feed`);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(response.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-powered-by')).toBeNull();
  });

  test('the probes answer like every other endpoint: security headers and a correlation id', async () => {
    for (const path of ['/health/live', '/health/ready']) {
      const minted = await fetch(`${subject.gateway.url}${path}`);
      expect(minted.status).toBe(200);
      expect(minted.headers.get('content-security-policy')).toContain("default-src 'none'");
      expect(minted.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
      expect(minted.headers.get('x-content-type-options')).toBe('nosniff');
      expect(minted.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
      const kept = await fetch(`${subject.gateway.url}${path}`, {
        headers: { 'x-request-id': 'probe-0001' },
      });
      expect(kept.headers.get('x-request-id')).toBe('probe-0001');
      const refused = await fetch(`${subject.gateway.url}${path}`, { method: 'POST' });
      expect(refused.status).toBe(405);
      expect(refused.headers.get('x-content-type-options')).toBe('nosniff');
      expect(refused.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  test('CORS: the allowed origin may call with credentials; others get no grant', async () => {
    const allowed = await fetch(`${subject.gateway.url}/api/v1/feed`, {
      headers: { origin: 'https://app.example.com' },
    });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    expect(allowed.headers.get('access-control-allow-credentials')).toBe('true');
    const other = await fetch(`${subject.gateway.url}/api/v1/feed`, {
      headers: { origin: 'https://evil.example' },
    });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  test('CORS preflight is answered by the gateway', async () => {
    const response = await fetch(`${subject.gateway.url}/api/v1/scenarios`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://app.example.com',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
    expect(response.headers.get('access-control-allow-headers')).toContain('authorization');
  });

  test('a body declared over the limit is refused with 413 before it reaches a service', async () => {
    const response = await fetch(`${subject.gateway.url}/api/v1/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ padding: 'x'.repeat(5000) }),
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({
      type: '/problems/payload-too-large',
      detail: 'The request body is larger than the 2048 bytes the API accepts.',
    });
    expect(subject.fakes.upstreams.find((fake) => fake.name === 'user')!.received).toHaveLength(0);
  });

  /** Sends a body in chunks (no Content-Length) or declares one; resolves with the status. */
  function post(body: { chunks?: string[]; declaredLength?: number }): Promise<number> {
    const port = new URL(subject.gateway.url).port;
    return new Promise<number>((resolve, reject) => {
      const client = httpRequest(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: '/api/v1/auth/register',
          headers: {
            'content-type': 'application/json',
            ...(body.declaredLength === undefined ? {} : { 'content-length': String(body.declaredLength) }),
          },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
          client.destroy();
        },
      );
      client.on('error', (error: NodeJS.ErrnoException) => {
        if (error.code !== 'ECONNRESET') reject(error);
      });
      client.flushHeaders();
      for (const chunk of body.chunks ?? []) client.write(chunk);
      if (body.declaredLength === undefined) client.end();
    });
  }

  test('a body of exactly the limit passes, declared or streamed', async () => {
    expect(await post({ chunks: ['y'.repeat(1024), 'y'.repeat(1024)] })).toBe(200);
    expect(await post({ chunks: ['y'.repeat(2048)], declaredLength: 2048 })).toBe(200);
    expect(await post({ chunks: ['y'.repeat(1024), 'y'.repeat(1025)] })).toBe(413);
  });

  test('a declared length over the limit is refused at once, before any of the body is sent', async () => {
    expect(await post({ declaredLength: 100_000 })).toBe(413);
  });

  test('a chunked body that grows past the limit is cut off with 413', async () => {
    const port = new URL(subject.gateway.url).port;
    const status = await new Promise<number>((resolve, reject) => {
      const client = httpRequest(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: '/api/v1/auth/register',
          headers: { 'content-type': 'application/json' },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      client.on('error', reject);
      for (let index = 0; index < 5; index += 1) client.write('y'.repeat(1000));
      client.end();
    });
    expect(status).toBe(413);
  });
});
