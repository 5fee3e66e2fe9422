import type { QuestionFacts } from './analysis';

/** Changes that break biology or physics as we know it, not just history. */
const impossibleAbilities =
  /photosynth|immortal|teleport|fly\b|gills|telepath|invisible|quang hợp|bất tử|dịch chuyển|bay được|tàng hình/i;

/**
 * How close the change stays to known history and physics, 1 to 10: a lost battle or a
 * different career is a small step; an invention centuries early is a long one; a dragon is myth.
 */
export function plausibilityScore(facts: QuestionFacts): number {
  if (facts.category === 'fantasy' || facts.domain === 'myth') return 1;
  if (facts.personal) return facts.kind === 'became' ? 9 : 8;
  if (impossibleAbilities.test(facts.change)) return 2;
  if (
    facts.kind === 'shifted' &&
    facts.anchor &&
    facts.anchor.time.scale === 'year' &&
    facts.start.scale === 'year'
  ) {
    const yearsEarly = Math.abs(facts.anchor.time.year - facts.start.year);
    if (yearsEarly > 400) return 2;
    if (yearsEarly > 100) return 3;
    if (yearsEarly > 30) return 5;
    return 7;
  }
  if (facts.start.scale === 'deep') return 4;
  const byKind = {
    won: 7,
    lost: 7,
    survived: 5,
    'never-existed': 3,
    shifted: 5,
    became: 8,
    gained: 4,
  } as const;
  return byKind[facts.kind];
}
