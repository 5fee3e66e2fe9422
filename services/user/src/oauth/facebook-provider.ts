import { createHmac } from 'node:crypto';
import {
  type AuthorizationRequest,
  type CodeExchange,
  OAuthError,
  type OAuthProvider,
  type ProviderProfile,
  providerJson,
} from './provider-profile';

export interface FacebookOptions {
  clientId: string;
  clientSecret: string;
  /** https://www.facebook.com/vXX.X/dialog/oauth */
  dialogUrl: string;
  /** https://graph.facebook.com/vXX.X */
  graphUrl: string;
}

/**
 * Facebook Login: OAuth 2 with PKCE (not OpenID Connect), then the Graph API's
 * /me?fields=id,name,email. Facebook returns `email` only for an address its owner confirmed,
 * so a returned address counts as verified; without one the account cannot be matched by email.
 */
export function createFacebookProvider(options: FacebookOptions): OAuthProvider {
  return {
    name: 'facebook',
    kind: 'facebook',
    async authorizationUrl(request: AuthorizationRequest) {
      const url = new URL(options.dialogUrl);
      url.search = new URLSearchParams({
        response_type: 'code',
        client_id: options.clientId,
        redirect_uri: request.redirectUri,
        scope: 'email,public_profile',
        state: request.state,
        code_challenge: request.codeChallenge,
        code_challenge_method: 'S256',
      }).toString();
      return url.toString();
    },
    async complete(exchange: CodeExchange): Promise<ProviderProfile> {
      const tokenUrl = new URL(`${options.graphUrl}/oauth/access_token`);
      tokenUrl.search = new URLSearchParams({
        client_id: options.clientId,
        client_secret: options.clientSecret,
        redirect_uri: exchange.redirectUri,
        code: exchange.code,
        code_verifier: exchange.codeVerifier,
      }).toString();
      const token = await providerJson('facebook token exchange', tokenUrl.toString());
      const accessToken = token['access_token'];
      if (typeof accessToken !== 'string')
        throw new OAuthError('provider_rejected', 'facebook gave no access_token');
      const meUrl = new URL(`${options.graphUrl}/me`);
      meUrl.search = new URLSearchParams({
        fields: 'id,name,email',
        access_token: accessToken,
        // Proves the call comes from the app's server, as Facebook recommends for server-side calls.
        appsecret_proof: createHmac('sha256', options.clientSecret).update(accessToken).digest('hex'),
      }).toString();
      const me = await providerJson('facebook /me', meUrl.toString());
      if (typeof me['id'] !== 'string' || me['id'] === '')
        throw new OAuthError('invalid_profile', 'facebook /me has no id');
      const email = typeof me['email'] === 'string' && me['email'] !== '' ? me['email'] : null;
      return {
        subject: me['id'],
        email,
        emailVerified: email !== null,
        name: typeof me['name'] === 'string' ? me['name'] : null,
      };
    },
  };
}
