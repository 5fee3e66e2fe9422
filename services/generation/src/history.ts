import {
  type SaveScenarioRequest,
  type Scenario,
  saveScenarioPath,
  scenarioSchema,
} from '@what-if/contracts';
import { HttpProblem, type ServiceClient, UpstreamError } from '@what-if/kit';
import { z } from 'zod';

/** The history service as generation uses it: saving a user's scenario and reading one to continue. */
export interface History {
  /** Stores the scenario as the user's (idempotent by id, so the kit client may retry it). */
  save(scenario: Scenario, ownerId: string): Promise<void>;
  /** The caller's scenario, or a 404 problem when there is none of theirs with that id. */
  read(id: string, authorization: string): Promise<Scenario>;
}

/**
 * A scenario as history returns it: the contracts' scenario plus the owner's own fields
 * (dropped here), with tags as the owner edited them, which may be none.
 */
const storedScenarioSchema = scenarioSchema.extend({ tags: z.array(z.string()) });

export function createHistory(client: ServiceClient): History {
  return {
    async save(scenario, ownerId) {
      // As generation itself: the kit's client signs a service token for every /internal/ call.
      const response = await client.request({
        method: 'PUT',
        path: saveScenarioPath(scenario.id),
        body: { ownerId, scenario } satisfies SaveScenarioRequest,
        idempotent: true,
      });
      if (response.status === 200 || response.status === 201) return;
      // 401/403 is our own identity refused (a key or catalog mistake); 409 (an id of someone
      // else's) cannot happen with fresh UUIDs; anything else is history misbehaving.
      throw new UpstreamError(
        'history',
        502,
        `The history service refused to save the scenario (${response.status}).`,
      );
    },
    async read(id, authorization) {
      const response = await client.request<unknown>({
        method: 'GET',
        path: `/api/v1/scenarios/${encodeURIComponent(id)}`,
        headers: { authorization },
      });
      if (response.status === 404) {
        throw new HttpProblem(404, `You have no scenario with id ${id} to continue.`, {
          type: 'parent-not-found',
          title: 'Scenario to continue not found',
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
          `The history service answered ${response.status} for scenario ${id}.`,
        );
      }
      return parsed.data;
    },
  };
}
