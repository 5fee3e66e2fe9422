/** The UTC day of a time, `YYYY-MM-DD`: streaks, caps and the rolling windows count in these. */
export const utcDay = (at: Date): string => at.toISOString().slice(0, 10);

export const addDays = (day: string, days: number): string =>
  new Date(Date.parse(`${day}T00:00:00.000Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The rolling windows of the leaderboard, in days (today included). */
export const windowDays = { '7d': 7, '30d': 30 } as const;
