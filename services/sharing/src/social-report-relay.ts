import { reportsPath } from '@what-if/contracts';
import { type ServiceClient, UpstreamError } from '@what-if/kit';
import type { ReportRelay } from './report-relay';

/** Delivers a report to social's queue; the report id makes a retried delivery harmless. */
export function createSocialReportRelay(options: { social: ServiceClient }): ReportRelay {
  return {
    async submit(report) {
      const response = await options.social.request({
        method: 'POST',
        path: reportsPath,
        body: report,
        idempotent: true,
      });
      if (response.status >= 300) {
        throw new UpstreamError('social', 502, `The social service refused a report (${response.status}).`);
      }
    },
  };
}
