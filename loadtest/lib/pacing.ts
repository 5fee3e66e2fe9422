/** Think times and the odds of each optional step, the same way in every journey. */
import { sleep } from 'k6';
import { config } from './config.ts';

/** Pauses as a person would, for `seconds` give or take half, scaled by THINK_TIME_SCALE. */
export function think(seconds: number): void {
  const pause = seconds * (0.5 + Math.random()) * config.thinkTimeScale;
  if (pause > 0) sleep(pause);
}

/**
 * Whether an optional step happens this iteration. The smoke profile takes every step, so
 * one iteration exercises every route (and every threshold has samples).
 */
export function chance(probability: number): boolean {
  return config.profile === 'smoke' || Math.random() < probability;
}

export function pick<T>(items: readonly T[]): T | undefined {
  return items.length === 0 ? undefined : items[Math.floor(Math.random() * items.length)];
}
