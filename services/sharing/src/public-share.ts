import type { OwnedScenario } from '@what-if/contracts';
import type { SharingDependencies } from './dependencies';
import type { GoneReason } from './pages/share-pages';
import { type ShareItem, shareState } from './store/records';

/** What a public address of a share may show right now. */
export type PublicShare =
  | { kind: 'missing' }
  | { kind: 'gone'; share: ShareItem; reason: GoneReason }
  | { kind: 'protected'; share: ShareItem }
  | { kind: 'readable'; share: ShareItem; content: OwnedScenario };

/**
 * The checks every public read makes, in order: the share exists (a consistent read, so a
 * revoke or delete shows at once); it is live (not revoked, not expired); moderation has not
 * hidden or removed it; its owner's account still exists and its scenario still exists in
 * history and is still the owner's, visible to moderators (reads cached for at most
 * SCENARIO_CACHE_SECONDS: the bound on how late a deletion shows, whatever became of the purge).
 * An owner the user service cannot vouch for right now (it is down) does not hide the share.
 * `password: 'check'` stops at a protected share; `'passed'` means the caller proved it.
 */
export async function resolvePublicShare(
  deps: Pick<SharingDependencies, 'store' | 'scenarios' | 'accounts'>,
  slug: string,
  password: 'check' | 'passed',
): Promise<PublicShare> {
  const share = await deps.store.read(slug);
  if (!share) return { kind: 'missing' };
  const state = shareState(share, new Date());
  if (state !== 'live') return { kind: 'gone', share, reason: state };
  if (share.moderation !== 'visible') return { kind: 'gone', share, reason: share.moderation };
  const [content, owner] = await Promise.all([
    deps.scenarios.read(share.scenarioId),
    deps.accounts.status(share.ownerId),
  ]);
  if (owner?.live === false) return { kind: 'gone', share, reason: 'deleted' };
  if (!content || content.ownerId !== share.ownerId) return { kind: 'gone', share, reason: 'deleted' };
  // Moderators hid or removed the scenario itself (history keeps that status): no share shows it.
  if (content.moderation && content.moderation !== 'visible')
    return { kind: 'gone', share, reason: content.moderation };
  if (share.passwordHash && password === 'check') return { kind: 'protected', share };
  return { kind: 'readable', share, content };
}
