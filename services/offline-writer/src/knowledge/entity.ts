import type { ScenarioLanguage } from '@what-if/contracts';
import type { Domain, TimePoint } from '../reading/frame';

export type Bilingual<T> = Record<ScenarioLanguage, T>;

/** Where invented people come from, so a Roman chronicler is not called Nguyễn Văn An. */
export type NameCulture =
  | 'english'
  | 'latin'
  | 'french'
  | 'german'
  | 'vietnamese'
  | 'japanese'
  | 'mongol'
  | 'chinese'
  | 'greek'
  | 'arabic'
  | 'italian'
  | 'spanish';

/**
 * What kind of thing an entity is, which decides how the writer can speak of it: a state can
 * fall, a battle can be lost, a process can stop, a body can be missing from the sky.
 */
export type EntityKind =
  | 'state'
  | 'people'
  | 'person'
  | 'battle'
  | 'war'
  | 'event'
  | 'process'
  | 'body'
  | 'species'
  | 'invention'
  | 'place'
  | 'work'
  | 'movement'
  | 'institution'
  | 'substance'
  | 'creature';

export interface KnownFigure {
  name: Bilingual<string>;
  /** Who they were in the history we know. */
  role: Bilingual<string>;
}

/** Something a question can name, known in both languages, with what history records of it. */
export interface Entity {
  id: string;
  kind: EntityKind;
  /** Matched against the question in its own language first, then in the other. */
  patterns: Bilingual<RegExp>;
  /** As the subject of a sentence: "the Roman Empire", "Đế chế La Mã". */
  name: Bilingual<string>;
  /** Takes a plural verb in English ("the Mongols were"). */
  plural?: boolean;
  /** When it happened, began or was invented in our history. */
  time?: TimePoint;
  domain: Domain;
  /** What actually happened at `time`, as a clause: "Odoacer deposed the last emperor in the West". */
  recorded?: Bilingual<string>;
  /** Things, places and groups tied to it, for the story to name. Plain noun phrases. */
  motifs: Bilingual<string[]>;
  figures?: KnownFigure[];
  culture?: NameCulture;
  /** A place of nature (a desert, a river, a sea) rather than of people: questions about it are science. */
  physical?: boolean;
  /** The other side of a battle or war, for a question that names only one. */
  opponent?: Bilingual<string>;
  /**
   * Sentences of what its absence does, in story order (first the immediate, physical
   * effects, then the slower ones): said only when the question takes it away.
   */
  withoutIt?: Bilingual<string[]>;
}

/**
 * A pattern of whole words: the alternatives may not sit inside a longer word. Unicode-aware,
 * because `\b` only knows ASCII letters and misfires around "đ" or "ồ".
 */
export function words(alternatives: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives})(?![\\p{L}\\p{N}])`, 'iu');
}

interface Side {
  name: string;
  /** Alternatives for `words`. */
  match: string;
  motifs: string[];
  recorded?: string;
  opponent?: string;
  withoutIt?: string[];
}

/** An entity from its two sides, English and Vietnamese, written next to each other. */
export function entity(
  id: string,
  kind: EntityKind,
  domain: Domain,
  sides: { en: Side; vi: Side },
  extra: Pick<Entity, 'time' | 'figures' | 'culture' | 'plural' | 'physical'> = {},
): Entity {
  const { en, vi } = sides;
  return {
    id,
    kind,
    domain,
    patterns: { en: words(en.match), vi: words(vi.match) },
    name: { en: en.name, vi: vi.name },
    motifs: { en: en.motifs, vi: vi.motifs },
    ...(en.recorded && vi.recorded ? { recorded: { en: en.recorded, vi: vi.recorded } } : {}),
    ...(en.opponent && vi.opponent ? { opponent: { en: en.opponent, vi: vi.opponent } } : {}),
    ...(en.withoutIt && vi.withoutIt ? { withoutIt: { en: en.withoutIt, vi: vi.withoutIt } } : {}),
    ...extra,
  };
}

export const year = (value: number): TimePoint => ({ scale: 'year', year: value });
export const yearsAgo = (value: number): TimePoint => ({ scale: 'deep', yearsAgo: value });
