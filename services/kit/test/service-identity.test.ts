import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Registry } from 'prom-client';
import {
  type ServiceClient,
  createServiceClient,
  createServiceIdentity,
  readServiceKeys,
  serviceIdentityEnv,
  generateServiceKeyRing,
} from '@what-if/kit';
import { captureLogs } from '../../../test/support/logs';

const ring = generateServiceKeyRing();

function identityOf(name: 'generation' | 'history' | 'gateway' | 'user', now?: () => number) {
  const keys = readServiceKeys(name, serviceIdentityEnv(name, ring));
  expect(keys.problems).toEqual([]);
  return createServiceIdentity(name, keys.keys!, now);
}

describe('service keys as configuration', () => {
  test('a missing or broken key stops the service, naming every problem', () => {
    const broken = readServiceKeys('history', {
      SERVICE_SIGNING_KEY: '',
      SERVICE_PUBLIC_KEYS: JSON.stringify({ generation: 'not a key' }),
    });
    expect(broken.keys).toBeUndefined();
    expect(broken.problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining('SERVICE_SIGNING_KEY is missing'),
        'SERVICE_PUBLIC_KEYS.generation is not an EC P-256 public key in PEM',
        'SERVICE_PUBLIC_KEYS has no key for sharing, which the catalog lets call history: its calls would all be refused',
      ]),
    );
  });

  test('a private key offered as a public one is refused, so none is ever spread around', () => {
    const trusted = JSON.parse(serviceIdentityEnv('history', ring).SERVICE_PUBLIC_KEYS) as Record<
      string,
      string
    >;
    const leaked = readServiceKeys('history', {
      SERVICE_SIGNING_KEY: ring.history.privateKeyPem,
      SERVICE_PUBLIC_KEYS: JSON.stringify({ ...trusted, generation: ring.generation.privateKeyPem }),
    });
    expect(leaked.problems).toEqual(['SERVICE_PUBLIC_KEYS.generation is not an EC P-256 public key in PEM']);
  });
});

describe('service tokens', () => {
  test('a caller’s token proves it to the callee, for that callee only, and is reused for half its life', () => {
    let clock = Date.parse('2026-01-01T00:00:00Z');
    const generation = identityOf('generation', () => clock);
    const history = identityOf('history', () => clock);
    const user = identityOf('user', () => clock);
    const token = generation.tokenFor('history');
    expect(history.verify(token)).toBe('generation');
    expect(() => user.verify(token)).toThrow(/audience/);
    clock += 29_000;
    expect(generation.tokenFor('history')).toBe(token);
    clock += 2_000;
    expect(generation.tokenFor('history')).not.toBe(token);
    // 60 s of life and 30 s of leeway: 91 s after issue the first token is refused.
    clock += 60_000;
    expect(() => history.verify(token)).toThrow(/expired/);
  });

  test('a service the catalog does not let call the callee is refused as such (403)', () => {
    // Only the gateway calls generation.
    const history = identityOf('history');
    const generation = identityOf('generation');
    expect(() => generation.verify(history.tokenFor('generation'))).toThrow(
      expect.objectContaining({ status: 403, reason: 'the catalog does not let history call generation' }),
    );
  });
});

describe('the service client on /internal/', () => {
  let server: Server;
  let baseUrl: string;
  const seen: Array<{ path: string; authorization: string | undefined }> = [];
  const clients: ServiceClient[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push({ path: req.url ?? '', authorization: req.headers.authorization });
      res.writeHead(204).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    for (const client of clients) client.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  function clientOf(identity?: ReturnType<typeof identityOf>) {
    const client = createServiceClient({
      upstream: 'history',
      baseUrl,
      registry: new Registry(),
      logger: captureLogs().logger,
      ...(identity ? { identity } : {}),
    });
    clients.push(client);
    return client;
  }

  test('signs every internal call with the caller’s token, and no other call', async () => {
    const client = clientOf(identityOf('generation'));
    await client.request({ method: 'GET', path: '/internal/v1/scenarios/a' });
    await client.request({ method: 'GET', path: '/api/v1/scenarios' });
    const [internal, publicCall] = seen.splice(0);
    expect(identityOf('history').verify(internal!.authorization!.replace(/^Bearer /, ''))).toBe('generation');
    expect(publicCall!.authorization).toBeUndefined();
  });

  test('refuses to forward a user’s token on an internal call, and to call one without an identity', async () => {
    const client = clientOf(identityOf('generation'));
    await expect(
      client.request({
        method: 'GET',
        path: '/internal/v1/scenarios/a',
        headers: { Authorization: 'Bearer user-token' },
      }),
    ).rejects.toThrow(/name the user in the request instead/);
    await expect(clientOf().request({ method: 'GET', path: '/internal/v1/scenarios/a' })).rejects.toThrow(
      /has no identity/,
    );
    expect(seen).toEqual([]);
  });
});
