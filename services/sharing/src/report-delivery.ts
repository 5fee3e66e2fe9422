import { reportsPath } from '@what-if/contracts';
import {
  type Logger,
  type OutboxRelay,
  type ServiceClient,
  createOutboxRelay,
  namedBacklogGauges,
  outboxRetryDelay,
} from '@what-if/kit';
import type { Registry } from 'prom-client';
import type { WaitingReport } from './store/reports';
import type { ShareStore } from './store/share-store';

/**
 * Reports reach social's one moderation queue (`POST /internal/v1/reports`) through an outbox in
 * sharing's own table (docs/cross-service.md §3): a report is recorded before the reporter is
 * answered and listed as pending until social acknowledges it, so a report taken while social is
 * down or restarting is delivered when it is back, by whichever replica gets to it first. The
 * report's id makes a repeated delivery harmless. The relay is the kit's (`outbox="reports"`).
 */
export interface ReportDeliveryOptions {
  store: Pick<ShareStore, 'reportOutbox'>;
  social: ServiceClient;
  logger: Logger;
  registry: Registry;
  /** How often a replica looks for reports that are due (2 s). */
  pollMs?: number;
}

/** The backoff between attempts at one report (the kit's, for every outbox). */
export const nextAttemptDelay = outboxRetryDelay;

export function createReportDelivery(options: ReportDeliveryOptions): OutboxRelay {
  const { store, social, logger } = options;
  const relay = createOutboxRelay<WaitingReport>({
    name: 'reports',
    store: store.reportOutbox,
    async deliver(report) {
      try {
        const response = await social.request({
          method: 'POST',
          path: reportsPath,
          body: report.submission,
          idempotent: true,
        });
        if (response.status >= 200 && response.status < 300) return 'delivered';
        logger.warn(
          { reportId: report.id, status: response.status },
          'social refused a report; it will be retried',
        );
      } catch (error) {
        logger.warn(
          { err: error, reportId: report.id },
          'a report could not reach social; it will be retried',
        );
      }
      return 'failed';
    },
    logger,
    registry: options.registry,
    pollMs: options.pollMs ?? 2_000,
  });
  // The outbox's figures under the names dashboards and queries read before every outbox had the kit's.
  namedBacklogGauges({
    registry: options.registry,
    pending: {
      name: 'sharing_report_outbox_pending',
      help: 'Reports taken but not yet acknowledged by social (also outbox_pending{outbox="reports"})',
    },
    oldestAge: {
      name: 'sharing_report_outbox_oldest_age_seconds',
      help: 'Age of the oldest report not yet acknowledged by social, 0 when none waits (also outbox_oldest_age_seconds{outbox="reports"})',
    },
    backlog: () => relay.backlog(),
  });
  return relay;
}
