import { z } from 'zod';
import { moderationStatuses } from './moderation';
import { scenarioSchema } from './scenario';

/**
 * Generation saves a signed-in user's scenario in history with `PUT saveScenarioPath(scenario.id)`
 * and this body, as itself (a service token): it verified the user's access token and names the
 * user as `ownerId`.
 */
export function saveScenarioPath(id: string): string {
  return `/internal/v1/scenarios/${encodeURIComponent(id)}`;
}

export const saveScenarioRequestSchema = z.object({
  ownerId: z.string().min(1).max(128),
  scenario: scenarioSchema,
});
export type SaveScenarioRequest = z.infer<typeof saveScenarioRequestSchema>;

/**
 * A service that shows a user's scenario to others (sharing) reads it from history with
 * `GET ownedScenarioPath(id)`, service-authenticated: the scenario and whose it is, or 404.
 * The gateway never routes it.
 */
export function ownedScenarioPath(id: string): string {
  return saveScenarioPath(id);
}

export const ownedScenarioSchema = z.object({
  ownerId: z.string().min(1),
  scenario: scenarioSchema,
  /** What moderation decided about the scenario (social's queue); a reader shows only `visible`. */
  moderation: z.enum(moderationStatuses).optional(),
});
export type OwnedScenario = z.infer<typeof ownedScenarioSchema>;
