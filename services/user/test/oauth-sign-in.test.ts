import { Redis } from 'ioredis';
import { deadPort, testRedisUrl } from '../../../test/support/stores';
import {
  type ApiCall,
  type SignedIn,
  apiClient,
  register,
  uniqueEmail,
} from '../../../test/support/api-client';
import { Browser, firstForm } from './support/browser';
import { type FakeFacebook, startFakeFacebook } from './support/fake-facebook';
import { type RunningOidcProvider, startOidcProvider } from './support/oidc-provider-process';
import { type UserServiceHarness, startUserService } from './support/user-service-harness';

let harness: UserServiceHarness;
let provider: RunningOidcProvider;
let facebook: FakeFacebook;
let call: ApiCall;
let serviceUrl: string;

const appOrigin = 'http://app.test';
const facebookApp = { id: 'fb-app-1', secret: 'fb-app-secret' };

beforeAll(async () => {
  // The redirect URIs registered at the provider name the service's address, so it is chosen first.
  const port = await deadPort();
  serviceUrl = `http://127.0.0.1:${port}`;
  provider = await startOidcProvider([
    {
      client_id: 'google-client',
      client_secret: 'google-secret',
      redirect_uris: [`${serviceUrl}/api/v1/auth/oauth/google/callback`],
    },
    {
      client_id: 'corp-client',
      client_secret: 'corp-secret',
      redirect_uris: [`${serviceUrl}/api/v1/auth/oauth/corp/callback`],
    },
  ]);
  facebook = await startFakeFacebook(facebookApp);
  harness = await startUserService({
    PORT: String(port),
    PUBLIC_API_URL: serviceUrl,
    PUBLIC_APP_URL: appOrigin,
    OAUTH_GOOGLE_CLIENT_ID: 'google-client',
    OAUTH_GOOGLE_CLIENT_SECRET: 'google-secret',
    // Google is an OpenID Connect issuer like any other; here the local provider plays it.
    OAUTH_GOOGLE_ISSUER: provider.issuer,
    OAUTH_OIDC_PROVIDERS: JSON.stringify([
      { name: 'corp', issuer: provider.issuer, clientId: 'corp-client', clientSecret: 'corp-secret' },
    ]),
    OAUTH_FACEBOOK_CLIENT_ID: facebookApp.id,
    OAUTH_FACEBOOK_CLIENT_SECRET: facebookApp.secret,
    OAUTH_FACEBOOK_DIALOG_URL: `${facebook.baseUrl}/dialog/oauth`,
    OAUTH_FACEBOOK_GRAPH_URL: facebook.baseUrl,
  });
  call = apiClient(serviceUrl);
}, 60_000);

afterAll(async () => {
  await harness?.close();
  await provider?.close();
  await facebook?.close();
});

/**
 * Drives the browser from wherever it is through the provider's login and consent pages,
 * until it is sent back to the web app; returns that final URL.
 */
async function throughProvider(
  browser: Browser,
  response: Response,
  from: string,
  login: string,
): Promise<URL> {
  let hop = await browser.follow(response, from, (location) => location.origin === appOrigin);
  for (let page = 0; page < 5 && hop.url.origin !== appOrigin; page += 1) {
    expect(hop.response.status).toBe(200);
    const form = firstForm(await hop.response.text(), hop.url);
    const fields =
      form.fields['prompt'] === 'login' ? { ...form.fields, login, password: 'any' } : form.fields;
    const submitted = await browser.request('POST', form.action, { form: fields });
    hop = await browser.follow(submitted, form.action, (location) => location.origin === appOrigin);
  }
  expect(hop.url.origin).toBe(appOrigin);
  return hop.url;
}

async function signIn(browser: Browser, providerName: string, login: string): Promise<URL> {
  const start = `${serviceUrl}/api/v1/auth/oauth/${providerName}/start`;
  return throughProvider(browser, await browser.request('GET', start), start, login);
}

/** What the web app does after the redirect: trade the refresh cookie for tokens. */
async function tokensFromCookie(browser: Browser): Promise<SignedIn> {
  const answer = await browser.request('POST', `${serviceUrl}/api/v1/auth/refresh`);
  expect(answer.status).toBe(200);
  return (await answer.json()) as SignedIn;
}

describe('OpenID Connect sign-in against a real provider', () => {
  test('start redirects with an authorization code request, PKCE S256, state and nonce', async () => {
    const browser = new Browser();
    const answer = await browser.request('GET', `${serviceUrl}/api/v1/auth/oauth/google/start`);
    expect(answer.status).toBe(302);
    const location = new URL(answer.headers.get('location')!);
    expect(location.origin).toBe(provider.issuer);
    expect(Object.fromEntries(location.searchParams)).toMatchObject({
      response_type: 'code',
      client_id: 'google-client',
      redirect_uri: `${serviceUrl}/api/v1/auth/oauth/google/callback`,
      code_challenge_method: 'S256',
      scope: 'openid email profile',
    });
    expect(location.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(location.searchParams.get('state')).toBe(browser.cookie(serviceUrl, 'whatif_oauth_state'));
    expect(location.searchParams.get('nonce')).toBeTruthy();
  });

  test('a first sign-in creates a verified account without a password; the next one returns to it', async () => {
    const email = uniqueEmail('oidc');
    const browser = new Browser();
    const landing = await signIn(browser, 'google', email);
    expect(landing.pathname).toBe('/auth/complete');
    expect(Object.fromEntries(landing.searchParams)).toEqual({ provider: 'google', outcome: 'created' });
    const tokens = await tokensFromCookie(browser);
    expect(tokens.user).toMatchObject({ email, emailVerified: true, roles: ['user'] });
    expect((tokens.user as unknown as { hasPassword: boolean }).hasPassword).toBe(false);

    const again = new Browser();
    const second = await signIn(again, 'google', email);
    expect(second.searchParams.get('outcome')).toBe('returning');
    expect((await tokensFromCookie(again)).user.id).toBe(tokens.user.id);
  });

  test('links to an existing account with the same verified address, which keeps its password', async () => {
    const account = await register(call);
    await harness.database.query('UPDATE users SET email_verified = true WHERE id = $1', [account.user.id]);
    const browser = new Browser();
    const landing = await signIn(browser, 'corp', account.email);
    expect(landing.searchParams.get('outcome')).toBe('linked');
    expect((await tokensFromCookie(browser)).user.id).toBe(account.user.id);
    expect(
      (
        await call('POST', '/api/v1/auth/login', {
          body: { email: account.email, password: account.password },
        })
      ).status,
    ).toBe(200);
    expect((await call('GET', '/api/v1/auth/sessions', { token: account.accessToken })).status).toBe(200);
  });

  test('claiming an unverified account through the provider removes the password someone else may have set, and ends its sessions', async () => {
    const squatter = await register(call);
    const browser = new Browser();
    const landing = await signIn(browser, 'corp', squatter.email);
    expect(landing.searchParams.get('outcome')).toBe('linked');
    expect(
      (
        await call('POST', '/api/v1/auth/login', {
          body: { email: squatter.email, password: squatter.password },
        })
      ).status,
    ).toBe(401);
    expect((await call('GET', '/api/v1/users/me', { token: squatter.accessToken })).status).toBe(401);
    const owner = await tokensFromCookie(browser);
    expect(owner.user).toMatchObject({ id: squatter.user.id, emailVerified: true });
  });

  test('an address the provider has not verified neither creates nor matches an account', async () => {
    const email = uniqueEmail('unverified');
    const browser = new Browser();
    const landing = await signIn(browser, 'corp', `unverified.${email}`);
    expect(Object.fromEntries(landing.searchParams)).toMatchObject({
      error: 'unverified_email',
      provider: 'corp',
    });
    const stored = await harness.database.query('SELECT 1 FROM users WHERE email = $1', [email]);
    expect(stored.rowCount).toBe(0);
    expect(browser.cookie(serviceUrl, 'whatif_refresh')).toBeUndefined();
  });

  test('a callback from another browser (login CSRF) or a replayed one signs nobody in', async () => {
    const victim = new Browser();
    const attacker = new Browser();
    const start = `${serviceUrl}/api/v1/auth/oauth/corp/start`;
    // The attacker completes the provider side but stops before the callback...
    const first = await attacker.request('GET', start);
    const callback = await (async () => {
      let hop = await attacker.follow(first, start, (location) => location.pathname.endsWith('/callback'));
      while (!hop.url.pathname.endsWith('/callback')) {
        const form = firstForm(await hop.response.text(), hop.url);
        const fields =
          form.fields['prompt'] === 'login'
            ? { ...form.fields, login: uniqueEmail('attacker'), password: 'x' }
            : form.fields;
        hop = await attacker.follow(
          await attacker.request('POST', form.action, { form: fields }),
          form.action,
          (location) => location.pathname.endsWith('/callback'),
        );
      }
      return hop.url.toString();
    })();
    // ...and plants the callback URL on the victim, whose browser has no matching state cookie.
    const planted = await victim.request('GET', callback);
    expect(planted.status).toBe(302);
    expect(new URL(planted.headers.get('location')!).searchParams.get('error')).toBe('invalid_state');
    expect(victim.cookie(serviceUrl, 'whatif_refresh')).toBeUndefined();

    // The attacker's own browser completes once; a replay of the same callback does nothing.
    const completed = await attacker.request('GET', callback);
    expect(new URL(completed.headers.get('location')!).searchParams.get('outcome')).toBe('created');
    attacker.setCookie(
      serviceUrl,
      'whatif_oauth_state',
      new URL(callback).searchParams.get('state')!,
      '/api/v1/auth/oauth',
    );
    const replay = await attacker.request('GET', callback);
    expect(new URL(replay.headers.get('location')!).searchParams.get('error')).toBe('invalid_state');
  });

  test('an id_token whose nonce is not the one sent is refused', async () => {
    const browser = new Browser();
    const start = `${serviceUrl}/api/v1/auth/oauth/corp/start`;
    const answer = await browser.request('GET', start);
    const state = new URL(answer.headers.get('location')!).searchParams.get('state')!;
    // Stand in for an attacker who swapped the flow's nonce: the provider's id_token carries the original.
    const redis = new Redis(testRedisUrl, { keyPrefix: harness.stores.env['REDIS_KEY_PREFIX'] });
    try {
      const key = `oauth-state:${state}`;
      const pending = JSON.parse((await redis.get(key))!) as Record<string, string>;
      await redis.set(key, JSON.stringify({ ...pending, nonce: 'not-the-nonce-sent' }), 'EX', 600);
    } finally {
      redis.disconnect();
    }
    const landing = await throughProvider(browser, answer, start, uniqueEmail('nonce'));
    expect(landing.searchParams.get('error')).toBe('invalid_id_token');
  });

  test('an unknown provider answers 404', async () => {
    const answer = await call('GET', '/api/v1/auth/oauth/myspace/start');
    expect(answer.status).toBe(404);
    expect(answer.body['type']).toBe('/problems/unknown-provider');
    const providers = await call<{ items: Array<{ name: string }> }>('GET', '/api/v1/auth/oauth/providers');
    expect(providers.body.items.map((item) => item.name).sort()).toEqual(['corp', 'facebook', 'google']);
  });
});

describe('linking and unlinking providers', () => {
  test('a signed-in account links a provider, then signs in with it', async () => {
    const account = await register(call);
    const browser = new Browser();
    const started = await call<{ authorizationUrl: string }>('POST', '/api/v1/users/me/identities/corp', {
      token: account.accessToken,
    });
    expect(started.status).toBe(200);
    // The web app's fetch stores the flow's state cookie in the browser, which then navigates.
    const stateCookie = /whatif_oauth_state=([^;]+)/.exec(started.headers.get('set-cookie')!)![1]!;
    browser.setCookie(serviceUrl, 'whatif_oauth_state', stateCookie, '/api/v1/auth/oauth');
    const corpLogin = `corp-employee-${Date.now()}`;
    const first = await browser.request('GET', started.body.authorizationUrl);
    const landing = await throughProvider(browser, first, started.body.authorizationUrl, corpLogin);
    expect(landing.pathname).toBe('/settings/sign-in');
    expect(landing.searchParams.get('linked')).toBe('corp');
    const identities = await call<{ items: Array<{ provider: string }> }>(
      'GET',
      '/api/v1/users/me/identities',
      {
        token: account.accessToken,
      },
    );
    expect(identities.body.items.map((item) => item.provider)).toEqual(['corp']);

    const later = new Browser();
    expect((await signIn(later, 'corp', corpLogin)).searchParams.get('outcome')).toBe('returning');
    expect((await tokensFromCookie(later)).user.id).toBe(account.user.id);

    // With a password left, unlinking is allowed.
    expect(
      (await call('DELETE', '/api/v1/users/me/identities/corp', { token: account.accessToken })).status,
    ).toBe(204);
    expect(
      (await call('DELETE', '/api/v1/users/me/identities/corp', { token: account.accessToken })).status,
    ).toBe(404);
  });

  test("a provider that is an account's only way to sign in cannot be unlinked", async () => {
    const browser = new Browser();
    await signIn(browser, 'google', uniqueEmail('only-google'));
    const tokens = await tokensFromCookie(browser);
    const answer = await call('DELETE', '/api/v1/users/me/identities/google', { token: tokens.accessToken });
    expect(answer.status).toBe(409);
    expect(answer.body['type']).toBe('/problems/last-sign-in-method');
  });
});

describe('Facebook sign-in against the Graph API wire format', () => {
  test('creates an account from /me, then returns to it', async () => {
    const email = uniqueEmail('fb');
    facebook.person = { id: `fb-${Date.now()}`, name: 'Face Book', email };
    const browser = new Browser();
    const start = `${serviceUrl}/api/v1/auth/oauth/facebook/start`;
    const landing = await browser.follow(
      await browser.request('GET', start),
      start,
      (location) => location.origin === appOrigin,
    );
    expect(Object.fromEntries(landing.url.searchParams)).toEqual({
      provider: 'facebook',
      outcome: 'created',
    });
    const tokens = await tokensFromCookie(browser);
    expect(tokens.user).toMatchObject({ email, displayName: 'Face Book', emailVerified: true });

    const again = new Browser();
    const second = await again.follow(
      await again.request('GET', start),
      start,
      (location) => location.origin === appOrigin,
    );
    expect(second.url.searchParams.get('outcome')).toBe('returning');
  });

  test('a Facebook account without an address cannot create an account', async () => {
    facebook.person = { id: `fb-noemail-${Date.now()}`, name: 'No Mail' };
    const browser = new Browser();
    const start = `${serviceUrl}/api/v1/auth/oauth/facebook/start`;
    const landing = await browser.follow(
      await browser.request('GET', start),
      start,
      (location) => location.origin === appOrigin,
    );
    expect(landing.url.searchParams.get('error')).toBe('unverified_email');
  });

  test('a forged code is refused by the Graph API and signs nobody in', async () => {
    const browser = new Browser();
    const start = await browser.request('GET', `${serviceUrl}/api/v1/auth/oauth/facebook/start`);
    const state = new URL(start.headers.get('location')!).searchParams.get('state')!;
    const forged = await browser.request(
      'GET',
      `${serviceUrl}/api/v1/auth/oauth/facebook/callback?code=forged&state=${state}`,
    );
    expect(new URL(forged.headers.get('location')!).searchParams.get('error')).toBe('provider_rejected');
    expect(browser.cookie(serviceUrl, 'whatif_refresh')).toBeUndefined();
  });
});
