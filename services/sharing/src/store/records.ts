import type { ModerationStatus, ScenarioLanguage } from '@what-if/contracts';

export const shareVisibilities = ['unlisted', 'public'] as const;
export type ShareVisibility = (typeof shareVisibilities)[number];

/** A share as stored: the link, its settings and its state; content comes from history on each read. */
export interface ShareItem {
  pk: string;
  sk: string;
  slug: string;
  ownerId: string;
  scenarioId: string;
  /** The scenario's own title and language, for the owner's list (history's scenario body never changes). */
  scenarioTitle: string;
  language: ScenarioLanguage;
  title?: string;
  description?: string;
  /** argon2id; absent when the share has no password. */
  passwordHash?: string;
  /** When the link stops answering (ISO 8601); absent: never. */
  linkExpiresAt?: string;
  visibility: ShareVisibility;
  revokedAt?: string;
  moderation: ModerationStatus;
  /** The decision time of the last moderation action applied: older or repeated actions change nothing. */
  moderationDecidedAt?: string;
  moderationReason?: string;
  /** Unique views, all time. */
  viewCount: number;
  createdAt: string;
  updatedAt: string;
  gsi1pk: string;
  gsi1sk: string;
  gsi2pk: string;
  gsi2sk: string;
  /** Housekeeping only: DynamoDB's TTL removes an expired or revoked link 30 days after it ended. */
  expiresAt?: number;
}

export type ShareState = 'live' | 'revoked' | 'expired';

/** Whether a link answers: revoked beats expired; moderation is reported separately. */
export function shareState(item: Pick<ShareItem, 'revokedAt' | 'linkExpiresAt'>, now: Date): ShareState {
  if (item.revokedAt) return 'revoked';
  if (item.linkExpiresAt && Date.parse(item.linkExpiresAt) <= now.getTime()) return 'expired';
  return 'live';
}

/** How long an ended link keeps answering 410 before DynamoDB's TTL may remove it. */
const endedLinkRetentionSeconds = 30 * 24 * 3600;

/** The TTL for a share: none while it may still answer, 30 days after it ended otherwise. */
export function shareTtl(item: Pick<ShareItem, 'revokedAt' | 'linkExpiresAt'>): number | undefined {
  const ended = item.revokedAt ?? item.linkExpiresAt;
  if (!ended) return undefined;
  return Math.floor(Date.parse(ended) / 1000) + endedLinkRetentionSeconds;
}
