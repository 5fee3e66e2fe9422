/** The windows trending is ranked over, and how long each is. */
export const trendingWindows = { '1d': 1, '7d': 7, '30d': 30 } as const;
export type TrendingWindow = keyof typeof trendingWindows;

const hourMs = 3_600_000;

/** What each kind of engagement is worth: a comment or a share asks more of a reader than a like. */
export const engagementWeights = { likes: 1, comments: 3, shares: 5, views: 0.2 } as const;

export interface Engagement {
  likes: number;
  comments: number;
  shares: number;
  views: number;
}

/** A post's engagement loses half its weight every quarter of the window (6 h over 1 d, 42 h over 7 d, 7.5 d over 30 d). */
export function halfLifeHours(window: TrendingWindow): number {
  return (trendingWindows[window] * 24) / 4;
}

/**
 * The trending score of a post published `ageMs` ago: its weighted engagement, halved for every
 * half-life of its age. Only posts published within the window are ranked, so every like,
 * comment, share or view a post has happened within it.
 */
export function trendingScore(engagement: Engagement, ageMs: number, window: TrendingWindow): number {
  const weighted =
    engagementWeights.likes * Math.max(0, engagement.likes) +
    engagementWeights.comments * Math.max(0, engagement.comments) +
    engagementWeights.shares * Math.max(0, engagement.shares) +
    engagementWeights.views * Math.max(0, engagement.views);
  return weighted * 2 ** (-Math.max(0, ageMs) / hourMs / halfLifeHours(window));
}
