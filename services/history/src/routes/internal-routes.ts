import type { SaveScenarioRequest } from '@what-if/contracts';
import {
  HttpProblem,
  authenticate,
  logSecurityEvent,
  requirePrincipal,
  validationProblem,
} from '@what-if/kit';
import { Router } from 'express';
import type { HistoryDependencies } from '../dependencies';

/**
 * For other services (no catalog route leads here; the network keeps it internal):
 * generation saves a scenario for the user whose access token it forwards (safe to retry: the
 * id decides, so a retry never makes a second row); sharing reads a scenario and its owner.
 */
export function internalRoutes(deps: HistoryDependencies): Router {
  const router = Router();
  const signedIn = authenticate({ verifier: deps.verifier, logger: deps.logger, required: true });

  router.put('/internal/v1/scenarios/:id', signedIn, async (req, res) => {
    const owner = requirePrincipal(res);
    // The contract's Scenario is the contracts' scenarioSchema (a test keeps them equal): checked once, there.
    const { scenario } = req.body as SaveScenarioRequest;
    if (scenario.id !== req.params['id']) {
      throw validationProblem([{ path: '/body/scenario/id', message: 'must equal the id in the path' }]);
    }
    const saved = await deps.store.save(owner.userId, scenario);
    deps.metrics.saves.inc({ outcome: saved.outcome === 'owned-by-another' ? 'conflict' : saved.outcome });
    if (saved.outcome === 'owned-by-another') {
      logSecurityEvent(deps.logger, 'authorization', 'denied', {
        userId: owner.userId,
        reason: 'scenario id held by another user',
        path: req.path,
      });
      throw new HttpProblem(
        409,
        `Another user's scenario already has the id ${scenario.id}; save it under a new id.`,
      );
    }
    res.setHeader('Cache-Control', 'no-store');
    res.status(saved.outcome === 'created' ? 201 : 200).json(saved.saved);
  });

  // For sharing, which shows a scenario to whoever holds a link: no user token, the scenario as
  // generated (never the owner's tags, favourite or rating) and whose it is.
  router.get('/internal/v1/scenarios/:id', async (req, res) => {
    const id = String(req.params['id']);
    const owned = await deps.store.readOwned(id);
    if (!owned) throw new HttpProblem(404, `There is no saved scenario with the id ${id}.`);
    res.setHeader('Cache-Control', 'no-store');
    res.json(owned);
  });

  return router;
}
