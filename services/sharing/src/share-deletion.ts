import type { SharingDependencies } from './dependencies';

/**
 * Deletes the owner's share durably (docs/cross-service.md §2): the purge instruction is
 * recorded first, then the share and everything in its partition go, then the relay tells
 * social (which drops its reports and case) and repeats this delete should a crash have cut it
 * short. Only the owner's share gets an instruction. False when the caller owns no such share.
 */
export async function deleteShareDurably(
  deps: Pick<SharingDependencies, 'store' | 'purges'>,
  ownerId: string,
  slug: string,
): Promise<boolean> {
  if (!(await deps.store.readOwned(ownerId, slug))) return false;
  await deps.purges.record('share', slug, ownerId);
  const deleted = await deps.store.delete(ownerId, slug);
  deps.purges.nudge();
  return deleted !== undefined;
}
