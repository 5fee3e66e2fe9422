import { z } from 'zod';
import type { Config } from '../config';
import { createFacebookProvider } from './facebook-provider';
import { createOidcProvider } from './oidc-provider-client';
import type { OAuthProvider } from './provider-profile';

/** The sign-in providers this deployment configured, by the name used in URLs. */
export interface OAuthProviders {
  get(name: string): OAuthProvider | undefined;
  list(): OAuthProvider[];
}

/** One extra OpenID Connect issuer a deployment trusts for sign-in, besides Google and Facebook. */
const oidcProviderSchema = z.object({
  name: z.string().regex(/^[a-z][a-z0-9-]{1,31}$/, 'must be 2–32 of a-z 0-9 -, starting with a letter'),
  issuer: z.url(),
  clientId: z.string().min(1),
  clientSecret: z.string().min(1),
  scopes: z.array(z.string().min(1)).optional(),
});

/**
 * OAUTH_OIDC_PROVIDERS: a JSON array of issuers. Its errors name the entry and field only,
 * never the text, which holds client secrets.
 */
export function parseOidcProviders(text: string): Array<z.infer<typeof oidcProviderSchema>> {
  if (text.trim() === '') return [];
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error(
      'OAUTH_OIDC_PROVIDERS is not JSON: it must be an array of {name, issuer, clientId, clientSecret}',
    );
  }
  const parsed = z.array(oidcProviderSchema).safeParse(value);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join('.') || '(the list)'} ${issue.message}`,
    );
    throw new Error(`OAUTH_OIDC_PROVIDERS is invalid: ${problems.join('; ')}`);
  }
  return parsed.data;
}

export function oauthProvidersFromConfig(config: Config): OAuthProviders {
  const providers = new Map<string, OAuthProvider>();
  if (config.OAUTH_GOOGLE_CLIENT_ID !== '') {
    providers.set(
      'google',
      createOidcProvider({
        name: 'google',
        issuer: config.OAUTH_GOOGLE_ISSUER,
        clientId: config.OAUTH_GOOGLE_CLIENT_ID,
        clientSecret: config.OAUTH_GOOGLE_CLIENT_SECRET,
      }),
    );
  }
  if (config.OAUTH_FACEBOOK_CLIENT_ID !== '') {
    providers.set(
      'facebook',
      createFacebookProvider({
        clientId: config.OAUTH_FACEBOOK_CLIENT_ID,
        clientSecret: config.OAUTH_FACEBOOK_CLIENT_SECRET,
        dialogUrl: config.OAUTH_FACEBOOK_DIALOG_URL,
        graphUrl: config.OAUTH_FACEBOOK_GRAPH_URL,
      }),
    );
  }
  for (const setting of parseOidcProviders(config.OAUTH_OIDC_PROVIDERS)) {
    if (providers.has(setting.name)) {
      throw new Error(`OAUTH_OIDC_PROVIDERS names ${setting.name} twice (or a built-in provider)`);
    }
    providers.set(setting.name, createOidcProvider(setting));
  }
  return { get: (name) => providers.get(name), list: () => [...providers.values()] };
}
