import type { ModerationActionKind } from '@what-if/contracts';
import { HttpProblem, authenticate, requirePermission, requirePrincipal } from '@what-if/kit';
import { Router } from 'express';
import type { SocialDependencies } from '../dependencies';
import { pageBody, readPageQuery } from '../page-query';
import type { CaseItem, CaseStatus, DecisionItem } from '../store/moderation-queue';

function caseView(item: CaseItem) {
  return {
    caseId: item.caseId,
    target: item.target,
    ownerId: item.ownerId,
    status: item.status,
    reports: item.reports,
    voices: item.voices,
    weight: item.weight,
    reasons: item.reasons,
    firstReportedAt: item.firstReportedAt,
    lastReportedAt: item.lastReportedAt,
    lastDecision: item.lastDecision ?? null,
  };
}

const decisionView = (item: DecisionItem) => ({
  ...item.decision,
  moderatorId: item.decision.moderatorId ?? null,
});

/** The moderators' queue: cases by status, one case with its audit trail, and decisions. */
export function moderationRoutes(deps: SocialDependencies): Router {
  const router = Router();
  const moderator = [
    authenticate({ verifier: deps.verifier, logger: deps.logger, required: true }),
    requirePermission('content:moderate', deps.logger),
  ];
  const noSuchCase = (caseId: string) =>
    new HttpProblem(404, `There is no moderation case with the id ${caseId}.`);

  router.get('/api/v1/social/moderation/cases', ...moderator, async (req, res) => {
    const status = (req.query['status'] ?? 'open') as CaseStatus;
    const page = readPageQuery(req);
    const cases = await deps.store.cases({ status, ...page });
    res.setHeader('Cache-Control', 'no-store');
    res.json(pageBody(cases, caseView));
  });

  router.get('/api/v1/social/moderation/cases/:caseId', ...moderator, async (req, res) => {
    const caseId = String(req.params['caseId']);
    const found = await deps.store.case(caseId);
    if (!found) throw noSuchCase(caseId);
    const decisions = await deps.store.decisions(caseId, 50);
    res.setHeader('Cache-Control', 'no-store');
    res.json({ ...caseView(found), decisions: decisions.map(decisionView) });
  });

  router.post('/api/v1/social/moderation/cases/:caseId/decisions', ...moderator, async (req, res) => {
    const me = requirePrincipal(res);
    const caseId = String(req.params['caseId']);
    const body = req.body as { action: ModerationActionKind | 'dismiss'; reason: string };
    const decided = await deps.moderation.decide(caseId, {
      ...body,
      reason: body.reason.trim(),
      moderatorId: me.userId,
    });
    if (!decided) throw noSuchCase(caseId);
    res.setHeader('Cache-Control', 'no-store');
    res.json(caseView(decided));
  });

  return router;
}
