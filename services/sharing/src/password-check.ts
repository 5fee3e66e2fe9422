import { logSecurityEvent } from '@what-if/kit';
import type { SharingDependencies } from './dependencies';
import { verifySharePassword } from './share-passwords';
import type { ShareItem } from './store/records';

export type PasswordOutcome =
  { outcome: 'accepted' } | { outcome: 'rejected' } | { outcome: 'limited'; retryAfterSeconds: number };

/**
 * A password offered for a protected share, from whoever `client` names (a keyed hash of a
 * page visitor's address, or of a signed-in viewer). The limits are checked before the hash is
 * even computed, so a share or a client over its limit learns nothing more; a wrong password
 * counts against both and is a security event.
 */
export async function checkSharePassword(
  deps: Pick<SharingDependencies, 'store' | 'limits' | 'metrics' | 'logger'>,
  share: ShareItem,
  password: string,
  client: string,
): Promise<PasswordOutcome> {
  const [forShare, forClient] = await Promise.all([
    deps.store.limitReached(deps.limits.passwordPerShare, share.slug),
    deps.store.limitReached(deps.limits.passwordPerClient, client),
  ]);
  const limited = forShare.exceeded ? forShare : forClient.exceeded ? forClient : undefined;
  if (limited) {
    deps.metrics.passwordAttempts.inc({ outcome: 'limited' });
    return { outcome: 'limited', retryAfterSeconds: limited.retryAfterSeconds };
  }
  if (!(await verifySharePassword(share.passwordHash!, password))) {
    deps.metrics.passwordAttempts.inc({ outcome: 'rejected' });
    await Promise.all([
      deps.store.countEvent(deps.limits.passwordPerShare, share.slug),
      deps.store.countEvent(deps.limits.passwordPerClient, client),
    ]);
    logSecurityEvent(deps.logger, 'authentication', 'denied', {
      reason: 'wrong share password',
      slug: share.slug,
    });
    return { outcome: 'rejected' };
  }
  deps.metrics.passwordAttempts.inc({ outcome: 'accepted' });
  return { outcome: 'accepted' };
}
