import { envDefaults, envFor, needsOutboundHttps, secretLayout, services } from '@what-if/catalog';

describe('the secret layout', () => {
  it.each(services.map((entry) => entry.name))(
    'gives every secret variable of %s exactly one place in the store',
    (name) => {
      const layout = secretLayout(name);
      const secretVariables = envFor(name)
        .filter((variable) => variable.secret)
        .map((variable) => variable.name);
      const laidOut = layout.map((source) => source.variable);
      expect(laidOut.filter((variable) => !['PGUSER', 'PGPASSWORD'].includes(variable)).sort()).toEqual(
        [...secretVariables].sort(),
      );
      expect(new Set(laidOut).size).toBe(laidOut.length);
    },
  );

  it('shares the stores connection secrets and keeps application secrets per service and variable', () => {
    expect(secretLayout('user')).toEqual(
      expect.arrayContaining([
        { variable: 'DATABASE_URL', key: 'postgres/DATABASE_URL', optional: false },
        { variable: 'PGUSER', key: 'postgres/credentials', property: 'username', optional: true },
        { variable: 'PGPASSWORD', key: 'postgres/credentials', property: 'password', optional: true },
        { variable: 'REDIS_URL', key: 'redis/REDIS_URL', optional: false },
        { variable: 'JWT_SIGNING_KEY', key: 'user/JWT_SIGNING_KEY', property: 'value', optional: true },
      ]),
    );
    expect(secretLayout('gateway')).toContainEqual({
      variable: 'REDIS_URL',
      key: 'redis/REDIS_URL',
      optional: false,
    });
  });
});

describe('outbound HTTPS', () => {
  it('is needed by generation exactly when a remote provider is configured', () => {
    const local = envDefaults('generation');
    expect(needsOutboundHttps('generation', { ...local, GENERATION_PROVIDERS: 'local' })).toBe(false);
    expect(needsOutboundHttps('generation', { ...local, GENERATION_PROVIDERS: 'bedrock,local' })).toBe(true);
    expect(needsOutboundHttps('generation', { ...local, GENERATION_PROVIDERS: 'local, openai' })).toBe(true);
  });

  it('is needed by user only when it sends mail through SES, and never by a service without such calls', () => {
    expect(needsOutboundHttps('user', { ...envDefaults('user'), MAILER: 'log' })).toBe(false);
    expect(needsOutboundHttps('user', { ...envDefaults('user'), MAILER: 'ses' })).toBe(true);
    expect(needsOutboundHttps('history', envDefaults('history'))).toBe(false);
  });
});
