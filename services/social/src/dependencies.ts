import type { PurgeKind } from '@what-if/catalog';
import type { Logger, TokenVerifier } from '@what-if/kit';
import type { Engagement } from './engagement/engagement';
import type { Moderation } from './moderation';
import type { ProfileDirectory } from './profile-directory';
import type { Notifier } from './notifications/notifier';
import type { ScenarioSource } from './scenario-source';
import type { EngagementStore } from './store/engagement-store';
import type { NotificationStore } from './store/notification-store';
import type { SocialStore } from './store/social-store';
import type { Trending } from './trending';

/** What the social routes need, built once by service.ts (and by tests against real stores). */
export interface SocialDependencies {
  store: SocialStore;
  verifier: TokenVerifier;
  logger: Logger;
  scenarios: ScenarioSource;
  moderation: Moderation;
  /** Deleted posts, recorded before they go and completed by the relay (docs/cross-service.md §2). */
  purges: {
    record(kind: PurgeKind, subjectId: string, ownerId: string): Promise<unknown>;
    nudge(): void;
  };
  /** Names, bios and avatars, from the user service (cached briefly). */
  profiles: ProfileDirectory;
  /** The trending rankings, shared by the replicas through the table. */
  trending: Trending;
  /** Experience, achievements and leaderboards (src/engagement), and their data access. */
  engagement: Engagement;
  engagementStore: EngagementStore;
  /** Notifications (src/notifications), and their data access. */
  notifier: Notifier;
  notificationStore: NotificationStore;
}
