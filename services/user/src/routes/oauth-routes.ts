import { HttpProblem, logSecurityEvent, requirePrincipal } from '@what-if/kit';
import { type Request, type Response, Router } from 'express';
import { identitiesOf, linkIdentity, resolveOAuthSignIn, unlinkIdentity } from '../accounts/oauth-accounts';
import type { UserDependencies } from '../dependencies';
import { accountDisabled } from '../http/account-problems';
import { clientInfo } from '../http/client-info';
import { cookieValue, setRefreshCookie } from '../http/refresh-cookie';
import { requireSession } from '../http/session-authentication';
import {
  type PendingAuthorization,
  authorizationLifetimeSeconds,
  savePendingAuthorization,
  takePendingAuthorization,
} from '../oauth/oauth-state';
import { codeChallengeOf, newCodeVerifier, newRandomValue } from '../oauth/pkce';
import { OAuthError, type OAuthProvider } from '../oauth/provider-profile';
import { refreshCookieOptions } from './token-responses';

/** Binds a flow to the browser that started it, so a callback URL planted on someone else does nothing. */
const STATE_COOKIE = 'whatif_oauth_state';
const stateCookiePath = '/api/v1/auth/oauth';

/** OAuth / OpenID Connect sign-in, and linking providers to the signed-in account. */
export function oauthRoutes(deps: UserDependencies): Router {
  const { config, logger, pool, redis, sessions, oauth } = deps;
  const router = Router();
  const signedIn = requireSession(deps);
  const secure = config.NODE_ENV === 'production';

  function providerNamed(name: string): OAuthProvider {
    const provider = oauth.get(name);
    if (!provider)
      throw new HttpProblem(404, `No sign-in provider named ${name} is configured here.`, {
        type: 'unknown-provider',
      });
    return provider;
  }

  const redirectUri = (provider: OAuthProvider) =>
    `${config.PUBLIC_API_URL}/api/v1/auth/oauth/${provider.name}/callback`;

  /** Starts a flow: PKCE verifier, state and nonce kept in Redis, state also in a cookie. */
  async function beginAuthorization(
    res: Response,
    provider: OAuthProvider,
    pending: Omit<PendingAuthorization, 'provider' | 'codeVerifier' | 'nonce'>,
  ) {
    const state = newRandomValue();
    const codeVerifier = newCodeVerifier();
    const nonce = newRandomValue();
    let url: string;
    try {
      url = await provider.authorizationUrl({
        redirectUri: redirectUri(provider),
        state,
        nonce,
        codeChallenge: codeChallengeOf(codeVerifier),
      });
    } catch (error) {
      logger.error({ err: error, provider: provider.name }, 'oauth: could not build the authorization URL');
      throw new HttpProblem(503, `${provider.name} sign-in is unavailable right now; try again later.`, {
        type: 'provider-unavailable',
      });
    }
    await savePendingAuthorization(redis, state, {
      ...pending,
      provider: provider.name,
      codeVerifier,
      nonce,
    });
    // Lax, not Strict: it must travel on the top-level redirect back from the provider's site.
    res.cookie(STATE_COOKIE, state, {
      httpOnly: true,
      secure,
      sameSite: 'lax',
      path: stateCookiePath,
      maxAge: authorizationLifetimeSeconds * 1000,
    });
    return url;
  }

  /** Back to the web app, which shows the outcome; errors travel as a short code, never details. */
  function returnToApp(res: Response, page: string, outcome: Record<string, string>) {
    res.clearCookie(STATE_COOKIE, { httpOnly: true, secure, sameSite: 'lax', path: stateCookiePath });
    res.setHeader('Cache-Control', 'no-store');
    res.redirect(302, `${config.PUBLIC_APP_URL}${page}?${new URLSearchParams(outcome).toString()}`);
  }

  router.get('/api/v1/auth/oauth/providers', (_req, res) => {
    res.json({ items: oauth.list().map((provider) => ({ name: provider.name, kind: provider.kind })) });
  });

  router.get('/api/v1/auth/oauth/:provider/start', async (req, res) => {
    const provider = providerNamed(String(req.params['provider']));
    const url = await beginAuthorization(res, provider, { purpose: 'sign-in' });
    res.setHeader('Cache-Control', 'no-store');
    res.redirect(302, url);
  });

  router.get('/api/v1/auth/oauth/:provider/callback', async (req: Request, res: Response) => {
    const provider = providerNamed(String(req.params['provider']));
    const client = clientInfo(req);
    const state = typeof req.query['state'] === 'string' ? req.query['state'] : '';
    const deny = (reason: string, code: string, page = '/auth/complete') => {
      logSecurityEvent(logger, 'oauth-callback', 'denied', {
        provider: provider.name,
        reason,
        ip: client.ip,
      });
      returnToApp(res, page, { error: code, provider: provider.name });
    };
    if (state === '' || cookieValue(req, STATE_COOKIE) !== state) {
      deny('state missing or not from this browser', 'invalid_state');
      return;
    }
    const pending = await takePendingAuthorization(redis, state);
    if (!pending || pending.provider !== provider.name) {
      deny('state unknown, expired or used', 'invalid_state');
      return;
    }
    const page = pending.purpose === 'link' ? '/settings/sign-in' : '/auth/complete';
    if (typeof req.query['error'] === 'string' || typeof req.query['code'] !== 'string') {
      deny(`provider answered ${String(req.query['error'] ?? 'no code')}`, 'provider_denied', page);
      return;
    }
    let profile;
    try {
      profile = await provider.complete({
        code: req.query['code'],
        codeVerifier: pending.codeVerifier,
        nonce: pending.nonce,
        redirectUri: redirectUri(provider),
      });
    } catch (error) {
      if (!(error instanceof OAuthError)) throw error;
      logger.warn({ err: error, provider: provider.name }, 'oauth: the provider exchange failed');
      deny(error.message, error.code, page);
      return;
    }
    try {
      if (pending.purpose === 'link' && pending.userId) {
        await linkIdentity(pool, pending.userId, provider.name, profile);
        logSecurityEvent(logger, 'oauth-link', 'succeeded', {
          userId: pending.userId,
          provider: provider.name,
        });
        returnToApp(res, page, { linked: provider.name });
        return;
      }
      const signIn = await resolveOAuthSignIn(pool, sessions, logger, provider.name, profile);
      if (signIn.user.disabledAt) throw accountDisabled();
      const tokens = await sessions.start(signIn.user, client);
      logSecurityEvent(logger, 'oauth-login', 'succeeded', {
        userId: signIn.user.id,
        provider: provider.name,
        outcome: signIn.outcome,
        sessionId: tokens.sessionId,
        ip: client.ip,
      });
      // The app trades the cookie for an access token with POST /api/v1/auth/refresh.
      setRefreshCookie(res, tokens.refreshToken, refreshCookieOptions(config));
      returnToApp(res, page, { provider: provider.name, outcome: signIn.outcome });
    } catch (error) {
      if (!(error instanceof HttpProblem) || error.status >= 500) throw error;
      deny(error.message, error.type.replace('/problems/', '').replace(/-/g, '_'), page);
    }
  });

  router.get('/api/v1/users/me/identities', ...signedIn, async (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json({ items: await identitiesOf(pool, requirePrincipal(res).userId) });
  });

  router.post('/api/v1/users/me/identities/:provider', ...signedIn, async (req, res) => {
    const provider = providerNamed(String(req.params['provider']));
    const url = await beginAuthorization(res, provider, {
      purpose: 'link',
      userId: requirePrincipal(res).userId,
    });
    res.setHeader('Cache-Control', 'no-store');
    res.json({ authorizationUrl: url });
  });

  router.delete('/api/v1/users/me/identities/:provider', ...signedIn, async (req, res) => {
    const principal = requirePrincipal(res);
    const provider = String(req.params['provider']);
    await unlinkIdentity(pool, principal.userId, provider);
    logSecurityEvent(logger, 'oauth-unlink', 'succeeded', { userId: principal.userId, provider });
    res.status(204).end();
  });

  return router;
}
