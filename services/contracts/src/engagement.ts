import { z } from 'zod';
import { scenarioLanguages } from './scenario';

/**
 * What other services tell social about a user's activity, for experience points, streaks and
 * achievements: history when it saves a scenario a user generated, sharing when a user creates a
 * share link. Sent with `POST engagementEventsPath` (service-authenticated); social applies an
 * event id once, so a sender may repeat one freely.
 */
export const engagementEventsPath = '/internal/v1/engagement-events';

export const engagementEventKinds = ['scenario-saved', 'share-created'] as const;
export type EngagementEventKind = (typeof engagementEventKinds)[number];

export const engagementEventSchema = z.object({
  /** Chosen by the sender; a repeat with the same id changes nothing. */
  id: z.uuid(),
  kind: z.enum(engagementEventKinds),
  /** The account that acted (and earns the points). */
  userId: z.string().min(1).max(128),
  /** The scenario saved or shared. */
  scenarioId: z.string().min(1).max(128),
  /** The scenario's language (a first Vietnamese scenario is an achievement). */
  language: z.enum(scenarioLanguages).optional(),
  /** When it happened: the day it counts for (UTC), so an event delivered late keeps its day. */
  occurredAt: z.iso.datetime(),
});
export type EngagementEvent = z.infer<typeof engagementEventSchema>;
