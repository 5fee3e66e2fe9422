import type { ScenarioTone } from '@what-if/contracts';
import type { Arc, Domain } from '../reading/frame';

/**
 * How the story treats the change: a world without something (for good or for a while), a
 * world with something more or different, a contest with a winner and a loser, a life.
 */
export type Group = 'without' | 'pause' | 'with' | 'victory' | 'choice';

/**
 * The stories the writer knows how to tell: one per domain, plus nature told over deep time
 * or over hours and days, a short disruption of anything else, and a continuation.
 */
export type StoryName = Domain | 'nature-deep' | 'nature-short' | 'disruption' | 'continuation';

/**
 * Sentences with {slots}, filled from the question and the plan. The slots are words:
 *
 * | slot | value |
 * |---|---|
 * | `{subject}` | the question's subject: "the Roman Empire", "nhà Trần" |
 * | `{clause}` | the change as a past-tense clause: "the Roman Empire did not fall" |
 * | `{change}` | the change as a noun phrase: "the survival of the Roman Empire" |
 * | `{winner}` `{loser}` | the two sides of a contest (victory stories only) |
 * | `{role}` | the role the subject takes: "the capital of a united Asia" |
 * | `{duration}` | how long a pause lasts: "a day" |
 * | `{path}` `{otherPath}` | a life's road taken and the one turned down |
 * | `{startLabel}` `{endLabel}` | the first and last dates as nouns: "AD 476", "today", "hour 1" |
 * | `{recorded}` `{recordedWhen}` | what history records, and when: "Odoacer deposed…", "in AD 476" |
 * | `{motif}` `{secondMotif}` `{thirdMotif}` | things tied to the subject, rotating by passage |
 * | `{figure}` `{secondFigure}` | people of the story, real or invented |
 * | `{focus}` | what a follow-up asks about: "the Senate" |
 * | `{datedClause}` | the clause with the date or duration the question gave it: "the internet was invented in 1900" |
 * | `{parentWhen}` `{parentLabel}` | where a continuation picks up, spoken ("in AD 509") and as a noun ("AD 509") |
 * | `{parentTitle}` | the title of the scenario a continuation continues (same language only) |
 * | `{historicRole}` | a real person's role in our history (in `figures.knownTwist` only) |
 *
 * A sentence uses at most one of `{subject}`, `{clause}`, `{datedClause}`, `{change}` and
 * `{focus}` (and `{winner}` or `{loser}` only with each other), so it never names its subject
 * twice; a sentence's first letter is capitalised after filling.
 */
export type Templates = readonly string[];

/** Templates by group; `any` serves every group that has none of its own. */
export type ByGroup = Partial<Record<Group | 'any', Templates>>;

/** Templates by arc; `any` serves every arc that has none of its own. */
export type ByArc = Partial<Record<Arc | 'any', Templates>>;

export interface Story {
  /** Eight stages in story order; a shorter scenario skips some in the middle. */
  stages: readonly ByGroup[];
  divergence: ByGroup;
  /** The premise's second sentence: what is at stake in this kind of story. */
  stakes: ByGroup;
  consequences: { immediate: ByGroup; shortTerm: ByGroup; longTerm: ByGroup };
  /** Consequences across domains, when the story has a world with politics and culture in it. */
  byDomain?: { politics: ByGroup; technology: ByGroup; culture: ByGroup; dailyLife: ByGroup };
  /** Roles of invented people (templates too). */
  roles: Templates;
  /** What the story names when the writer does not know the subject. */
  motifs: readonly string[];
  /** Assumptions the scenario makes. */
  assumptions: ByGroup;
}

export interface PhraseBank {
  stories: Record<StoryName, Story>;
  titles: Record<Arc, Templates>;
  subtitles: Record<ScenarioTone, Templates>;
  premise: {
    /** When the writer knows what really happened: contrast it. */
    anchored: ByArc;
    free: ByArc;
    scope: Record<ScenarioTone, Templates>;
  };
  continuation: { title: Templates; premise: Templates };
  /** A tone's voice: a sentence added to some events. */
  asides: Record<'world' | 'nature' | 'life', Record<ScenarioTone, Templates>>;
  narration: {
    opening: Record<ScenarioTone, Templates>;
    bridge: Record<ScenarioTone, Templates>;
    closing: Record<ScenarioTone, Templates>;
  };
  figures: {
    /** Said of a real person: their role in our history, then in this one. */
    knownTwist: Templates;
    youRole: Templates;
  };
  tags: { domain: Record<Domain, string>; group: Record<Group, string>; tone: Record<ScenarioTone, string> };
}
