import { Counter, Histogram, type Registry } from 'prom-client';

/** The sharing service's business metrics, on the service's own registry. */
export interface SharingMetrics {
  views: Counter<'outcome'>;
  ogRenders: Histogram;
  passwordAttempts: Counter<'outcome'>;
  reports: Counter<'outcome'>;
  moderationActions: Counter<'action' | 'outcome'>;
  purges: Counter<'kind'>;
}

export function createSharingMetrics(registry: Registry): SharingMetrics {
  return {
    views: new Counter({
      name: 'sharing_views_total',
      help: 'Share page views by outcome: counted (first of the visitor today), repeat, bot, gone (deleted meanwhile), dropped (too many waiting), failed',
      labelNames: ['outcome'] as const,
      registers: [registry],
    }),
    ogRenders: new Histogram({
      name: 'sharing_og_image_render_seconds',
      help: 'Time to draw and encode one 1200x630 preview image (cache misses only)',
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2],
      registers: [registry],
    }),
    passwordAttempts: new Counter({
      name: 'sharing_password_attempts_total',
      help: 'Password attempts on protected shares: accepted, rejected, limited (refused by the rate limit)',
      labelNames: ['outcome'] as const,
      registers: [registry],
    }),
    reports: new Counter({
      name: 'sharing_reports_total',
      help: 'Reports taken from share pages: accepted, repeat (the reporter already has one open), limited',
      labelNames: ['outcome'] as const,
      registers: [registry],
    }),
    moderationActions: new Counter({
      name: 'sharing_moderation_actions_total',
      help: 'Moderation decisions received from social, by action and outcome (applied, stale, unknown)',
      labelNames: ['action', 'outcome'] as const,
      registers: [registry],
    }),
    purges: new Counter({
      name: 'sharing_purges_total',
      help: 'Purge instructions applied, by kind (account, scenario, share, post); repeats included',
      labelNames: ['kind'] as const,
      registers: [registry],
    }),
  };
}
