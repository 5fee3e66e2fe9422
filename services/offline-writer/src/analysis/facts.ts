import type { ScenarioCategory, ScenarioLanguage } from '@what-if/contracts';

/**
 * A point in a scenario's own clock. Each scale reads differently: calendar years for history,
 * "years ago" for deep time, a person's age for a life, years since the change for a myth
 * come true, generations for a change in a living species.
 */
export type TimePoint =
  | { scale: 'year'; year: number }
  | { scale: 'deep'; yearsAgo: number }
  | { scale: 'age'; age: number }
  | { scale: 'epoch'; year: number }
  | { scale: 'generation'; generation: number };

/** The area of life a question touches first; it picks the vocabulary of consequences. */
export type Domain = 'politics' | 'war' | 'technology' | 'nature' | 'society' | 'life' | 'myth';

/**
 * What kind of change the question asks about: it decides the title's angle, the plausibility
 * and how the first consequences are phrased.
 */
export type ChangeKind = 'survived' | 'never-existed' | 'won' | 'lost' | 'shifted' | 'became' | 'gained';

/** Where invented people come from, so a Roman chronicler is not called Nguyễn Văn An. */
export type NameCulture = 'english' | 'latin' | 'french' | 'german' | 'vietnamese' | 'japanese' | 'mongol';

export type Bilingual<T> = Record<ScenarioLanguage, T>;

export interface KnownFigure {
  name: Bilingual<string>;
  /** Who they were in the history we know. */
  role: Bilingual<string>;
}

/** A well-known event or entity a question can be about, with what history records of it. */
export interface Anchor {
  id: string;
  patterns: Bilingual<RegExp>;
  name: Bilingual<string>;
  time: TimePoint;
  domain: Domain;
  /** What actually happened at that point, as a clause ("Odoacer deposed the last emperor in the West"). */
  recorded: Bilingual<string>;
  /** Things, places and groups tied to the subject, for events and consequences to name. */
  motifs: Bilingual<string[]>;
  figures: KnownFigure[];
  culture: Bilingual<NameCulture>;
  /** For myths come true: what the years are counted from ("the First Flight"). */
  epoch?: Bilingual<string>;
}

/** Everything the local provider knows about a question before it writes a word. */
export interface QuestionFacts {
  language: ScenarioLanguage;
  category: ScenarioCategory;
  /** The noun phrase that changes, as the reader will see it ("the Roman Empire", "you"). */
  subject: string;
  /** The counterfactual change ("never fell", "had become a doctor instead of a musician"). */
  change: string;
  /** Subject and change as one clause, pronouns turned towards the reader. */
  clause: string;
  kind: ChangeKind;
  domain: Domain;
  /** Where the scenario's clock starts. */
  start: TimePoint;
  /** True when the question named its own date or age rather than the anchor's. */
  explicitTime: boolean;
  anchor?: Anchor;
  culture: NameCulture;
  personal: boolean;
}
