import type { Logger, TokenVerifier } from '@what-if/kit';
import type { Moderation } from './moderation';
import type { ScenarioSource } from './scenario-source';
import type { SocialStore } from './store/social-store';

/** What the social routes need, built once by service.ts (and by tests against real stores). */
export interface SocialDependencies {
  store: SocialStore;
  verifier: TokenVerifier;
  logger: Logger;
  scenarios: ScenarioSource;
  moderation: Moderation;
}
