import { z } from 'zod';
import { scenarioSchema } from './scenario';

/**
 * Generation saves a signed-in user's scenario in history with
 * `PUT saveScenarioPath(scenario.id)` and this body, forwarding the user's access token.
 */
export function saveScenarioPath(id: string): string {
  return `/internal/v1/scenarios/${encodeURIComponent(id)}`;
}

export const saveScenarioRequestSchema = z.object({ scenario: scenarioSchema });
export type SaveScenarioRequest = z.infer<typeof saveScenarioRequestSchema>;
