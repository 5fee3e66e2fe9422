import type { PurgeKind } from '@what-if/catalog';
import type { ActivityReporter, Logger, TokenVerifier } from '@what-if/kit';
import type { HistoryMetrics } from './history-metrics';
import type { ScenarioStore } from './store/scenario-store';

/** What the history's routes need, built once by service.ts (and by tests against real stores). */
export interface HistoryDependencies {
  store: ScenarioStore;
  verifier: TokenVerifier;
  logger: Logger;
  metrics: HistoryMetrics;
  /** Deleted scenarios on their way to every service that shows them (docs/cross-service.md §2). */
  purges: {
    record(kind: PurgeKind, subjectId: string, ownerId: string): Promise<unknown>;
    nudge(): void;
  };
  /** Saved scenarios reported to social (experience points), best effort. */
  activity: ActivityReporter;
  /** The key that signs list cursors: the configured secret, or the deployment's own. */
  cursorKey: () => Promise<Buffer>;
}
