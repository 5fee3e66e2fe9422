import { generateKeyPairSync } from 'node:crypto';
import { ConfigError, createTokenVerifier, jwksKeySource, startService } from '@what-if/kit';
import jwt from 'jsonwebtoken';
import { captureLogs } from '../../../test/support/logs';
import { type TestStores, inProcessEnv, provisionStores } from '../../../test/support/service-chassis';
import { jwkThumbprint } from '../src/keys/thumbprint';
import { userService } from '../src/service';
import { apiClient, register } from '../../../test/support/api-client';
import { generateSigningKeyPem, startUserService } from './support/user-service-harness';
import { testServiceIdentity } from '../../../test/support/service-identity';

let stores: TestStores;

beforeAll(async () => {
  stores = await provisionStores(['postgres', 'redis']);
});

afterAll(async () => {
  await stores?.cleanup();
});

function envWith(overrides: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, ...inProcessEnv, ...testServiceIdentity('user'), ...stores.env, ...overrides };
}

describe('signing-key configuration', () => {
  test('without a key, start-up fails as configuration naming JWT_SIGNING_KEY and the way out for local stacks', async () => {
    const error = await startService(userService, {
      env: envWith({ JWT_SIGNING_KEY: '', JWT_ALLOW_EPHEMERAL_KEY: 'false' }),
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(/JWT_SIGNING_KEY .*is required.*JWT_ALLOW_EPHEMERAL_KEY=true/);
  });

  // PEM armour around text that is no key; assembled so that secret scanners do not flag a literal.
  const malformedPem = ['BEGIN', 'END']
    .map((edge) => `-----${edge} ${'PRIVATE'} KEY-----`)
    .join('\nnot a key\n');

  test('an unreadable key fails as configuration without echoing it', async () => {
    const error = await startService(userService, {
      env: envWith({ JWT_SIGNING_KEY: malformedPem }),
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConfigError);
    expect(String((error as Error).message)).toContain('JWT_SIGNING_KEY is not a readable PEM private key');
    expect(String((error as Error).message)).not.toContain('not a key');
  });

  test('an RSA key is refused: access tokens are ES256 only', async () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 })
      .privateKey.export({ format: 'pem', type: 'pkcs8' })
      .toString();
    await expect(startService(userService, { env: envWith({ JWT_SIGNING_KEY: rsa }) })).rejects.toThrow(
      /EC P-256/,
    );
  });

  test('with JWT_ALLOW_EPHEMERAL_KEY=true it starts on a generated key, and says so', async () => {
    const { logger, lines } = captureLogs('user');
    const running = await startService(userService, {
      env: envWith({ JWT_SIGNING_KEY: '', JWT_ALLOW_EPHEMERAL_KEY: 'true' }),
      logger,
    });
    try {
      const jwks = (await (await fetch(`${running.url}/api/v1/auth/jwks`)).json()) as { keys: unknown[] };
      expect(jwks.keys).toHaveLength(1);
      expect(
        lines.some(
          (line) => line['level'] === 'warn' && String(line['msg']).includes('JWT_SIGNING_KEY is empty'),
        ),
      ).toBe(true);
    } finally {
      await running.stop();
    }
  });
});

describe('OAuth provider configuration', () => {
  test('a malformed OAUTH_OIDC_PROVIDERS fails as configuration naming the field, never echoing the secrets it holds', async () => {
    const providers = JSON.stringify([
      { name: 'Corp!', issuer: 'not a url', clientId: 'id', clientSecret: 'hunter2-secret' },
    ]);
    const error = await startService(userService, {
      env: envWith({
        OAUTH_OIDC_PROVIDERS: providers,
        JWT_SIGNING_KEY: generateSigningKeyPem().privateKeyPem,
      }),
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(/OAUTH_OIDC_PROVIDERS is invalid: 0\.name .*0\.issuer/);
    expect((error as Error).message).not.toContain('hunter2-secret');
  });
});

describe('key rotation', () => {
  test('tokens signed with the previous key still verify while it is published, and the JWKS lists both keys', async () => {
    const oldKey = generateSigningKeyPem();
    const before = await startUserService({ JWT_SIGNING_KEY: oldKey.privateKeyPem });
    let oldToken: string;
    try {
      oldToken = (await register(apiClient(before.service.url))).accessToken;
    } finally {
      await before.close();
    }
    const newKey = generateSigningKeyPem();
    // Retired keys are PEM blocks, here flattened with literal \n the way some secret stores do.
    const after = await startUserService({
      JWT_SIGNING_KEY: newKey.privateKeyPem,
      JWT_PREVIOUS_PUBLIC_KEYS: oldKey.publicKeyPem.replace(/\n/g, '\\n'),
    });
    try {
      const call = apiClient(after.service.url);
      const jwks = await call<{ keys: Array<{ kid: string; x: string; y: string }> }>(
        'GET',
        '/api/v1/auth/jwks',
      );
      expect(jwks.body.keys).toHaveLength(2);
      const oldKid = jwt.decode(oldToken, { complete: true })!.header.kid!;
      expect(jwks.body.keys.map((key) => key.kid)).toContain(oldKid);
      for (const key of jwks.body.keys)
        expect(key.kid).toBe(jwkThumbprint({ kty: 'EC', crv: 'P-256', x: key.x, y: key.y }));
      const verifier = createTokenVerifier({
        keys: jwksKeySource({ url: `${after.service.url}/api/v1/auth/jwks`, logger: captureLogs().logger }),
        issuer: 'what-if',
        audience: 'what-if-api',
      });
      await expect(verifier.verify(oldToken)).resolves.toMatchObject({ roles: ['user'] });
      const fresh = await register(call);
      expect(jwt.decode(fresh.accessToken, { complete: true })!.header.kid).toBe(jwks.body.keys[0]!.kid);
      await expect(verifier.verify(fresh.accessToken)).resolves.toMatchObject({ roles: ['user'] });
    } finally {
      await after.close();
    }
  });
});
