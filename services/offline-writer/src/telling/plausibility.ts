import type { Frame } from '../reading/frame';

/** Changes that break biology or physics as we know it, not just history. */
const impossibleAbilities =
  /photosynth|immortal|teleport|fly\b|gills|telepath|invisible|read minds|quang hợp|bất tử|dịch chuyển|bay được|tàng hình|đọc suy nghĩ/i;

/**
 * How close the change stays to known history and physics, 1 to 10: a lost battle or a
 * different career is a small step; an invention centuries early is a long one; a dragon is myth.
 */
export function plausibilityScore(frame: Frame): number {
  if (frame.domain === 'myth') return 1;
  if (frame.personal) return 8;
  if (impossibleAbilities.test(frame.core)) return 2;
  const known = frame.subject.entity?.time;
  if (frame.arc === 'arrived' && known?.scale === 'year' && frame.when?.scale === 'year') {
    const yearsEarly = Math.abs(known.year - frame.when.year);
    if (yearsEarly > 400) return 2;
    if (yearsEarly > 100) return 3;
    if (yearsEarly > 30) return 5;
    return 7;
  }
  if (frame.domain === 'nature') return frame.arc === 'paused' ? 3 : frame.arc === 'endured' ? 5 : 3;
  const byArc = {
    won: 7,
    lost: 7,
    endured: 5,
    absent: 4,
    ended: 5,
    paused: 4,
    arrived: 5,
    became: 5,
    gained: 4,
    chose: 8,
  } as const;
  return byArc[frame.arc];
}
