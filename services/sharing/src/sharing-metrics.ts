import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

/** The sharing service's business metrics, on the service's own registry. */
export interface SharingMetrics {
  views: Counter<'outcome'>;
  ogRenders: Histogram;
  passwordAttempts: Counter<'outcome'>;
  reports: Counter<'outcome'>;
  moderationActions: Counter<'action' | 'outcome'>;
  purges: Counter<'kind'>;
  reportDeliveries: Counter<'outcome'>;
  reportOutboxPending: Gauge;
  reportOutboxOldestAge: Gauge;
  signalDeliveries: Counter<'outcome'>;
  signalOutboxPending: Gauge;
  signalOutboxOldestAge: Gauge;
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
    reportDeliveries: new Counter({
      name: 'sharing_report_deliveries_total',
      help: "Attempts to hand a report to social's moderation queue: delivered, failed (retried later)",
      labelNames: ['outcome'] as const,
      registers: [registry],
    }),
    reportOutboxPending: new Gauge({
      name: 'sharing_report_outbox_pending',
      help: 'Reports taken but not yet acknowledged by social, as of the last delivery pass',
      registers: [registry],
    }),
    reportOutboxOldestAge: new Gauge({
      name: 'sharing_report_outbox_oldest_age_seconds',
      help: 'Age of the oldest report not yet acknowledged by social (0 when none waits)',
      registers: [registry],
    }),
    signalDeliveries: new Counter({
      name: 'sharing_signal_deliveries_total',
      help: "Attempts to give social's trending a share's views: delivered, failed (retried later), gone (the share was deleted; its purge tells social)",
      labelNames: ['outcome'] as const,
      registers: [registry],
    }),
    signalOutboxPending: new Gauge({
      name: 'sharing_signal_outbox_pending',
      help: 'Shares with views social has not yet acknowledged, as of the last delivery pass',
      registers: [registry],
    }),
    signalOutboxOldestAge: new Gauge({
      name: 'sharing_signal_outbox_oldest_age_seconds',
      help: 'How long the share longest waiting in the signal outbox has waited (0 when none waits)',
      registers: [registry],
    }),
  };
}
