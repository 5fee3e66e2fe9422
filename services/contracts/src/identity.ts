import { z } from 'zod';
import { roles } from './permissions';

/** Where the user service publishes the public keys that verify its access tokens. */
export const JWKS_PATH = '/api/v1/auth/jwks';

/** The JWKS URL of a user service at this base URL (as a `USER_SERVICE_URL` gives it). */
export function jwksUrl(userServiceUrl: string): string {
  return `${userServiceUrl.replace(/\/+$/, '')}${JWKS_PATH}`;
}

/** The user service's answer on whether a session lives (`GET sessionStatusPath(id)`), for the gateway. */
export function sessionStatusPath(sessionId: string): string {
  return `/internal/v1/sessions/${encodeURIComponent(sessionId)}`;
}

export const sessionStatusSchema = z.object({
  active: z.literal(true),
  userId: z.uuid(),
  roles: z.array(z.enum(roles)).min(1),
});
export type SessionStatus = z.infer<typeof sessionStatusSchema>;
