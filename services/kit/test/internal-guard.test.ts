import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import type { ServiceName } from '@what-if/catalog';
import {
  type ServiceIdentity,
  allowCallers,
  createServiceIdentity,
  generateServiceKeyRing,
  internalCaller,
  problemHandler,
  readServiceKeys,
  requireServiceCaller,
  serviceIdentityEnv,
} from '@what-if/kit';
import { captureLogs } from '../../../test/support/logs';

/**
 * The one check in front of /internal/, as a service mounts it: which calls reach a handler,
 * what the refused ones are told, and what the security log says about them.
 */

const ring = generateServiceKeyRing();

function identityOf(name: ServiceName): ServiceIdentity {
  const keys = readServiceKeys(name, serviceIdentityEnv(name, ring));
  return createServiceIdentity(name, keys.keys!);
}

const sharing = identityOf('sharing');

interface Guarded {
  url: string;
  logs: ReturnType<typeof captureLogs>;
  server: Server;
}

/** A sharing-like app: every caller the catalog lists reaches /internal/v1/any, only social and gateway /internal/v1/social-only. */
async function guardedApp(identity: ServiceIdentity | undefined): Promise<Guarded> {
  const logs = captureLogs('sharing');
  const app = express();
  app.use('/internal', requireServiceCaller(identity, logs.logger));
  app.get('/internal/v1/any', (_req, res) => {
    res.json({ caller: internalCaller(res) });
  });
  app.get('/internal/v1/social-only', allowCallers(logs.logger, 'social', 'gateway'), (_req, res) => {
    res.json({ caller: internalCaller(res) });
  });
  app.get('/unguarded', (_req, res) => {
    res.json({ caller: internalCaller(res) });
  });
  app.use(problemHandler(logs.logger));
  const server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, logs, server };
}

let guarded: Guarded;
let unconfigured: Guarded;

beforeAll(async () => {
  guarded = await guardedApp(sharing);
  unconfigured = await guardedApp(undefined);
});

afterAll(async () => {
  for (const { server } of [guarded, unconfigured])
    await new Promise<void>((resolve) => server.close(() => resolve()));
});

async function call(target: Guarded, path: string, authorization?: string) {
  const response = await fetch(`${target.url}${path}`, {
    headers: authorization === undefined ? {} : { authorization },
  });
  return { response, body: (await response.json()) as Record<string, unknown> };
}

function deniedEvents(target: Guarded, event = 'service-authentication') {
  return target.logs.lines.filter(
    (line) => line['securityEvent'] === true && line['event'] === event && line['outcome'] === 'denied',
  );
}

describe('a caller the catalog lists, with a token for this service', () => {
  test('reaches the handler, which learns who called', async () => {
    const { response, body } = await call(
      guarded,
      '/internal/v1/any',
      `Bearer ${identityOf('user').tokenFor('sharing')}`,
    );
    expect(response.status).toBe(200);
    expect(body).toEqual({ caller: 'user' });
  });

  test('the scheme is case-insensitive', async () => {
    const token = identityOf('social').tokenFor('sharing');
    expect((await call(guarded, '/internal/v1/any', `bearer ${token}`)).body).toEqual({ caller: 'social' });
  });
});

describe('refused with 401, the handler never reached, and a security event', () => {
  const invalid = {
    type: '/problems/invalid-service-token',
    status: 401,
  };

  test.each([
    ['no Authorization header', undefined, 'no token'],
    ['a Basic credential', 'Basic Z2VuZXJhdGlvbjpzZWNyZXQ=', 'not a bearer token'],
    ['an empty bearer token', 'Bearer ', 'not a bearer token'],
  ])('%s', async (_name, authorization, reason) => {
    const before = deniedEvents(guarded).length;
    const { response, body } = await call(guarded, '/internal/v1/any?who=me', authorization);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer realm="internal", error="invalid_token"');
    expect(body).toMatchObject({ ...invalid, detail: 'Internal endpoints need a service token.' });
    expect(deniedEvents(guarded).slice(before)).toEqual([
      expect.objectContaining({ reason, path: '/internal/v1/any', method: 'GET', level: 'warn' }),
    ]);
    expect(deniedEvents(guarded).at(-1)).not.toHaveProperty('caller');
  });

  test.each([
    ['with text before the scheme', (token: string) => `xBearer ${token}`],
    ['with text after the token', (token: string) => `Bearer ${token} and more`],
  ])('a bearer header %s', async (_name, header) => {
    const { response } = await call(
      guarded,
      '/internal/v1/any',
      header(identityOf('user').tokenFor('sharing')),
    );
    expect(response.status).toBe(401);
    expect(deniedEvents(guarded).at(-1)).toMatchObject({ reason: 'not a bearer token' });
  });

  test('a token meant for another service', async () => {
    const { response, body } = await call(
      guarded,
      '/internal/v1/any',
      `Bearer ${identityOf('user').tokenFor('history')}`,
    );
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer realm="internal", error="invalid_token"');
    expect(body).toMatchObject({
      ...invalid,
      detail: 'The service token is invalid, expired or not meant for this service.',
    });
    expect(deniedEvents(guarded).at(-1)).toMatchObject({
      reason: expect.stringContaining('audience'),
      caller: 'user',
    });
  });

  test('any token, at a service that has no identity of its own', async () => {
    const { response, body } = await call(
      unconfigured,
      '/internal/v1/any',
      `Bearer ${identityOf('user').tokenFor('sharing')}`,
    );
    expect(response.status).toBe(401);
    expect(body).toMatchObject({ ...invalid, detail: 'This service accepts no service tokens.' });
    expect(deniedEvents(unconfigured).at(-1)).toMatchObject({
      reason: 'this service has no service identity',
    });
  });
});

describe('refused with 403 when the caller is proven or claimed but not allowed', () => {
  test('a service the catalog does not let call this one', async () => {
    const { response, body } = await call(
      guarded,
      '/internal/v1/any',
      `Bearer ${identityOf('generation').tokenFor('sharing')}`,
    );
    expect(response.status).toBe(403);
    expect(response.headers.get('www-authenticate')).toBeNull();
    expect(body).toMatchObject({
      type: '/problems/caller-not-allowed',
      status: 403,
      detail: 'The catalog does not let generation call sharing.',
    });
    expect(deniedEvents(guarded).at(-1)).toMatchObject({
      reason: 'the catalog does not let generation call sharing',
      caller: 'generation',
    });
  });

  test('a caller of this service that the route does not admit', async () => {
    const before = deniedEvents(guarded, 'service-authorization').length;
    const { response, body } = await call(
      guarded,
      '/internal/v1/social-only?x=1',
      `Bearer ${identityOf('user').tokenFor('sharing')}`,
    );
    expect(response.status).toBe(403);
    expect(body).toMatchObject({
      type: '/problems/caller-not-allowed',
      detail: 'user may not call GET /internal/v1/social-only; only social, gateway may.',
    });
    expect(deniedEvents(guarded, 'service-authorization').slice(before)).toEqual([
      expect.objectContaining({ caller: 'user', path: '/internal/v1/social-only', method: 'GET' }),
    ]);
  });

  test('the route’s own callers pass', async () => {
    const { response, body } = await call(
      guarded,
      '/internal/v1/social-only',
      `Bearer ${identityOf('social').tokenFor('sharing')}`,
    );
    expect(response.status).toBe(200);
    expect(body).toEqual({ caller: 'social' });
  });
});

test('a handler asking for the caller outside the guard gets a 401, never an anonymous caller', async () => {
  const { response, body } = await call(guarded, '/unguarded');
  expect(response.status).toBe(401);
  expect(body).toMatchObject({ type: '/problems/invalid-service-token' });
});

test('a verifier that breaks is a server error, not a refusal blamed on the caller', async () => {
  const broken: ServiceIdentity = {
    service: 'sharing',
    tokenFor: () => '',
    verify: () => {
      throw new Error('key store unreadable');
    },
  };
  const app = await guardedApp(broken);
  try {
    const { response } = await call(app, '/internal/v1/any', 'Bearer some.token.here');
    expect(response.status).toBe(500);
    expect(deniedEvents(app)).toEqual([]);
  } finally {
    await new Promise<void>((resolve) => app.server.close(() => resolve()));
  }
});
