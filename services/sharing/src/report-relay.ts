import type { ReportSubmission } from '@what-if/contracts';

/**
 * Hands reports to the one moderation queue (social's `POST /internal/v1/reports`). Submitting
 * records the report durably first; delivery follows and is retried until social acknowledges.
 * The report's id makes a repeat harmless at every step.
 */
export interface ReportRelay {
  submit(report: ReportSubmission): Promise<void>;
}
