/**
 * Experience points as data: what each product event is worth, what makes two events "the
 * same" (an award is made once per key, ever: the anti-farming rule), how many awards a day
 * earn points, and which achievement counters the event moves. The service README's
 * "Experience, levels and the leaderboard" explains the table.
 */

/** The counters achievements are measured on (kept per user, moved only by awarded events). */
export const activityCounters = [
  'scenariosSaved',
  'vietnameseScenarios',
  'postsPublished',
  'sharesCreated',
  'likesReceived',
  'commentsReceived',
  'commentsWritten',
  'followersGained',
  'streakDays',
] as const;
export type ActivityCounter = (typeof activityCounters)[number];

/** Something a user did or received, as social sees it once the write it describes succeeded. */
export type ActivityEvent =
  | { kind: 'scenario-saved'; userId: string; scenarioId: string; language?: 'en' | 'vi' }
  | { kind: 'share-created'; userId: string; scenarioId: string }
  | { kind: 'post-published'; userId: string; scenarioId: string }
  /** `target` is the liked thing as the rule counts it: a post by its scenario, or a comment. */
  | { kind: 'like-received'; userId: string; likerId: string; target: string }
  | { kind: 'comment-received'; userId: string; commenterId: string; scenarioId: string }
  | { kind: 'comment-written'; userId: string; commentId: string }
  | { kind: 'follower-gained'; userId: string; followerId: string };
export type ActivityKind = ActivityEvent['kind'];

export interface ExperienceRule {
  points: number;
  /** Points are earned by the first this-many awards of a UTC day; later ones still count for achievements. */
  dailyCap?: number;
  /** Whether the user's own action (not something they received): it keeps a daily streak alive. */
  keepsStreak: boolean;
  /** The counters every such event moves. */
  counters: readonly ActivityCounter[];
  /** Those it moves besides when its scenario is in Vietnamese (the event says which language). */
  inVietnamese?: readonly ActivityCounter[];
}

export const experienceRules: Record<ActivityKind, ExperienceRule> = {
  'scenario-saved': {
    points: 5,
    dailyCap: 10,
    keepsStreak: true,
    counters: ['scenariosSaved'],
    inVietnamese: ['vietnameseScenarios'],
  },
  'share-created': { points: 10, dailyCap: 5, keepsStreak: true, counters: ['sharesCreated'] },
  'post-published': { points: 20, dailyCap: 5, keepsStreak: true, counters: ['postsPublished'] },
  'like-received': { points: 2, keepsStreak: false, counters: ['likesReceived'] },
  'comment-received': { points: 3, keepsStreak: false, counters: ['commentsReceived'] },
  'comment-written': { points: 1, dailyCap: 10, keepsStreak: true, counters: ['commentsWritten'] },
  'follower-gained': { points: 5, keepsStreak: false, counters: ['followersGained'] },
};

/** The activity counters an awarded event moves (its award row keeps them, for the reconciler). */
export function countersMovedBy(event: ActivityEvent): ActivityCounter[] {
  const rule = experienceRules[event.kind];
  const vietnamese = event.kind === 'scenario-saved' && event.language === 'vi';
  return [...rule.counters, ...(vietnamese ? (rule.inVietnamese ?? []) : [])];
}

/** A day of a streak is worth this much per consecutive day, up to `maxDays` days' worth. */
export const streakBonus = { pointsPerDay: 5, maxDays: 7 } as const;

/**
 * What makes an event the same as an earlier one. Keys are per user and kept for good, so a
 * like taken back and given again, a post deleted and published again (same scenario), or a
 * delivery repeated by another service earns nothing the second time.
 */
export function awardKey(event: ActivityEvent): string {
  switch (event.kind) {
    case 'scenario-saved':
    case 'share-created':
    case 'post-published':
      return `${event.kind}#${event.scenarioId}`;
    case 'like-received':
      return `${event.kind}#${event.target}#${event.likerId}`;
    case 'comment-received':
      // One comment's worth per commenter and scenario: a thread of ten replies earns once.
      return `${event.kind}#${event.scenarioId}#${event.commenterId}`;
    case 'comment-written':
      return `${event.kind}#${event.commentId}`;
    case 'follower-gained':
      return `${event.kind}#${event.followerId}`;
  }
}

/** Who did it to the user, for what a user receives: nobody earns from their own likes, comments or follows. */
export function otherPartyOf(event: ActivityEvent): string | undefined {
  switch (event.kind) {
    case 'like-received':
      return event.likerId;
    case 'comment-received':
      return event.commenterId;
    case 'follower-gained':
      return event.followerId;
    default:
      return undefined;
  }
}
