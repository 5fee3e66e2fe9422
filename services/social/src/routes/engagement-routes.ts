import { type EngagementEvent, engagementEventsPath } from '@what-if/contracts';
import { allowCallers, authenticate, principalOf } from '@what-if/kit';
import { Router } from 'express';
import type { SocialDependencies } from '../dependencies';
import { achievements } from '../engagement/achievements';
import { addDays, utcDay, windowDays } from '../engagement/days';
import { windowSum } from '../engagement/leaderboard-refresh';
import { decodeLeaderboardCursor, encodeLeaderboardCursor } from '../engagement/leaderboard-cursor';
import { levelFor } from '../engagement/levels';
import { pageLimits } from '../page-query';
import type { Board } from '../store/engagement-store';

/** Experience and levels, the leaderboards, achievements, and the events other services send. */
export function engagementRoutes(deps: SocialDependencies): Router {
  const router = Router();
  const anyone = authenticate({ verifier: deps.verifier, logger: deps.logger, required: false });
  const store = deps.engagementStore;

  router.get('/api/v1/social/users/:userId/experience', anyone, async (req, res) => {
    const userId = String(req.params['userId']);
    const today = utcDay(new Date());
    // The windows from the day totals, so they are exact at once (the boards follow in the background).
    const [stats, dayTotals] = await Promise.all([
      store.stats(userId),
      store.dayPoints(userId, addDays(today, 1 - windowDays['30d']), today),
    ]);
    // A streak is alive while its last day is today or yesterday.
    const streakAlive = stats.lastActiveDay !== undefined && stats.lastActiveDay >= addDays(today, -1);
    res.setHeader('Cache-Control', 'no-store');
    res.json({
      userId,
      points: stats.points,
      ...levelFor(stats.points),
      streakDays: streakAlive ? stats.counters.streakDays : 0,
      windows: {
        '7d': windowSum(dayTotals, today, windowDays['7d']),
        '30d': windowSum(dayTotals, today, windowDays['30d']),
      },
    });
  });

  router.get('/api/v1/social/leaderboard', anyone, async (req, res) => {
    const board = (req.query['window'] as Board | undefined) ?? 'all';
    const limit = req.query['limit'] === undefined ? pageLimits.default : Number(req.query['limit']);
    const cursor = req.query['cursor'];
    const from = typeof cursor === 'string' ? decodeLeaderboardCursor(cursor) : undefined;
    const day = utcDay(new Date());
    const page = await store.boardPage({ board, day, limit, ...(from ? { after: from.after } : {}) });
    let seen = from?.seen ?? 0;
    let rank = from?.rank ?? 0;
    let lastScore = from?.score ?? Number.POSITIVE_INFINITY;
    const items = page.items.map((entry) => {
      seen += 1;
      // Competition ranking: equal scores share a rank, the next score takes its position.
      if (entry.score !== lastScore) rank = seen;
      lastScore = entry.score;
      return { rank, userId: entry.userId, points: entry.score };
    });
    const last = page.items[page.items.length - 1];
    const me = principalOf(res)?.userId;
    const mine = me ? await store.boardEntry({ board, day, userId: me }) : undefined;
    res.setHeader('Cache-Control', 'no-store');
    res.json({
      window: board,
      items,
      nextCursor:
        page.after && last
          ? encodeLeaderboardCursor({ after: last.position, seen, rank, score: last.score })
          : null,
      me: mine
        ? { rank: 1 + (await store.countAbove({ board, day, score: mine.score })), points: mine.score }
        : null,
    });
  });

  router.get('/api/v1/social/users/:userId/achievements', anyone, async (req, res) => {
    const userId = String(req.params['userId']);
    const own = principalOf(res)?.userId === userId;
    const [unlocked, stats] = await Promise.all([
      store.unlockedAchievements(userId),
      own ? store.stats(userId) : undefined,
    ]);
    const unlockedAt = new Map(unlocked.map((entry) => [entry.achievementId, entry.unlockedAt]));
    // Others see what was unlocked; the owner sees every achievement and how far along they are.
    const shown = own ? achievements : achievements.filter((entry) => unlockedAt.has(entry.id));
    res.setHeader('Cache-Control', 'no-store');
    res.json({
      items: shown.map((entry) => ({
        id: entry.id,
        name: entry.name,
        description: entry.description,
        rarity: entry.rarity,
        points: entry.points,
        unlockedAt: unlockedAt.get(entry.id) ?? null,
        progress: stats
          ? {
              current: Math.min(stats.counters[entry.rule.counter], entry.rule.atLeast),
              target: entry.rule.atLeast,
            }
          : null,
      })),
    });
  });

  router.post(engagementEventsPath, allowCallers(deps.logger, 'history', 'sharing'), async (req, res) => {
    const event = req.body as EngagementEvent;
    // The day it happened counts, never one still to come.
    const at = new Date(Math.min(Date.parse(event.occurredAt), Date.now()));
    await deps.engagement.apply(
      event.kind === 'scenario-saved'
        ? {
            kind: 'scenario-saved',
            userId: event.userId,
            scenarioId: event.scenarioId,
            ...(event.language ? { language: event.language } : {}),
          }
        : { kind: 'share-created', userId: event.userId, scenarioId: event.scenarioId },
      at,
    );
    deps.logger.debug({ eventId: event.id, kind: event.kind }, 'engagement event applied');
    res.status(204).end();
  });

  return router;
}
