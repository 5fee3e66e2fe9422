import { type ShareAvailability, shareAvailabilityPath, shareAvailabilitySchema } from '@what-if/contracts';
import { HttpProblem, type ServiceClient, UpstreamError } from '@what-if/kit';
import type { VideoRecord } from './video';

type ShareStatus = ShareAvailability['status'];

/** Whether the videos made from a share may still be served. */
export interface ShareAvailabilityCheck {
  /** Throws the 410 problem a video made from a share that no longer shows it answers. */
  assertServable(record: VideoRecord): Promise<void>;
  /** The share's status for a video made from one (`available` for the caller's own scenarios). */
  statusOf(record: VideoRecord): Promise<ShareStatus>;
}

const withdrawnBecause: Record<Exclude<ShareStatus, 'available'>, string> = {
  missing: 'the share it was made from was deleted',
  revoked: 'the person who shared the scenario has withdrawn the link',
  expired: 'the link it was made from has expired',
  hidden: 'moderators have hidden the share it was made from while they review reports about it',
  removed: 'moderators have removed the share it was made from',
  deleted: 'the scenario it was made from was deleted',
};

/** The problem a withdrawn video answers on every read and download. */
export function withdrawnProblem(videoId: string, status: Exclude<ShareStatus, 'available'>): HttpProblem {
  return new HttpProblem(410, `The video ${videoId} is no longer available: ${withdrawnBecause[status]}.`, {
    type: 'video-withdrawn',
    title: 'Video withdrawn',
    extensions: { reason: status },
  });
}

/**
 * Sharing's word on a share, remembered per API replica for at most `cacheMs` (the catalog's
 * SHARE_CHECK_CACHE_SECONDS, 30 s by default): the bound on how late a moderator's hide, an
 * owner's revoke, an expiry or a deletion stops a video made from the share being served. When
 * sharing cannot answer, nothing made from a share is served (a 502/503 naming sharing).
 */
export function createShareAvailability(
  sharing: ServiceClient,
  cacheMs: number,
  now: () => number = Date.now,
): ShareAvailabilityCheck {
  const known = new Map<string, { status: ShareStatus; until: number }>();

  async function statusOfShare(slug: string): Promise<ShareStatus> {
    const cached = known.get(slug);
    if (cached && cached.until > now()) return cached.status;
    const response = await sharing.request<unknown>({ method: 'GET', path: shareAvailabilityPath(slug) });
    const parsed = shareAvailabilitySchema.safeParse(response.body);
    if (response.status !== 200 || !parsed.success) {
      throw new UpstreamError(
        'sharing',
        502,
        `The sharing service answered ${response.status} on whether share ${slug} is available.`,
      );
    }
    if (cacheMs > 0) {
      // Expired entries go when the map grows, so a long-running replica keeps only live ones.
      if (known.size > 10_000) for (const [key, entry] of known) if (entry.until <= now()) known.delete(key);
      known.set(slug, { status: parsed.data.status, until: now() + cacheMs });
    }
    return parsed.data.status;
  }

  return {
    statusOf: (record) => (record.shareSlug ? statusOfShare(record.shareSlug) : Promise.resolve('available')),
    async assertServable(record) {
      if (!record.shareSlug) return;
      const status = await statusOfShare(record.shareSlug);
      if (status !== 'available') throw withdrawnProblem(record.id, status);
    },
  };
}
