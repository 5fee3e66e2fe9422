import type { ServiceEntry } from '@what-if/catalog';

/**
 * The 5xx share (in percent) at which a service burns its 30-day error budget `burnRate`
 * times too fast: 0.1 % of budget for 99.9 % availability, times 14.4, is 1.44 %.
 */
export function errorRateThresholdPercent(entry: ServiceEntry, burnRate: number): number {
  const budgetPercent = (1 - entry.latency.availability) * 100;
  return Math.round(budgetPercent * burnRate * 1000) / 1000;
}
