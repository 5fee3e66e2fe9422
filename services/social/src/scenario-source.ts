import { HttpProblem, type ServiceClient, UpstreamError } from '@what-if/kit';
import { z } from 'zod';
import type { ScenarioPreview } from './store/post-records';

/** How much of a scenario's premise a post shows. */
export const excerptLength = 280;

/** The part of history's saved scenario a post shows. */
const savedScenarioSchema = z.object({
  id: z.string(),
  title: z.string(),
  question: z.string(),
  language: z.enum(['en', 'vi']),
  premise: z.string(),
});

function excerptOf(premise: string): string {
  if (premise.length <= excerptLength) return premise;
  const cut = premise.slice(0, excerptLength - 1);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > excerptLength / 2 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}

/** History as social uses it: the caller's own scenario, read with the caller's access token. */
export interface ScenarioSource {
  /** The caller's scenario, or a 404 problem when they have none with that id. */
  preview(scenarioId: string, authorization: string): Promise<ScenarioPreview>;
}

export function createScenarioSource(history: ServiceClient): ScenarioSource {
  return {
    async preview(scenarioId, authorization) {
      const response = await history.request<unknown>({
        method: 'GET',
        path: `/api/v1/scenarios/${encodeURIComponent(scenarioId)}`,
        headers: { authorization },
      });
      if (response.status === 404) {
        throw new HttpProblem(404, `You have no saved scenario with the id ${scenarioId} to publish.`, {
          type: 'scenario-not-found',
          title: 'Scenario not found',
        });
      }
      if (response.status === 401) {
        throw new HttpProblem(401, 'The history service refused the access token; sign in again.', {
          type: 'invalid-token',
        });
      }
      const parsed = savedScenarioSchema.safeParse(response.body);
      if (response.status !== 200 || !parsed.success) {
        throw new UpstreamError(
          'history',
          502,
          `The history service answered ${response.status} for scenario ${scenarioId}.`,
        );
      }
      const { id, title, question, language, premise } = parsed.data;
      return { id, title, question, language, excerpt: excerptOf(premise) };
    },
  };
}
