import type { PurgeKind } from '@what-if/catalog';
import type { ActivityReporter, Logger, OutboxRelay, TokenVerifier } from '@what-if/kit';
import type { AccountDirectory } from './account-directory';
import type { PreviewImages } from './images/og-image';
import type { ShareLinks } from './links';
import type { ScenarioSource } from './scenario-source';
import type { SharingMetrics } from './sharing-metrics';
import type { WindowLimit } from './store/rate-limits';
import type { ShareStore } from './store/share-store';
import type { ViewCounter } from './view-counter';

/** What the sharing routes need, built once by service.ts (and by tests against real stores). */
export interface SharingDependencies {
  store: ShareStore;
  scenarios: ScenarioSource;
  /** Owners' and reporters' accounts as the user service holds them (cached, 30 s at most). */
  accounts: AccountDirectory;
  verifier: TokenVerifier;
  logger: Logger;
  metrics: SharingMetrics;
  links: ShareLinks;
  previews: PreviewImages;
  views: ViewCounter;
  /** Deleted shares on their way to social (docs/cross-service.md §2). */
  purges: {
    record(kind: PurgeKind, subjectId: string, ownerId: string): Promise<unknown>;
    nudge(): void;
  };
  /** Shares created, reported to social (experience points), best effort. */
  activity: ActivityReporter;
  /** Takes recorded reports to social's queue. */
  reports: Pick<OutboxRelay, 'nudge'>;
  limits: {
    passwordPerShare: WindowLimit;
    passwordPerClient: WindowLimit;
    reportsPerNetwork: WindowLimit;
  };
  /** The header the edge puts the viewer's country in (CloudFront-Viewer-Country). */
  countryHeader: string;
  /** The key that hashes visitors: the deployment's own, read once. */
  visitorKey: () => Promise<Buffer>;
}
