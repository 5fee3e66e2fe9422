import type { ScenarioCategory, ScenarioLanguage } from '@what-if/contracts';

/** What a question exercises, for the report's table by kind. */
export type Kind =
  | 'negation'
  | 'short event'
  | 'place'
  | 'invention'
  | 'person'
  | 'counterfactual date'
  | 'follow-up'
  | 'culture'
  | 'society'
  | 'personal'
  | 'nature'
  | 'fantasy'
  | 'other language';

/**
 * The clock a reader expects: hours to months for a short event, calendar years, calendar
 * years over centuries, deep time, a person's ages, or years counted from the change.
 */
export type Clock = 'hours' | 'calendar' | 'centuries' | 'deep' | 'ages' | 'years';

export interface EvalCase {
  question: string;
  kinds: readonly Kind[];
  /** The category the generation service must infer (for a follow-up: the parent's). */
  category: ScenarioCategory;
  /** The subject as the answer must name it, in the answer's language. */
  subject: RegExp;
  /** The question denies, stops or takes something away: the answer must say so. */
  negative?: boolean;
  /** What the answer must never say: the opposite of the question, or a stock phrase that does not fit it. */
  contradictions?: readonly RegExp[];
  clock: Clock;
  /** The answer's language, when the question asks for the other one. */
  language?: ScenarioLanguage;
  /** A continuation: the parent question, the timeline entry it branches from (default: the last), what it asks about. */
  followUp?: { parent: string; index?: number; focus: RegExp };
}
