import type { Logger, TokenVerifier } from '@what-if/kit';
import type { ProgressFeed } from './jobs/progress-feed';
import type { VideoMetrics } from './jobs/video-metrics';
import type { VideoQueue } from './jobs/video-queue';
import type { Quotas } from './quota';
import type { ScenarioSource } from './scenario-source';
import type { ShareAvailabilityCheck } from './share-availability';
import type { VideoStore } from './store/video-store';
import type { LocalStorage } from './storage/local-storage';
import type { VideoStorage } from './storage/video-storage';

/** What the API's routes need, built once by service.ts (and by tests against real stores). */
export interface VideoDependencies {
  store: VideoStore;
  queue: VideoQueue;
  feed: ProgressFeed;
  storage: VideoStorage;
  /** The same storage when it is local: the API then serves the files itself. */
  localStorage: LocalStorage | undefined;
  scenarios: ScenarioSource;
  /** Whether a video made from a share may still be served. */
  shares: ShareAvailabilityCheck;
  quotas: Quotas;
  verifier: TokenVerifier;
  metrics: VideoMetrics;
  logger: Logger;
  heartbeatMs: number;
}
