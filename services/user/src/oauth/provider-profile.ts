/** Who a provider says signed in. */
export interface ProviderProfile {
  /** The provider's stable id for the person (OIDC `sub`, Facebook's app-scoped id). */
  subject: string;
  email: string | null;
  /** Only a verified address may create an account or link to one. */
  emailVerified: boolean;
  name: string | null;
}

/** What the start of a flow needs the provider to put in its authorization URL. */
export interface AuthorizationRequest {
  redirectUri: string;
  state: string;
  nonce: string;
  codeChallenge: string;
}

export interface CodeExchange {
  redirectUri: string;
  code: string;
  codeVerifier: string;
  nonce: string;
}

/** One way to sign in with a provider: an OpenID Connect issuer, or Facebook's OAuth 2. */
export interface OAuthProvider {
  name: string;
  kind: 'oidc' | 'facebook';
  authorizationUrl(request: AuthorizationRequest): Promise<string>;
  /** Exchanges the code and returns the verified profile; throws OAuthError naming what failed. */
  complete(exchange: CodeExchange): Promise<ProviderProfile>;
}

/** A provider answered something this service cannot accept; the message is for the logs. */
export class OAuthError extends Error {
  constructor(
    readonly code: 'provider_unavailable' | 'provider_rejected' | 'invalid_id_token' | 'invalid_profile',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'OAuthError';
  }
}

const fetchTimeoutMs = 5_000;

/** JSON from a provider, or an OAuthError saying which call failed and how. */
export async function providerJson(
  what: string,
  url: string,
  init: RequestInit = {},
): Promise<Record<string, unknown>> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, redirect: 'error', signal: AbortSignal.timeout(fetchTimeoutMs) });
  } catch (error) {
    throw new OAuthError('provider_unavailable', `${what}: ${(error as Error).message}`, { cause: error });
  }
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new OAuthError('provider_rejected', `${what} answered ${response.status} without JSON`);
  }
  if (!response.ok || !body || typeof body !== 'object') {
    const error = (body as { error?: unknown } | undefined)?.error;
    throw new OAuthError(
      'provider_rejected',
      `${what} answered ${response.status}${error ? ` (${JSON.stringify(error).slice(0, 200)})` : ''}`,
    );
  }
  return body as Record<string, unknown>;
}
