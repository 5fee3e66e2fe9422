import { z } from 'zod';
import { shareSlugPattern } from './share-messages';

/**
 * What sharing tells social about one share, for trending (social's README, Trending): the
 * scenario it shares, when it was made, and its unique views per UTC day of the last
 * `shareSignalDays` days, counted as sharing counts them (one per visitor and day, bots left
 * out). It is the share's whole state, not a delta: `version` grows with every change, and
 * social keeps a snapshot only if it is newer than the one it holds, so a repeat, a late
 * delivery or two deliveries crossing leave the newest state in place.
 */
export function shareSignalsPath(slug: string): string {
  return `/internal/v1/share-signals/${encodeURIComponent(slug)}`;
}

/** The longest trending window: views older than this never count and are not sent. */
export const shareSignalDays = 30;

export const shareSignalsSchema = z.object({
  slug: z.string().regex(shareSlugPattern),
  scenarioId: z.string().min(1).max(128),
  /** When the share was created. */
  sharedAt: z.iso.datetime(),
  /** Grows with every change sharing records (a counted view); the newest wins. */
  version: z.number().int().min(1),
  /** Unique views per UTC day, days without views left out, oldest first. */
  views: z.array(z.object({ day: z.iso.date(), views: z.number().int().min(1) })).max(shareSignalDays + 1),
});
export type ShareSignals = z.infer<typeof shareSignalsSchema>;
