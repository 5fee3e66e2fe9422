import { z } from 'zod';
import { scenarioSchema } from './scenario';

/**
 * A service that makes something of a shared scenario for a signed-in viewer (video) asks
 * sharing, as itself (a service token), with the checks a visitor of the share page passes:
 * the share exists, is live (not revoked or expired), moderation has not hidden or removed it,
 * its scenario still exists, and, for a protected share, the password (with the page's limits).
 */
export const shareSlugPattern = /^[A-Za-z0-9_-]{12}$/;

/** Why a share shows nothing any more: what its page says, and what a derived copy obeys. */
export const shareGoneReasons = ['revoked', 'expired', 'hidden', 'removed', 'deleted'] as const;
export type ShareGoneReason = (typeof shareGoneReasons)[number];

/** `POST openSharePath(slug)`: the scenario behind a share, opened as the viewer would open it. */
export function openSharePath(slug: string): string {
  return `/internal/v1/shares/${encodeURIComponent(slug)}/open`;
}

export const openShareRequestSchema = z.object({
  /** The signed-in viewer: wrong passwords count against them as against a page visitor's address. */
  viewerId: z.string().min(1).max(128),
  password: z.string().min(1).max(200).optional(),
});
export type OpenShareRequest = z.infer<typeof openShareRequestSchema>;

export const openedShareSchema = z.object({
  slug: z.string().regex(shareSlugPattern),
  ownerId: z.string().min(1),
  scenario: scenarioSchema,
});
export type OpenedShare = z.infer<typeof openedShareSchema>;

/**
 * `GET shareAvailabilityPath(slug)`: whether the share still shows its scenario (no password
 * asked: the caller checked it when it opened the share). A copy made from a share (a video)
 * is served only while this says `available`, so a hide, removal, revoke, expiry or deletion
 * reaches the copy too.
 */
export function shareAvailabilityPath(slug: string): string {
  return `/internal/v1/shares/${encodeURIComponent(slug)}/availability`;
}

export const shareAvailabilitySchema = z.object({
  slug: z.string().min(1),
  status: z.enum(['available', 'missing', ...shareGoneReasons]),
});
export type ShareAvailability = z.infer<typeof shareAvailabilitySchema>;
