import { randomUUID } from 'node:crypto';
import { type ReportReason, type ReportSubmission, visitorHash } from '@what-if/contracts';
import { HttpProblem, authenticate, principalOf } from '@what-if/kit';
import { type Request, type Response, Router } from 'express';
import { clientAddress } from '../client-address';
import type { SharingDependencies } from '../dependencies';
import { pageContentSecurityPolicy } from '../pages/layout';
import { reportedPage } from '../pages/share-pages';
import type { ShareItem } from '../store/records';
import { shareState } from '../store/records';

interface ReportRequest {
  reason: ReportReason;
  note?: string;
}

type ReportOutcome =
  { outcome: 'accepted' | 'repeat'; id: string } | { outcome: 'limited'; retryAfterSeconds: number };

/**
 * Takes one report on a share: limited per reporter network, one open report per reporter (the
 * signed-in user, else the network). The report is recorded with what social needs in one write
 * before the reporter is answered; the report delivery takes it to the moderation queue from
 * there, whether or not social is up at this moment. A repeat answers the open report's id.
 */
async function takeReport(
  deps: SharingDependencies,
  req: Request,
  res: Response,
  share: ShareItem,
  sent: ReportRequest,
): Promise<ReportOutcome> {
  const userId = principalOf(res)?.userId;
  const network = visitorHash(clientAddress(req));
  const limit = await deps.store.countEvent(deps.limits.reportsPerNetwork, network);
  if (limit.exceeded) {
    deps.metrics.reports.inc({ outcome: 'limited' });
    return { outcome: 'limited', retryAfterSeconds: limit.retryAfterSeconds };
  }
  const reporter = userId ? `user:${userId}` : `network:${network}`;
  // How long the reporter has had an account: social weighs reports from new accounts less.
  const account = userId ? await deps.accounts.status(userId) : undefined;
  const note = sent.note?.trim();
  const submission: ReportSubmission = {
    id: randomUUID(),
    target: { service: 'sharing', kind: 'share', id: share.slug },
    ownerId: share.ownerId,
    reporter: {
      ...(userId ? { userId } : {}),
      visitorHash: network,
      ...(account?.live ? { accountCreatedAt: account.joinedAt } : {}),
    },
    reason: sent.reason,
    ...(note ? { note } : {}),
    reportedAt: new Date().toISOString(),
  };
  const opened = await deps.store.openReport(share.slug, reporter, submission);
  if (!opened.opened) {
    deps.metrics.reports.inc({ outcome: 'repeat' });
    return { outcome: 'repeat', id: opened.existing.id };
  }
  deps.reports.nudge();
  deps.metrics.reports.inc({ outcome: 'accepted' });
  return { outcome: 'accepted', id: submission.id };
}

/** Shares that can be reported: live ones, hidden ones included (reports still inform the review). */
function reportable(share: ShareItem | undefined): share is ShareItem {
  return share !== undefined && shareState(share, new Date()) === 'live' && share.moderation !== 'removed';
}

/** Reports on shares, from the API (JSON) and from the page's form (no JavaScript needed). */
export function reportRoutes(deps: SharingDependencies): Router {
  const router = Router();
  const anyone = authenticate({ verifier: deps.verifier, logger: deps.logger, required: false });

  router.post('/api/v1/shares/:slug/reports', anyone, async (req, res) => {
    const slug = String(req.params['slug']);
    const share = await deps.store.read(slug);
    if (!reportable(share)) throw new HttpProblem(404, `There is no share with the slug ${slug} to report.`);
    const taken = await takeReport(deps, req, res, share, req.body as ReportRequest);
    if (taken.outcome === 'limited') {
      throw new HttpProblem(429, 'Too many reports from your network; try again later.', {
        type: 'too-many-requests',
        headers: { 'Retry-After': String(taken.retryAfterSeconds) },
      });
    }
    res.setHeader('Cache-Control', 'no-store');
    res
      .status(taken.outcome === 'accepted' ? 202 : 200)
      .json({ id: taken.id, status: taken.outcome === 'accepted' ? 'received' : 'already-open' });
  });

  router.post('/s/:slug/report', anyone, async (req, res) => {
    const slug = String(req.params['slug']);
    const share = await deps.store.read(slug);
    if (!reportable(share)) throw new HttpProblem(404, `There is no share with the slug ${slug} to report.`);
    const taken = await takeReport(deps, req, res, share, req.body as ReportRequest);
    res.status(taken.outcome === 'accepted' ? 202 : taken.outcome === 'repeat' ? 200 : 429);
    if (taken.outcome === 'limited') res.setHeader('Retry-After', String(taken.retryAfterSeconds));
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.setHeader('Content-Security-Policy', pageContentSecurityPolicy);
    res.setHeader('Cache-Control', 'no-store');
    res.send(reportedPage(share, taken.outcome, deps.links));
  });

  return router;
}
