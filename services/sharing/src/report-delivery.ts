import { randomUUID } from 'node:crypto';
import { type ReportSubmission, reportsPath } from '@what-if/contracts';
import type { Logger, ServiceClient } from '@what-if/kit';
import { createOutboxPoller } from './outbox-poller';
import type { SharingMetrics } from './sharing-metrics';
import type { PendingReport } from './store/reports';
import type { ShareStore } from './store/share-store';

/**
 * Reports reach social's one moderation queue (`POST /internal/v1/reports`) through an outbox in
 * sharing's own table (docs/cross-service.md §3): a report is recorded before the reporter is
 * answered and listed as pending until social acknowledges it, so a report taken while social is
 * down or restarting is delivered when it is back, by whichever replica gets to it first. The
 * report's id makes a repeated delivery harmless.
 */
export interface ReportDelivery {
  /** Starts delivering: at once, then every `pollMs`, and at once after each new report. */
  start(): void;
  /** A new report is waiting: deliver it now rather than at the next poll. */
  nudge(): void;
  /** One pass over what is due; resolves with how many were delivered (tests, shutdown). */
  deliverDue(): Promise<number>;
  /** Stops polling and waits for a pass under way. */
  stop(): Promise<void>;
}

export interface ReportDeliveryOptions {
  store: Pick<ShareStore, 'pendingReports' | 'leaseReport' | 'postponeReport' | 'reportDelivered'>;
  social: ServiceClient;
  logger: Logger;
  metrics: SharingMetrics;
  /** How often a replica looks for reports that are due (2 s). */
  pollMs?: number;
  /** The longest wait between two attempts at one report (30 s). */
  maxBackoffMs?: number;
  /** Reports one pass delivers at most (25). */
  batch?: number;
  now?: () => number;
}

/** Exponential backoff from 1 s, capped, with jitter so replicas and reports spread out. */
export function nextAttemptDelay(attempts: number, maxBackoffMs: number, random = Math.random): number {
  const ceiling = Math.min(maxBackoffMs, 1_000 * 2 ** Math.min(attempts, 16));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

export function createReportDelivery(options: ReportDeliveryOptions): ReportDelivery {
  const pollMs = options.pollMs ?? 2_000;
  const maxBackoffMs = options.maxBackoffMs ?? 30_000;
  const batch = options.batch ?? 25;
  const now = options.now ?? Date.now;
  // Longer than one delivery with its retries can take, so a lease outlives the attempt it guards.
  const leaseMs = 30_000;
  const holder = randomUUID();
  const { store, social, logger, metrics } = options;

  async function deliver(report: ReportSubmission): Promise<boolean> {
    try {
      const response = await social.request({
        method: 'POST',
        path: reportsPath,
        body: report,
        idempotent: true,
      });
      if (response.status >= 200 && response.status < 300) return true;
      logger.warn(
        { reportId: report.id, status: response.status },
        'social refused a report; it will be retried',
      );
    } catch (error) {
      logger.warn({ err: error, reportId: report.id }, 'a report could not reach social; it will be retried');
    }
    return false;
  }

  async function attempt(entry: PendingReport): Promise<boolean> {
    if (!(await store.leaseReport(entry, holder, now(), leaseMs))) return false;
    if (await deliver(entry.submission)) {
      await store.reportDelivered(entry);
      metrics.reportDeliveries.inc({ outcome: 'delivered' });
      return true;
    }
    metrics.reportDeliveries.inc({ outcome: 'failed' });
    await store.postponeReport(entry, holder, now() + nextAttemptDelay(entry.attempts, maxBackoffMs));
    return false;
  }

  async function pass(): Promise<number> {
    const waiting = await store.pendingReports(now(), batch);
    let delivered = 0;
    // One at a time: a few reports a minute, and a down social is not hammered in parallel.
    for (const entry of waiting.due) if (await attempt(entry)) delivered += 1;
    const left = waiting.pending - delivered;
    metrics.reportOutboxPending.set(left);
    metrics.reportOutboxOldestAge.set(
      left > 0 && waiting.oldestReportedAt
        ? Math.max(0, (now() - Date.parse(waiting.oldestReportedAt)) / 1000)
        : 0,
    );
    return delivered;
  }

  const poller = createOutboxPoller({
    pass,
    pollMs,
    logger,
    failure: 'the report outbox could not be read; retrying',
  });
  return {
    start: () => poller.start(),
    nudge: () => poller.nudge(),
    deliverDue: () => poller.runDue(),
    stop: () => poller.stop(),
  };
}
