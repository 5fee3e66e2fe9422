import { purgeSenders } from '@what-if/catalog';
import {
  type ModerationAction,
  type PurgeInstruction,
  type SaveScenarioRequest,
  moderationActionsPath,
  purgesPath,
} from '@what-if/contracts';
import { HttpProblem, allowCallers, logSecurityEvent, validationProblem } from '@what-if/kit';
import { Router } from 'express';
import type { HistoryDependencies } from '../dependencies';

/**
 * For other services (the kit's guard in front of /internal/ admits only the catalog's callers,
 * by their service tokens; the gateway routes nothing here). Generation saves a scenario for
 * the user whose access token it verified (safe to retry: the id decides, so a retry never
 * makes a second row); sharing reads a scenario and its owner; the user service relays
 * deleted accounts.
 */
export function internalRoutes(deps: HistoryDependencies): Router {
  const router = Router();

  router.put('/internal/v1/scenarios/:id', allowCallers(deps.logger, 'generation'), async (req, res) => {
    // The contract's Scenario is the contracts' scenarioSchema (a test keeps them equal): checked once, there.
    const { ownerId, scenario } = req.body as SaveScenarioRequest;
    if (scenario.id !== req.params['id']) {
      throw validationProblem([{ path: '/body/scenario/id', message: 'must equal the id in the path' }]);
    }
    const saved = await deps.store.save(ownerId, scenario);
    deps.metrics.saves.inc({ outcome: saved.outcome === 'owned-by-another' ? 'conflict' : saved.outcome });
    if (saved.outcome === 'owned-by-another') {
      logSecurityEvent(deps.logger, 'authorization', 'denied', {
        userId: ownerId,
        reason: 'scenario id held by another user',
        path: req.path,
      });
      throw new HttpProblem(
        409,
        `Another user's scenario already has the id ${scenario.id}; save it under a new id.`,
      );
    }
    if (saved.outcome === 'created') {
      deps.activity.report({
        kind: 'scenario-saved',
        userId: ownerId,
        scenarioId: scenario.id,
        language: scenario.language,
      });
    }
    res.setHeader('Cache-Control', 'no-store');
    res.status(saved.outcome === 'created' ? 201 : 200).json(saved.saved);
  });

  // The user service relays a deleted account here until it is acknowledged (durable deletion):
  // every scenario of that account goes. A repeat finds nothing left and answers 204 as well.
  router.post(purgesPath, allowCallers(deps.logger, ...purgeSenders('history')), async (req, res) => {
    const instruction = req.body as PurgeInstruction;
    if (instruction.kind === 'account') {
      const removed = await deps.store.purgeOwner(instruction.ownerId);
      deps.logger.info({ purge: instruction.id, kind: instruction.kind, removed }, 'purge applied');
    }
    res.status(204).end();
  });

  // Social's decisions about reported scenarios, through its outbox: kept on the scenario, which
  // the internal read reports, so sharing stops showing a hidden one. A decision older than the
  // one applied, or about a scenario deleted since, changes nothing; all answer 204.
  router.post(moderationActionsPath, allowCallers(deps.logger, 'social'), async (req, res) => {
    const action = req.body as ModerationAction;
    if (action.target.kind !== 'scenario') {
      throw new HttpProblem(422, `The history service holds scenarios only, not a ${action.target.kind}.`, {
        type: 'unprocessable',
      });
    }
    const outcome = await deps.store.moderate(action.target.id, action);
    deps.logger.info(
      { moderationActionId: action.id, scenarioId: action.target.id, action: action.action, outcome },
      'moderation action',
    );
    res.status(204).end();
  });

  // For sharing, which shows a scenario to whoever holds a link: no user token, the scenario as
  // generated (never the owner's tags, favourite or rating) and whose it is.
  router.get('/internal/v1/scenarios/:id', allowCallers(deps.logger, 'sharing'), async (req, res) => {
    const id = String(req.params['id']);
    const owned = await deps.store.readOwned(id);
    if (!owned) throw new HttpProblem(404, `There is no saved scenario with the id ${id}.`);
    res.setHeader('Cache-Control', 'no-store');
    res.json(owned);
  });

  return router;
}
