import type { ScenarioLanguage } from '@what-if/contracts';
import type { Entity } from '../knowledge/entity';

/**
 * What a question is about, which decides the story's own logic: a state's history, a
 * process of nature, an invention, a place, a work of culture, how people live together, one
 * person's life, or a myth come true.
 */
export type Domain =
  'history' | 'nature' | 'technology' | 'places' | 'culture' | 'society' | 'personal' | 'myth';

export const domains: readonly Domain[] = [
  'history',
  'nature',
  'technology',
  'places',
  'culture',
  'society',
  'personal',
  'myth',
];

/**
 * The shape of the change the question asks about. The arc decides the story's polarity:
 * a world without something, a world where it lasted, a victory or a defeat, an arrival
 * out of its time, a new role or ability, a pause, or a personal choice.
 */
export type Arc =
  /** It never existed, was never invented, there was none. */
  | 'absent'
  /** It stopped or disappeared, for good. */
  | 'ended'
  /** It stopped for a while (`duration`) and came back. */
  | 'paused'
  /** It did not fall, die out or end: it lasted. */
  | 'endured'
  /** The subject won (against `object`). */
  | 'won'
  /** The subject lost, or did not defeat `object`. */
  | 'lost'
  /** It came earlier, later or somewhere else than it did. */
  | 'arrived'
  /** It took another role: "Tokyo had been the capital of a united Asia". */
  | 'became'
  /** It gained an ability or a property, or a legend turned out real. */
  | 'gained'
  /** A personal decision went the other way. */
  | 'chose';

/**
 * A point on a scenario's own clock: a calendar year; deep time in years before the present;
 * time elapsed since the change (minutes to years, for short events and undated changes); a
 * person's age.
 */
export type TimePoint =
  | { scale: 'year'; year: number }
  | { scale: 'deep'; yearsAgo: number }
  | { scale: 'elapsed'; unit: ElapsedUnit; amount: number }
  | { scale: 'age'; age: number };

export type ElapsedUnit = 'minute' | 'hour' | 'day' | 'week' | 'month' | 'year';

/** How long a temporary change lasts: "for a day", "trong một tuần". */
export interface Duration {
  unit: ElapsedUnit;
  amount: number;
}

/** A noun phrase of the question, with the entity it names when the writer knows it. */
export interface Phrase {
  /** As written in the question (pronouns turned to the reader). */
  text: string;
  entity?: Entity;
}

/** Everything read from the question before a word is written. */
export interface Frame {
  /** The language the question is written in (the answer's may differ). */
  language: ScenarioLanguage;
  /** The question without its "what if" frame. */
  core: string;
  subject: Phrase;
  /** The change as written, without its date or duration: "never fell", "stopped". */
  predicate: string;
  arc: Arc;
  /** The question denies something: not, never, no, without, không, chưa. */
  negated: boolean;
  /**
   * Who did what the question says was not done, when that is not the story's subject:
   * "humans" in "humans had never discovered fire", whose story is about fire.
   */
  agent?: Phrase;
  /** The other side of a battle, or the role the subject takes. */
  object?: Phrase;
  /** Where the change happens, when the question names a place: "Rome" in "invented in Rome". */
  place?: Phrase;
  /** A date the question names itself. */
  when?: TimePoint;
  duration?: Duration;
  age?: number;
  domain: Domain;
  /** The question is about the asker's own life. */
  personal: boolean;
  /** A follow-up such as "And then what happened to the Senate?": what it asks about, if anything. */
  followUp?: { focus?: Phrase };
}
