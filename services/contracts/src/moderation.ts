import { createHash } from 'node:crypto';
import { isIP } from 'node:net';
import { z } from 'zod';

/**
 * The one moderation queue (docs/cross-service.md §3): a service that takes a report sends it to
 * social with `POST reportsPath` (service-authenticated, idempotent by the report's id, kept in
 * the sender's outbox until social acknowledges); social decides and tells the owning service
 * with `POST moderationActionsPath` through its own outbox.
 */
export const reportsPath = '/internal/v1/reports';
export const moderationActionsPath = '/internal/v1/moderation-actions';

/** What can be reported, and which service owns (and hides) each kind. */
export const moderationTargetKinds = ['share', 'scenario', 'post', 'comment'] as const;
export type ModerationTargetKind = (typeof moderationTargetKinds)[number];
export const moderationTargetOwners = {
  share: 'sharing',
  scenario: 'history',
  post: 'social',
  comment: 'social',
} as const satisfies Record<ModerationTargetKind, string>;
export type ModerationTargetOwner = (typeof moderationTargetOwners)[ModerationTargetKind];

export const reportReasons = [
  'spam',
  'harassment',
  'hate',
  'violence',
  'sexual',
  'misinformation',
  'copyright',
  'other',
] as const;
export type ReportReason = (typeof reportReasons)[number];

/** What a decision does to the content: `warn` leaves it as it is and tells its owner. */
export const moderationActionKinds = ['hide', 'restore', 'remove', 'warn'] as const;
export type ModerationActionKind = (typeof moderationActionKinds)[number];

/** The status the owning service keeps on the content and checks on every read. */
export const moderationStatuses = ['visible', 'hidden', 'removed'] as const;
export type ModerationStatus = (typeof moderationStatuses)[number];

const contentId = z.string().min(1).max(128);

export const reportSubmissionSchema = z.object({
  /** Chosen by the service that took the report; a repeat with the same id changes nothing. */
  id: z.uuid(),
  target: z.object({
    service: z.enum(['sharing', 'history', 'social']),
    kind: z.enum(moderationTargetKinds),
    id: contentId,
  }),
  /** The account that owns the reported content: who is told about a decision. */
  ownerId: z.uuid(),
  reporter: z.object({
    /** Absent for a report taken from someone not signed in. */
    userId: z.uuid().optional(),
    /** `visitorHash(ip)`: the reporter's network, so reports from one range count as one voice. */
    visitorHash: z.string().regex(/^[0-9a-f]{64}$/),
    /** When the reporter's account was made; reports from very new accounts weigh less. */
    accountCreatedAt: z.iso.datetime().optional(),
  }),
  reason: z.enum(reportReasons),
  note: z.string().max(1000).optional(),
  reportedAt: z.iso.datetime(),
});
export type ReportSubmission = z.infer<typeof reportSubmissionSchema>;

export const moderationActionSchema = z.object({
  /** Unique per decision; the owning service applies each id once. */
  id: z.uuid(),
  target: z.object({ kind: z.enum(moderationTargetKinds), id: contentId }),
  action: z.enum(moderationActionKinds),
  /** Why, in words the owner is shown. */
  reason: z.string().min(1).max(500),
  /** Absent when the rules decided (an automatic hide at the report threshold). */
  moderatorId: z.uuid().optional(),
  decidedAt: z.iso.datetime(),
});
export type ModerationAction = z.infer<typeof moderationActionSchema>;

/**
 * The reporter's network as every service hashes it: the IPv4 /24 or the IPv6 /48 a client
 * address belongs to, SHA-256 in hex. One household or office, or one attacker's block, is one
 * value, whoever in it reports; the address itself never leaves the service that saw it.
 */
export function visitorHash(ip: string): string {
  return createHash('sha256')
    .update(`what-if:reporter-network:${reporterNetwork(ip)}`)
    .digest('hex');
}

function reporterNetwork(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip)?.[1];
  const address = mapped ?? ip;
  if (isIP(address) === 4) return `${address.split('.').slice(0, 3).join('.')}.0/24`;
  if (isIP(address) === 6) return `${expandIpv6(address).slice(0, 3).join(':')}::/48`;
  return `unknown:${address}`;
}

function expandIpv6(address: string): string[] {
  const [head = '', tail] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const missing = tail === undefined ? 0 : 8 - left.length - right.length;
  return [...left, ...Array<string>(missing).fill('0'), ...right].map((group) =>
    group.toLowerCase().replace(/^0+(?=.)/, ''),
  );
}
