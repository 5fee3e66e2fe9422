import type { ScenarioTone } from '@what-if/contracts';
import type { ChangeKind, Domain } from '../analysis';

/**
 * How a scenario's story unfolds: a world of states and markets, a deep-time biosphere,
 * one person's life. Each has its own stages; a myth or a changed species is told as a world.
 */
export type StoryFamily = 'world' | 'deep' | 'life';

/**
 * Templates use {slots} filled from the question's facts: {S} subject, {Cpast} subject and
 * change as a past-tense clause, {X} the change, {start} and {end} the spoken first and last
 * dates, {when} the entry's own date, {m1}..{m3} motifs, {f1} {f2} figures, {recorded} what
 * history records, {epoch} what a myth's years count from. A sentence's first letter is
 * capitalised after filling, so templates may start with a lower-case slot.
 */
export type Templates = readonly string[];

export interface PhraseBank {
  titles: Record<ChangeKind, Templates>;
  titleSubtitles: Record<ScenarioTone, Templates>;
  premise: {
    anchored: Templates;
    free: Record<StoryFamily, Templates>;
    stakes: Record<Domain, Templates>;
    scope: Record<ScenarioTone, Templates>;
  };
  divergence: { anchored: Templates; free: Record<StoryFamily, Templates> };
  /** Stage by stage, in story order; a short scenario skips the middle ones. */
  timeline: Record<StoryFamily, readonly Templates[]>;
  continuation: { title: Templates; premise: Templates; divergence: Templates; firstEntry: Templates };
  /** A tone's voice: a sentence added to some events, in words that fit the kind of story. */
  asides: Record<StoryFamily, Record<ScenarioTone, Templates>>;
  consequences: Record<StoryFamily, { immediate: Templates; shortTerm: Templates; longTerm: Templates }>;
  byDomain: { politics: Templates; technology: Templates; culture: Templates; dailyLife: Templates };
  figures: {
    /** Said of a real person: their historical role, then what the scenario makes of them. */
    knownTwist: Record<'world' | 'deep', Templates>;
    inventedRoles: Record<StoryFamily, Templates>;
    youRole: Templates;
  };
  plausibility: { byKind: Record<ChangeKind, Templates>; byFamily: Record<StoryFamily, Templates> };
  narration: {
    opening: Record<ScenarioTone, Templates>;
    bridge: Record<ScenarioTone, Templates>;
    closing: Record<ScenarioTone, Templates>;
  };
  /** Motifs for subjects the gazetteer does not know. */
  domainMotifs: Record<Domain, readonly string[]>;
  tags: {
    family: Record<StoryFamily, readonly string[]>;
    domain: Record<Domain, string>;
    tone: Record<ScenarioTone, string>;
  };
}
