/**
 * A level from experience points, the curve as data: level 1 at 0 points, and each level needs
 * `stepIncrease` more points than the step before it, starting with `firstStep` from level 1 to
 * 2. With 100 and 100 the thresholds are 0, 100, 300, 600, 1000, 1500 … : level L starts at
 * 50·L·(L−1) points, so early levels come in a day and later ones take weeks.
 */
export const levelCurve = { firstStep: 100, stepIncrease: 100 } as const;

/** The points at which a level starts. */
export function levelThreshold(level: number): number {
  const steps = level - 1;
  return steps * levelCurve.firstStep + ((steps * (steps - 1)) / 2) * levelCurve.stepIncrease;
}

export interface LevelStanding {
  level: number;
  /** Where the current level started, and where the next one starts. */
  levelStartsAt: number;
  nextLevelAt: number;
}

export function levelFor(points: number): LevelStanding {
  let level = 1;
  while (levelThreshold(level + 1) <= points) level += 1;
  return { level, levelStartsAt: levelThreshold(level), nextLevelAt: levelThreshold(level + 1) };
}
