import { type Scenario, scenarioSchema } from '@what-if/contracts';
import { HttpProblem, type ServiceClient, UpstreamError } from '@what-if/kit';
import { z } from 'zod';

/** Where a video's scenario comes from: the caller's history, read as the caller. */
export interface ScenarioSource {
  /** The caller's scenario, or a 404 problem when they have none with that id. */
  read(scenarioId: string, authorization: string): Promise<Scenario>;
}

/** A scenario as history returns it: the contracts' scenario plus the owner's own fields (dropped). */
const storedScenarioSchema = scenarioSchema.extend({ tags: z.array(z.string()) });

/**
 * History's own read with the caller's token: history checks the token and the ownership, so
 * another user's scenario answers exactly as a missing one.
 */
export function createScenarioSource(history: ServiceClient): ScenarioSource {
  return {
    async read(scenarioId, authorization) {
      const response = await history.request<unknown>({
        method: 'GET',
        path: `/api/v1/scenarios/${encodeURIComponent(scenarioId)}`,
        headers: { authorization },
      });
      if (response.status === 404) {
        throw new HttpProblem(404, `You have no scenario with the id ${scenarioId}.`, {
          type: 'scenario-not-found',
          title: 'Scenario not found',
        });
      }
      if (response.status === 401) {
        throw new HttpProblem(401, 'The history service refused the access token; sign in again.', {
          type: 'invalid-token',
        });
      }
      const parsed = storedScenarioSchema.safeParse(response.body);
      if (response.status !== 200 || !parsed.success) {
        throw new UpstreamError(
          'history',
          502,
          `The history service answered ${response.status} for scenario ${scenarioId}.`,
        );
      }
      return parsed.data;
    },
  };
}
