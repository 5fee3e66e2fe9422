/**
 * The key layout of the `shares` table (the service README's "Table design" explains it): one
 * partition per share holding the share and everything derived from it (view markers, daily
 * counters, open reports, password-failure windows), so deleting a share is deleting one
 * partition. The indexes list an owner's shares and a reporter's reports (gsi1), a scenario's
 * shares and the reports still on their way to social (gsi2).
 */
export const sharePartition = (slug: string): string => `SHARE#${slug}`;
export const shareSortKey = 'SHARE';

export const ownerIndex = { name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' } as const;
export const scenarioIndex = { name: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' } as const;

export const ownerPartition = (ownerId: string): string => `OWNER#${ownerId}`;
export const scenarioPartition = (scenarioId: string): string => `SCENARIO#${scenarioId}`;

/** Newest first within an owner's or a scenario's shares: creation time (fixed width), then the slug. */
export function chronologicalKey(createdAt: string, slug: string): string {
  return `${new Date(createdAt).toISOString()}#${slug}`;
}
export const chronologicalKeyPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z#[A-Za-z0-9_-]{12}$/;

/**
 * The owner's default share of a scenario, by scenario and owner: what makes "one live share
 * per scenario" hold under concurrent creates without transactions (a conditional write on it).
 */
export const defaultSharePointerKey = (scenarioId: string, ownerId: string) =>
  ({ pk: scenarioPartition(scenarioId), sk: `DEFAULT#${ownerId}` }) as const;

/** First view of a visitor on a day: the de-duplication marker (expires after two days). */
export const viewMarkerSortKey = (day: string, visitor: string): string => `SEEN#${day}#${visitor}`;
/** One day's counters of a share. */
export const dailyStatsSortKey = (day: string): string => `STATS#${day}`;
export const dailyStatsPrefix = 'STATS#';
/** A reporter's open report on the share. */
export const openReportSortKey = (reporter: string): string => `REPORT#${reporter}`;
/** On the owner index: a signed-in reporter's reports, whoever's shares they are on (an account's purge). */
export const reporterPartition = (userId: string): string => `REPORTER#${userId}`;
/** On the scenario index: reports not yet acknowledged by social, oldest first (the report outbox). */
export const reportOutboxPartition = 'OUTBOX#reports';

/** The share's shares-and-views state owed to social (its version), while it waits in the signal outbox. */
export const signalsSortKey = 'SIGNALS';
/** On the scenario index: shares whose views social has not heard of yet, oldest first (the signal outbox). */
export const signalOutboxPartition = 'OUTBOX#signals';

/** A fixed-window failure counter (password guesses, reports) for one subject. */
export const limitKey = (scope: string, subject: string, window: number) =>
  ({ pk: `LIMIT#${scope}#${subject}`, sk: `WINDOW#${window}` }) as const;

/** The one item outside any share: the per-deployment key that hashes visitors. */
export const visitorKeyItemKey = { pk: 'CONFIG#visitor-key', sk: 'CONFIG#visitor-key' } as const;

/** DynamoDB's TTL attribute (epoch seconds) in the catalog: housekeeping, never relied on for correctness. */
export const ttlAttribute = 'expiresAt';
