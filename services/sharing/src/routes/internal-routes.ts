import { purgeSenders } from '@what-if/catalog';
import {
  type ModerationAction,
  type OpenShareRequest,
  type OpenedShare,
  type PurgeInstruction,
  type ShareAvailability,
  moderationActionsPath,
  purgesPath,
} from '@what-if/contracts';
import { HttpProblem, allowCallers } from '@what-if/kit';
import { Router } from 'express';
import type { SharingDependencies } from '../dependencies';
import { checkSharePassword } from '../password-check';
import { resolvePublicShare } from '../public-share';
import type { ShareItem } from '../store/records';
import { viewerFingerprint } from '../visitors';
import { unreadableProblem } from './page-routes';

/**
 * Shares that go because their scenario or account went are deleted shares too: social holds
 * reports and cases about them, so each gets a share instruction of its own, recorded before
 * it goes (a repeat of the scenario's or account's instruction records them again, harmlessly).
 */
async function recordSharePurges(deps: SharingDependencies, shares: ShareItem[]): Promise<void> {
  for (const share of shares) await deps.purges.record('share', share.slug, share.ownerId);
  if (shares.length > 0) deps.purges.nudge();
}

/** What a purge instruction removes here, by kind. */
async function purge(deps: SharingDependencies, instruction: PurgeInstruction): Promise<string[]> {
  switch (instruction.kind) {
    case 'scenario': {
      await recordSharePurges(deps, await deps.store.allOfScenario(instruction.subjectId));
      const removed = await deps.store.purgeScenario(instruction.subjectId);
      deps.scenarios.forget(instruction.subjectId);
      return removed.shares;
    }
    case 'account': {
      await recordSharePurges(deps, await deps.store.allOfOwner(instruction.subjectId));
      const removed = await deps.store.purgeOwner(instruction.subjectId);
      await deps.store.forgetReporter(instruction.subjectId);
      return removed.shares;
    }
    case 'share':
      // Sharing's own instructions, which its relay applies rather than sends here.
      return (await deps.store.purgeShare(instruction.subjectId)).shares;
    case 'post':
      // Posts are social's; sharing derives nothing from them.
      return [];
  }
}

/**
 * What other services tell sharing, each through its sender's outbox (docs/cross-service.md),
 * each route narrowed to the service that may send it (the kit's guard checked the token):
 * safe to repeat, so every answer that means "nothing more to do" is 204 and the sender stops.
 */
export function internalRoutes(deps: SharingDependencies): Router {
  const router = Router();

  // Social's decisions about shares: a decision older than the one applied changes nothing, and
  // a share that no longer exists has nothing to hide.
  router.post(moderationActionsPath, allowCallers(deps.logger, 'social'), async (req, res) => {
    const action = req.body as ModerationAction;
    if (action.target.kind !== 'share') {
      throw new HttpProblem(422, `The sharing service holds shares only, not a ${action.target.kind}.`, {
        type: 'unprocessable',
      });
    }
    const outcome = await deps.store.applyModeration(action.target.id, action);
    deps.metrics.moderationActions.inc({ action: action.action, outcome });
    deps.logger.info(
      { moderationActionId: action.id, slug: action.target.id, action: action.action, outcome },
      'moderation action',
    );
    res.status(204).end();
  });

  // A signed-in viewer's service (video) opens a share as its page would for them: the same
  // checks, the same password and the same limits, counted against the viewer. Not a view.
  router.post('/internal/v1/shares/:slug/open', allowCallers(deps.logger, 'video'), async (req, res) => {
    const slug = String(req.params['slug']);
    const request = req.body as OpenShareRequest;
    let resolved = await resolvePublicShare(deps, slug, 'check');
    if (resolved.kind === 'protected') {
      if (request.password === undefined) {
        throw new HttpProblem(
          401,
          `The share ${slug} is protected by a password; send it to open the share.`,
          {
            type: 'share-password-required',
            title: 'Share password required',
          },
        );
      }
      const viewer = viewerFingerprint(await deps.visitorKey(), request.viewerId);
      const checked = await checkSharePassword(deps, resolved.share, request.password, viewer);
      if (checked.outcome === 'limited') {
        throw new HttpProblem(429, `Too many wrong passwords for the share ${slug}; try again later.`, {
          type: 'share-password-limited',
          title: 'Too many wrong passwords',
          headers: { 'Retry-After': String(checked.retryAfterSeconds) },
        });
      }
      if (checked.outcome === 'rejected') {
        throw new HttpProblem(401, `That is not the password of the share ${slug}.`, {
          type: 'share-password-wrong',
          title: 'Wrong share password',
        });
      }
      resolved = await resolvePublicShare(deps, slug, 'passed');
    }
    const unreadable = unreadableProblem(slug, resolved);
    if (unreadable) throw unreadable;
    if (resolved.kind !== 'readable') throw new Error(`share ${slug} resolved as ${resolved.kind}`);
    const opened: OpenedShare = {
      slug,
      ownerId: resolved.share.ownerId,
      scenario: resolved.content.scenario,
    };
    res.setHeader('Cache-Control', 'no-store');
    res.json(opened);
  });

  // Whether a share still shows its scenario, for copies made from it (a video): no password,
  // the copy's maker checked it when it opened the share.
  router.get(
    '/internal/v1/shares/:slug/availability',
    allowCallers(deps.logger, 'video'),
    async (req, res) => {
      const slug = String(req.params['slug']);
      const resolved = await resolvePublicShare(deps, slug, 'passed');
      const availability: ShareAvailability = {
        slug,
        status:
          resolved.kind === 'missing' ? 'missing' : resolved.kind === 'gone' ? resolved.reason : 'available',
      };
      res.setHeader('Cache-Control', 'no-store');
      res.json(availability);
    },
  );

  // A deleted scenario, account or share: everything sharing holds about it goes, at once.
  router.post(purgesPath, allowCallers(deps.logger, ...purgeSenders('sharing')), async (req, res) => {
    const instruction = req.body as PurgeInstruction;
    const shares = await purge(deps, instruction);
    deps.metrics.purges.inc({ kind: instruction.kind });
    deps.logger.info(
      { purgeId: instruction.id, kind: instruction.kind, origin: instruction.origin, shares: shares.length },
      'purge applied',
    );
    res.status(204).end();
  });

  return router;
}
