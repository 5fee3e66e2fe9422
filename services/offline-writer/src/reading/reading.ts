import type { Arc, Duration, TimePoint } from './frame';

/** What one language's reader takes from a question, before entities and domain are looked up. */
export interface Reading {
  core: string;
  subject: string;
  predicate: string;
  arc: Arc;
  negated: boolean;
  personal: boolean;
  object?: string;
  date?: TimePoint;
  duration?: Duration;
  age?: number;
  followUp?: { focus?: string };
  /** What the predicate says was made, found or written: "radium" in "had never discovered radium". */
  made?: string;
  /** Who did not make or find it, when the story is about the thing instead. */
  agent?: string;
}
