/**
 * The key layout of the `videos` table (the service README's "Table design" explains it): one
 * partition per video holding its job record, an item per idempotency key, and three indexes:
 * a user's videos (gsi1), a scenario's videos (gsi2) and the jobs not yet finished (gsi3, sparse).
 */
export const videoPartition = (videoId: string): string => `VIDEO#${videoId}`;
export const jobSortKey = 'JOB';

export const ownerIndex = { name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' } as const;
export const scenarioIndex = { name: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' } as const;
export const activeIndex = { name: 'gsi3', partitionKey: 'gsi3pk', sortKey: 'gsi3sk' } as const;

export const ownerPartition = (ownerId: string): string => `OWNER#${ownerId}`;
export const scenarioPartition = (scenarioId: string): string => `SCENARIO#${scenarioId}`;
/** Accepted and running jobs; a finished job leaves this partition in the write that finishes it. */
export const activePartition = 'ACTIVE';

/** Newest-first order: creation time at millisecond precision, then the id to break ties. */
export function chronologicalKey(createdAt: string, videoId: string): string {
  return `${new Date(createdAt).toISOString()}#${videoId}`;
}

/** Recognises a chronological key, for positions read back from cursors. */
export const chronologicalKeyPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z#[0-9a-f-]{36}$/;

/** An idempotency key belongs to the user who sent it: the same key from two users is two keys. */
export const idempotencyKey = (ownerId: string, keyDigest: string): { pk: string; sk: string } => ({
  pk: `IDEMPOTENCY#${ownerId}#${keyDigest}`,
  sk: 'IDEMPOTENCY',
});
