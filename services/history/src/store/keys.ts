/**
 * The key layout of the `scenarios` table (the service README's "Table design" explains it):
 * one partition per scenario holding its summary and its body, the summary alone carrying
 * the index keys that list a user's history (gsi1) and their favourites (gsi2, sparse).
 */
export const scenarioPartition = (scenarioId: string): string => `SCENARIO#${scenarioId}`;
export const summarySortKey = 'SUMMARY';
export const bodySortKey = 'BODY';

export const historyIndex = { name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' } as const;
export const favoritesIndex = { name: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' } as const;
export type ListingIndex = typeof historyIndex | typeof favoritesIndex;

export const historyPartition = (ownerId: string): string => `OWNER#${ownerId}`;
export const favoritesPartition = (ownerId: string): string => `OWNER#${ownerId}#FAVORITE`;

/**
 * Newest-first order within a user's history: the creation time at millisecond precision
 * (fixed width, so strings sort as times do), then the id to break ties.
 */
export function chronologicalKey(createdAt: string, scenarioId: string): string {
  return `${new Date(createdAt).toISOString()}#${scenarioId}`;
}

/** Recognises a chronological key, for positions read back from cursors. */
export const chronologicalKeyPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z#.{1,64}$/s;

/** The one item outside any scenario: the per-deployment cursor key, when no secret is configured. */
export const cursorKeyItemKey = { pk: 'CONFIG#cursor-key', sk: 'CONFIG#cursor-key' } as const;
