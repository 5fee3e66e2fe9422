import type { HistoryDependencies } from './dependencies';

/**
 * Deletes the owner's scenario durably (docs/cross-service.md §2): the purge instruction is
 * recorded first, then the scenario goes, then the relay tells sharing, social and video (and
 * repeats this delete should a crash have cut it short). Only the owner's scenario gets an
 * instruction, since receivers purge by scenario id whoever asks. False when the caller owns
 * no scenario with that id.
 */
export async function deleteScenarioDurably(
  deps: Pick<HistoryDependencies, 'store' | 'purges'>,
  ownerId: string,
  scenarioId: string,
): Promise<boolean> {
  if (!(await deps.store.owns(ownerId, scenarioId))) return false;
  await deps.purges.record('scenario', scenarioId, ownerId);
  const deleted = await deps.store.delete(ownerId, scenarioId);
  deps.purges.nudge();
  return deleted;
}
