import type { Redis } from 'ioredis';

/** What the callback needs from the start of its flow; kept server-side, never in the URL. */
export interface PendingAuthorization {
  provider: string;
  codeVerifier: string;
  nonce: string;
  purpose: 'sign-in' | 'link';
  /** For `link`: the account the identity joins. */
  userId?: string;
}

/** How long a person has between starting a flow and coming back from the provider. */
export const authorizationLifetimeSeconds = 600;

const stateKey = (state: string) => `oauth-state:${state}`;

export async function savePendingAuthorization(
  redis: Redis,
  state: string,
  pending: PendingAuthorization,
): Promise<void> {
  await redis.set(stateKey(state), JSON.stringify(pending), 'EX', authorizationLifetimeSeconds);
}

/** Takes the pending flow once (GETDEL): a replayed callback finds nothing. */
export async function takePendingAuthorization(
  redis: Redis,
  state: string,
): Promise<PendingAuthorization | undefined> {
  const stored = await redis.getdel(stateKey(state));
  return stored ? (JSON.parse(stored) as PendingAuthorization) : undefined;
}
